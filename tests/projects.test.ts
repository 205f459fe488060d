import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  auditEvents,
  benefits,
  contributors,
  evidenceLinks,
  fundingLines,
  projectPartners,
  userGroups,
  volunteers,
} from "~db/schema";
import { projectOptions } from "~/models/project.server";
import { db } from "~/utils/db.server";
import { loader as listLoader } from "~/routes/_app.projects._index";
import { loader as csvLoader } from "~/routes/projects[.]csv";
import { action as newAction, loader as newLoader } from "~/routes/_app.projects.new";
import { action as editAction, loader as editLoader } from "~/routes/_app.projects.$projectId.edit";
import { action as pageAction, loader as pageLoader } from "~/routes/_app.projects.$projectId._index";
import { action as deleteAction, loader as deleteLoader } from "~/routes/_app.projects.$projectId.delete";
import {
  action as removePartnerAction,
  loader as removePartnerLoader,
} from "~/routes/_app.projects.$projectId.partners.$partnerId.remove";
import {
  action as removeContributorAction,
  loader as removeContributorLoader,
} from "~/routes/_app.projects.$projectId.contributors.$contributorId.remove";
import {
  action as removeVolunteerAction,
  loader as removeVolunteerLoader,
} from "~/routes/_app.projects.$projectId.volunteers.$volunteerId.remove";
import {
  action as editFundingAction,
  loader as editFundingLoader,
} from "~/routes/_app.projects.$projectId.funding.$fundingId.edit";
import {
  action as deleteFundingAction,
  loader as deleteFundingLoader,
} from "~/routes/_app.projects.$projectId.funding.$fundingId.delete";
import {
  action as editGroupAction,
  loader as editGroupLoader,
} from "~/routes/_app.projects.$projectId.user-groups.$groupId.edit";
import {
  action as deleteGroupAction,
  loader as deleteGroupLoader,
} from "~/routes/_app.projects.$projectId.user-groups.$groupId.delete";
import { action as newPartnerAction } from "~/routes/_app.partners.new";
import { loader as historyLoader } from "~/routes/_app.history.$recordType.$recordId";
import { signedInUser } from "./support/factories";
import { partnerFormData } from "./support/forms";
import { load, submit } from "./support/requests";
import { listHistory } from "~/models/audit.server";

function projectFormData(overrides: Record<string, string> = {}) {
  return {
    title: "Stories of the River",
    description: "Oral history workshops with adult ESOL learners.",
    status: "active",
    startDate: "2025-09-01",
    endDate: "2026-07-31",
    learningOpportunities: "Six workshops and a family day.",
    audienceResearchShared: "on",
    notes: "",
    firstPartnerId: "",
    firstPartnerRole: "",
    ...overrides,
  };
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

async function addProject(cookie: string, overrides: Record<string, string> = {}) {
  const result = await submit(newAction, { path: "/projects/new", cookie, form: projectFormData(overrides) });
  expect(result.status).toBe(302);
  return Number(result.location!.match(/\/projects\/(\d+)/)![1]);
}

function onPage(id: number, cookie: string, form: Record<string, string>) {
  return submit(pageAction, { path: `/projects/${id}`, params: { projectId: String(id) }, cookie, form });
}

function page(id: number, cookie: string, search = "") {
  return load(pageLoader, { path: `/projects/${id}${search}`, params: { projectId: String(id) }, cookie });
}

function lastAudit(type: string, id: number) {
  return db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.recordId, id))
    .all()
    .filter((e) => e.recordType === type)
    .at(-1)!;
}

function addContributor(name: string) {
  return db.insert(contributors).values({ name, kind: "writer" }).returning({ id: contributors.id }).get().id;
}

function addVolunteer(name: string) {
  return db
    .insert(volunteers)
    .values({ name, programme: "volunteer", status: "active" })
    .returning({ id: volunteers.id })
    .get().id;
}

describe("adding and changing projects", () => {
  it("adds a project with its first partner and role, and shows everything on its page", async () => {
    const editor = await signedInUser("editor");
    const partnerId = await addPartner(editor.cookie);
    const id = await addProject(editor.cookie, {
      firstPartnerId: String(partnerId),
      firstPartnerRole: "lead",
    });
    const shown = await page(id, editor.cookie);
    expect(shown.data.project).toMatchObject({
      title: "Stories of the River",
      status: "active",
      startDate: "2025-09-01",
      audienceResearchShared: true,
      learningOpportunities: "Six workshops and a family day.",
    });
    expect(shown.data.partners).toEqual([{ partnerId, name: "Riverside College", role: "lead" }]);
    // Already on the project, so a search for it finds nothing to add.
    expect((await page(id, editor.cookie, "?partnerQuery=riverside")).data.partnerSearch).toEqual({
      matches: [],
      more: false,
    });
    expect(shown.data.history[0]).not.toHaveProperty("changes");
    expect(listHistory({ type: "project", id: id })[0].changes.partners).toEqual([
      null,
      "Riverside College (lead)",
    ]);
  });

  it("offers the partner named in the address as the first partner, as lead", async () => {
    const editor = await signedInUser("editor");
    const partnerId = await addPartner(editor.cookie);
    const prefilled = await load(newLoader, {
      path: `/projects/new?partnerId=${partnerId}`,
      cookie: editor.cookie,
    });
    expect(prefilled.data).toMatchObject({ partnerId, role: "lead" });
    const host = await load(newLoader, {
      path: `/projects/new?partnerId=${partnerId}&role=host`,
      cookie: editor.cookie,
    });
    expect(host.data.role).toBe("host");
    const unknown = await load(newLoader, { path: "/projects/new?partnerId=999", cookie: editor.cookie });
    expect(unknown.data).toMatchObject({ partnerId: null, role: null });
  });

  it("explains each invalid field and keeps every typed value", async () => {
    const editor = await signedInUser("editor");
    const partnerId = await addPartner(editor.cookie);
    const result = await submit(newAction, {
      path: "/projects/new",
      cookie: editor.cookie,
      form: projectFormData({
        title: "  ",
        status: "dreaming",
        startDate: "2025-09-01",
        endDate: "2025-01-01",
        firstPartnerId: String(partnerId),
        firstPartnerRole: "",
        notes: "Keep this note",
      }),
    });
    expect(result.status).toBe(400);
    expect(result.data.errors).toEqual({
      title: ["Enter the project's title."],
      status: ["Choose the status of the project."],
      endDate: ["The end date must be on or after the start date."],
      firstPartnerRole: ["Choose the partner's role in the project."],
    });
    expect(result.data.values).toMatchObject({
      status: "dreaming",
      notes: "Keep this note",
      firstPartnerId: String(partnerId),
      audienceResearchShared: "on",
    });
  });

  it("refuses a first partner that does not exist, and adds nothing", async () => {
    const editor = await signedInUser("editor");
    const result = await submit(newAction, {
      path: "/projects/new",
      cookie: editor.cookie,
      form: projectFormData({ firstPartnerId: "4242", firstPartnerRole: "host" }),
    });
    expect(result.status).toBe(400);
    expect(result.data.errors).toEqual({ firstPartnerId: ["Choose a partner from the list."] });
    expect(result.data.values.title).toBe("Stories of the River");
    expect((await load(listLoader, { path: "/projects", cookie: editor.cookie })).data.total).toBe(0);
  });

  it("records each change in the history, with before and after", async () => {
    const admin = await signedInUser("admin");
    const id = await addProject(admin.cookie);
    const params = { projectId: String(id) };
    expect(
      (await load(editLoader, { path: `/projects/${id}/edit`, params, cookie: admin.cookie })).status,
    ).toBe(200);
    const edited = await submit(editAction, {
      path: `/projects/${id}/edit`,
      params,
      cookie: admin.cookie,
      form: projectFormData({ status: "completed", audienceResearchShared: "" }),
    });
    expect(edited.location).toBe(`/projects/${id}?notice=saved`);
    const history = await load(historyLoader, {
      path: `/history/project/${id}`,
      params: { recordType: "project", recordId: String(id) },
      cookie: admin.cookie,
    });
    expect(history.data.label).toBe("Stories of the River");
    expect(history.data.history[0].changes).toEqual({
      status: ["active", "completed"],
      audienceResearchShared: [true, false],
    });
  });
});

describe("a project's partners, contributors and volunteers", () => {
  it("adds partners with roles, refuses duplicates, changes a role and removes a partner", async () => {
    const editor = await signedInUser("editor");
    const riverside = await addPartner(editor.cookie, "Riverside College");
    const eastbridge = await addPartner(editor.cookie, "Eastbridge Library");
    const id = await addProject(editor.cookie, {
      firstPartnerId: String(riverside),
      firstPartnerRole: "lead",
    });

    // Found by part of the name, leaving out the partner already on the project.
    expect((await page(id, editor.cookie)).data.partnerSearch).toBeNull();
    const choices = await page(id, editor.cookie, "?partnerQuery=r");
    expect(choices.data.partnerSearch).toEqual({
      matches: [{ id: eastbridge, name: "Eastbridge Library" }],
      more: false,
    });

    const added = await onPage(id, editor.cookie, {
      intent: "add-partner",
      partnerId: String(eastbridge),
      role: "host",
      partnerQuery: "r",
    });
    expect(added.location).toBe(`/projects/${id}?partnerQuery=r&notice=partner-added`);
    expect(lastAudit("project", id).changes).toEqual({
      partners: ["Riverside College (lead)", "Riverside College (lead), Eastbridge Library (host)"],
    });

    const duplicate = await onPage(id, editor.cookie, {
      intent: "add-partner",
      partnerId: String(eastbridge),
      role: "funder",
    });
    expect(duplicate.status).toBe(400);
    expect(duplicate.data.intent).toBe("add-partner");
    expect(duplicate.data.errors.partnerId[0]).toMatch(
      /^Eastbridge Library is already a partner in this project/,
    );
    expect(duplicate.data.values.role).toBe("funder");

    const missing = await onPage(id, editor.cookie, { intent: "add-partner", partnerId: "", role: "" });
    expect(missing.status).toBe(400);
    expect(missing.data.errors).toEqual({
      partnerId: ["Choose a partner from the list."],
      role: ["Choose the partner's role in the project."],
    });
    const unknown = await onPage(id, editor.cookie, {
      intent: "add-partner",
      partnerId: "999",
      role: "host",
    });
    expect(unknown.data.errors).toEqual({ partnerId: ["Choose a partner from the list."] });

    const changed = await onPage(id, editor.cookie, {
      intent: "change-partner-role",
      partnerId: String(eastbridge),
      role: "co_deliverer",
    });
    expect(changed.location).toBe(`/projects/${id}?notice=partner-role-changed`);
    expect(lastAudit("project", id).changes.partners[1]).toBe(
      "Riverside College (lead), Eastbridge Library (co-deliverer)",
    );

    const params = { projectId: String(id), partnerId: String(riverside) };
    const confirm = await load(removePartnerLoader, {
      path: `/projects/${id}/partners/${riverside}/remove`,
      params,
      cookie: editor.cookie,
    });
    expect(confirm.data.link).toEqual({ partnerId: riverside, name: "Riverside College", role: "lead" });
    const removed = await submit(removePartnerAction, {
      path: `/projects/${id}/partners/${riverside}/remove`,
      params,
      cookie: editor.cookie,
    });
    expect(removed.location).toBe(`/projects/${id}?notice=partner-removed`);
    expect((await page(id, editor.cookie)).data.partners).toEqual([
      { partnerId: eastbridge, name: "Eastbridge Library", role: "co_deliverer" },
    ]);
    expect(lastAudit("project", id).changes).toEqual({
      partners: [
        "Riverside College (lead), Eastbridge Library (co-deliverer)",
        "Eastbridge Library (co-deliverer)",
      ],
    });
    // The link has gone, so its confirmation page has too.
    expect(
      (
        await load(removePartnerLoader, {
          path: `/projects/${id}/partners/${riverside}/remove`,
          params,
          cookie: editor.cookie,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await submit(removePartnerAction, {
          path: `/projects/${id}/partners/${riverside}/remove`,
          params,
          cookie: editor.cookie,
        })
      ).status,
    ).toBe(404);
  });

  it("finds contributors to add by name, refuses duplicates and removes one", async () => {
    const editor = await signedInUser("editor");
    const id = await addProject(editor.cookie);
    const zoe = addContributor("Zoe Writer");
    const amir = addContributor("Amir Artist");
    const before = await page(id, editor.cookie, "?contributorQuery=ARTIST");
    expect(before.data.contributorSearch).toEqual({
      matches: [{ id: amir, name: "Amir Artist", kind: "writer" }],
      more: false,
    });
    for (const contributorId of [zoe, amir]) {
      const added = await onPage(id, editor.cookie, {
        intent: "add-contributor",
        contributorId: String(contributorId),
      });
      expect(added.location).toBe(`/projects/${id}?notice=contributor-added`);
    }
    expect(lastAudit("project", id).changes).toEqual({
      contributors: ["Zoe Writer", "Zoe Writer, Amir Artist"],
    });
    const after = await page(id, editor.cookie);
    expect(after.data.contributors.map((c: { name: string }) => c.name)).toEqual([
      "Amir Artist",
      "Zoe Writer",
    ]);
    expect((await page(id, editor.cookie, "?contributorQuery=r")).data.contributorSearch).toEqual({
      matches: [],
      more: false,
    });

    const duplicate = await onPage(id, editor.cookie, {
      intent: "add-contributor",
      contributorId: String(zoe),
    });
    expect(duplicate.status).toBe(400);
    expect(duplicate.data.errors).toEqual({
      contributorId: ["Zoe Writer is already a contributor to this project."],
    });
    const none = await onPage(id, editor.cookie, { intent: "add-contributor", contributorId: "" });
    expect(none.data.errors).toEqual({ contributorId: ["Choose a contributor from the list."] });

    const params = { projectId: String(id), contributorId: String(zoe) };
    const confirm = await load(removeContributorLoader, {
      path: `/projects/${id}/contributors/${zoe}/remove`,
      params,
      cookie: editor.cookie,
    });
    expect(confirm.data.link.name).toBe("Zoe Writer");
    const removed = await submit(removeContributorAction, {
      path: `/projects/${id}/contributors/${zoe}/remove`,
      params,
      cookie: editor.cookie,
    });
    expect(removed.location).toBe(`/projects/${id}?notice=contributor-removed`);
    expect(lastAudit("project", id).changes).toEqual({
      contributors: ["Zoe Writer, Amir Artist", "Amir Artist"],
    });
  });

  it("finds volunteers to add by name, 20 at a time, leaving out those already on the project", async () => {
    const editor = await signedInUser("editor");
    const id = await addProject(editor.cookie);
    const ids: number[] = [];
    for (let i = 1; i <= 25; i += 1) ids.push(addVolunteer(`Volunteer ${String(i).padStart(2, "0")}`));
    const priya = addVolunteer("Priya Shah");

    expect((await page(id, editor.cookie)).data.volunteerSearch).toBeNull();
    const many = await page(id, editor.cookie, "?volunteerQuery=volunteer");
    expect(many.data.volunteerSearch.matches).toHaveLength(20);
    expect(many.data.volunteerSearch.more).toBe(true);
    expect(many.data.volunteerSearch.matches[0].name).toBe("Volunteer 01");

    const added = await onPage(id, editor.cookie, {
      intent: "add-volunteer",
      volunteerId: String(priya),
      volunteerQuery: "priya",
    });
    expect(added.location).toBe(`/projects/${id}?volunteerQuery=priya&notice=volunteer-added`);
    expect(lastAudit("project", id).changes).toEqual({ volunteers: [null, "Priya Shah"] });
    const again = await page(id, editor.cookie, "?volunteerQuery=PRIYA");
    expect(again.data.volunteerSearch).toEqual({ matches: [], more: false });
    expect(again.data.volunteers.map((v: { name: string }) => v.name)).toEqual(["Priya Shah"]);

    await onPage(id, editor.cookie, { intent: "add-volunteer", volunteerId: String(ids[0]) });
    const fewer = await page(id, editor.cookie, "?volunteerQuery=volunteer");
    expect(fewer.data.volunteerSearch.matches[0].name).toBe("Volunteer 02");

    const duplicate = await onPage(id, editor.cookie, {
      intent: "add-volunteer",
      volunteerId: String(priya),
    });
    expect(duplicate.status).toBe(400);
    expect(duplicate.data.errors).toEqual({
      volunteerId: ["Priya Shah is already a volunteer on this project."],
    });
    const unknown = await onPage(id, editor.cookie, { intent: "add-volunteer", volunteerId: "99999" });
    expect(unknown.data.errors).toEqual({ volunteerId: ["Choose a volunteer to add."] });

    const params = { projectId: String(id), volunteerId: String(priya) };
    expect(
      (
        await load(removeVolunteerLoader, {
          path: `/projects/${id}/volunteers/${priya}/remove`,
          params,
          cookie: editor.cookie,
        })
      ).data.link.name,
    ).toBe("Priya Shah");
    const removed = await submit(removeVolunteerAction, {
      path: `/projects/${id}/volunteers/${priya}/remove`,
      params,
      cookie: editor.cookie,
    });
    expect(removed.location).toBe(`/projects/${id}?notice=volunteer-removed`);
    expect((await page(id, editor.cookie)).data.volunteers.map((v: { name: string }) => v.name)).toEqual([
      "Volunteer 01",
    ]);
  });

  it("refuses an unknown intent", async () => {
    const editor = await signedInUser("editor");
    const id = await addProject(editor.cookie);
    expect((await onPage(id, editor.cookie, { intent: "launch-rocket" })).status).toBe(400);
    expect((await onPage(999, editor.cookie, { intent: "add-partner" })).status).toBe(404);
  });
});

describe("funding lines and user groups", () => {
  it("adds funding lines in pounds, stores pence and totals them by status", async () => {
    const editor = await signedInUser("editor");
    const id = await addProject(editor.cookie);
    const lines = [
      { source: "Heritage Fund", amount: "£1,250.50", status: "secured", date: "2025-10-01" },
      { source: "Town council", amount: "500", status: "secured", date: "" },
      { source: "Arts trust", amount: " 2,000.5 ", status: "pending", date: "1/11/2025" },
      { source: "Lottery", amount: "99.99", status: "declined", date: "" },
    ];
    for (const line of lines) {
      const added = await onPage(id, editor.cookie, { intent: "add-funding", ...line });
      expect(added.location).toBe(`/projects/${id}?notice=funding-added`);
    }
    const stored = db.select().from(fundingLines).all();
    expect(stored.map((l) => l.amountPence)).toEqual([125050, 50000, 200050, 9999]);
    expect(stored[2].date).toBe("2025-11-01");
    expect(lastAudit("funding", stored[0].id).changes).toMatchObject({
      source: [null, "Heritage Fund"],
      amountPence: [null, 125050],
      status: [null, "secured"],
    });
    const shown = await page(id, editor.cookie);
    expect(shown.data.fundingTotals).toEqual({ secured: 175050, pending: 200050, declined: 9999 });
    const list = await load(listLoader, { path: "/projects", cookie: editor.cookie });
    expect(list.data.rows[0].securedPence).toBe(175050);
  });

  it("explains invalid funding beside that form and keeps what was typed", async () => {
    const editor = await signedInUser("editor");
    const id = await addProject(editor.cookie);
    const result = await onPage(id, editor.cookie, {
      intent: "add-funding",
      source: "",
      amount: "about a grand",
      status: "maybe",
      date: "31/02/2026",
    });
    expect(result.status).toBe(400);
    expect(result.data.intent).toBe("add-funding");
    expect(result.data.errors).toEqual({
      source: ["Enter where the money comes from."],
      amount: ["Enter an amount in pounds, like 1250 or 1250.50."],
      status: ["Choose whether the funding is pending, secured or declined."],
      date: ["Enter a real date, like 23/11/2026."],
    });
    expect(result.data.values).toMatchObject({ amount: "about a grand", date: "31/02/2026" });
    const empty = await onPage(id, editor.cookie, {
      intent: "add-funding",
      source: "Trust",
      amount: "",
      status: "pending",
    });
    expect(empty.data.errors).toEqual({ amount: ["Enter the amount."] });
    const tooPrecise = await onPage(id, editor.cookie, {
      intent: "add-funding",
      source: "Trust",
      amount: "10.505",
      status: "pending",
    });
    expect(tooPrecise.data.errors.amount).toEqual(["Enter an amount in pounds, like 1250 or 1250.50."]);
    expect(db.select().from(fundingLines).all()).toEqual([]);
  });

  it("edits and deletes a funding line, only through its own project", async () => {
    const editor = await signedInUser("editor");
    const id = await addProject(editor.cookie);
    const other = await addProject(editor.cookie, { title: "Another project" });
    await onPage(id, editor.cookie, {
      intent: "add-funding",
      source: "Heritage Fund",
      amount: "1000",
      status: "pending",
    });
    const lineId = db.select().from(fundingLines).get()!.id;
    const params = { projectId: String(id), fundingId: String(lineId) };
    const form = await load(editFundingLoader, {
      path: `/projects/${id}/funding/${lineId}/edit`,
      params,
      cookie: editor.cookie,
    });
    expect(form.data.line).toMatchObject({
      source: "Heritage Fund",
      amountPence: 100000,
      projectTitle: "Stories of the River",
    });

    const wrongProject = { projectId: String(other), fundingId: String(lineId) };
    for (const [loader, path] of [
      [editFundingLoader, "edit"],
      [deleteFundingLoader, "delete"],
    ] as const) {
      expect(
        (
          await load(loader, {
            path: `/projects/${other}/funding/${lineId}/${path}`,
            params: wrongProject,
            cookie: editor.cookie,
          })
        ).status,
      ).toBe(404);
    }
    expect(
      (
        await submit(deleteFundingAction, {
          path: `/projects/${other}/funding/${lineId}/delete`,
          params: wrongProject,
          cookie: editor.cookie,
        })
      ).status,
    ).toBe(404);

    const bad = await submit(editFundingAction, {
      path: `/projects/${id}/funding/${lineId}/edit`,
      params,
      cookie: editor.cookie,
      form: { source: "Heritage Fund", amount: "-5", status: "secured", date: "" },
    });
    expect(bad.status).toBe(400);
    expect(bad.data.values.amount).toBe("-5");
    const saved = await submit(editFundingAction, {
      path: `/projects/${id}/funding/${lineId}/edit`,
      params,
      cookie: editor.cookie,
      form: { source: "Heritage Fund", amount: "1,200", status: "secured", date: "2026-01-15" },
    });
    expect(saved.location).toBe(`/projects/${id}?notice=funding-saved`);
    expect(lastAudit("funding", lineId).changes).toEqual({
      amountPence: [100000, 120000],
      status: ["pending", "secured"],
      date: [null, "2026-01-15"],
    });
    const confirm = await load(deleteFundingLoader, {
      path: `/projects/${id}/funding/${lineId}/delete`,
      params,
      cookie: editor.cookie,
    });
    expect(confirm.status).toBe(200);
    const deleted = await submit(deleteFundingAction, {
      path: `/projects/${id}/funding/${lineId}/delete`,
      params,
      cookie: editor.cookie,
    });
    expect(deleted.location).toBe(`/projects/${id}?notice=funding-deleted`);
    expect(db.select().from(fundingLines).all()).toEqual([]);
    expect(lastAudit("funding", lineId).action).toBe("delete");
  });

  it("adds user groups, marks new or infrequent users and totals them", async () => {
    const editor = await signedInUser("editor");
    const id = await addProject(editor.cookie);
    const groups: Record<string, string>[] = [
      { description: "Adult ESOL learners", number: "1,200", newOrInfrequent: "on" },
      { description: "Year 5 pupils", number: "60" },
      { description: "Carers", number: "", newOrInfrequent: "on" },
    ];
    for (const group of groups) {
      const added = await onPage(id, editor.cookie, { intent: "add-user-group", ...group });
      expect(added.location).toBe(`/projects/${id}?notice=user-group-added`);
    }
    const shown = await page(id, editor.cookie);
    expect(
      shown.data.userGroups.map((g: { number: number | null; newOrInfrequent: boolean }) => [
        g.number,
        g.newOrInfrequent,
      ]),
    ).toEqual([
      [1200, true],
      [60, false],
      [null, true],
    ]);
    expect(shown.data.groupTotals).toEqual({ groups: 3, people: 1260, newOrInfrequent: 1200 });
    const stored = db.select().from(userGroups).all();
    expect(lastAudit("user_group", stored[0].id).action).toBe("create");

    const bad = await onPage(id, editor.cookie, {
      intent: "add-user-group",
      description: "",
      number: "lots",
    });
    expect(bad.status).toBe(400);
    expect(bad.data.intent).toBe("add-user-group");
    expect(bad.data.errors).toEqual({
      description: ["Enter a description of the group."],
      number: ["Enter a whole number, like 25."],
    });
    expect(bad.data.values.number).toBe("lots");
  });

  it("edits and deletes a user group, only through its own project", async () => {
    const editor = await signedInUser("editor");
    const id = await addProject(editor.cookie);
    const other = await addProject(editor.cookie, { title: "Another project" });
    await onPage(id, editor.cookie, { intent: "add-user-group", description: "Carers", number: "12" });
    const groupId = db.select().from(userGroups).get()!.id;
    const params = { projectId: String(id), groupId: String(groupId) };
    const wrong = { projectId: String(other), groupId: String(groupId) };
    expect((await load(editGroupLoader, { path: "/x", params: wrong, cookie: editor.cookie })).status).toBe(
      404,
    );
    expect((await load(deleteGroupLoader, { path: "/x", params: wrong, cookie: editor.cookie })).status).toBe(
      404,
    );
    expect(
      (
        await submit(editGroupAction, {
          path: "/x",
          params: wrong,
          cookie: editor.cookie,
          form: { description: "Hacked" },
        })
      ).status,
    ).toBe(404);
    expect(
      (await load(editGroupLoader, { path: "/x", params, cookie: editor.cookie })).data.group.description,
    ).toBe("Carers");
    const saved = await submit(editGroupAction, {
      path: `/projects/${id}/user-groups/${groupId}/edit`,
      params,
      cookie: editor.cookie,
      form: { description: "Carers of people with dementia", number: "14", newOrInfrequent: "on" },
    });
    expect(saved.location).toBe(`/projects/${id}?notice=user-group-saved`);
    expect(lastAudit("user_group", groupId).changes).toEqual({
      description: ["Carers", "Carers of people with dementia"],
      number: [12, 14],
      newOrInfrequent: [false, true],
    });
    const deleted = await submit(deleteGroupAction, { path: "/x", params, cookie: editor.cookie });
    expect(deleted.location).toBe(`/projects/${id}?notice=user-group-deleted`);
    expect(db.select().from(userGroups).all()).toEqual([]);
  });
});

describe("finding projects", () => {
  it("searches title and description, filters by status, partner and start date, sorts and pages", async () => {
    const editor = await signedInUser("editor");
    const riverside = await addPartner(editor.cookie, "Riverside College");
    const eastbridge = await addPartner(editor.cookie, "Eastbridge Library");
    for (let i = 1; i <= 30; i += 1) {
      await addProject(editor.cookie, {
        title: `Project ${String(i).padStart(2, "0")}`,
        description: i === 7 ? "Reminiscence sessions in care homes" : "Workshops",
        status: i % 3 === 0 ? "planned" : "active",
        startDate: `2025-${String((i % 12) + 1).padStart(2, "0")}-01`,
        endDate: "",
        firstPartnerId: i % 10 === 0 ? String(eastbridge) : i % 2 === 0 ? String(riverside) : "",
        firstPartnerRole: i % 2 === 0 ? "lead" : "",
      });
    }
    const all = await load(listLoader, { path: "/projects", cookie: editor.cookie });
    expect(all.data.total).toBe(30);
    expect(all.data.rows).toHaveLength(25);
    expect(all.data.rows[0]).toMatchObject({ title: "Project 01", partners: [], securedPence: 0 });
    expect(all.data.rows[1].partners).toEqual([{ id: riverside, name: "Riverside College" }]);
    expect(all.data.chosen.partner).toBeNull();
    const second = await load(listLoader, { path: "/projects?page=2", cookie: editor.cookie });
    expect(second.data.rows.map((r: { title: string }) => r.title)).toEqual([
      "Project 26",
      "Project 27",
      "Project 28",
      "Project 29",
      "Project 30",
    ]);
    const byDescription = await load(listLoader, { path: "/projects?q=REMINISCENCE", cookie: editor.cookie });
    expect(byDescription.data.rows.map((r: { title: string }) => r.title)).toEqual(["Project 07"]);
    const byTitle = await load(listLoader, { path: "/projects?q=project%201", cookie: editor.cookie });
    expect(byTitle.data.total).toBe(10); // Project 10 to 19
    const planned = await load(listLoader, { path: "/projects?status=planned", cookie: editor.cookie });
    expect(planned.data.total).toBe(10);
    const withEastbridge = await load(listLoader, {
      path: `/projects?partnerId=${eastbridge}`,
      cookie: editor.cookie,
    });
    expect(withEastbridge.data.rows.map((r: { title: string }) => r.title)).toEqual([
      "Project 10",
      "Project 20",
      "Project 30",
    ]);
    expect(withEastbridge.data.chosen.partner).toEqual({ id: eastbridge, name: "Eastbridge Library" });
    const byPartnerName = await load(listLoader, {
      path: "/projects?partner=eastbridge",
      cookie: editor.cookie,
    });
    expect(byPartnerName.data.rows.map((r: { title: string }) => r.title)).toEqual([
      "Project 10",
      "Project 20",
      "Project 30",
    ]);
    const plannedWithRiverside = await load(listLoader, {
      path: "/projects?partner=Riverside%20college&status=planned",
      cookie: editor.cookie,
    });
    expect(plannedWithRiverside.data.rows.map((r: { title: string }) => r.title)).toEqual([
      "Project 06",
      "Project 12",
      "Project 18",
      "Project 24",
    ]);
    // i % 12 + 1 = 2 or 3: i = 1, 2, 13, 14, 25, 26.
    const started = await load(listLoader, {
      path: "/projects?startedFrom=2025-02-01&startedTo=2025-03-01",
      cookie: editor.cookie,
    });
    expect(started.data.total).toBe(6);
    const desc = await load(listLoader, { path: "/projects?sort=title&dir=desc", cookie: editor.cookie });
    expect(desc.data.rows[0].title).toBe("Project 30");
    const byStart = await load(listLoader, { path: "/projects?sort=start", cookie: editor.cookie });
    expect(byStart.data.rows.slice(0, 2).map((r: { title: string }) => r.title)).toEqual([
      "Project 12",
      "Project 24",
    ]);
    const byStatus = await load(listLoader, {
      path: "/projects?sort=status&dir=desc",
      cookie: editor.cookie,
    });
    expect(byStatus.data.rows[0].status).toBe("planned");
  });

  it("treats search text literally and ignores nonsense in the address", async () => {
    const editor = await signedInUser("editor");
    await addProject(editor.cookie, { title: "100% Reading" });
    await addProject(editor.cookie, { title: "Reading Hub" });
    const percent = await load(listLoader, { path: "/projects?q=100%25", cookie: editor.cookie });
    expect(percent.data.rows.map((r: { title: string }) => r.title)).toEqual(["100% Reading"]);
    const nonsense = await load(listLoader, {
      path: "/projects?status=zzz&partnerId=abc&page=-4&sort=evil&dir=sideways&startedFrom=yesterday",
      cookie: editor.cookie,
    });
    expect(nonsense.status).toBe(200);
    expect(nonsense.data.total).toBe(2);
  });

  it("downloads exactly what the filters show as spreadsheet-safe CSV, with partners and totals", async () => {
    const editor = await signedInUser("editor");
    const riverside = await addPartner(editor.cookie, "Riverside College");
    const eastbridge = await addPartner(editor.cookie, "Eastbridge Library");
    const evil = await addProject(editor.cookie, {
      title: '=HYPERLINK("http://evil")',
      firstPartnerId: String(riverside),
      firstPartnerRole: "lead",
    });
    await onPage(evil, editor.cookie, { intent: "add-partner", partnerId: String(eastbridge), role: "host" });
    for (const line of [
      { source: "Fund A", amount: "1,250.50", status: "secured" },
      { source: "Fund B", amount: "100", status: "secured" },
      { source: "Fund C", amount: "75.25", status: "pending" },
      { source: "Fund D", amount: "5000", status: "declined" },
    ]) {
      await onPage(evil, editor.cookie, { intent: "add-funding", ...line });
    }
    await onPage(evil, editor.cookie, {
      intent: "add-user-group",
      description: "Learners",
      number: "40",
      newOrInfrequent: "on",
    });
    await onPage(evil, editor.cookie, { intent: "add-user-group", description: "Families", number: "25" });
    await addProject(editor.cookie, {
      title: "Plain project",
      notes: "Line one\nLine two, with comma",
      audienceResearchShared: "",
    });
    await addProject(editor.cookie, { title: "Planned one", status: "planned" });

    const result = await load(csvLoader, { path: "/projects.csv?status=active", cookie: editor.cookie });
    expect(result.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(result.headers.get("Content-Disposition")).toMatch(
      /attachment; filename="projects-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const { parse } = await import("csv-parse/sync");
    const rows: string[][] = parse((result.data as string).replace(/^\ufeff/, ""));
    expect(rows[0]).toEqual([
      "ID",
      "Title",
      "Status",
      "Start date",
      "End date",
      "Description",
      "Partners (role)",
      "Funding secured (£)",
      "Funding pending (£)",
      "Users reached",
      "New or infrequent users reached",
      "Learning opportunities offered",
      "Audience research shared with partners",
      "Notes",
    ]);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual([
      String(evil),
      '\'=HYPERLINK("http://evil")',
      "Active",
      "2025-09-01",
      "2026-07-31",
      "Oral history workshops with adult ESOL learners.",
      "Riverside College (lead); Eastbridge Library (host)",
      "1350.5",
      "75.25",
      "65",
      "40",
      "Six workshops and a family day.",
      "Yes",
      "",
    ]);
    expect(rows[2].slice(6, 11)).toEqual(["", "0", "0", "0", "0"]);
    expect(rows[2][12]).toBe("No");
    expect(rows[2][13]).toBe("Line one\nLine two, with comma");
  });
});

describe("deleting projects", () => {
  it("says what goes with the project, then deletes it with its funding and user groups", async () => {
    const editor = await signedInUser("editor");
    const partnerId = await addPartner(editor.cookie);
    const id = await addProject(editor.cookie, {
      firstPartnerId: String(partnerId),
      firstPartnerRole: "lead",
    });
    await onPage(id, editor.cookie, {
      intent: "add-funding",
      source: "Fund",
      amount: "10",
      status: "secured",
    });
    await onPage(id, editor.cookie, { intent: "add-user-group", description: "Learners" });
    await onPage(id, editor.cookie, {
      intent: "add-volunteer",
      volunteerId: String(addVolunteer("Priya Shah")),
    });
    const params = { projectId: String(id) };
    const confirm = await load(deleteLoader, {
      path: `/projects/${id}/delete`,
      params,
      cookie: editor.cookie,
    });
    expect(confirm.data.dependants).toEqual([]);
    expect(confirm.data.parts).toEqual([
      "1 partner link",
      "1 volunteer link",
      "1 funding line",
      "1 user group",
    ]);
    const lineId = db.select().from(fundingLines).get()!.id;
    const deleted = await submit(deleteAction, {
      path: `/projects/${id}/delete`,
      params,
      cookie: editor.cookie,
    });
    expect(deleted.location).toBe("/projects?notice=deleted");
    expect((await page(id, editor.cookie)).status).toBe(404);
    expect(db.select().from(fundingLines).all()).toEqual([]);
    expect(db.select().from(userGroups).all()).toEqual([]);
    expect(db.select().from(projectPartners).all()).toEqual([]);
    expect(lastAudit("funding", lineId).action).toBe("delete");
    const audit = lastAudit("project", id);
    expect(audit.action).toBe("delete");
    expect(audit.changes.partners).toEqual(["Riverside College (lead)", null]);
    expect(audit.changes.volunteers).toEqual(["Priya Shah", null]);
    // The partner itself stays.
    expect(
      (await load(listLoader, { path: `/projects?partnerId=${partnerId}`, cookie: editor.cookie })).data
        .total,
    ).toBe(0);
  });

  it("refuses to delete a project that a benefit refers to, and explains why", async () => {
    const editor = await signedInUser("editor");
    const id = await addProject(editor.cookie);
    db.insert(benefits)
      .values({
        beneficiary: "users",
        description: "Learners gained confidence",
        date: "2026-01-10",
        projectId: id,
        source: "feedback",
      })
      .run();
    const params = { projectId: String(id) };
    const confirm = await load(deleteLoader, {
      path: `/projects/${id}/delete`,
      params,
      cookie: editor.cookie,
    });
    expect(confirm.data.dependants).toEqual(["1 benefit"]);
    const refused = await submit(deleteAction, {
      path: `/projects/${id}/delete`,
      params,
      cookie: editor.cookie,
    });
    expect(refused.location).toBe(`/projects/${id}/delete`);
    const shown = await page(id, editor.cookie);
    expect(shown.status).toBe(200);
    expect(shown.data.benefits.map((b: { description: string }) => b.description)).toEqual([
      "Learners gained confidence",
    ]);
  });
});

describe("evidence from projects", () => {
  it("suggests secured funding with partners as evidence (3.2.1), and withdraws it with the project", async () => {
    const editor = await signedInUser("editor");
    const partnerId = await addPartner(editor.cookie);
    const id = await addProject(editor.cookie);
    await onPage(id, editor.cookie, {
      intent: "add-funding",
      source: "Fund",
      amount: "10",
      status: "secured",
    });
    const lineId = db.select().from(fundingLines).get()!.id;
    const fundingEvidence = () =>
      db
        .select({ line: evidenceLinks.lineCode })
        .from(evidenceLinks)
        .where(and(eq(evidenceLinks.recordType, "funding"), eq(evidenceLinks.recordId, lineId)))
        .all()
        .map((l) => l.line);
    // No partner yet: not a partnership.
    expect(fundingEvidence()).not.toContain("3.2.1");
    await onPage(id, editor.cookie, { intent: "add-partner", partnerId: String(partnerId), role: "funder" });
    expect(fundingEvidence()).toContain("3.2.1");
    await submit(deleteAction, {
      path: `/projects/${id}/delete`,
      params: { projectId: String(id) },
      cookie: editor.cookie,
    });
    expect(
      db
        .select()
        .from(evidenceLinks)
        .all()
        .filter((l) => l.recordType !== "partner"),
    ).toEqual([]);
  });
});

describe("project options for other forms", () => {
  it("lists planned and active projects by title, plus any already chosen", async () => {
    const editor = await signedInUser("editor");
    const b = await addProject(editor.cookie, { title: "B project" });
    await addProject(editor.cookie, { title: "A project", status: "planned" });
    const done = await addProject(editor.cookie, { title: "C project", status: "completed" });
    expect(projectOptions().map((p) => p.title)).toEqual(["A project", "B project"]);
    expect(projectOptions([done, null]).map((p) => p.id)).toContain(done);
    expect(projectOptions()[1]).toEqual({ id: b, title: "B project" });
  });
});

describe("project permissions", () => {
  it("lets a viewer read everything and change nothing, on every action and intent", async () => {
    const editor = await signedInUser("editor");
    const viewer = await signedInUser("viewer");
    const partnerId = await addPartner(editor.cookie);
    const id = await addProject(editor.cookie, {
      firstPartnerId: String(partnerId),
      firstPartnerRole: "lead",
    });
    const contributorId = addContributor("Zoe Writer");
    const volunteerId = addVolunteer("Priya Shah");
    await onPage(id, editor.cookie, { intent: "add-contributor", contributorId: String(contributorId) });
    await onPage(id, editor.cookie, { intent: "add-volunteer", volunteerId: String(volunteerId) });
    await onPage(id, editor.cookie, {
      intent: "add-funding",
      source: "Fund",
      amount: "10",
      status: "secured",
    });
    await onPage(id, editor.cookie, { intent: "add-user-group", description: "Learners" });
    const fundingId = db.select().from(fundingLines).get()!.id;
    const groupId = db.select().from(userGroups).get()!.id;
    const cookie = viewer.cookie;
    const params = { projectId: String(id) };

    expect((await load(listLoader, { path: "/projects", cookie })).data.total).toBe(1);
    expect((await load(csvLoader, { path: "/projects.csv", cookie })).status).toBe(200);
    // A viewer is never offered records to add, whatever the address asks for.
    const shown = await page(id, cookie, "?volunteerQuery=a&partnerQuery=a&contributorQuery=a");
    expect(shown.status).toBe(200);
    expect(shown.data.partners).toHaveLength(1);
    expect(shown.data.volunteerSearch).toBeNull();
    expect(shown.data.partnerSearch).toBeNull();
    expect(shown.data.contributorSearch).toBeNull();

    const loaders: [(args: LoaderFunctionArgs) => unknown, Record<string, string>][] = [
      [newLoader, {}],
      [editLoader, params],
      [deleteLoader, params],
      [removePartnerLoader, { ...params, partnerId: String(partnerId) }],
      [removeContributorLoader, { ...params, contributorId: String(contributorId) }],
      [removeVolunteerLoader, { ...params, volunteerId: String(volunteerId) }],
      [editFundingLoader, { ...params, fundingId: String(fundingId) }],
      [deleteFundingLoader, { ...params, fundingId: String(fundingId) }],
      [editGroupLoader, { ...params, groupId: String(groupId) }],
      [deleteGroupLoader, { ...params, groupId: String(groupId) }],
    ];
    for (const [loader, routeParams] of loaders) {
      expect((await load(loader, { path: "/projects/x", params: routeParams, cookie })).status).toBe(403);
    }

    const actions: [(args: ActionFunctionArgs) => unknown, Record<string, string>, Record<string, string>][] =
      [
        [newAction, {}, projectFormData()],
        [editAction, params, projectFormData({ title: "Hacked" })],
        [deleteAction, params, {}],
        [removePartnerAction, { ...params, partnerId: String(partnerId) }, {}],
        [removeContributorAction, { ...params, contributorId: String(contributorId) }, {}],
        [removeVolunteerAction, { ...params, volunteerId: String(volunteerId) }, {}],
        [
          editFundingAction,
          { ...params, fundingId: String(fundingId) },
          { source: "X", amount: "1", status: "secured" },
        ],
        [deleteFundingAction, { ...params, fundingId: String(fundingId) }, {}],
        [editGroupAction, { ...params, groupId: String(groupId) }, { description: "Hacked" }],
        [deleteGroupAction, { ...params, groupId: String(groupId) }, {}],
        [pageAction, params, { intent: "add-partner", partnerId: String(partnerId), role: "host" }],
        [pageAction, params, { intent: "change-partner-role", partnerId: String(partnerId), role: "host" }],
        [pageAction, params, { intent: "add-contributor", contributorId: String(contributorId) }],
        [pageAction, params, { intent: "add-volunteer", volunteerId: String(volunteerId) }],
        [pageAction, params, { intent: "add-funding", source: "X", amount: "1", status: "secured" }],
        [pageAction, params, { intent: "add-user-group", description: "Hacked" }],
      ];
    for (const [action, routeParams, form] of actions) {
      expect((await submit(action, { path: "/projects/x", params: routeParams, cookie, form })).status).toBe(
        403,
      );
    }

    const after = await page(id, editor.cookie);
    expect(after.data.project.title).toBe("Stories of the River");
    expect(after.data.partners).toEqual([{ partnerId, name: "Riverside College", role: "lead" }]);
    expect(after.data.contributors).toHaveLength(1);
    expect(after.data.volunteers).toHaveLength(1);
    expect(after.data.funding).toHaveLength(1);
    expect(after.data.userGroups).toHaveLength(1);
  });

  it("sends anonymous visitors to sign in, including for the CSV", async () => {
    await signedInUser("admin");
    expect((await load(listLoader, { path: "/projects" })).location).toMatch(/^\/login/);
    expect((await load(csvLoader, { path: "/projects.csv" })).location).toMatch(/^\/login/);
    expect((await page(1, "")).location).toMatch(/^\/login/);
    expect((await onPage(1, "", { intent: "add-funding" })).location).toMatch(/^\/login/);
  });
});
