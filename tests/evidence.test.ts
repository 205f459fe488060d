import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { evidenceLinks } from "~db/schema";
import { db } from "~/utils/db.server";
import { loader as checklistLoader } from "~/routes/_app.checklist._index";
import { loader as lineLoader } from "~/routes/_app.checklist.$code._index";
import { action as attachAction, loader as attachLoader } from "~/routes/_app.checklist.$code.attach";
import { action as linkAction, loader as linkLoader } from "~/routes/_app.evidence.link";
import { action as removeAction } from "~/routes/_app.evidence.$linkId.remove";
import { action as decideAction, loader as queueLoader } from "~/routes/_app.evidence.suggestions";
import { action as editPartner } from "~/routes/_app.partners.$partnerId.edit";
import { loader as packDownload } from "~/routes/checklist.pack[.]html";
import { action as settingsAction } from "~/routes/_app.settings";
import { signedInUser } from "./support/factories";
import { partnerFormData } from "./support/forms";
import { load, submit } from "./support/requests";
import {
  addBenefit,
  addContributor,
  addPartner,
  addProject,
  addVolunteer,
  onProject,
  onVolunteer,
} from "./support/records";

/** The lines suggested (or confirmed, or dismissed) for one record. */
function linesFor(type: string, id: number, status?: "suggested" | "confirmed" | "dismissed") {
  const conditions = [eq(evidenceLinks.recordType, type), eq(evidenceLinks.recordId, id)];
  if (status) conditions.push(eq(evidenceLinks.status, status));
  return db
    .select({ line: evidenceLinks.lineCode })
    .from(evidenceLinks)
    .where(and(...conditions))
    .all()
    .map((r) => r.line)
    .sort();
}

function linkId(type: string, id: number, line: string) {
  return db
    .select({ id: evidenceLinks.id })
    .from(evidenceLinks)
    .where(
      and(
        eq(evidenceLinks.recordType, type),
        eq(evidenceLinks.recordId, id),
        eq(evidenceLinks.lineCode, line),
      ),
    )
    .get()!.id;
}

const plain = { addsValue: "", isAdvocate: "", extendsOnsite: "", extendsOffsite: "", type: "charity" };

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-11-26T12:00:00Z"));
});
afterEach(() => vi.useRealTimers());

describe("suggestion rules", () => {
  it("a new partner suggests looking for partners and a range of partners", async () => {
    const { cookie } = await signedInUser("editor");
    const id = await addPartner(cookie, plain);
    expect(linesFor("partner", id)).toEqual(["3.1.1a", "3.1.E1"]);
  });

  it("what a partner brings, advocacy and on-site and off-site services each suggest their line", async () => {
    const { cookie } = await signedInUser("editor");
    const id = await addPartner(cookie, {
      ...plain,
      addsValue: "Their tutors",
      isAdvocate: "on",
      extendsOnsite: "on",
      extendsOffsite: "on",
    });
    expect(linesFor("partner", id)).toEqual([
      "3.1.1a",
      "3.1.1b",
      "3.1.2a",
      "3.1.2b",
      "3.1.2c",
      "3.1.E1",
      "3.1.E2",
    ]);
  });

  it("colleges, community and specialist groups suggest links with the wider learning community; health trusts and training agencies suggest 3.2.3", async () => {
    const { cookie } = await signedInUser("editor");
    for (const type of ["college", "community_group", "specialist_interest_group"]) {
      expect(linesFor("partner", await addPartner(cookie, { ...plain, type }))).toContain("3.1.E4");
    }
    for (const type of ["health_trust", "training_agency"]) {
      expect(linesFor("partner", await addPartner(cookie, { ...plain, type }))).toContain("3.2.3");
    }
    expect(linesFor("partner", await addPartner(cookie, { ...plain, type: "business" }))).toEqual([
      "3.1.1a",
      "3.1.E1",
    ]);
  });

  it("a project with a partner suggests a cooperative scheme; learning opportunities, a funder, user groups and shared research add their lines", async () => {
    const { cookie } = await signedInUser("editor");
    const partner = await addPartner(cookie, plain);
    const alone = await addProject(cookie);
    expect(linesFor("project", alone)).toEqual([]);
    const project = await addProject(cookie, {
      firstPartnerId: String(partner),
      firstPartnerRole: "funder",
      learningOpportunities: "Object handling sessions",
      audienceResearchShared: "on",
    });
    expect(linesFor("project", project)).toEqual(["3.2.1", "3.2.2a", "3.2.E2", "3.2.E4"]);
    await onProject(cookie, project, { intent: "add-user-group", description: "Carers", number: "12" });
    expect(linesFor("project", project)).toContain("3.2.E3");
  });

  it("secured funding on a partnership project suggests 3.2.1 and 3.2.E1; pending funding does not", async () => {
    const { cookie } = await signedInUser("editor");
    const partner = await addPartner(cookie, plain);
    const project = await addProject(cookie, { firstPartnerId: String(partner), firstPartnerRole: "lead" });
    await onProject(cookie, project, {
      intent: "add-funding",
      source: "Arts Council",
      amount: "5000",
      status: "pending",
    });
    await onProject(cookie, project, {
      intent: "add-funding",
      source: "Heritage Fund",
      amount: "£12,000",
      status: "secured",
      date: "2026-04-01",
    });
    const funding = db
      .select({ id: evidenceLinks.recordId, line: evidenceLinks.lineCode, date: evidenceLinks.evidenceDate })
      .from(evidenceLinks)
      .where(eq(evidenceLinks.recordType, "funding"))
      .all();
    expect(funding.map((f) => f.line).sort()).toEqual(["3.2.1", "3.2.E1"]);
    expect(new Set(funding.map((f) => f.date))).toEqual(new Set(["2026-04-01"]));
    expect(linesFor("project", project)).toContain("3.2.1");
  });

  it("new or infrequent users reached suggest access to new users and links with new user groups", async () => {
    const { cookie } = await signedInUser("editor");
    const project = await addProject(cookie);
    await onProject(cookie, project, {
      intent: "add-user-group",
      description: "Young carers",
      newOrInfrequent: "on",
    });
    const rows = db
      .select({ line: evidenceLinks.lineCode })
      .from(evidenceLinks)
      .where(eq(evidenceLinks.recordType, "user_group"))
      .all();
    expect(rows.map((r) => r.line).sort()).toEqual(["3.1.E4", "3.2.2b"]);
  });

  it("a contributor suggests 3.3.2 work with; on a project offering learning opportunities, enhance learning experiences", async () => {
    const { cookie } = await signedInUser("editor");
    const contributor = await addContributor(cookie);
    expect(linesFor("contributor", contributor)).toEqual(["3.3.2a"]);
    const project = await addProject(cookie, { learningOpportunities: "Writing workshops" });
    await onProject(cookie, project, { intent: "add-contributor", contributorId: String(contributor) });
    expect(linesFor("project", project)).toEqual(["3.3.2a", "3.3.2b"]);
  });

  it("a volunteer suggests 3.3.1 and a broader range of people; each programme focus suggests its prompt; training and hours suggest theirs", async () => {
    const { cookie } = await signedInUser("editor");
    const volunteer = await addVolunteer(cookie, { focuses: ["skills_development", "confidence_building"] });
    expect(linesFor("volunteer", volunteer)).toEqual(["3.3.1", "3.3.E1", "3.3.E7", "3.3.E9"]);
    await onVolunteer(cookie, volunteer, {
      intent: "add-training",
      trainingDate: "2026-06-01",
      title: "Object handling",
    });
    await onVolunteer(cookie, volunteer, { intent: "add-hours", hoursDate: "2026-06-02", hours: "3" });
    expect(
      db
        .select({ line: evidenceLinks.lineCode })
        .from(evidenceLinks)
        .where(eq(evidenceLinks.recordType, "training"))
        .all(),
    ).toEqual([{ line: "3.3.E3" }]);
    expect(
      db
        .select({ line: evidenceLinks.lineCode })
        .from(evidenceLinks)
        .where(eq(evidenceLinks.recordType, "hours"))
        .all(),
    ).toEqual([{ line: "3.3.1" }]);
  });

  it("benefits for users, staff and partners suggest the matching 'Do you know whether' prompts", async () => {
    const { cookie } = await signedInUser("editor");
    const partner = await addPartner(cookie, plain);
    const users = await addBenefit(cookie, {
      beneficiary: "users",
      source: "survey",
      partnerId: String(partner),
      outcomes: ["glo_skills", "glo_enjoyment", "glo_activity"],
    });
    expect(linesFor("benefit", users)).toEqual(["3.1.E5", "3.2.E5", "3.2.E6", "3.3.E5", "3.3.E6"]);
    const staff = await addBenefit(cookie, {
      beneficiary: "staff",
      source: "meeting",
      partnerId: String(partner),
    });
    expect(linesFor("benefit", staff)).toEqual(["3.1.E5", "3.1.E8"]);
    const partnerGain = await addBenefit(cookie, { beneficiary: "partner", source: "feedback" });
    expect(linesFor("benefit", partnerGain)).toEqual(["3.1.E12"]);
    const observed = await addBenefit(cookie, { beneficiary: "users", source: "observation" });
    expect(linesFor("benefit", observed)).toEqual([]);
  });

  it("withdraws a pending suggestion whose rule no longer applies, but keeps confirmed and dismissed ones", async () => {
    const { cookie } = await signedInUser("editor");
    const id = await addPartner(cookie, { ...plain, isAdvocate: "on", extendsOnsite: "on" });
    await submit(decideAction, {
      path: "/evidence/suggestions",
      cookie,
      form: { intent: "confirm", id: String(linkId("partner", id, "3.1.2a")) },
    });
    await submit(editPartner, {
      path: `/partners/${id}/edit`,
      params: { partnerId: String(id) },
      cookie,
      form: partnerFormData({ ...plain }),
    });
    expect(linesFor("partner", id, "suggested")).toEqual(["3.1.1a", "3.1.E1"]);
    expect(linesFor("partner", id, "confirmed")).toEqual(["3.1.2a"]);
  });

  it("never suggests a dismissed line again", async () => {
    const { cookie } = await signedInUser("editor");
    const id = await addPartner(cookie, { ...plain, isAdvocate: "on" });
    await submit(decideAction, {
      path: "/evidence/suggestions",
      cookie,
      form: { intent: "dismiss", id: String(linkId("partner", id, "3.1.2a")) },
    });
    await submit(editPartner, {
      path: `/partners/${id}/edit`,
      params: { partnerId: String(id) },
      cookie,
      form: partnerFormData({ ...plain, isAdvocate: "on", notes: "Edited" }),
    });
    expect(linesFor("partner", id, "dismissed")).toEqual(["3.1.2a"]);
    expect(linesFor("partner", id, "suggested")).toEqual(["3.1.1a", "3.1.E1"]);
  });

  it("deleting a record removes its evidence links", async () => {
    const { cookie } = await signedInUser("editor");
    const { action } = await import("~/routes/_app.partners.$partnerId.delete");
    const id = await addPartner(cookie, plain);
    await submit(action, { path: `/partners/${id}/delete`, params: { partnerId: String(id) }, cookie });
    expect(linesFor("partner", id)).toEqual([]);
  });
});

describe("the review queue", () => {
  it("lists pending suggestions with the record and why, and confirms or dismisses many at once, keeping who and when", async () => {
    const editor = await signedInUser("editor", { name: "Priya Shah" });
    const id = await addPartner(editor.cookie, { ...plain, isAdvocate: "on" });
    const queue = await load(queueLoader, { path: "/evidence/suggestions", cookie: editor.cookie });
    expect(queue.data.total).toBe(3);
    expect(queue.data.rows[0]).toMatchObject({
      record: { label: "Riverside College", href: `/partners/${id}` },
    });
    expect(queue.data.rows.find((r: { lineCode: string }) => r.lineCode === "3.1.2a").reason).toMatch(
      /advocate/,
    );
    const ids = queue.data.rows.map((r: { id: number }) => String(r.id));
    const result = await submit(decideAction, {
      path: "/evidence/suggestions",
      cookie: editor.cookie,
      form: { intent: "confirm", id: ids.slice(0, 2), redirectTo: "/evidence/suggestions" },
    });
    expect(result.location).toBe("/evidence/suggestions?notice=confirmed");
    const confirmed = db.select().from(evidenceLinks).where(eq(evidenceLinks.status, "confirmed")).all();
    expect(confirmed).toHaveLength(2);
    expect(confirmed[0]).toMatchObject({ decidedBy: editor.id, rule: expect.any(String) });
    expect(confirmed[0].decidedAt).toBeInstanceOf(Date);
    const one = await submit(decideAction, {
      path: "/evidence/suggestions",
      cookie: editor.cookie,
      form: { one: `dismiss:${ids[2]}` },
    });
    expect(one.location).toBe("/evidence/suggestions?notice=dismissed");
    expect(
      (await load(queueLoader, { path: "/evidence/suggestions", cookie: editor.cookie })).data.total,
    ).toBe(0);
  });

  it("filters by line and by kind of record", async () => {
    const { cookie } = await signedInUser("editor");
    await addPartner(cookie, { ...plain, isAdvocate: "on" });
    await addVolunteer(cookie);
    expect((await load(queueLoader, { path: "/evidence/suggestions?line=3.1.2a", cookie })).data.total).toBe(
      1,
    );
    expect(
      (await load(queueLoader, { path: "/evidence/suggestions?type=volunteer", cookie })).data.total,
    ).toBe(2);
  });
});

describe("coverage and the supported answer", () => {
  async function confirmAll(cookie: string) {
    const ids = db
      .select({ id: evidenceLinks.id })
      .from(evidenceLinks)
      .where(eq(evidenceLinks.status, "suggested"))
      .all()
      .map((r) => String(r.id));
    await submit(decideAction, {
      path: "/evidence/suggestions",
      cookie,
      form: { intent: "confirm", id: ids },
    });
  }

  it("counts only confirmed evidence, and says No, Have started or Yes by how recent it is", async () => {
    const { cookie } = await signedInUser("editor");
    await addPartner(cookie, { ...plain, startDate: "2024-01-15", isAdvocate: "on" });
    let checklist = await load(checklistLoader, { path: "/checklist", cookie });
    expect(checklist.data.evidenced).toBe(0);
    expect(checklist.data.total).toBe(42);
    expect(checklist.data.lines["3.1.1a"]).toMatchObject({ confirmed: 0, suggested: 1, answer: "no" });
    await confirmAll(cookie);
    checklist = await load(checklistLoader, { path: "/checklist", cookie });
    expect(checklist.data.evidenced).toBe(3);
    // Dated January 2024: older than 12 months on 26 Nov 2026.
    expect(checklist.data.lines["3.1.1a"]).toMatchObject({
      confirmed: 1,
      recent: 0,
      newest: "2024-01-15",
      answer: "started",
      kinds: ["partner"],
    });
    expect(checklist.data.lines["3.1.E1"].answer).toBe("no"); // a prompt is Yes or No: old evidence is not Yes
    expect(checklist.data.actions["3.1.1"]).toBe("started");
    await addPartner(cookie, { ...plain, name: "Eastbridge Library", startDate: "2026-10-01" });
    await confirmAll(cookie);
    checklist = await load(checklistLoader, { path: "/checklist", cookie });
    expect(checklist.data.lines["3.1.1a"]).toMatchObject({
      confirmed: 2,
      recent: 1,
      newest: "2026-10-01",
      answer: "yes",
    });
    expect(checklist.data.lines["3.1.E1"].answer).toBe("yes");
    expect(checklist.data.actions["3.1.1"]).toBe("started"); // 3.1.1b has no evidence yet
    expect(checklist.data.gaps).toHaveLength(39);
  });

  it("uses the organisation's recency period", async () => {
    const admin = await signedInUser("admin");
    await addPartner(admin.cookie, { ...plain, startDate: "2024-06-01" });
    await confirmAll(admin.cookie);
    expect(
      (await load(checklistLoader, { path: "/checklist", cookie: admin.cookie })).data.lines["3.1.1a"].answer,
    ).toBe("started");
    await submit(settingsAction, {
      path: "/settings",
      cookie: admin.cookie,
      form: { organisationName: "Northtown Museums", evidenceRecencyMonths: "36" },
    });
    expect(
      (await load(checklistLoader, { path: "/checklist", cookie: admin.cookie })).data.lines["3.1.1a"].answer,
    ).toBe("yes");
  });

  it("the line page lists the evidence grouped by kind and says what is missing", async () => {
    const { cookie } = await signedInUser("editor");
    await addPartner(cookie, { ...plain, isAdvocate: "on" });
    await confirmAll(cookie);
    const advocates = await load(lineLoader, {
      path: "/checklist/3.1.2a",
      params: { code: "3.1.2a" },
      cookie,
    });
    expect(advocates.data.evidence).toHaveLength(1);
    expect(advocates.data.evidence[0].record.label).toBe("Riverside College");
    const gap = await load(lineLoader, { path: "/checklist/3.1.2b", params: { code: "3.1.2b" }, cookie });
    expect(gap.data.evidence).toEqual([]);
    expect(gap.data.hints[0].why).toMatch(/on-site/);
    for (const code of ["3.1", "3.1.2"]) {
      expect(
        (await load(lineLoader, { path: `/checklist/${code}`, params: { code }, cookie })).data.kind,
      ).toBe(code === "3.1" ? "element" : "action");
    }
    expect((await load(lineLoader, { path: "/checklist/9.9", params: { code: "9.9" }, cookie })).status).toBe(
      404,
    );
  });
});

describe("linking by hand", () => {
  it("links a record to several lines from its page, with a note and date, as confirmed evidence", async () => {
    const editor = await signedInUser("editor");
    const id = await addPartner(editor.cookie, plain);
    const path = `/evidence/link?type=partner&id=${id}`;
    expect((await load(linkLoader, { path, cookie: editor.cookie })).data.record.label).toBe(
      "Riverside College",
    );
    const bad = await submit(linkAction, {
      path,
      cookie: editor.cookie,
      form: { note: "Keep me", evidenceDate: "2026-02-30" },
    });
    expect(bad.status).toBe(400);
    expect(bad.data.errors).toMatchObject({
      lines: ["Choose at least one checklist line."],
      evidenceDate: ["Enter a real date, like 23/11/2026."],
    });
    expect(bad.data.values.note).toBe("Keep me");
    const made = await submit(linkAction, {
      path,
      cookie: editor.cookie,
      form: { lines: ["3.1.E6", "3.1.1a"], note: "Annual partner survey", evidenceDate: "2026-09-01" },
    });
    expect(made.location).toBe(`/partners/${id}?notice=evidence-linked`);
    expect(linesFor("partner", id, "confirmed")).toEqual(["3.1.1a", "3.1.E6"]);
    const row = db.select().from(evidenceLinks).where(eq(evidenceLinks.lineCode, "3.1.E6")).get()!;
    expect(row).toMatchObject({
      note: "Annual partner survey",
      evidenceDate: "2026-09-01",
      rule: null,
      createdBy: editor.id,
    });
    const removed = await submit(removeAction, {
      path: `/evidence/${row.id}/remove`,
      params: { linkId: String(row.id) },
      cookie: editor.cookie,
    });
    expect(removed.location).toBe(`/partners/${id}?notice=evidence-removed`);
    expect(linesFor("partner", id, "confirmed")).toEqual(["3.1.1a"]);
  });

  it("refuses lines that are not on the checklist", async () => {
    const { cookie } = await signedInUser("editor");
    const id = await addPartner(cookie, plain);
    const result = await submit(linkAction, {
      path: `/evidence/link?type=partner&id=${id}`,
      cookie,
      form: { lines: ["3.9.Z"], evidenceDate: "2026-09-01" },
    });
    expect(result.status).toBe(400);
  });

  it("attaches an existing record from a line's page", async () => {
    const { cookie } = await signedInUser("editor");
    const id = await addVolunteer(cookie, { name: "Grace Okafor" });
    const found = await load(attachLoader, {
      path: "/checklist/3.3.E4/attach?q=okafor",
      params: { code: "3.3.E4" },
      cookie,
    });
    expect(found.data.groups[0].hits[0]).toMatchObject({ type: "volunteer", id, label: "Grace Okafor" });
    const result = await submit(attachAction, {
      path: "/checklist/3.3.E4/attach",
      params: { code: "3.3.E4" },
      cookie,
      form: {
        recordType: "volunteer",
        recordId: String(id),
        note: "Staff described her impact",
        evidenceDate: "2026-11-01",
      },
    });
    expect(result.location).toBe("/checklist/3.3.E4?notice=attached");
    expect(linesFor("volunteer", id, "confirmed")).toEqual(["3.3.E4"]);
  });
});

describe("the evidence pack", () => {
  it("downloads a self-contained HTML file listing every line with its evidence", async () => {
    const { cookie } = await signedInUser("viewer");
    const editor = await signedInUser("editor");
    await addPartner(editor.cookie, { ...plain, isAdvocate: "on" });
    const ids = db
      .select({ id: evidenceLinks.id })
      .from(evidenceLinks)
      .all()
      .map((r) => String(r.id));
    await submit(decideAction, {
      path: "/evidence/suggestions",
      cookie: editor.cookie,
      form: { intent: "confirm", id: ids },
    });
    const result = await load(packDownload, { path: "/checklist/pack.html?element=3.1", cookie });
    expect(result.headers.get("Content-Disposition")).toMatch(
      /attachment; filename="evidence-pack-element-3.1-2026-11-26.html"/,
    );
    const html = result.data as string;
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script/);
    expect(html).toContain("3.1.2a");
    expect(html).toContain("Riverside College");
    expect(html).not.toContain("3.2.1 ");
  });
});

describe("evidence permissions", () => {
  it("lets a viewer read the checklist, lines and queue but never decide, link, attach or remove", async () => {
    const editor = await signedInUser("editor");
    const viewer = await signedInUser("viewer");
    const id = await addPartner(editor.cookie, { ...plain, isAdvocate: "on" });
    expect((await load(checklistLoader, { path: "/checklist", cookie: viewer.cookie })).status).toBe(200);
    expect((await load(queueLoader, { path: "/evidence/suggestions", cookie: viewer.cookie })).status).toBe(
      200,
    );
    const suggestion = String(linkId("partner", id, "3.1.2a"));
    expect(
      (
        await submit(decideAction, {
          path: "/evidence/suggestions",
          cookie: viewer.cookie,
          form: { intent: "confirm", id: suggestion },
        })
      ).status,
    ).toBe(403);
    expect(
      (await load(linkLoader, { path: `/evidence/link?type=partner&id=${id}`, cookie: viewer.cookie }))
        .status,
    ).toBe(403);
    expect(
      (
        await submit(linkAction, {
          path: `/evidence/link?type=partner&id=${id}`,
          cookie: viewer.cookie,
          form: { lines: "3.1.E6", evidenceDate: "2026-01-01" },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await load(attachLoader, {
          path: "/checklist/3.1.E6/attach",
          params: { code: "3.1.E6" },
          cookie: viewer.cookie,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await submit(attachAction, {
          path: "/checklist/3.1.E6/attach",
          params: { code: "3.1.E6" },
          cookie: viewer.cookie,
          form: { recordType: "partner", recordId: String(id), evidenceDate: "2026-01-01" },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await submit(removeAction, {
          path: `/evidence/${suggestion}/remove`,
          params: { linkId: suggestion },
          cookie: viewer.cookie,
        })
      ).status,
    ).toBe(403);
    expect(linesFor("partner", id, "confirmed")).toEqual([]);
  });
});
