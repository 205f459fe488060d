import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  actions,
  auditEvents,
  contacts,
  contributors,
  evidenceLinks,
  meetingAttendees,
  meetingPartners,
  partners,
  projects,
  volunteers,
} from "~db/schema";
import { ukInstant } from "~/forms/meetings.server";
import { meetingsForPartner, meetingsForProject, recentMeetingCount } from "~/models/meeting.server";
import { loader as listLoader } from "~/routes/_app.meetings._index";
import { loader as csvLoader } from "~/routes/meetings[.]csv";
import { action as newAction, loader as newLoader } from "~/routes/_app.meetings.new";
import { action as editAction, loader as editLoader } from "~/routes/_app.meetings.$meetingId.edit";
import { action as pageAction, loader as pageLoader } from "~/routes/_app.meetings.$meetingId._index";
import { action as deleteAction, loader as deleteLoader } from "~/routes/_app.meetings.$meetingId.delete";
import { db } from "~/utils/db.server";
import { signedInUser } from "./support/factories";
import { load, submit } from "./support/requests";
import { listHistory } from "~/models/audit.server";

afterEach(() => {
  vi.useRealTimers();
});

function addPartner(name = "Riverside College") {
  return db
    .insert(partners)
    .values({ name, type: "college", status: "active" })
    .returning({ id: partners.id })
    .get().id;
}

function addContact(partnerId: number, name: string, role: string | null = null) {
  return db.insert(contacts).values({ partnerId, name, role }).returning({ id: contacts.id }).get().id;
}

function addProject(title = "Stories of the River") {
  return db.insert(projects).values({ title, status: "active" }).returning({ id: projects.id }).get().id;
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

/** A valid new-meeting form, as a browser would post it (three action rows, blank). */
function meetingFormData(overrides: Record<string, string | string[]> = {}) {
  return {
    date: "2026-06-10",
    time: "10:15",
    kind: "meeting",
    title: "Planning the spring workshops",
    partnerId: "",
    partnerId2: "",
    projectId: "",
    projectId2: "",
    summary: "",
    decisions: "",
    actionDescription1: "",
    actionOwner1: "",
    actionDue1: "",
    actionDescription2: "",
    actionOwner2: "",
    actionDue2: "",
    actionDescription3: "",
    actionOwner3: "",
    actionDue3: "",
    ...overrides,
  };
}

async function logMeeting(cookie: string, overrides: Record<string, string | string[]> = {}) {
  const result = await submit(newAction, { path: "/meetings/new", cookie, form: meetingFormData(overrides) });
  expect(result.status, JSON.stringify(result.data)).toBe(302);
  return Number(result.location!.match(/\/meetings\/(\d+)/)![1]);
}

function meetingPage(id: number, cookie: string, query = "") {
  return load(pageLoader, { path: `/meetings/${id}${query}`, params: { meetingId: String(id) }, cookie });
}

const names = (rows: { title?: string; name?: string }[]) => rows.map((r) => r.title ?? r.name);

describe("logging a meeting", () => {
  it("logs a meeting from a partner with two follow-up actions for two colleagues in one post", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-06-10T09:08:00Z")); // 10:08 in the UK (summer time)
    const editor = await signedInUser("editor", { name: "Ellie Editor" });
    const priya = await signedInUser("editor", { name: "Priya Shah" });
    const tom = await signedInUser("viewer", { name: "Tom Okafor" });
    const partnerId = addPartner();
    const samId = addContact(partnerId, "Sam Patel", "Tutor");
    addContact(addPartner("Other Partner"), "Not Theirs");
    const projectId = addProject();

    const form = await load(newLoader, {
      path: `/meetings/new?partnerId=${partnerId}`,
      cookie: editor.cookie,
    });
    expect(form.status).toBe(200);
    expect(form.data.title).toBe("Meeting with Riverside College");
    expect(form.data.partner).toEqual({ id: partnerId, name: "Riverside College" });
    expect(form.data.when).toEqual({ date: "2026-06-10", time: "10:15" });
    expect(form.data.me).toBe(String(editor.id));
    expect(form.data.contacts).toEqual([{ value: String(samId), label: "Sam Patel, Tutor" }]);
    expect(form.data.staff.map((s: { label: string }) => s.label)).toEqual([
      "Ellie Editor",
      "Priya Shah",
      "Tom Okafor",
    ]);

    const result = await submit(newAction, {
      path: `/meetings/new?partnerId=${partnerId}`,
      cookie: editor.cookie,
      form: meetingFormData({
        title: "Meeting with Riverside College",
        partnerId: String(partnerId),
        projectId: String(projectId),
        staff: [String(editor.id), String(priya.id)],
        contacts: [String(samId)],
        summary: "Talked about ESOL learners visiting the archive.",
        decisions: "Run two pilot sessions in July.",
        actionDescription1: "Book the learning room",
        actionOwner1: String(priya.id),
        actionDue1: "2026-06-20",
        actionDescription2: "Send the session plan to Sam",
        actionOwner2: String(tom.id),
      }),
    });
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/^\/meetings\/\d+\?notice=created$/);
    const id = Number(result.location!.match(/\/meetings\/(\d+)/)![1]);

    const page = await meetingPage(id, editor.cookie);
    expect(page.status).toBe(200);
    expect(page.data.meeting).toMatchObject({
      title: "Meeting with Riverside College",
      kind: "meeting",
      kindLabel: "Meeting",
      summary: "Talked about ESOL learners visiting the archive.",
      decisions: "Run two pilot sessions in July.",
      createdBy: editor.id,
    });
    expect(new Date(page.data.meeting.heldAt).toISOString()).toBe("2026-06-10T09:15:00.000Z");
    expect(page.data.partners).toEqual([{ id: partnerId, name: "Riverside College" }]);
    expect(page.data.projects).toEqual([{ id: projectId, title: "Stories of the River" }]);
    expect(names(page.data.attendees.staff)).toEqual(["Ellie Editor", "Priya Shah"]);
    expect(page.data.attendees.contacts).toEqual([
      { id: samId, name: "Sam Patel", role: "Tutor", partnerId, partnerName: "Riverside College" },
    ]);
    expect(
      page.data.actions.map((a: Record<string, unknown>) => [
        a.description,
        a.ownerName,
        a.dueDate,
        a.status,
      ]),
    ).toEqual([
      ["Book the learning room", "Priya Shah", "2026-06-20", "open"],
      ["Send the session plan to Sam", "Tom Okafor", null, "open"],
    ]);

    // Each follow-up action has its own audit entry; the meeting's records its links in words.
    const actionAudits = db.select().from(auditEvents).where(eq(auditEvents.recordType, "action")).all();
    expect(actionAudits.map((e) => e.action)).toEqual(["create", "create"]);
    expect(actionAudits[0].changes).toMatchObject({ source: [null, "meeting"], sourceId: [null, id] });
    expect(page.data.history).toHaveLength(1);
    expect(page.data.history[0]).not.toHaveProperty("changes");
    expect(listHistory({ type: "meeting", id: id })[0].changes).toMatchObject({
      title: [null, "Meeting with Riverside College"],
      partners: [null, "Riverside College"],
      projects: [null, "Stories of the River"],
      attendees: [null, "Ellie Editor (our staff), Priya Shah (our staff), Sam Patel (Riverside College)"],
    });

    // Meeting a partner about a project suggests evidence for the checklist.
    expect(
      page.data.evidence.map((e: { lineCode: string; status: string }) => [e.lineCode, e.status]),
    ).toEqual([
      ["3.1.E9", "suggested"],
      ["3.2.E2", "suggested"],
    ]);
    expect(page.data.evidence[0].evidenceDate).toBe("2026-06-10");

    // The partner's and project's timelines, and the dashboard count.
    expect(meetingsForPartner(partnerId, 5)).toEqual([
      {
        id,
        heldAt: new Date("2026-06-10T09:15:00Z"),
        kind: "meeting",
        title: "Meeting with Riverside College",
      },
    ]);
    expect(meetingsForProject(projectId, 5).map((m) => m.id)).toEqual([id]);
    expect(recentMeetingCount(30, new Date("2026-06-11T00:00:00Z"))).toBe(1);
    expect(recentMeetingCount(30, new Date("2026-08-11T00:00:00Z"))).toBe(0);
  });

  it("suggests a title from a project, and ignores partners and projects that do not exist in the address", async () => {
    const editor = await signedInUser("editor");
    const projectId = addProject();
    const fromProject = await load(newLoader, {
      path: `/meetings/new?projectId=${projectId}`,
      cookie: editor.cookie,
    });
    expect(fromProject.data.title).toBe("Meeting about Stories of the River");
    expect(fromProject.data.project).toEqual({ id: projectId, title: "Stories of the River" });
    const unknown = await load(newLoader, {
      path: "/meetings/new?partnerId=999&projectId=abc",
      cookie: editor.cookie,
    });
    expect(unknown.status).toBe(200);
    expect(unknown.data.partner).toBeNull();
    expect(unknown.data.project).toBeNull();
    expect(unknown.data.title).toBe("");
    expect(unknown.data.contacts).toEqual([]);
  });

  it("explains each invalid field and keeps every typed value, action rows included", async () => {
    const editor = await signedInUser("editor");
    const colleague = await signedInUser("editor");
    const result = await submit(newAction, {
      path: "/meetings/new",
      cookie: editor.cookie,
      form: meetingFormData({
        title: "  ",
        date: "2026-02-30",
        time: "25:00",
        kind: "party",
        summary: "Keep this summary",
        staff: [String(editor.id), "x"],
        actionDescription1: "Book the room",
        actionOwner1: "",
        actionDue1: "2026-07-01",
        actionDescription2: "",
        actionOwner2: String(colleague.id),
        actionDescription3: "Write to the college",
        actionOwner3: String(colleague.id),
        actionDue3: "soon",
      }),
    });
    expect(result.status).toBe(400);
    expect(result.data.errors).toEqual({
      title: ["Enter a title for the meeting."],
      date: ["Enter a real date, like 23/11/2026."],
      time: ["Enter a time between 00:00 and 23:59, like 14:30."],
      kind: ["Choose what kind of meeting it was."],
      staff: ["Choose staff from the list."],
      actionDue3: ["Enter a real date, like 23/11/2026."],
      actionOwner1: ["Choose who will do action 1."],
      actionDescription2: ["Describe action 2, or clear its owner and due date."],
    });
    expect(result.data.values).toMatchObject({
      title: "  ",
      time: "25:00",
      kind: "party",
      summary: "Keep this summary",
      staff: [String(editor.id), "x"],
      actionDescription1: "Book the room",
      actionDue1: "2026-07-01",
      actionOwner2: String(colleague.id),
      actionDescription3: "Write to the college",
      actionDue3: "soon",
    });
    expect(db.select().from(actions).all()).toEqual([]);
  });

  it("refuses partners, projects, people and owners that do not exist, keeping what was typed", async () => {
    const editor = await signedInUser("editor");
    const partnerId = addPartner();
    const result = await submit(newAction, {
      path: "/meetings/new",
      cookie: editor.cookie,
      form: meetingFormData({
        partnerId: String(partnerId),
        partnerId2: "9999",
        projectId: "8888",
        contacts: ["7777"],
        actionDescription1: "Book the room",
        actionOwner1: "6666",
      }),
    });
    expect(result.status).toBe(400);
    expect(result.data.errors).toEqual({
      partnerId2: ["Choose a partner from the list."],
      projectId: ["Choose a project from the list."],
      contacts: ["Choose people from the list."],
      actionOwner1: ["Choose who will do action 1 from the list."],
    });
    expect(result.data.values).toMatchObject({
      partnerId: String(partnerId),
      partnerId2: "9999",
      actionDescription1: "Book the room",
      actionOwner1: "6666",
    });
    expect(db.select().from(meetingPartners).all()).toEqual([]);
  });

  it("does not give actions to people who have left", async () => {
    const editor = await signedInUser("editor");
    const gone = await signedInUser("editor");
    const { users } = await import("~db/schema");
    db.update(users).set({ active: false }).where(eq(users.id, gone.id)).run();
    const result = await submit(newAction, {
      path: "/meetings/new",
      cookie: editor.cookie,
      form: meetingFormData({
        staff: [String(gone.id)],
        actionDescription2: "Book the room",
        actionOwner2: String(gone.id),
      }),
    });
    expect(result.status).toBe(400);
    expect(result.data.errors).toEqual({
      staff: ["Choose staff from the list."],
      actionOwner2: ["Choose who will do action 2 from the list."],
    });
  });
});

describe("times around the clock changes", () => {
  it("reads times as UK time on both sides of the change to summer time (29 Mar 2026)", () => {
    expect(ukInstant("2026-03-29", "00:30")).toEqual({
      ok: true,
      at: new Date("2026-03-29T00:30:00Z"),
      ambiguous: false,
    });
    const missing = ukInstant("2026-03-29", "01:30");
    expect(missing.ok).toBe(false);
    expect(ukInstant("2026-03-29", "02:30")).toEqual({
      ok: true,
      at: new Date("2026-03-29T01:30:00Z"),
      ambiguous: false,
    });
    expect(ukInstant("2026-03-28", "01:30")).toMatchObject({ at: new Date("2026-03-28T01:30:00Z") });
  });

  it("takes the first 01:30 (summer time) when the clocks go back (25 Oct 2026)", () => {
    expect(ukInstant("2026-10-25", "00:30")).toEqual({
      ok: true,
      at: new Date("2026-10-24T23:30:00Z"),
      ambiguous: false,
    });
    expect(ukInstant("2026-10-25", "01:30")).toEqual({
      ok: true,
      at: new Date("2026-10-25T00:30:00Z"),
      ambiguous: true,
    });
    expect(ukInstant("2026-10-25", "02:30")).toEqual({
      ok: true,
      at: new Date("2026-10-25T02:30:00Z"),
      ambiguous: false,
    });
  });

  it("refuses a time that does not exist in the UK and saves ones either side of it", async () => {
    const editor = await signedInUser("editor");
    const refused = await submit(newAction, {
      path: "/meetings/new",
      cookie: editor.cookie,
      form: meetingFormData({ date: "2026-03-29", time: "01:30" }),
    });
    expect(refused.status).toBe(400);
    expect(refused.data.errors.time).toEqual([
      "There is no 01:30 on 29 Mar 2026 in UK time: the clocks go forward that night, from 01:00 straight to 02:00. Enter the time as the clock showed it, for example 02:30.",
    ]);
    expect(refused.data.values).toMatchObject({ date: "2026-03-29", time: "01:30" });

    const before = await logMeeting(editor.cookie, { date: "2026-03-29", time: "00:30", title: "Before" });
    const after = await logMeeting(editor.cookie, { date: "29/03/2026", time: "02:30:00", title: "After" });
    const autumn = await logMeeting(editor.cookie, { date: "2026-10-25", time: "01:30", title: "Autumn" });
    const heldAt = async (id: number) =>
      new Date((await meetingPage(id, editor.cookie)).data.meeting.heldAt).toISOString();
    expect(await heldAt(before)).toBe("2026-03-29T00:30:00.000Z");
    expect(await heldAt(after)).toBe("2026-03-29T01:30:00.000Z");
    expect(await heldAt(autumn)).toBe("2026-10-25T00:30:00.000Z");

    // Editing shows the UK day and time again.
    const edit = await load(editLoader, {
      path: `/meetings/${autumn}/edit`,
      params: { meetingId: String(autumn) },
      cookie: editor.cookie,
    });
    expect(edit.data.meeting).toMatchObject({ date: "2026-10-25", time: "01:30" });

    // The list's date range is in UK days: 00:30 on 29 Mar is that day, not the 28th.
    const day = await load(listLoader, {
      path: "/meetings?from=2026-03-29&to=2026-03-29",
      cookie: editor.cookie,
    });
    expect(names(day.data.rows)).toEqual(["After", "Before"]);
    const dayBefore = await load(listLoader, { path: "/meetings?to=2026-03-28", cookie: editor.cookie });
    expect(dayBefore.data.total).toBe(0);
    const octoberDay = await load(listLoader, {
      path: "/meetings?from=2026-10-25&to=2026-10-25",
      cookie: editor.cookie,
    });
    expect(names(octoberDay.data.rows)).toEqual(["Autumn"]);
  });

  it("suggests the time now rounded to the quarter hour, and the UK day after midnight in summer", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-07-01T23:05:00Z")); // 00:05 on 2 July in the UK
    const editor = await signedInUser("editor");
    const form = await load(newLoader, { path: "/meetings/new", cookie: editor.cookie });
    expect(form.data.when).toEqual({ date: "2026-07-02", time: "00:00" });
  });
});

describe("finding meetings", () => {
  it("filters by partner, project, kind, date range and words, newest first, with paging", async () => {
    const editor = await signedInUser("editor");
    const riverside = addPartner("Riverside College");
    const eastbridge = addPartner("Eastbridge Library");
    const river = addProject("Stories of the River");
    const boats = addProject("Boats");
    await logMeeting(editor.cookie, {
      title: "Kick-off",
      date: "2026-01-10",
      partnerId: String(riverside),
      projectId: String(river),
    });
    await logMeeting(editor.cookie, {
      title: "Phone catch-up",
      kind: "call",
      date: "2026-02-10",
      partnerId: String(riverside),
      partnerId2: String(eastbridge),
      summary: "Discussed the BOAT trip",
    });
    await logMeeting(editor.cookie, {
      title: "Open day",
      kind: "event",
      date: "2026-03-10",
      partnerId: String(eastbridge),
      projectId: String(boats),
      projectId2: String(river),
    });

    const all = await load(listLoader, { path: "/meetings", cookie: editor.cookie });
    expect(all.data.total).toBe(3);
    expect(names(all.data.rows)).toEqual(["Open day", "Phone catch-up", "Kick-off"]);
    expect(all.data.rows[1]).toMatchObject({
      kind: "call",
      kindLabel: "Call",
      partners: [
        { id: riverside, name: "Riverside College" },
        { id: eastbridge, name: "Eastbridge Library" },
      ],
      projects: [],
      actions: { all: 0, open: 0 },
    });
    expect(all.data.chosen).toEqual({ partner: null, project: null });

    const find = async (query: string) =>
      names((await load(listLoader, { path: `/meetings?${query}`, cookie: editor.cookie })).data.rows);
    expect(await find(`partnerId=${riverside}`)).toEqual(["Phone catch-up", "Kick-off"]);
    expect(await find(`projectId=${river}`)).toEqual(["Open day", "Kick-off"]);
    expect(await find(`projectId=${boats}&partnerId=${riverside}`)).toEqual([]);
    // Partners and projects are also found by words typed in their names.
    expect(await find("partner=riverside")).toEqual(["Phone catch-up", "Kick-off"]);
    expect(await find("partner=LIBRARY%20eastbridge")).toEqual(["Open day", "Phone catch-up"]);
    expect(await find("project=river")).toEqual(["Open day", "Kick-off"]);
    expect(await find("project=boats&partner=riverside")).toEqual([]);
    expect(await find("partner=nowhere")).toEqual([]);
    const fromPartner = await load(listLoader, {
      path: `/meetings?partnerId=${riverside}`,
      cookie: editor.cookie,
    });
    expect(fromPartner.data.chosen).toEqual({
      partner: { id: riverside, name: "Riverside College" },
      project: null,
    });
    const gone = await load(listLoader, { path: "/meetings?partnerId=9999", cookie: editor.cookie });
    expect(gone.data).toMatchObject({ total: 0, chosen: { partner: { id: 9999, name: null } } });
    expect(await find("kind=event")).toEqual(["Open day"]);
    expect(await find("from=2026-02-01&to=2026-03-10")).toEqual(["Open day", "Phone catch-up"]);
    expect(await find("to=2026-02-09")).toEqual(["Kick-off"]);
    expect(await find("q=boat")).toEqual(["Phone catch-up"]);
    expect(await find("sort=title")).toEqual(["Kick-off", "Open day", "Phone catch-up"]);
    expect(await find("sort=date&dir=asc")).toEqual(["Kick-off", "Phone catch-up", "Open day"]);
    const nonsense = await load(listLoader, {
      path: "/meetings?kind=party&from=yesterday&partnerId=-3&sort=evil&page=0",
      cookie: editor.cookie,
    });
    expect(nonsense.status).toBe(200);
    expect(nonsense.data.total).toBe(3);
  });

  it("pages 25 at a time", async () => {
    const editor = await signedInUser("editor");
    for (let day = 1; day <= 27; day += 1) {
      await logMeeting(editor.cookie, {
        title: `Meeting ${String(day).padStart(2, "0")}`,
        date: `2026-01-${String(day).padStart(2, "0")}`,
      });
    }
    const first = await load(listLoader, { path: "/meetings", cookie: editor.cookie });
    expect(first.data.total).toBe(27);
    expect(first.data.rows).toHaveLength(25);
    expect(first.data.rows[0].title).toBe("Meeting 27");
    const second = await load(listLoader, { path: "/meetings?page=2", cookie: editor.cookie });
    expect(names(second.data.rows)).toEqual(["Meeting 02", "Meeting 01"]);
  });

  it("downloads exactly what the filters show, in UK time, as spreadsheet-safe CSV", async () => {
    const editor = await signedInUser("editor", { name: "Ellie Editor" });
    const priya = await signedInUser("editor", { name: "Priya Shah" });
    const partnerId = addPartner();
    const samId = addContact(partnerId, "Sam Patel");
    const projectId = addProject();
    const first = await logMeeting(editor.cookie, {
      title: '=HYPERLINK("http://evil")',
      date: "2026-06-10",
      time: "10:15",
      kind: "visit",
      partnerId: String(partnerId),
      projectId: String(projectId),
      staff: [String(editor.id), String(priya.id)],
      contacts: [String(samId)],
      summary: "Line one\nLine two, with comma",
      decisions: "Go ahead",
      actionDescription1: "Book the room",
      actionOwner1: String(priya.id),
      actionDescription2: "Write it up",
      actionOwner2: String(editor.id),
    });
    const volunteerId = addVolunteer("Kim Lee");
    const added = await submit(pageAction, {
      path: `/meetings/${first}`,
      params: { meetingId: String(first) },
      cookie: editor.cookie,
      form: { intent: "add-attendee", attendeeType: "volunteer", attendeeId: String(volunteerId) },
    });
    expect(added.status).toBe(302);
    const second = await logMeeting(editor.cookie, {
      title: "Winter call",
      date: "2026-12-01",
      time: "09:00",
      kind: "call",
      partnerId: String(partnerId),
    });
    await logMeeting(editor.cookie, { title: "Not with this partner" });

    const result = await load(csvLoader, {
      path: `/meetings.csv?partnerId=${partnerId}`,
      cookie: editor.cookie,
    });
    expect(result.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(result.headers.get("Content-Disposition")).toMatch(
      /attachment; filename="meetings-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const { parse } = await import("csv-parse/sync");
    const rows: string[][] = parse((result.data as string).replace(/^\ufeff/, ""));
    expect(rows).toEqual([
      [
        "ID",
        "Date (UK)",
        "Time (UK)",
        "Kind",
        "Title",
        "Partners",
        "Projects",
        "Attendees",
        "Summary",
        "Decisions",
        "Follow-up actions",
      ],
      [
        String(second),
        "2026-12-01",
        "09:00",
        "Call",
        "Winter call",
        "Riverside College",
        "",
        "",
        "",
        "",
        "0",
      ],
      [
        String(first),
        "2026-06-10",
        "10:15",
        "Visit",
        '\'=HYPERLINK("http://evil")',
        "Riverside College",
        "Stories of the River",
        "Ellie Editor (our staff); Priya Shah (our staff); Sam Patel (Riverside College); Kim Lee (volunteer)",
        "Line one\nLine two, with comma",
        "Go ahead",
        "2",
      ],
    ]);
  });
});

describe("who attended", () => {
  it("finds contributors and volunteers by name, at most 20, and adds and removes them", async () => {
    const editor = await signedInUser("editor");
    const id = await logMeeting(editor.cookie, { staff: [] });
    for (let i = 1; i <= 24; i += 1) addVolunteer(`Alex Volunteer ${String(i).padStart(2, "0")}`);
    const writer = addContributor("Alex Writer");
    addVolunteer("Someone Else");
    const params = { meetingId: String(id) };

    const search = await meetingPage(id, editor.cookie, "?peopleQuery=alex");
    expect(search.data.peopleSearch.matches).toHaveLength(20);
    expect(search.data.peopleSearch.more).toBe(true);
    expect(search.data.peopleSearch.matches[0]).toMatchObject({
      type: "volunteer",
      name: "Alex Volunteer 01",
    });

    const narrow = await meetingPage(id, editor.cookie, "?peopleQuery=alex%20w");
    expect(narrow.data.peopleSearch).toEqual({
      matches: [{ type: "contributor", id: writer, name: "Alex Writer", kind: "writer", programme: null }],
      more: false,
    });
    const volunteerId = search.data.peopleSearch.matches[0].id;

    const added = await submit(pageAction, {
      path: `/meetings/${id}`,
      params,
      cookie: editor.cookie,
      form: {
        intent: "add-attendee",
        attendeeType: "volunteer",
        attendeeId: String(volunteerId),
        peopleQuery: "alex",
      },
    });
    expect(added.location).toBe(`/meetings/${id}?peopleQuery=alex&notice=attendee-added`);
    await submit(pageAction, {
      path: `/meetings/${id}`,
      params,
      cookie: editor.cookie,
      form: { intent: "add-attendee", attendeeType: "contributor", attendeeId: String(writer) },
    });
    const page = await meetingPage(id, editor.cookie, "?peopleQuery=alex");
    expect(names(page.data.attendees.volunteers)).toEqual(["Alex Volunteer 01"]);
    expect(names(page.data.attendees.contributors)).toEqual(["Alex Writer"]);
    // Those attending are not offered again.
    expect(page.data.peopleSearch.matches.map((m: { name: string }) => m.name)).not.toContain(
      "Alex Volunteer 01",
    );
    expect(page.data.peopleSearch.matches.map((m: { name: string }) => m.name)).not.toContain("Alex Writer");

    const again = await submit(pageAction, {
      path: `/meetings/${id}`,
      params,
      cookie: editor.cookie,
      form: { intent: "add-attendee", attendeeType: "volunteer", attendeeId: String(volunteerId) },
    });
    expect(again.status).toBe(400);
    expect(again.data).toMatchObject({
      intent: "add-attendee",
      errors: { attendeeId: ["Alex Volunteer 01 is already recorded as attending this meeting."] },
    });
    const nobody = await submit(pageAction, {
      path: `/meetings/${id}`,
      params,
      cookie: editor.cookie,
      form: { intent: "add-attendee", attendeeType: "volunteer", attendeeId: "99999" },
    });
    expect(nobody.data.errors).toEqual({ attendeeId: ["Choose a person to add from the search results."] });
    const staffByPicker = await submit(pageAction, {
      path: `/meetings/${id}`,
      params,
      cookie: editor.cookie,
      form: { intent: "add-attendee", attendeeType: "user", attendeeId: String(editor.id) },
    });
    expect(staffByPicker.status).toBe(400);

    const removed = await submit(pageAction, {
      path: `/meetings/${id}`,
      params,
      cookie: editor.cookie,
      form: { intent: "remove-attendee", attendeeType: "volunteer", attendeeId: String(volunteerId) },
    });
    expect(removed.location).toBe(`/meetings/${id}?notice=attendee-removed`);
    const after = await meetingPage(id, editor.cookie);
    expect(after.data.attendees.volunteers).toEqual([]);
    expect(after.data.history[0]).not.toHaveProperty("changes");
    expect(listHistory({ type: "meeting", id: id })[0].changes).toEqual({
      attendees: ["Alex Writer (contributor), Alex Volunteer 01 (volunteer)", "Alex Writer (contributor)"],
    });
  });

  it("ticks the contacts of all the meeting's partners and our staff on the meeting's page", async () => {
    const editor = await signedInUser("editor", { name: "Ellie Editor" });
    const colleague = await signedInUser("editor", { name: "Priya Shah" });
    const riverside = addPartner("Riverside College");
    const eastbridge = addPartner("Eastbridge Library");
    const sam = addContact(riverside, "Sam Patel", "Tutor");
    const jo = addContact(eastbridge, "Jo Evans");
    addContact(addPartner("Elsewhere"), "Not Offered");
    const id = await logMeeting(editor.cookie, {
      partnerId: String(riverside),
      partnerId2: String(eastbridge),
    });
    const params = { meetingId: String(id) };
    const page = await meetingPage(id, editor.cookie);
    expect(page.data.contactChoices).toEqual([
      { value: String(jo), label: "Jo Evans (Eastbridge Library)" },
      { value: String(sam), label: "Sam Patel, Tutor (Riverside College)" },
    ]);
    expect(page.data.staffChoices.map((s: { label: string }) => s.label)).toEqual([
      "Ellie Editor",
      "Priya Shah",
    ]);

    const saved = await submit(pageAction, {
      path: `/meetings/${id}`,
      params,
      cookie: editor.cookie,
      form: { intent: "set-attendees", staff: [String(colleague.id)], contacts: [String(sam), String(jo)] },
    });
    expect(saved.location).toBe(`/meetings/${id}?notice=attendees-saved`);
    const after = await meetingPage(id, editor.cookie);
    expect(names(after.data.attendees.staff)).toEqual(["Priya Shah"]);
    expect(names(after.data.attendees.contacts)).toEqual(["Jo Evans", "Sam Patel"]);

    const bad = await submit(pageAction, {
      path: `/meetings/${id}`,
      params,
      cookie: editor.cookie,
      form: { intent: "set-attendees", contacts: ["424242"] },
    });
    expect(bad.status).toBe(400);
    expect(bad.data).toMatchObject({
      intent: "set-attendees",
      errors: { contacts: ["Choose people from the list."] },
    });
    expect(bad.data.values).toEqual({ intent: "set-attendees", contacts: "424242" });

    const unknown = await submit(pageAction, {
      path: `/meetings/${id}`,
      params,
      cookie: editor.cookie,
      form: { intent: "dance" },
    });
    expect(unknown.status).toBe(400);
  });
});

describe("changing and deleting meetings", () => {
  it("replaces partners, projects and attendees, keeps the follow-up actions, and records the change", async () => {
    const editor = await signedInUser("editor", { name: "Ellie Editor" });
    const riverside = addPartner("Riverside College");
    const eastbridge = addPartner("Eastbridge Library");
    const projectId = addProject();
    const writer = addContributor("Alex Writer");
    const id = await logMeeting(editor.cookie, {
      title: "Kick-off",
      partnerId: String(riverside),
      staff: [String(editor.id)],
      actionDescription1: "Book the room",
      actionOwner1: String(editor.id),
    });
    const params = { meetingId: String(id) };
    await submit(pageAction, {
      path: `/meetings/${id}`,
      params,
      cookie: editor.cookie,
      form: { intent: "add-attendee", attendeeType: "contributor", attendeeId: String(writer) },
    });
    const edit = await load(editLoader, { path: `/meetings/${id}/edit`, params, cookie: editor.cookie });
    expect(edit.data.meeting).toMatchObject({
      title: "Kick-off",
      date: "2026-06-10",
      time: "10:15",
      partnerId: riverside,
      staff: [String(editor.id)],
      contributors: [String(writer)],
    });
    expect(edit.data.contributors).toEqual([{ value: String(writer), label: "Alex Writer" }]);

    const edited = await submit(editAction, {
      path: `/meetings/${id}/edit`,
      params,
      cookie: editor.cookie,
      form: {
        date: "2026-06-11",
        time: "14:00",
        kind: "event",
        title: "Kick-off event",
        partnerId: String(eastbridge),
        partnerId2: "",
        projectId: String(projectId),
        projectId2: "",
        staff: String(editor.id),
        summary: "",
        decisions: "",
      },
    });
    expect(edited.location).toBe(`/meetings/${id}?notice=saved`);
    const page = await meetingPage(id, editor.cookie);
    expect(new Date(page.data.meeting.heldAt).toISOString()).toBe("2026-06-11T13:00:00.000Z");
    expect(page.data.partners).toEqual([{ id: eastbridge, name: "Eastbridge Library" }]);
    expect(page.data.projects).toEqual([{ id: projectId, title: "Stories of the River" }]);
    expect(page.data.attendees.contributors).toEqual([]);
    expect(page.data.actions.map((a: { description: string }) => a.description)).toEqual(["Book the room"]);
    expect(page.data.history[0]).not.toHaveProperty("changes");
    expect(listHistory({ type: "meeting", id: id })[0].changes).toEqual({
      heldAt: ["2026-06-10T09:15:00.000Z", "2026-06-11T13:00:00.000Z"],
      kind: ["meeting", "event"],
      title: ["Kick-off", "Kick-off event"],
      partners: ["Riverside College", "Eastbridge Library"],
      projects: [null, "Stories of the River"],
      attendees: ["Ellie Editor (our staff), Alex Writer (contributor)", "Ellie Editor (our staff)"],
    });
    // An event with a partner about a project: the suggestions follow the change.
    expect(page.data.evidence.map((e: { lineCode: string }) => e.lineCode)).toEqual([
      "3.1.E9",
      "3.2.2a",
      "3.2.E2",
    ]);
    expect(page.data.evidence[0].evidenceDate).toBe("2026-06-11");

    const invalid = await submit(editAction, {
      path: `/meetings/${id}/edit`,
      params,
      cookie: editor.cookie,
      form: { date: "2026-03-29", time: "01:15", kind: "event", title: "Kept", volunteers: "31337" },
    });
    expect(invalid.status).toBe(400);
    expect(Object.keys(invalid.data.errors)).toEqual(["time"]);
    expect(invalid.data.values).toMatchObject({ title: "Kept", time: "01:15" });
    const unknownPerson = await submit(editAction, {
      path: `/meetings/${id}/edit`,
      params,
      cookie: editor.cookie,
      form: { date: "2026-03-29", time: "03:15", kind: "event", title: "Kept", volunteers: "31337" },
    });
    expect(unknownPerson.data.errors).toEqual({ volunteers: ["Choose volunteers from the list."] });
  });

  it("deletes a meeting with its follow-up actions, auditing each, after saying so", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-06-10T09:08:00Z"));
    const editor = await signedInUser("editor");
    const partnerId = addPartner();
    const id = await logMeeting(editor.cookie, {
      partnerId: String(partnerId),
      actionDescription1: "Book the room",
      actionOwner1: String(editor.id),
      actionDescription3: "Send the plan",
      actionOwner3: String(editor.id),
    });
    const params = { meetingId: String(id) };
    const actionIds = db
      .select({ id: actions.id })
      .from(actions)
      .all()
      .map((a) => a.id);
    expect(actionIds).toHaveLength(2);
    expect(db.select().from(evidenceLinks).all()).toHaveLength(1);

    const confirm = await load(deleteLoader, {
      path: `/meetings/${id}/delete`,
      params,
      cookie: editor.cookie,
    });
    expect(confirm.data).toEqual({
      meeting: { id, title: "Planning the spring workshops" },
      parts: ["2 follow-up actions"],
    });

    const deleted = await submit(deleteAction, {
      path: `/meetings/${id}/delete`,
      params,
      cookie: editor.cookie,
    });
    expect(deleted.location).toBe("/meetings?notice=deleted");
    expect(db.select().from(actions).all()).toEqual([]);
    expect(db.select().from(meetingPartners).all()).toEqual([]);
    expect(db.select().from(meetingAttendees).all()).toEqual([]);
    expect(db.select().from(evidenceLinks).all()).toEqual([]);
    const deletions = db
      .select({ type: auditEvents.recordType, id: auditEvents.recordId, changes: auditEvents.changes })
      .from(auditEvents)
      .where(eq(auditEvents.action, "delete"))
      .all();
    expect(deletions.map((d) => [d.type, d.id])).toEqual([
      ["action", actionIds[0]],
      ["action", actionIds[1]],
      ["meeting", id],
    ]);
    expect(deletions[2].changes).toMatchObject({ partners: ["Riverside College", null] });
    expect((await meetingPage(id, editor.cookie)).status).toBe(404);
    expect(
      (await submit(deleteAction, { path: `/meetings/${id}/delete`, params, cookie: editor.cookie })).status,
    ).toBe(404);
    // The partner can now be deleted: nothing refers to it.
    expect(
      db
        .select()
        .from(meetingPartners)
        .where(and(eq(meetingPartners.partnerId, partnerId)))
        .all(),
    ).toEqual([]);
  });
});

describe("meeting permissions", () => {
  it("lets a viewer read everything and change nothing", async () => {
    const editor = await signedInUser("editor");
    const viewer = await signedInUser("viewer");
    const volunteerId = addVolunteer("Kim Lee");
    const id = await logMeeting(editor.cookie, {
      actionDescription1: "Book the room",
      actionOwner1: String(editor.id),
    });
    const params = { meetingId: String(id) };
    expect((await load(listLoader, { path: "/meetings", cookie: viewer.cookie })).data.total).toBe(1);
    expect((await load(csvLoader, { path: "/meetings.csv", cookie: viewer.cookie })).status).toBe(200);
    const page = await meetingPage(id, viewer.cookie, "?peopleQuery=kim");
    expect(page.status).toBe(200);
    expect(page.data.actions).toHaveLength(1);
    expect(page.data.peopleSearch).toBeNull();
    expect(page.data.staffChoices).toEqual([]);

    expect((await load(newLoader, { path: "/meetings/new", cookie: viewer.cookie })).status).toBe(403);
    expect(
      (await load(editLoader, { path: `/meetings/${id}/edit`, params, cookie: viewer.cookie })).status,
    ).toBe(403);
    expect(
      (await load(deleteLoader, { path: `/meetings/${id}/delete`, params, cookie: viewer.cookie })).status,
    ).toBe(403);
    expect(
      (await submit(newAction, { path: "/meetings/new", cookie: viewer.cookie, form: meetingFormData() }))
        .status,
    ).toBe(403);
    expect(
      (
        await submit(editAction, {
          path: `/meetings/${id}/edit`,
          params,
          cookie: viewer.cookie,
          form: meetingFormData({ title: "Hacked" }),
        })
      ).status,
    ).toBe(403);
    expect(
      (await submit(deleteAction, { path: `/meetings/${id}/delete`, params, cookie: viewer.cookie })).status,
    ).toBe(403);
    const intents: Record<string, string>[] = [
      { intent: "set-attendees", staff: String(viewer.id) },
      { intent: "add-attendee", attendeeType: "volunteer", attendeeId: String(volunteerId) },
      { intent: "remove-attendee", attendeeType: "user", attendeeId: String(editor.id) },
    ];
    for (const form of intents) {
      expect(
        (await submit(pageAction, { path: `/meetings/${id}`, params, cookie: viewer.cookie, form })).status,
      ).toBe(403);
    }
    const unchanged = await meetingPage(id, editor.cookie);
    expect(unchanged.data.meeting.title).toBe("Planning the spring workshops");
    expect(names(unchanged.data.attendees.staff)).toHaveLength(0);
    expect(unchanged.data.attendees.volunteers).toEqual([]);
    expect(unchanged.data.actions).toHaveLength(1);
  });

  it("sends anonymous visitors to sign in, including for the CSV", async () => {
    await signedInUser("admin");
    expect((await load(listLoader, { path: "/meetings" })).location).toMatch(/^\/login/);
    expect((await load(csvLoader, { path: "/meetings.csv" })).location).toMatch(/^\/login/);
    expect((await load(newLoader, { path: "/meetings/new?partnerId=1" })).location).toBe(
      `/login?${new URLSearchParams({ redirectTo: "/meetings/new?partnerId=1" })}`,
    );
    expect((await load(pageLoader, { path: "/meetings/1", params: { meetingId: "1" } })).location).toMatch(
      /^\/login/,
    );
    expect((await submit(newAction, { path: "/meetings/new", form: meetingFormData() })).location).toMatch(
      /^\/login/,
    );
  });

  it("answers 404 for meetings that do not exist or bad ids", async () => {
    const editor = await signedInUser("editor");
    expect((await meetingPage(999, editor.cookie)).status).toBe(404);
    expect(
      (await load(pageLoader, { path: "/meetings/abc", params: { meetingId: "abc" }, cookie: editor.cookie }))
        .status,
    ).toBe(404);
    expect(
      (
        await submit(pageAction, {
          path: "/meetings/999",
          params: { meetingId: "999" },
          cookie: editor.cookie,
          form: { intent: "set-attendees" },
        })
      ).status,
    ).toBe(404);
  });
});
