import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  benefitOutcomes,
  benefits,
  partners,
  projects,
  type PartnerStatus,
  type ProjectStatus,
} from "~db/schema";
import { loader as listLoader } from "~/routes/_app.benefits._index";
import { loader as csvLoader } from "~/routes/benefits[.]csv";
import { action as newAction, loader as newLoader } from "~/routes/_app.benefits.new";
import { action as editAction, loader as editLoader } from "~/routes/_app.benefits.$benefitId.edit";
import { loader as pageLoader } from "~/routes/_app.benefits.$benefitId._index";
import { action as deleteAction, loader as deleteLoader } from "~/routes/_app.benefits.$benefitId.delete";
import { loader as historyLoader } from "~/routes/_app.history.$recordType.$recordId";
import { db } from "~/utils/db.server";
import { load, submit } from "./support/requests";
import { signedInUser } from "./support/factories";
import { listHistory } from "~/models/audit.server";

/** A valid benefit form, as a browser would post it. */
function benefitFormData(overrides: Record<string, string | string[]> = {}) {
  return {
    beneficiary: "users",
    description: "Eight adult learners gave their first talk in the gallery.",
    date: "2026-03-12",
    partnerId: "",
    projectId: "",
    source: "observation",
    outcomes: ["glo_skills", "glo_attitudes"],
    ...overrides,
  };
}

function insertPartner(name: string, status: PartnerStatus = "active") {
  return db.insert(partners).values({ name, type: "college", status }).returning({ id: partners.id }).get()
    .id;
}

function insertProject(title: string, status: ProjectStatus = "active") {
  return db.insert(projects).values({ title, status }).returning({ id: projects.id }).get().id;
}

async function addBenefit(cookie: string, overrides: Record<string, string | string[]> = {}) {
  const result = await submit(newAction, { path: "/benefits/new", cookie, form: benefitFormData(overrides) });
  expect(result.status).toBe(302);
  return Number(result.location!.match(/\/benefits\/(\d+)/)![1]);
}

type Row = { id: number; summary: string };
const summaries = (rows: Row[]) => rows.map((r) => r.summary);

describe("recording benefits", () => {
  it("records a benefit with its outcomes, partner and project, and shows it all on its page", async () => {
    const admin = await signedInUser("admin");
    const partnerId = insertPartner("Riverside College");
    const projectId = insertProject("Voices of the River");
    const result = await submit(newAction, {
      path: "/benefits/new",
      cookie: admin.cookie,
      form: benefitFormData({
        partnerId: String(partnerId),
        projectId: String(projectId),
        source: "feedback",
        outcomes: ["gso_health", "glo_knowledge", "glo_skills"],
      }),
    });
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/^\/benefits\/\d+\?notice=created$/);
    const id = Number(result.location!.match(/\/benefits\/(\d+)/)![1]);
    const page = await load(pageLoader, {
      path: `/benefits/${id}`,
      params: { benefitId: String(id) },
      cookie: admin.cookie,
    });
    expect(page.status).toBe(200);
    expect(page.data.benefit).toMatchObject({
      beneficiary: "users",
      description: "Eight adult learners gave their first talk in the gallery.",
      date: "2026-03-12",
      source: "feedback",
    });
    expect(page.data.outcomes).toEqual(["glo_knowledge", "glo_skills", "gso_health"]);
    expect(page.data.partner).toEqual({ id: partnerId, name: "Riverside College" });
    expect(page.data.project).toEqual({ id: projectId, title: "Voices of the River" });
    expect(page.data.history).toHaveLength(1);
    expect(page.data.history[0].action).toBe("create");
    expect(page.data.history[0]).not.toHaveProperty("changes");
    expect(listHistory({ type: "benefit", id: id })[0].changes.outcomes).toEqual([
      null,
      "Knowledge and understanding; Skills; Health and well-being",
    ]);

    const history = await load(historyLoader, {
      path: `/history/benefit/${id}`,
      params: { recordType: "benefit", recordId: String(id) },
      cookie: admin.cookie,
    });
    expect(history.data.label).toBe("Eight adult learners gave their first talk in the gallery.");
  });

  it("replaces the outcomes on edit and records the change in words", async () => {
    const admin = await signedInUser("admin");
    const id = await addBenefit(admin.cookie);
    const params = { benefitId: String(id) };
    const form = await load(editLoader, { path: `/benefits/${id}/edit`, params, cookie: admin.cookie });
    expect(form.data.benefit.outcomes).toEqual(["glo_skills", "glo_attitudes"]);
    const edited = await submit(editAction, {
      path: `/benefits/${id}/edit`,
      params,
      cookie: admin.cookie,
      form: benefitFormData({ outcomes: ["gso_communities", "glo_enjoyment"], beneficiary: "staff" }),
    });
    expect(edited.location).toBe(`/benefits/${id}?notice=saved`);
    const stored = db
      .select({ outcome: benefitOutcomes.outcome })
      .from(benefitOutcomes)
      .where(eq(benefitOutcomes.benefitId, id))
      .all()
      .map((r) => r.outcome)
      .sort();
    expect(stored).toEqual(["glo_enjoyment", "gso_communities"]);
    const history = await load(historyLoader, {
      path: `/history/benefit/${id}`,
      params: { recordType: "benefit", recordId: String(id) },
      cookie: admin.cookie,
    });
    expect(history.data.history[0].changes).toEqual({
      beneficiary: ["users", "staff"],
      outcomes: [
        "Skills; Attitudes and values",
        "Enjoyment, inspiration and creativity; Stronger and safer communities",
      ],
    });

    // Unticking every outcome removes them all.
    await submit(editAction, {
      path: `/benefits/${id}/edit`,
      params,
      cookie: admin.cookie,
      form: benefitFormData({ outcomes: [], beneficiary: "staff" }),
    });
    const page = await load(pageLoader, { path: `/benefits/${id}`, params, cookie: admin.cookie });
    expect(page.data.outcomes).toEqual([]);
  });

  it("chooses the partner and project given in the address, and offers only current projects", async () => {
    const editor = await signedInUser("editor");
    const endedPartner = insertPartner("Old Friends Group", "ended");
    insertPartner("Another Ended Partner", "ended");
    const activePartner = insertPartner("Riverside College");
    const finished = insertProject("Finished Project", "completed");
    insertProject("Cancelled Project", "cancelled");
    const planned = insertProject("Planned Project", "planned");

    const plain = await load(newLoader, { path: "/benefits/new", cookie: editor.cookie });
    expect(plain.data.partner).toBeNull();
    expect(plain.data.project).toBeNull();
    expect(plain.data.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(plain.data.partners.map((p: { id: number }) => p.id)).toEqual([activePartner]);
    expect(plain.data.projects).toEqual([{ id: planned, title: "Planned Project" }]);

    const prefilled = await load(newLoader, {
      path: `/benefits/new?partnerId=${endedPartner}&projectId=${finished}`,
      cookie: editor.cookie,
    });
    expect(prefilled.data.partner).toEqual({ id: endedPartner, name: "Old Friends Group" });
    expect(prefilled.data.project).toEqual({ id: finished, title: "Finished Project" });
    expect(prefilled.data.partners.map((p: { name: string }) => p.name)).toEqual([
      "Old Friends Group",
      "Riverside College",
    ]);
    expect(prefilled.data.projects.map((p: { title: string }) => p.title)).toEqual([
      "Finished Project",
      "Planned Project",
    ]);

    const unknown = await load(newLoader, {
      path: "/benefits/new?partnerId=9999&projectId=abc",
      cookie: editor.cookie,
    });
    expect(unknown.status).toBe(200);
    expect(unknown.data.partner).toBeNull();
    expect(unknown.data.project).toBeNull();
  });

  it("explains each invalid field and keeps every typed value, ticked outcomes included", async () => {
    const editor = await signedInUser("editor");
    const result = await submit(newAction, {
      path: "/benefits/new",
      cookie: editor.cookie,
      form: benefitFormData({
        beneficiary: "",
        description: "   ",
        date: "",
        source: "rumour",
        partnerId: "abc",
        outcomes: ["glo_knowledge", "gso_health"],
      }),
    });
    expect(result.status).toBe(400);
    expect(result.data.errors).toEqual({
      beneficiary: ["Choose who benefits."],
      description: ["Enter what the benefit was."],
      date: ["Enter the date of the benefit."],
      partnerId: ["Choose a partner from the list."],
      source: ["Choose how you know about the benefit."],
    });
    expect(result.data.values).toMatchObject({
      source: "rumour",
      partnerId: "abc",
      outcomes: ["glo_knowledge", "gso_health"],
    });

    const more = await submit(newAction, {
      path: "/benefits/new",
      cookie: editor.cookie,
      form: benefitFormData({
        description: "x".repeat(2001),
        date: "2026-02-30",
        outcomes: ["glo_knowledge", "glo_nonsense"],
      }),
    });
    expect(more.status).toBe(400);
    expect(more.data.errors).toEqual({
      description: ["Use at most 2000 characters."],
      date: ["Enter a real date, like 23/11/2026."],
      outcomes: ["Choose outcomes from the list."],
    });
    expect(more.data.values.outcomes).toEqual(["glo_knowledge", "glo_nonsense"]);
    expect(db.select().from(benefits).all()).toHaveLength(0);
  });

  it("accepts a UK-style date and a single ticked outcome", async () => {
    const editor = await signedInUser("editor");
    const id = await addBenefit(editor.cookie, { date: "5/3/2026", outcomes: "gso_public_life" });
    const page = await load(pageLoader, {
      path: `/benefits/${id}`,
      params: { benefitId: String(id) },
      cookie: editor.cookie,
    });
    expect(page.data.benefit.date).toBe("2026-03-05");
    expect(page.data.outcomes).toEqual(["gso_public_life"]);
  });

  it("refuses a partner or project that does not exist, with a message by the field", async () => {
    const editor = await signedInUser("editor");
    const result = await submit(newAction, {
      path: "/benefits/new",
      cookie: editor.cookie,
      form: benefitFormData({ partnerId: "9999", projectId: "8888", outcomes: ["glo_skills"] }),
    });
    expect(result.status).toBe(400);
    expect(result.data.errors).toEqual({
      partnerId: ["Choose a partner from the list."],
      projectId: ["Choose a project from the list."],
    });
    expect(result.data.values).toMatchObject({ partnerId: "9999", outcomes: "glo_skills" });

    const id = await addBenefit(editor.cookie);
    const edited = await submit(editAction, {
      path: `/benefits/${id}/edit`,
      params: { benefitId: String(id) },
      cookie: editor.cookie,
      form: benefitFormData({ partnerId: "9999" }),
    });
    expect(edited.status).toBe(400);
    expect(edited.data.errors).toEqual({ partnerId: ["Choose a partner from the list."] });
    expect(db.select().from(benefits).all()).toHaveLength(1);
  });
});

describe("finding benefits", () => {
  it("searches and filters by who benefits, source, outcome, partner, project and dates", async () => {
    const editor = await signedInUser("editor");
    const college = insertPartner("Riverside College");
    const trust = insertPartner("Northtown Health Trust");
    const river = insertProject("Voices of the River");
    await addBenefit(editor.cookie, {
      description: "Learners gained confidence speaking in public",
      beneficiary: "users",
      source: "observation",
      date: "2026-01-10",
      partnerId: String(college),
      projectId: String(river),
      outcomes: ["glo_skills", "glo_attitudes"],
    });
    await addBenefit(editor.cookie, {
      description: "Staff learned to run memory sessions",
      beneficiary: "staff",
      source: "meeting",
      date: "2026-02-15",
      partnerId: String(trust),
      outcomes: ["glo_knowledge", "gso_health"],
    });
    await addBenefit(editor.cookie, {
      description: "The trust reached new patients through our loans box",
      beneficiary: "partner",
      source: "survey",
      date: "2026-03-20",
      partnerId: String(trust),
      projectId: String(river),
      outcomes: ["gso_health", "gso_communities"],
    });
    await addBenefit(editor.cookie, {
      description: "Our visitor numbers rose",
      beneficiary: "organisation",
      source: "other",
      date: "2025-12-01",
      outcomes: [],
    });
    const list = async (query: string) =>
      summaries((await load(listLoader, { path: `/benefits${query}`, cookie: editor.cookie })).data.rows);

    const all = await load(listLoader, { path: "/benefits", cookie: editor.cookie });
    expect(all.data.total).toBe(4);
    // Newest first by default.
    expect(summaries(all.data.rows)).toEqual([
      "The trust reached new patients through our loans box",
      "Staff learned to run memory sessions",
      "Learners gained confidence speaking in public",
      "Our visitor numbers rose",
    ]);
    expect(all.data.rows[2]).toMatchObject({
      partnerId: college,
      partnerName: "Riverside College",
      projectId: river,
      projectTitle: "Voices of the River",
      outcomes: ["glo_skills", "glo_attitudes"],
    });
    expect(all.data.rows[3]).toMatchObject({ partnerName: null, projectTitle: null, outcomes: [] });
    expect(all.data.chosen).toEqual({ partner: null, project: null });

    expect(await list("?q=MEMORY")).toEqual(["Staff learned to run memory sessions"]);
    expect(await list("?beneficiary=partner")).toEqual([
      "The trust reached new patients through our loans box",
    ]);
    expect(await list("?source=observation")).toEqual(["Learners gained confidence speaking in public"]);
    expect(await list("?outcome=gso_health")).toEqual([
      "The trust reached new patients through our loans box",
      "Staff learned to run memory sessions",
    ]);
    expect(await list("?outcome=glo_enjoyment")).toEqual([]);
    expect(await list(`?partnerId=${trust}`)).toEqual([
      "The trust reached new patients through our loans box",
      "Staff learned to run memory sessions",
    ]);
    expect(await list(`?projectId=${river}`)).toEqual([
      "The trust reached new patients through our loans box",
      "Learners gained confidence speaking in public",
    ]);
    // Partners and projects are also found by words typed in their names.
    expect(await list("?partner=northtown%20trust")).toEqual([
      "The trust reached new patients through our loans box",
      "Staff learned to run memory sessions",
    ]);
    expect(await list("?project=RIVER")).toEqual([
      "The trust reached new patients through our loans box",
      "Learners gained confidence speaking in public",
    ]);
    expect(await list("?partner=college&project=voices")).toEqual([
      "Learners gained confidence speaking in public",
    ]);
    expect(await list("?partner=nowhere")).toEqual([]);
    const fromTrust = await load(listLoader, { path: `/benefits?partnerId=${trust}`, cookie: editor.cookie });
    expect(fromTrust.data.chosen).toEqual({
      partner: { id: trust, name: "Northtown Health Trust" },
      project: null,
    });
    expect(await list("?from=2026-01-10&to=2026-02-15")).toEqual([
      "Staff learned to run memory sessions",
      "Learners gained confidence speaking in public",
    ]);
    expect(await list(`?outcome=gso_health&partnerId=${trust}&projectId=${river}`)).toEqual([
      "The trust reached new patients through our loans box",
    ]);
    const nonsense = await load(listLoader, {
      path: "/benefits?outcome=zzz&beneficiary=aliens&partnerId=-1&from=yesterday&sort=evil&dir=up",
      cookie: editor.cookie,
    });
    expect(nonsense.status).toBe(200);
    expect(nonsense.data.total).toBe(4);
  });

  it("sorts by date, who benefits and last change, and pages on the server", async () => {
    const editor = await signedInUser("editor");
    for (let i = 1; i <= 30; i += 1) {
      await addBenefit(editor.cookie, {
        description: `Benefit ${String(i).padStart(2, "0")}`,
        date: `2026-01-${String(i).padStart(2, "0")}`,
        beneficiary: i === 5 ? "organisation" : i === 6 ? "staff" : "users",
      });
    }
    const first = await load(listLoader, { path: "/benefits", cookie: editor.cookie });
    expect(first.data.total).toBe(30);
    expect(first.data.rows).toHaveLength(25);
    expect(first.data.rows[0].summary).toBe("Benefit 30");
    const second = await load(listLoader, { path: "/benefits?page=2", cookie: editor.cookie });
    expect(summaries(second.data.rows)).toEqual([
      "Benefit 05",
      "Benefit 04",
      "Benefit 03",
      "Benefit 02",
      "Benefit 01",
    ]);
    const oldest = await load(listLoader, { path: "/benefits?sort=date&dir=asc", cookie: editor.cookie });
    expect(oldest.data.rows[0].summary).toBe("Benefit 01");
    const byWho = await load(listLoader, { path: "/benefits?sort=beneficiary", cookie: editor.cookie });
    expect(summaries(byWho.data.rows).slice(0, 3)).toEqual(["Benefit 05", "Benefit 06", "Benefit 30"]);
    const byWhoDesc = await load(listLoader, {
      path: "/benefits?sort=beneficiary&dir=desc",
      cookie: editor.cookie,
    });
    expect(byWhoDesc.data.rows[0].summary).toBe("Benefit 30");

    const [older] = db
      .select({ id: benefits.id })
      .from(benefits)
      .where(eq(benefits.description, "Benefit 03"))
      .all();
    db.update(benefits)
      .set({ updatedAt: new Date(Date.now() + 60_000) })
      .where(eq(benefits.id, older.id))
      .run();
    const changed = await load(listLoader, { path: "/benefits?sort=updated", cookie: editor.cookie });
    expect(changed.data.rows[0].summary).toBe("Benefit 03");
  });

  it("shortens long descriptions in the list, at a word", async () => {
    const editor = await signedInUser("editor");
    await addBenefit(editor.cookie, { description: `${"word ".repeat(60)}end` });
    const list = await load(listLoader, { path: "/benefits", cookie: editor.cookie });
    const summary: string = list.data.rows[0].summary;
    expect(summary.length).toBeLessThanOrEqual(140);
    expect(summary).toMatch(/^word( word)*…$/);
  });

  it("downloads exactly what the filters show as spreadsheet-safe CSV, outcomes included", async () => {
    const editor = await signedInUser("editor");
    const trust = insertPartner("Northtown Health Trust");
    const river = insertProject("Voices of the River");
    await addBenefit(editor.cookie, {
      description: '=HYPERLINK("http://evil")',
      date: "2026-02-01",
      source: "survey",
      partnerId: String(trust),
      projectId: String(river),
      outcomes: ["gso_health", "glo_enjoyment"],
    });
    await addBenefit(editor.cookie, {
      description: "Line one\nLine two, with comma",
      date: "2026-01-01",
      beneficiary: "staff",
      outcomes: ["gso_health"],
    });
    await addBenefit(editor.cookie, { description: "Not about health", outcomes: ["glo_skills"] });
    const result = await load(csvLoader, { path: "/benefits.csv?outcome=gso_health", cookie: editor.cookie });
    expect(result.status).toBe(200);
    expect(result.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(result.headers.get("Content-Disposition")).toMatch(
      /attachment; filename="benefits-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const { parse } = await import("csv-parse/sync");
    const rows: string[][] = parse((result.data as string).replace(/^\ufeff/, ""));
    const ids = db
      .select({ id: benefits.id })
      .from(benefits)
      .orderBy(benefits.id)
      .all()
      .map((r) => String(r.id));
    expect(rows).toEqual([
      [
        "ID",
        "Date",
        "Who benefits",
        "What the benefit was",
        "Partner",
        "Project",
        "How you know",
        "Outcomes",
      ],
      [
        ids[0],
        "2026-02-01",
        "Users",
        '\'=HYPERLINK("http://evil")',
        "Northtown Health Trust",
        "Voices of the River",
        "Survey",
        "Enjoyment, inspiration and creativity; Health and well-being",
      ],
      [
        ids[1],
        "2026-01-01",
        "Staff",
        "Line one\nLine two, with comma",
        "",
        "",
        "Observation",
        "Health and well-being",
      ],
    ]);
  });
});

describe("deleting benefits", () => {
  it("asks for confirmation, then deletes the benefit and its outcome tags", async () => {
    const editor = await signedInUser("editor");
    const partnerId = insertPartner("Riverside College");
    const id = await addBenefit(editor.cookie, { partnerId: String(partnerId) });
    const params = { benefitId: String(id) };
    const confirm = await load(deleteLoader, {
      path: `/benefits/${id}/delete`,
      params,
      cookie: editor.cookie,
    });
    expect(confirm.status).toBe(200);
    expect(confirm.data.dependants).toEqual([]);
    expect(confirm.data.benefit.name).toBe("the benefit for users on 12 Mar 2026");
    // Visiting the confirmation page changes nothing.
    expect(db.select().from(benefits).all()).toHaveLength(1);

    const deleted = await submit(deleteAction, {
      path: `/benefits/${id}/delete`,
      params,
      cookie: editor.cookie,
    });
    expect(deleted.location).toBe("/benefits?notice=deleted");
    expect((await load(pageLoader, { path: `/benefits/${id}`, params, cookie: editor.cookie })).status).toBe(
      404,
    );
    expect(db.select().from(benefitOutcomes).all()).toEqual([]);
    const again = await submit(deleteAction, {
      path: `/benefits/${id}/delete`,
      params,
      cookie: editor.cookie,
    });
    expect(again.status).toBe(404);

    const admin = await signedInUser("admin");
    const history = await load(historyLoader, {
      path: `/history/benefit/${id}`,
      params: { recordType: "benefit", recordId: String(id) },
      cookie: admin.cookie,
    });
    expect(history.data.history[0].action).toBe("delete");
    expect(history.data.history[0].changes.outcomes).toEqual(["Skills; Attitudes and values", null]);
  });
});

describe("benefit permissions", () => {
  it("lets a viewer read everything and change nothing", async () => {
    const editor = await signedInUser("editor");
    const viewer = await signedInUser("viewer");
    const id = await addBenefit(editor.cookie);
    const params = { benefitId: String(id) };
    expect((await load(listLoader, { path: "/benefits", cookie: viewer.cookie })).data.total).toBe(1);
    const page = await load(pageLoader, { path: `/benefits/${id}`, params, cookie: viewer.cookie });
    expect(page.status).toBe(200);
    expect(page.data.outcomes).toEqual(["glo_skills", "glo_attitudes"]);
    expect((await load(csvLoader, { path: "/benefits.csv", cookie: viewer.cookie })).status).toBe(200);
    expect((await load(newLoader, { path: "/benefits/new", cookie: viewer.cookie })).status).toBe(403);
    expect(
      (await load(editLoader, { path: `/benefits/${id}/edit`, params, cookie: viewer.cookie })).status,
    ).toBe(403);
    expect(
      (await load(deleteLoader, { path: `/benefits/${id}/delete`, params, cookie: viewer.cookie })).status,
    ).toBe(403);
    expect(
      (await submit(newAction, { path: "/benefits/new", cookie: viewer.cookie, form: benefitFormData() }))
        .status,
    ).toBe(403);
    expect(
      (
        await submit(editAction, {
          path: `/benefits/${id}/edit`,
          params,
          cookie: viewer.cookie,
          form: benefitFormData({ description: "Hacked" }),
        })
      ).status,
    ).toBe(403);
    expect(
      (await submit(deleteAction, { path: `/benefits/${id}/delete`, params, cookie: viewer.cookie })).status,
    ).toBe(403);
    const after = await load(pageLoader, { path: `/benefits/${id}`, params, cookie: viewer.cookie });
    expect(after.data.benefit.description).toBe("Eight adult learners gave their first talk in the gallery.");
    expect(db.select().from(benefits).all()).toHaveLength(1);
  });

  it("sends anonymous visitors to sign in, for every page, action and the CSV", async () => {
    const editor = await signedInUser("editor");
    const id = await addBenefit(editor.cookie);
    const params = { benefitId: String(id) };
    const calls = [
      await load(listLoader, { path: "/benefits" }),
      await load(csvLoader, { path: "/benefits.csv" }),
      await load(pageLoader, { path: `/benefits/${id}`, params }),
      await load(newLoader, { path: "/benefits/new" }),
      await load(editLoader, { path: `/benefits/${id}/edit`, params }),
      await load(deleteLoader, { path: `/benefits/${id}/delete`, params }),
      await submit(newAction, { path: "/benefits/new", form: benefitFormData() }),
      await submit(editAction, { path: `/benefits/${id}/edit`, params, form: benefitFormData() }),
      await submit(deleteAction, { path: `/benefits/${id}/delete`, params }),
    ];
    for (const call of calls) {
      expect(call.status).toBe(302);
      expect(call.location).toMatch(/^\/login/);
    }
    expect(db.select().from(benefits).all()).toHaveLength(1);
  });

  it("answers 404 for a benefit that does not exist", async () => {
    const editor = await signedInUser("editor");
    for (const benefitId of ["9999", "abc", "0"]) {
      const params = { benefitId };
      expect(
        (await load(pageLoader, { path: `/benefits/${benefitId}`, params, cookie: editor.cookie })).status,
      ).toBe(404);
      expect(
        (await load(editLoader, { path: `/benefits/${benefitId}/edit`, params, cookie: editor.cookie }))
          .status,
      ).toBe(404);
    }
    const edit = await submit(editAction, {
      path: "/benefits/9999/edit",
      params: { benefitId: "9999" },
      cookie: editor.cookie,
      form: benefitFormData(),
    });
    expect(edit.status).toBe(404);
  });
});
