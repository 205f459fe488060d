import { addDays, format, parseISO } from "date-fns";
import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { evidenceLinks, projectContributors, projects } from "~db/schema";
import { loader as listLoader } from "~/routes/_app.contributors._index";
import { loader as csvLoader } from "~/routes/contributors[.]csv";
import { action as newAction, loader as newLoader } from "~/routes/_app.contributors.new";
import { action as editAction, loader as editLoader } from "~/routes/_app.contributors.$contributorId.edit";
import { loader as pageLoader } from "~/routes/_app.contributors.$contributorId._index";
import {
  action as deleteAction,
  loader as deleteLoader,
} from "~/routes/_app.contributors.$contributorId.delete";
import { action as newPartnerAction } from "~/routes/_app.partners.new";
import { loader as historyLoader } from "~/routes/_app.history.$recordType.$recordId";
import { todayIso } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { signedInUser } from "./support/factories";
import { partnerFormData } from "./support/forms";
import { load, submit } from "./support/requests";
import { listHistory } from "~/models/audit.server";

/** A valid contributor form, as a browser would post it. */
function contributorFormData(overrides: Record<string, string | string[]> = {}) {
  return {
    name: "Amara Okafor",
    kind: "writer",
    partnerId: "",
    skills: "Creative writing workshops for teenagers",
    email: "amara@poetry.example",
    phone: "07700 900123",
    website: "amara.example",
    activeFrom: "2024-03-01",
    activeTo: "",
    notes: "",
    ...overrides,
  };
}

async function addContributor(cookie: string, overrides: Record<string, string> = {}) {
  const result = await submit(newAction, {
    path: "/contributors/new",
    cookie,
    form: contributorFormData(overrides),
  });
  expect(result.status, JSON.stringify(result.data)).toBe(302);
  return Number(result.location!.match(/\/contributors\/(\d+)/)![1]);
}

async function addPartner(cookie: string, name = "Riverside College") {
  const result = await submit(newPartnerAction, {
    path: "/partners/new",
    cookie,
    form: partnerFormData({ name }),
  });
  expect(result.status).toBe(302);
  return Number(result.location!.match(/\/partners\/(\d+)/)![1]);
}

/** Projects are built elsewhere; here they are inserted directly, with the contributors on them. */
function addProject(
  title: string,
  contributorIds: number[],
  dates: { startDate?: string; endDate?: string } = {},
) {
  const { id } = db
    .insert(projects)
    .values({ title, status: "active", ...dates })
    .returning({ id: projects.id })
    .get();
  for (const contributorId of contributorIds) {
    db.insert(projectContributors).values({ projectId: id, contributorId }).run();
  }
  return id;
}

const names = (rows: { name: string }[]) => rows.map((r) => r.name);
const dayOffset = (days: number) => format(addDays(parseISO(todayIso()), days), "yyyy-MM-dd");

describe("adding and changing contributors", () => {
  it("adds a contributor linked to a partner and shows everything on their page", async () => {
    const editor = await signedInUser("editor");
    const partnerId = await addPartner(editor.cookie);
    const id = await addContributor(editor.cookie, { partnerId: String(partnerId) });
    const projectId = addProject("Young Writers' Lab", [id], {
      startDate: "2025-01-10",
      endDate: "2025-06-30",
    });
    const page = await load(pageLoader, {
      path: `/contributors/${id}`,
      params: { contributorId: String(id) },
      cookie: editor.cookie,
    });
    expect(page.status).toBe(200);
    expect(page.data.contributor).toMatchObject({
      name: "Amara Okafor",
      kind: "writer",
      partnerId,
      skills: "Creative writing workshops for teenagers",
      email: "amara@poetry.example",
      phone: "07700 900123",
      website: "https://amara.example",
      activeFrom: "2024-03-01",
      activeTo: null,
    });
    expect(page.data.activeNow).toBe(true);
    expect(page.data.partner).toMatchObject({ id: partnerId, name: "Riverside College" });
    expect(page.data.projects).toEqual([
      {
        id: projectId,
        title: "Young Writers' Lab",
        status: "active",
        startDate: "2025-01-10",
        endDate: "2025-06-30",
      },
    ]);
    expect(page.data.history).toHaveLength(1);
    expect(page.data.history[0].action).toBe("create");
    expect(page.data.history[0]).not.toHaveProperty("changes");
    expect(listHistory({ type: "contributor", id: id })[0].changes.partnerId).toEqual([null, partnerId]);
  });

  it("chooses the partner in advance from ?partnerId=, and ignores a partner that does not exist", async () => {
    const editor = await signedInUser("editor");
    const partnerId = await addPartner(editor.cookie);
    const withPartner = await load(newLoader, {
      path: `/contributors/new?partnerId=${partnerId}`,
      cookie: editor.cookie,
    });
    expect(withPartner.data.partner).toEqual({ id: partnerId, name: "Riverside College" });
    expect(withPartner.data.partners.map((p: { id: number }) => p.id)).toContain(partnerId);
    for (const bad of ["99999", "abc", "-1"]) {
      const without = await load(newLoader, {
        path: `/contributors/new?partnerId=${bad}`,
        cookie: editor.cookie,
      });
      expect(without.status).toBe(200);
      expect(without.data.partner).toBeNull();
    }
  });

  it("explains each invalid field and keeps every typed value", async () => {
    const editor = await signedInUser("editor");
    const result = await submit(newAction, {
      path: "/contributors/new",
      cookie: editor.cookie,
      form: contributorFormData({
        name: "  ",
        kind: "juggler",
        partnerId: "99999",
        email: "not an email",
        phone: "call me",
        website: "ftp://files.example",
        activeFrom: "2025-02-30",
        notes: "Keep this note",
      }),
    });
    expect(result.status).toBe(400);
    expect(result.data.errors).toEqual({
      name: ["Enter the contributor's name."],
      kind: ["Choose what kind of contributor they are."],
      partnerId: ["Choose a partner from the list."],
      email: ["Enter an email address in the right form, like name@example.org."],
      phone: ["Enter a phone number, like 01632 960123."],
      website: ["Enter a web address starting with http:// or https://."],
      activeFrom: ["Enter a real date, like 23/11/2026."],
    });
    expect(result.data.values).toMatchObject({
      kind: "juggler",
      partnerId: "99999",
      email: "not an email",
      activeFrom: "2025-02-30",
      notes: "Keep this note",
      skills: "Creative writing workshops for teenagers",
    });
  });

  it("refuses a partner that does not exist even when everything else is right", async () => {
    const editor = await signedInUser("editor");
    for (const partnerId of ["424242", "abc"]) {
      const result = await submit(newAction, {
        path: "/contributors/new",
        cookie: editor.cookie,
        form: contributorFormData({ partnerId }),
      });
      expect(result.status).toBe(400);
      expect(result.data.errors).toEqual({ partnerId: ["Choose a partner from the list."] });
      expect(result.data.values.name).toBe("Amara Okafor");
    }
    expect((await load(listLoader, { path: "/contributors", cookie: editor.cookie })).data.total).toBe(0);
  });

  it("refuses an end before the start, and accepts UK-style dates", async () => {
    const editor = await signedInUser("editor");
    const bad = await submit(newAction, {
      path: "/contributors/new",
      cookie: editor.cookie,
      form: contributorFormData({ activeFrom: "2025-09-01", activeTo: "2025-01-01" }),
    });
    expect(bad.status).toBe(400);
    expect(bad.data.errors).toEqual({ activeTo: ["The end date must be on or after the start date."] });
    const id = await addContributor(editor.cookie, { activeFrom: "1/9/2025", activeTo: "31/12/2025" });
    const page = await load(pageLoader, {
      path: `/contributors/${id}`,
      params: { contributorId: String(id) },
      cookie: editor.cookie,
    });
    expect(page.data.contributor).toMatchObject({ activeFrom: "2025-09-01", activeTo: "2025-12-31" });
    expect(page.data.activeNow).toBe(false);
  });

  it("saves changes, records them in the history with before and after", async () => {
    const admin = await signedInUser("admin");
    const partnerId = await addPartner(admin.cookie);
    const id = await addContributor(admin.cookie);
    const params = { contributorId: String(id) };
    const form = await load(editLoader, { path: `/contributors/${id}/edit`, params, cookie: admin.cookie });
    expect(form.data.contributor.name).toBe("Amara Okafor");
    expect(form.data.partners.map((p: { id: number }) => p.id)).toEqual([partnerId]);
    const edited = await submit(editAction, {
      path: `/contributors/${id}/edit`,
      params,
      cookie: admin.cookie,
      form: contributorFormData({
        kind: "artist",
        partnerId: String(partnerId),
        activeTo: "2025-12-31",
        email: "",
      }),
    });
    expect(edited.location).toBe(`/contributors/${id}?notice=saved`);
    const history = await load(historyLoader, {
      path: `/history/contributor/${id}`,
      params: { recordType: "contributor", recordId: String(id) },
      cookie: admin.cookie,
    });
    expect(history.status).toBe(200);
    expect(history.data.label).toBe("Amara Okafor");
    expect(history.data.history[0].changes).toEqual({
      kind: ["writer", "artist"],
      partnerId: [null, partnerId],
      activeTo: [null, "2025-12-31"],
      email: ["amara@poetry.example", null],
    });
  });

  it("keeps an ended partner in the edit form's choices when it is the one already chosen", async () => {
    const editor = await signedInUser("editor");
    const partnerId = await addPartner(editor.cookie, "Old Partner");
    const id = await addContributor(editor.cookie, { partnerId: String(partnerId) });
    await addPartner(editor.cookie, "Current Partner");
    const { action: editPartnerAction } = await import("~/routes/_app.partners.$partnerId.edit");
    const ended = await submit(editPartnerAction, {
      path: `/partners/${partnerId}/edit`,
      params: { partnerId: String(partnerId) },
      cookie: editor.cookie,
      form: partnerFormData({
        name: "Old Partner",
        status: "ended",
        endDate: "2026-01-31",
        endReason: "Closed",
      }),
    });
    expect(ended.status).toBe(302);
    const form = await load(editLoader, {
      path: `/contributors/${id}/edit`,
      params: { contributorId: String(id) },
      cookie: editor.cookie,
    });
    expect(names(form.data.partners)).toEqual(["Current Partner", "Old Partner"]);
    const fresh = await load(newLoader, { path: "/contributors/new", cookie: editor.cookie });
    expect(names(fresh.data.partners)).toEqual(["Current Partner"]);
  });

  it("answers 404 for a contributor that does not exist or a malformed id", async () => {
    const editor = await signedInUser("editor");
    for (const contributorId of ["99999", "abc", "0"]) {
      const params = { contributorId };
      expect(
        (await load(pageLoader, { path: `/contributors/${contributorId}`, params, cookie: editor.cookie }))
          .status,
      ).toBe(404);
      expect(
        (
          await submit(editAction, {
            path: `/contributors/${contributorId}/edit`,
            params,
            cookie: editor.cookie,
            form: contributorFormData(),
          })
        ).status,
      ).toBe(404);
    }
  });
});

describe("finding contributors", () => {
  it("searches, filters, sorts and pages on the server, with counts", async () => {
    const editor = await signedInUser("editor");
    const partnerId = await addPartner(editor.cookie, "Northtown Arts Trust");
    for (let i = 1; i <= 30; i += 1) {
      await addContributor(editor.cookie, {
        name: `Contributor ${String(i).padStart(2, "0")}`,
        kind: i % 3 === 0 ? "artist" : "musician",
        partnerId: i % 10 === 0 ? String(partnerId) : "",
        skills: i === 7 ? "Steel pan and samba drumming" : "Workshops",
        activeFrom: `2024-01-${String(31 - i).padStart(2, "0")}`,
      });
    }
    const all = await load(listLoader, { path: "/contributors", cookie: editor.cookie });
    expect(all.data.total).toBe(30);
    expect(all.data.rows).toHaveLength(25);
    expect(all.data.rows[0].name).toBe("Contributor 01");
    expect(all.data.chosen.partner).toBeNull();
    const second = await load(listLoader, { path: "/contributors?page=2", cookie: editor.cookie });
    expect(names(second.data.rows)).toEqual([
      "Contributor 26",
      "Contributor 27",
      "Contributor 28",
      "Contributor 29",
      "Contributor 30",
    ]);
    const bySkill = await load(listLoader, { path: "/contributors?q=SAMBA", cookie: editor.cookie });
    expect(names(bySkill.data.rows)).toEqual(["Contributor 07"]);
    const byName = await load(listLoader, { path: "/contributors?q=ributor 1", cookie: editor.cookie });
    expect(byName.data.total).toBe(10);
    const artists = await load(listLoader, { path: "/contributors?kind=artist", cookie: editor.cookie });
    expect(artists.data.total).toBe(10);
    const fromPartner = await load(listLoader, {
      path: `/contributors?partnerId=${partnerId}`,
      cookie: editor.cookie,
    });
    expect(names(fromPartner.data.rows)).toEqual(["Contributor 10", "Contributor 20", "Contributor 30"]);
    expect(fromPartner.data.rows[0].partnerName).toBe("Northtown Arts Trust");
    expect(fromPartner.data.chosen.partner).toEqual({ id: partnerId, name: "Northtown Arts Trust" });
    const byPartnerName = await load(listLoader, {
      path: "/contributors?partner=northtown%20trust",
      cookie: editor.cookie,
    });
    expect(names(byPartnerName.data.rows)).toEqual(["Contributor 10", "Contributor 20", "Contributor 30"]);
    const artistsFromPartner = await load(listLoader, {
      path: "/contributors?partner=Arts&kind=artist",
      cookie: editor.cookie,
    });
    expect(names(artistsFromPartner.data.rows)).toEqual(["Contributor 30"]);
    const noSuchPartner = await load(listLoader, {
      path: "/contributors?partner=eastbridge",
      cookie: editor.cookie,
    });
    expect(noSuchPartner.data.total).toBe(0);
    const desc = await load(listLoader, { path: "/contributors?sort=name&dir=desc", cookie: editor.cookie });
    expect(desc.data.rows[0].name).toBe("Contributor 30");
    const byStart = await load(listLoader, { path: "/contributors?sort=activeFrom", cookie: editor.cookie });
    expect(byStart.data.rows[0]).toMatchObject({ name: "Contributor 30", activeFrom: "2024-01-01" });
    const byKind = await load(listLoader, { path: "/contributors?sort=kind", cookie: editor.cookie });
    expect(byKind.data.rows[0].kind).toBe("artist");
    expect(byKind.data.rows[10].kind).toBe("musician");
  });

  it("sorts by last changed, newest first by default", async () => {
    const editor = await signedInUser("editor");
    const first = await addContributor(editor.cookie, { name: "First" });
    await addContributor(editor.cookie, { name: "Second" });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await submit(editAction, {
      path: `/contributors/${first}/edit`,
      params: { contributorId: String(first) },
      cookie: editor.cookie,
      form: contributorFormData({ name: "First", notes: "Changed" }),
    });
    const updated = await load(listLoader, { path: "/contributors?sort=updated", cookie: editor.cookie });
    expect(names(updated.data.rows)).toEqual(["First", "Second"]);
    const oldest = await load(listLoader, {
      path: "/contributors?sort=updated&dir=asc",
      cookie: editor.cookie,
    });
    expect(names(oldest.data.rows)).toEqual(["Second", "First"]);
  });

  it("tells who is active now: started on or before today, and not yet finished", async () => {
    const editor = await signedInUser("editor");
    const cases: [string, string, string][] = [
      ["Ongoing", "2020-01-01", ""],
      ["Ends today", "2020-01-01", dayOffset(0)],
      ["Starts today", dayOffset(0), ""],
      ["Finished", "2020-01-01", dayOffset(-1)],
      ["Not started", dayOffset(1), ""],
      ["No dates", "", ""],
      ["Only an end", "", dayOffset(30)],
    ];
    for (const [name, activeFrom, activeTo] of cases) {
      await addContributor(editor.cookie, { name, activeFrom, activeTo });
    }
    const active = await load(listLoader, { path: "/contributors?active=yes", cookie: editor.cookie });
    expect(names(active.data.rows)).toEqual(["Ends today", "Ongoing", "Starts today"]);
    expect(active.data.rows.every((r: { activeNow: boolean }) => r.activeNow)).toBe(true);
    const inactive = await load(listLoader, { path: "/contributors?active=no", cookie: editor.cookie });
    expect(names(inactive.data.rows)).toEqual(["Finished", "No dates", "Not started", "Only an end"]);
    expect(inactive.data.rows.some((r: { activeNow: boolean }) => r.activeNow)).toBe(false);
    const csv = await load(csvLoader, { path: "/contributors.csv?active=yes", cookie: editor.cookie });
    expect((csv.data as string).trim().split("\n")).toHaveLength(4);
  });

  it("counts each row's projects in one grouped query", async () => {
    const editor = await signedInUser("editor");
    const a = await addContributor(editor.cookie, { name: "Alpha" });
    const b = await addContributor(editor.cookie, { name: "Beta" });
    addProject("One", [a, b]);
    addProject("Two", [a]);
    const list = await load(listLoader, { path: "/contributors", cookie: editor.cookie });
    expect(
      list.data.rows.map((r: { name: string; projectCount: number }) => [r.name, r.projectCount]),
    ).toEqual([
      ["Alpha", 2],
      ["Beta", 1],
    ]);
  });

  it("treats search text literally and ignores nonsense in the address", async () => {
    const editor = await signedInUser("editor");
    await addContributor(editor.cookie, { name: "100% Beats" });
    await addContributor(editor.cookie, { name: "Beats Crew" });
    const percent = await load(listLoader, { path: "/contributors?q=100%25", cookie: editor.cookie });
    expect(names(percent.data.rows)).toEqual(["100% Beats"]);
    const underscore = await load(listLoader, { path: "/contributors?q=_", cookie: editor.cookie });
    expect(underscore.data.total).toBe(0);
    const nonsense = await load(listLoader, {
      path: "/contributors?kind=zzz&partnerId=abc&active=maybe&page=-4&sort=evil&dir=sideways",
      cookie: editor.cookie,
    });
    expect(nonsense.status).toBe(200);
    expect(nonsense.data.total).toBe(2);
  });

  it("says when there are no contributors, and when nothing matches", async () => {
    const editor = await signedInUser("editor");
    const empty = await load(listLoader, { path: "/contributors", cookie: editor.cookie });
    expect(empty.data).toMatchObject({ total: 0, rows: [], chosen: { partner: null } });
    const beyond = await load(listLoader, { path: "/contributors?page=9", cookie: editor.cookie });
    expect(beyond.data.rows).toEqual([]);
  });

  it("downloads exactly what the filters show as spreadsheet-safe CSV", async () => {
    const editor = await signedInUser("editor");
    const partnerId = await addPartner(editor.cookie, "Northtown Arts Trust");
    await addContributor(editor.cookie, {
      name: '=HYPERLINK("http://evil")',
      kind: "artist",
      skills: "@SUM(A1)",
    });
    await addContributor(editor.cookie, {
      name: "Plain Painter",
      kind: "artist",
      partnerId: String(partnerId),
      notes: "Line one\nLine two, with comma",
      activeFrom: "2024-05-01",
      activeTo: "2025-04-30",
    });
    await addContributor(editor.cookie, { name: "Other Kind", kind: "dancer" });
    const result = await load(csvLoader, { path: "/contributors.csv?kind=artist", cookie: editor.cookie });
    expect(result.status).toBe(200);
    expect(result.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(result.headers.get("Content-Disposition")).toMatch(
      /attachment; filename="contributors-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const { parse } = await import("csv-parse/sync");
    const rows: string[][] = parse((result.data as string).replace(/^\ufeff/, ""));
    expect(rows).toEqual([
      [
        "ID",
        "Name",
        "Kind",
        "Partner",
        "Skills",
        "Email",
        "Phone",
        "Website",
        "Active from",
        "Active to",
        "Notes",
      ],
      [
        "1",
        '\'=HYPERLINK("http://evil")',
        "Artist",
        "",
        "'@SUM(A1)",
        "amara@poetry.example",
        "07700 900123",
        "https://amara.example",
        "2024-03-01",
        "",
        "",
      ],
      [
        "2",
        "Plain Painter",
        "Artist",
        "Northtown Arts Trust",
        "Creative writing workshops for teenagers",
        "amara@poetry.example",
        "07700 900123",
        "https://amara.example",
        "2024-05-01",
        "2025-04-30",
        "Line one\nLine two, with comma",
      ],
    ]);
    const sorted = await load(csvLoader, {
      path: "/contributors.csv?sort=name&dir=desc&page=2",
      cookie: editor.cookie,
    });
    const sortedRows: string[][] = parse((sorted.data as string).replace(/^\ufeff/, ""));
    expect(sortedRows.slice(1).map((r) => r[1])).toEqual([
      "Plain Painter",
      "Other Kind",
      '\'=HYPERLINK("http://evil")',
    ]);
  });
});

describe("deleting contributors", () => {
  it("confirms, then deletes a contributor nothing depends on, keeping the history", async () => {
    const admin = await signedInUser("admin");
    const id = await addContributor(admin.cookie);
    const params = { contributorId: String(id) };
    const confirm = await load(deleteLoader, {
      path: `/contributors/${id}/delete`,
      params,
      cookie: admin.cookie,
    });
    expect(confirm.data).toEqual({ contributor: { id, name: "Amara Okafor" }, dependants: [] });
    const deleted = await submit(deleteAction, {
      path: `/contributors/${id}/delete`,
      params,
      cookie: admin.cookie,
    });
    expect(deleted.location).toBe("/contributors?notice=deleted");
    expect(
      (await load(pageLoader, { path: `/contributors/${id}`, params, cookie: admin.cookie })).status,
    ).toBe(404);
    const history = await load(historyLoader, {
      path: `/history/contributor/${id}`,
      params: { recordType: "contributor", recordId: String(id) },
      cookie: admin.cookie,
    });
    expect(history.data.history.map((e: { action: string }) => e.action)).toEqual(["delete", "create"]);
  });

  it("refuses to delete a contributor who is on projects, and explains why", async () => {
    const editor = await signedInUser("editor");
    const id = await addContributor(editor.cookie);
    addProject("Young Writers' Lab", [id]);
    addProject("Poetry on the Buses", [id]);
    const params = { contributorId: String(id) };
    const confirm = await load(deleteLoader, {
      path: `/contributors/${id}/delete`,
      params,
      cookie: editor.cookie,
    });
    expect(confirm.data.dependants).toEqual(["2 projects"]);
    const refused = await submit(deleteAction, {
      path: `/contributors/${id}/delete`,
      params,
      cookie: editor.cookie,
    });
    expect(refused.location).toBe(`/contributors/${id}/delete`);
    expect(
      (await load(pageLoader, { path: `/contributors/${id}`, params, cookie: editor.cookie })).status,
    ).toBe(200);
  });

  it("refuses to delete a partner that a contributor comes through", async () => {
    const editor = await signedInUser("editor");
    const partnerId = await addPartner(editor.cookie);
    await addContributor(editor.cookie, { partnerId: String(partnerId) });
    const { loader: partnerDeleteLoader } = await import("~/routes/_app.partners.$partnerId.delete");
    const confirm = await load(partnerDeleteLoader, {
      path: `/partners/${partnerId}/delete`,
      params: { partnerId: String(partnerId) },
      cookie: editor.cookie,
    });
    expect(confirm.data.dependants).toEqual(["1 contributor"]);
  });
});

describe("contributors as evidence", () => {
  it("suggests checklist line 3.3.2 when a contributor is added, and drops it when they are deleted", async () => {
    const editor = await signedInUser("editor");
    const id = await addContributor(editor.cookie, { activeFrom: "2025-04-01" });
    const links = () =>
      db
        .select({
          lineCode: evidenceLinks.lineCode,
          status: evidenceLinks.status,
          evidenceDate: evidenceLinks.evidenceDate,
        })
        .from(evidenceLinks)
        .where(and(eq(evidenceLinks.recordType, "contributor"), eq(evidenceLinks.recordId, id)))
        .all();
    expect(links()).toEqual([{ lineCode: "3.3.2a", status: "suggested", evidenceDate: "2025-04-01" }]);
    await submit(deleteAction, {
      path: `/contributors/${id}/delete`,
      params: { contributorId: String(id) },
      cookie: editor.cookie,
    });
    expect(links()).toEqual([]);
  });
});

describe("contributor permissions", () => {
  it("lets a viewer read everything and change nothing", async () => {
    const editor = await signedInUser("editor");
    const viewer = await signedInUser("viewer");
    const id = await addContributor(editor.cookie);
    const params = { contributorId: String(id) };
    expect((await load(listLoader, { path: "/contributors", cookie: viewer.cookie })).data.total).toBe(1);
    const page = await load(pageLoader, { path: `/contributors/${id}`, params, cookie: viewer.cookie });
    expect(page.status).toBe(200);
    expect(page.data.contributor.name).toBe("Amara Okafor");
    expect((await load(csvLoader, { path: "/contributors.csv", cookie: viewer.cookie })).status).toBe(200);
    expect((await load(newLoader, { path: "/contributors/new", cookie: viewer.cookie })).status).toBe(403);
    expect(
      (await load(editLoader, { path: `/contributors/${id}/edit`, params, cookie: viewer.cookie })).status,
    ).toBe(403);
    expect(
      (await load(deleteLoader, { path: `/contributors/${id}/delete`, params, cookie: viewer.cookie }))
        .status,
    ).toBe(403);
    expect(
      (
        await submit(newAction, {
          path: "/contributors/new",
          cookie: viewer.cookie,
          form: contributorFormData(),
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await submit(editAction, {
          path: `/contributors/${id}/edit`,
          params,
          cookie: viewer.cookie,
          form: contributorFormData({ name: "Hacked" }),
        })
      ).status,
    ).toBe(403);
    expect(
      (await submit(deleteAction, { path: `/contributors/${id}/delete`, params, cookie: viewer.cookie }))
        .status,
    ).toBe(403);
    const after = await load(listLoader, { path: "/contributors", cookie: viewer.cookie });
    expect(names(after.data.rows)).toEqual(["Amara Okafor"]);
  });

  it("sends anonymous visitors to sign in, for every page, action and the CSV", async () => {
    const editor = await signedInUser("editor");
    const id = await addContributor(editor.cookie);
    const params = { contributorId: String(id) };
    const answers = [
      await load(listLoader, { path: "/contributors" }),
      await load(csvLoader, { path: "/contributors.csv" }),
      await load(pageLoader, { path: `/contributors/${id}`, params }),
      await load(newLoader, { path: "/contributors/new" }),
      await load(editLoader, { path: `/contributors/${id}/edit`, params }),
      await load(deleteLoader, { path: `/contributors/${id}/delete`, params }),
      await submit(newAction, { path: "/contributors/new", form: contributorFormData() }),
      await submit(editAction, { path: `/contributors/${id}/edit`, params, form: contributorFormData() }),
      await submit(deleteAction, { path: `/contributors/${id}/delete`, params }),
    ];
    for (const answer of answers) expect(answer.location).toMatch(/^\/login/);
    const still = await load(listLoader, { path: "/contributors", cookie: editor.cookie });
    expect(still.data.total).toBe(1);
  });

  it("keeps the history for administrators only", async () => {
    const editor = await signedInUser("editor");
    const id = await addContributor(editor.cookie);
    const params = { recordType: "contributor", recordId: String(id) };
    expect(
      (await load(historyLoader, { path: `/history/contributor/${id}`, params, cookie: editor.cookie }))
        .status,
    ).toBe(403);
  });
});
