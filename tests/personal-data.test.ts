import { and, asc, eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  auditEvents,
  contacts,
  equalityMonitoring,
  evidenceLinks,
  importBatches,
  meetingAttendees,
  meetings,
  monitoringFormLinks,
  trainingRecords,
  volunteerFocusLinks,
  volunteerHours,
  volunteers,
} from "~db/schema";
import { createContact } from "~/models/contact.server";
import { createContributor } from "~/models/contributor.server";
import { createMeeting } from "~/models/meeting.server";
import { createFormLink, saveMonitoring } from "~/models/monitoring.server";
import { erasePerson, erasurePlan, personalData } from "~/models/personal-data.server";
import { addProjectContributor, addProjectVolunteer } from "~/models/project-links.server";
import { describeRecord } from "~/models/records.server";
import { addHours, addTraining } from "~/models/volunteer-activity.server";
import { buildVolunteerReport } from "~/models/volunteer-report.server";
import { createVolunteer, listVolunteers } from "~/models/volunteer.server";
import { loader as contactPageLoader } from "~/routes/_app.contacts.$contactId.personal-data";
import { action as eraseContactAction } from "~/routes/_app.contacts.$contactId.erase";
import { loader as contributorPageLoader } from "~/routes/_app.contributors.$contributorId.personal-data";
import { loader as dataAccessLoader } from "~/routes/_app.settings_.data-access";
import {
  action as eraseVolunteerAction,
  loader as eraseVolunteerLoader,
} from "~/routes/_app.volunteers.$volunteerId.erase";
import { loader as volunteerMonitoringLoader } from "~/routes/_app.volunteers.$volunteerId.monitoring";
import { loader as volunteerPageLoader } from "~/routes/_app.volunteers.$volunteerId.personal-data";
import { loader as htmlLoader } from "~/routes/personal-data.$kind.$id[.]html";
import { loader as jsonLoader } from "~/routes/personal-data.$kind.$id[.]json";
import { db, sqlite } from "~/utils/db.server";
import { signedInUser } from "./support/factories";
import { addPartner, addProject } from "./support/records";
import { load, submit } from "./support/requests";

afterEach(() => {
  vi.useRealTimers();
});

const AMIRA = {
  name: "Amira Khan",
  email: "amira.khan@example.org",
  phone: "07700 900123",
  roles: "Gallery host",
  skills: "Arabic and Urdu",
  notes: "Prefers weekend shifts",
};
const BILAL = { name: "Bilal Hussain", email: "bilal@example.org" };

const answers = {
  ageBand: "25_34",
  sex: "female",
  genderIdentity: "same",
  ethnicGroup: "asian_pakistani",
  disability: "no",
  socioEconomic: "routine",
  area: "Zedtown LS6",
} as const;

function addVolunteer(actorId: number, fields: Partial<typeof AMIRA> & { name: string }) {
  return createVolunteer(
    {
      programme: "volunteer",
      status: "active",
      startDate: "2025-06-02",
      focuses: ["skills_development", "confidence_building"],
      ...fields,
    },
    actorId,
  );
}

function recordAnswers(type: "volunteer" | "contributor", id: number, actorId: number) {
  saveMonitoring(
    { type, id },
    { consentGiven: true, consentGivenOn: "2026-01-15", consentMethod: "paper", ...answers },
    actorId,
  );
}

function meetingWith(
  actorId: number,
  title: string,
  attendees: { type: "volunteer" | "contributor" | "contact"; id: number }[],
) {
  return createMeeting(
    {
      heldAt: new Date("2026-02-10T10:00:00Z"),
      kind: "meeting",
      title,
      summary: null,
      decisions: null,
      partnerIds: [],
      projectIds: [],
      attendees,
      actions: [],
    },
    actorId,
  );
}

/** Amira, with everything a volunteer can have, and Bilal beside her on the same meeting and project. */
async function amiraAndBilal() {
  const admin = await signedInUser("admin", { name: "Ada Admin" });
  const amira = addVolunteer(admin.id, AMIRA);
  const bilal = addVolunteer(admin.id, BILAL);
  addTraining(
    amira,
    { trainingDate: "2026-01-20", title: "Object handling", provider: "Museum trainers" },
    admin.id,
  );
  addHours(amira, { hoursDate: "2026-02-01", hours: 150, activity: "Gallery tours" }, admin.id);
  addHours(amira, { hoursDate: "2026-02-08", hours: 90, activity: "Family trail" }, admin.id);
  addHours(bilal, { hoursDate: "2026-02-08", hours: 60, activity: "Front of house" }, admin.id);
  recordAnswers("volunteer", amira, admin.id);
  recordAnswers("volunteer", bilal, admin.id);
  const meeting = meetingWith(admin.id, "Volunteer forum", [
    { type: "volunteer", id: amira },
    { type: "volunteer", id: bilal },
  ]);
  const project = await addProject(admin.cookie, { title: "Memory boxes" });
  addProjectVolunteer(project, amira, admin.id);
  addProjectVolunteer(project, bilal, admin.id);
  return { admin, amira, bilal, meeting, project };
}

const download = (loader: typeof jsonLoader, kind: string, id: number, cookie?: string, format = "json") =>
  load(loader, { path: `/personal-data/${kind}/${id}.${format}`, params: { kind, id: String(id) }, cookie });

const volunteerCall = (id: number, cookie?: string) => ({
  path: `/volunteers/${id}/personal-data`,
  params: { volunteerId: String(id) },
  cookie,
});

const eraseCall = (id: number, cookie?: string, form?: Record<string, string>) => ({
  path: `/volunteers/${id}/erase`,
  params: { volunteerId: String(id) },
  cookie,
  form,
});

function eventsOf(action: string) {
  return db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.action, action as "view"))
    .orderBy(asc(auditEvents.id))
    .all();
}

/** Every row of every table, as text: to prove a value is nowhere in the database. */
function wholeDatabase() {
  const tables = sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .pluck()
    .all() as string[];
  return tables.map((table) => JSON.stringify(sqlite.prepare(`SELECT * FROM "${table}"`).all())).join("\n");
}

describe("subject access: everything held about a person", () => {
  it("downloads a volunteer's record, training, hours, projects, focuses, meetings, monitoring, evidence and audit trail, and no one else's", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-03-02T10:00:00Z"));
    const { admin, amira, meeting, project } = await amiraAndBilal();

    const result = await download(jsonLoader, "volunteer", amira, admin.cookie);
    expect(result.status).toBe(200);
    expect(result.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(result.headers.get("Content-Disposition")).toBe(
      `attachment; filename="personal-data-volunteer-${amira}-2026-03-02.json"`,
    );
    expect(result.headers.get("Cache-Control")).toBe("private, no-store");
    const held = result.data;
    expect(held.about).toMatchObject({
      kind: "volunteer",
      id: amira,
      name: "Amira Khan",
      exportedBy: "Ada Admin",
      exportedAt: "2026-03-02T10:00:00.000Z",
      erased: null,
    });
    expect(held.volunteer).toMatchObject({
      ...AMIRA,
      programme: "volunteer",
      status: "active",
      startDate: "2025-06-02",
    });
    expect(held.focuses.sort()).toEqual(["confidence_building", "skills_development"]);
    expect(held.training).toEqual([
      expect.objectContaining({ date: "2026-01-20", title: "Object handling", provider: "Museum trainers" }),
    ]);
    expect(held.hours.map((h: { minutes: number }) => h.minutes)).toEqual([90, 150]);
    expect(held.totalMinutes).toBe(240);
    expect(held.projects).toEqual([expect.objectContaining({ id: project, title: "Memory boxes" })]);
    expect(held.meetingsAttended).toEqual([
      { id: meeting, title: "Volunteer forum", kind: "meeting", heldAt: "2026-02-10T10:00:00.000Z" },
    ]);
    expect(held.equalityMonitoring).toMatchObject({
      consentGivenOn: "2026-01-15",
      consentMethod: "paper",
      consentRecordedBy: "Ada Admin",
      answers,
    });
    // Evidence suggested from her record and her training, with the checklist's words.
    expect(held.evidence.length).toBeGreaterThan(0);
    expect(held.evidence.map((e: { recordType: string }) => e.recordType)).toEqual(
      expect.arrayContaining(["volunteer", "training"]),
    );
    expect(held.evidence[0].line).toEqual(expect.any(String));
    // The audit trail of her record, training, hours and monitoring, with field names and values.
    const trail = held.auditTrail as {
      action: string;
      recordType: string;
      changes: Record<string, unknown>;
    }[];
    expect(trail.find((e) => e.recordType === "volunteer" && e.action === "create")?.changes).toMatchObject({
      name: [null, "Amira Khan"],
      email: [null, AMIRA.email],
    });
    expect(new Set(trail.map((e) => e.recordType))).toEqual(
      new Set(["volunteer", "training", "hours", "volunteer_monitoring"]),
    );
    expect(held.notes.join(" ")).toContain(
      "Feedback from partners and participants is collected anonymously",
    );

    const text = JSON.stringify(held);
    for (const other of ["Bilal", BILAL.email, "Front of house"]) expect(text).not.toContain(other);

    // The download is audited, and so is the view of her monitoring answers it contains.
    expect(eventsOf("export")).toEqual([
      expect.objectContaining({
        userId: admin.id,
        recordType: "volunteer",
        recordId: amira,
        changes: { format: [null, "JSON"] },
      }),
    ]);
    expect(eventsOf("view")).toEqual([
      expect.objectContaining({
        userId: admin.id,
        recordType: "volunteer_monitoring",
        recordId: amira,
        changes: {},
      }),
    ]);
  });

  it("downloads a printable page with the same content, also audited", async () => {
    const { admin, amira } = await amiraAndBilal();
    const result = await download(htmlLoader, "volunteer", amira, admin.cookie, "html");
    expect(result.status).toBe(200);
    expect(result.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(result.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="personal-data-volunteer-\d+-.+\.html"$/,
    );
    const html: string = result.data;
    expect(html).toMatch(/^<!DOCTYPE html><html lang="en-GB">/);
    expect(html).toContain("<h1>Personal data held about Amira Khan</h1>");
    for (const words of [
      AMIRA.email,
      "Object handling",
      "4 hours",
      "Volunteer forum",
      "Pakistani",
      "Zedtown LS6",
    ]) {
      expect(html).toContain(words);
    }
    expect(html).not.toContain("Bilal");
    expect(html).not.toContain("<script");
    expect(eventsOf("export").map((e) => e.changes)).toEqual([{ format: [null, "HTML"] }]);
  });

  it("downloads a contributor's projects and meetings, and a contact's partner and meetings", async () => {
    const { admin } = await amiraAndBilal();
    const partner = await addPartner(admin.cookie, { name: "Riverside College" });
    const contributor = createContributor(
      { name: "Dele Okafor", kind: "writer", partnerId: partner, email: "dele@example.org" },
      admin.id,
    );
    recordAnswers("contributor", contributor, admin.id);
    const project = await addProject(admin.cookie, { title: "Poetry walks" });
    addProjectContributor(project, contributor, admin.id);
    const contact = createContact(
      partner,
      { name: "Jo Evans", role: "Tutor", email: "jo@riverside.ac.uk" },
      admin.id,
    );
    meetingWith(admin.id, "Planning call", [
      { type: "contributor", id: contributor },
      { type: "contact", id: contact },
    ]);

    const dele = (await download(jsonLoader, "contributor", contributor, admin.cookie)).data;
    expect(dele.contributor).toMatchObject({
      name: "Dele Okafor",
      kind: "writer",
      email: "dele@example.org",
    });
    expect(dele.partner).toEqual({ id: partner, name: "Riverside College" });
    expect(dele.projects.map((p: { title: string }) => p.title)).toEqual(["Poetry walks"]);
    expect(dele.meetingsAttended.map((m: { title: string }) => m.title)).toEqual(["Planning call"]);
    expect(dele.equalityMonitoring.answers.ethnicGroup).toBe("asian_pakistani");
    expect(JSON.stringify(dele)).not.toContain("Jo Evans");

    const jo = (await download(jsonLoader, "contact", contact, admin.cookie)).data;
    expect(jo.contact).toMatchObject({ name: "Jo Evans", role: "Tutor", email: "jo@riverside.ac.uk" });
    expect(jo.partner).toEqual({ id: partner, name: "Riverside College" });
    expect(jo.meetingsAttended.map((m: { title: string }) => m.title)).toEqual(["Planning call"]);
    expect("equalityMonitoring" in jo).toBe(false);
    expect(JSON.stringify(jo)).not.toContain("Dele");

    const page = await load(contactPageLoader, {
      path: `/contacts/${contact}/personal-data`,
      params: { contactId: String(contact) },
      cookie: admin.cookie,
    });
    expect(page.status).toBe(200);
    expect(page.data.held.about.name).toBe("Jo Evans");
    const contributorPage = await load(contributorPageLoader, {
      path: `/contributors/${contributor}/personal-data`,
      params: { contributorId: String(contributor) },
      cookie: admin.cookie,
    });
    expect(contributorPage.data.held.contributor.name).toBe("Dele Okafor");
  });

  it("lists other records whose text names them", async () => {
    const { admin, amira } = await amiraAndBilal();
    const noted = createMeeting(
      {
        heldAt: new Date("2026-02-12T10:00:00Z"),
        kind: "call",
        title: "Rota call",
        summary: "amira khan will lead the Saturday tours.",
        decisions: null,
        partnerIds: [],
        projectIds: [],
        attendees: [],
        actions: [],
      },
      admin.id,
    );
    // A different name that contains hers is not a mention of her.
    meetingWith(admin.id, "Chat with Amira Khanum", []);
    const held = personalData({ kind: "volunteer", id: amira })!;
    expect(held.mentions).toEqual([
      expect.objectContaining({
        type: "meeting",
        id: noted,
        label: expect.stringContaining("Rota call"),
        fields: ["summary"],
      }),
    ]);
    expect(erasurePlan({ kind: "volunteer", id: amira })!.mentions.map((m) => m.id)).toEqual([noted]);
  });

  it("is for administrators only: editors and viewers get 403, and nothing is audited", async () => {
    const { amira } = await amiraAndBilal();
    const editor = await signedInUser("editor", { canViewEquality: true });
    const viewer = await signedInUser("viewer");
    for (const who of [editor, viewer]) {
      expect((await download(jsonLoader, "volunteer", amira, who.cookie)).status).toBe(403);
      expect((await download(htmlLoader, "volunteer", amira, who.cookie, "html")).status).toBe(403);
      expect((await load(volunteerPageLoader, volunteerCall(amira, who.cookie))).status).toBe(403);
      expect((await load(eraseVolunteerLoader, eraseCall(amira, who.cookie))).status).toBe(403);
      const erase = await submit(
        eraseVolunteerAction,
        eraseCall(amira, who.cookie, { confirmName: "Amira Khan" }),
      );
      expect(erase.status).toBe(403);
      expect(
        (await load(dataAccessLoader, { path: "/settings/data-access", cookie: who.cookie })).status,
      ).toBe(403);
    }
    const anonymous = await download(jsonLoader, "volunteer", amira);
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/login\?redirectTo=/);
    expect(eventsOf("export")).toEqual([]);
    expect(eventsOf("view")).toEqual([]);
    expect(eventsOf("erase")).toEqual([]);
    expect(db.select().from(volunteers).where(eq(volunteers.id, amira)).get()?.name).toBe("Amira Khan");
  });

  it("answers 404 for an unknown kind or record", async () => {
    const { admin } = await amiraAndBilal();
    expect((await download(jsonLoader, "partner", 1, admin.cookie)).status).toBe(404);
    expect((await download(jsonLoader, "volunteer", 999, admin.cookie)).status).toBe(404);
    expect((await load(volunteerPageLoader, volunteerCall(999, admin.cookie))).status).toBe(404);
  });
});

describe("erasure", () => {
  /** Five volunteers, so the volunteer report shows real numbers. */
  async function withThreeMore(adminId: number) {
    for (const name of ["Cara Jones", "Dev Patel", "Eve Morgan"]) {
      const id = addVolunteer(adminId, { name });
      addHours(id, { hoursDate: "2026-02-03", hours: 120 }, adminId);
      addTraining(id, { trainingDate: "2026-02-04", title: "Welcome" }, adminId);
    }
  }

  const reportParams = { from: "2025-03-02", to: "2026-03-02", programme: null, profileId: null };

  /** What the volunteer list shows that is not personal: programme, status, dates, hours and training. */
  function listTotals() {
    return listVolunteers({ sort: "start", page: 1 })
      .rows.map((v) => ({
        id: v.id,
        programme: v.programme,
        status: v.status,
        startDate: v.startDate,
        endDate: v.endDate,
        totalMinutes: v.totalMinutes,
        trainingCount: v.trainingCount,
      }))
      .sort((a, b) => a.id - b.id);
  }

  it("removes her personal data, keeps hours, training and report counts, and redacts the audit trail", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-03-02T10:00:00Z"));
    const { admin, amira, bilal, meeting, project } = await amiraAndBilal();
    await withThreeMore(admin.id);
    createFormLink({ type: "volunteer", id: amira }, admin.id);
    const listBefore = listTotals();
    const reportBefore = (await buildVolunteerReport(reportParams)).summary;
    expect(reportBefore.people).toBe(5);
    const evidenceBefore = db.select().from(evidenceLinks).all().length;

    // The confirmation says what goes and what stays.
    const page = await load(eraseVolunteerLoader, eraseCall(amira, admin.cookie));
    expect(page.status).toBe(200);
    expect(page.data.plan).toMatchObject({
      placeholder: `Erased volunteer ${amira}`,
      cleared: ["Email address", "Phone", "Roles", "Skills", "Notes"],
      kept: ["Programme", "Status", "Start date"],
      hasMonitoring: true,
      meetingCount: 1,
      projectCount: 1,
      trainingCount: 1,
      totalMinutes: 240,
    });
    expect(page.data.plan.ownAuditEntries).toBeGreaterThan(0);
    expect(page.data.plan.otherAuditEntries).toBeGreaterThan(0); // the meeting's attendees, the project's volunteers

    const erased = await submit(
      eraseVolunteerAction,
      eraseCall(amira, admin.cookie, { confirmName: "  amira   KHAN " }),
    );
    expect(erased.status).toBe(302);
    expect(erased.location).toBe(`/volunteers/${amira}/personal-data?notice=erased`);

    const row = db.select().from(volunteers).where(eq(volunteers.id, amira)).get()!;
    expect(row).toMatchObject({
      name: `Erased volunteer ${amira}`,
      email: null,
      phone: null,
      roles: null,
      skills: null,
      notes: null,
      programme: "volunteer",
      status: "active",
      startDate: "2025-06-02",
    });
    expect(
      db.select().from(volunteerFocusLinks).where(eq(volunteerFocusLinks.volunteerId, amira)).all(),
    ).toHaveLength(2);
    // Equality monitoring and its links are gone; Bilal's stay.
    expect(
      db
        .select()
        .from(equalityMonitoring)
        .all()
        .map((m) => m.personId),
    ).toEqual([bilal]);
    expect(db.select().from(monitoringFormLinks).all()).toEqual([]);
    // She is off the meeting; the meeting and Bilal's attendance stay.
    expect(db.select().from(meetings).where(eq(meetings.id, meeting)).get()).toBeTruthy();
    expect(db.select().from(meetingAttendees).all()).toEqual([
      { meetingId: meeting, attendeeType: "volunteer", attendeeId: bilal },
    ]);
    // Anonymous aggregates are unchanged: hours, training, list totals, the report, evidence.
    expect(
      db.select().from(trainingRecords).where(eq(trainingRecords.volunteerId, amira)).all(),
    ).toHaveLength(1);
    expect(
      db
        .select()
        .from(volunteerHours)
        .where(eq(volunteerHours.volunteerId, amira))
        .all()
        .reduce((sum, h) => sum + h.minutes, 0),
    ).toBe(240);
    expect(listTotals()).toEqual(listBefore);
    expect((await buildVolunteerReport(reportParams)).summary).toEqual(reportBefore);
    expect(db.select().from(evidenceLinks).all()).toHaveLength(evidenceBefore);
    expect(describeRecord({ type: "volunteer", id: amira })?.label).toBe(`Erased volunteer ${amira}`);
    expect(describeRecord({ type: "project", id: project })).toBeTruthy();

    // Her name, contact details and notes are nowhere in the database any more.
    const everything = wholeDatabase();
    for (const value of Object.values(AMIRA)) expect(everything).not.toContain(value);
    expect(everything).toContain(BILAL.email);

    // The audit trail keeps its entries about her records, fields without values...
    const created = db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.recordType, "volunteer"),
          eq(auditEvents.recordId, amira),
          eq(auditEvents.action, "create"),
        ),
      )
      .get()!;
    expect(created.changes).toMatchObject({
      name: [null, "(erased)"],
      email: [null, "(erased)"],
      programme: [null, "(erased)"],
    });
    // ...other entries read the placeholder where her name was...
    const meetingCreated = db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordType, "meeting"), eq(auditEvents.recordId, meeting)))
      .get()!;
    expect(JSON.stringify(meetingCreated.changes)).toContain(`Erased volunteer ${amira} (volunteer)`);
    expect(JSON.stringify(meetingCreated.changes)).toContain("Bilal Hussain (volunteer)");
    // ...and the erasure itself is recorded, by whom and when, with no personal data.
    const [erasure] = eventsOf("erase");
    expect(erasure).toMatchObject({ userId: admin.id, recordType: "volunteer", recordId: amira });
    expect(erasure.at.toISOString()).toBe("2026-03-02T10:00:00.000Z");
    expect(erasure.changes).toMatchObject({
      name: ["(erased)", `Erased volunteer ${amira}`],
      email: ["(erased)", null],
      notes: ["(erased)", null],
      meetingsAttended: [1, 0],
      equalityMonitoring: ["(erased)", null],
    });

    // What is left can still be exported, and says it was erased.
    const after = (await download(jsonLoader, "volunteer", amira, admin.cookie)).data;
    expect(after.about.erased).toEqual({ at: "2026-03-02T10:00:00.000Z", by: "Ada Admin" });
    expect(after.totalMinutes).toBe(240);
    expect(after.equalityMonitoring).toBeNull();
  });

  it("refuses without her name typed exactly, keeping what was typed, and changes nothing", async () => {
    const { admin, amira } = await amiraAndBilal();
    const blank = await submit(eraseVolunteerAction, eraseCall(amira, admin.cookie, { confirmName: "" }));
    expect(blank.status).toBe(400);
    expect(blank.data.errors.confirmName).toEqual(["Enter their name, exactly as it is shown above."]);
    const wrong = await submit(
      eraseVolunteerAction,
      eraseCall(amira, admin.cookie, { confirmName: "Amira" }),
    );
    expect(wrong.status).toBe(400);
    expect(wrong.data.errors.confirmName).toEqual(["Type their name exactly as it is shown: Amira Khan."]);
    expect(wrong.data.values).toEqual({ confirmName: "Amira" });
    expect(db.select().from(volunteers).where(eq(volunteers.id, amira)).get()).toMatchObject(AMIRA);
    expect(db.select().from(equalityMonitoring).all()).toHaveLength(2);
    expect(eventsOf("erase")).toEqual([]);
  });

  it("happens once: a second erasure is refused and the page says when it was done", async () => {
    const { admin, amira } = await amiraAndBilal();
    expect(erasePerson({ kind: "volunteer", id: amira }, admin.id)).toBe("erased");
    expect(erasePerson({ kind: "volunteer", id: amira }, admin.id)).toBe("already-erased");
    expect(erasePerson({ kind: "volunteer", id: 999 }, admin.id)).toBe("not-found");
    const again = await submit(
      eraseVolunteerAction,
      eraseCall(amira, admin.cookie, { confirmName: `Erased volunteer ${amira}` }),
    );
    expect(again.location).toBe(`/volunteers/${amira}/personal-data`);
    expect(eventsOf("erase")).toHaveLength(1);
    const page = await load(eraseVolunteerLoader, eraseCall(amira, admin.cookie));
    expect(page.data.plan.person.erased).toMatchObject({ by: "Ada Admin" });
  });

  it("erases a partner contact: off their meetings, the partner and meetings stay", async () => {
    const { admin } = await amiraAndBilal();
    const partner = await addPartner(admin.cookie, { name: "Riverside College" });
    const contact = createContact(
      partner,
      {
        name: "Jo Evans",
        role: "Tutor",
        email: "jo@riverside.ac.uk",
        phone: "01632 960123",
        notes: "Jo's mobile after 5",
      },
      admin.id,
    );
    const meeting = meetingWith(admin.id, "Planning call", [{ type: "contact", id: contact }]);
    const call = {
      path: `/contacts/${contact}/erase`,
      params: { contactId: String(contact) },
      cookie: admin.cookie,
    };
    const refused = await submit(eraseContactAction, { ...call, form: { confirmName: "Joe Evans" } });
    expect(refused.status).toBe(400);
    const done = await submit(eraseContactAction, { ...call, form: { confirmName: "Jo Evans" } });
    expect(done.location).toBe(`/contacts/${contact}/personal-data?notice=erased`);
    expect(db.select().from(contacts).where(eq(contacts.id, contact)).get()).toMatchObject({
      partnerId: partner,
      name: `Erased contact ${contact}`,
      role: null,
      email: null,
      phone: null,
      notes: null,
    });
    expect(db.select().from(meetingAttendees).where(eq(meetingAttendees.meetingId, meeting)).all()).toEqual(
      [],
    );
    expect(db.select().from(meetings).where(eq(meetings.id, meeting)).get()).toBeTruthy();
    expect(wholeDatabase()).not.toContain("jo@riverside.ac.uk");
  });
});

describe("their name elsewhere", () => {
  it("finds and blanks the rows of uploaded spreadsheets that are theirs, by name or email, and only those", async () => {
    const { admin, amira } = await amiraAndBilal();
    const batch = db
      .insert(importBatches)
      .values({
        kind: "volunteers",
        filename: "volunteers.csv",
        status: "imported",
        headers: ["Name", "Email", "Notes"],
        rows: [
          ["amira  khan", "", "Weekends"],
          ["A. Khan", AMIRA.email, "Second copy"],
          ["Amira Khanum", "ak@example.org", "Someone else"],
          ["Bilal Hussain", BILAL.email, ""],
        ],
        mapping: { name: 0, email: 1, notes: 2 },
        skipped: [],
        edits: { "1": { notes: "Typed again" }, "3": { notes: "Keep" } },
        createdBy: admin.id,
        createdAt: new Date("2026-02-01T09:00:00Z"),
      })
      .returning({ id: importBatches.id })
      .get().id;
    const held = personalData({ kind: "volunteer", id: amira })!;
    expect(held.importRows).toEqual([
      expect.objectContaining({
        batchId: batch,
        filename: "volunteers.csv",
        rows: [
          { rowNumber: 1, cells: { Name: "amira  khan", Email: "", Notes: "Weekends" } },
          { rowNumber: 2, cells: { Name: "A. Khan", Email: AMIRA.email, Notes: "Second copy" } },
        ],
      }),
    ]);
    erasePerson({ kind: "volunteer", id: amira }, admin.id);
    const after = db.select().from(importBatches).where(eq(importBatches.id, batch)).get()!;
    expect(after.rows).toEqual([
      ["(erased)", "(erased)", "(erased)"],
      ["(erased)", "(erased)", "(erased)"],
      ["Amira Khanum", "ak@example.org", "Someone else"],
      ["Bilal Hussain", BILAL.email, ""],
    ]);
    expect(after.edits).toEqual({ "1": { notes: "(erased)" }, "3": { notes: "Keep" } });
  });

  it("takes a one-word name out of lists of people only, so nobody else's name changes", async () => {
    const admin = await signedInUser("admin");
    const sam = addVolunteer(admin.id, { name: "Sam" });
    const samJones = addVolunteer(admin.id, { name: "Sam Jones" });
    const meeting = meetingWith(admin.id, "Sam's induction", [
      { type: "volunteer", id: sam },
      { type: "volunteer", id: samJones },
    ]);
    erasePerson({ kind: "volunteer", id: sam }, admin.id);
    const created = db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordType, "meeting"), eq(auditEvents.recordId, meeting)))
      .get()!;
    expect(created.changes.attendees).toEqual([
      null,
      `Erased volunteer ${sam} (volunteer), Sam Jones (volunteer)`,
    ]);
    expect(created.changes.title).toEqual([null, "Sam's induction"]);
    const other = db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordType, "volunteer"), eq(auditEvents.recordId, samJones)))
      .get()!;
    expect(other.changes.name).toEqual([null, "Sam Jones"]);
  });
});

describe("views of individual equality monitoring answers", () => {
  it("records each showing of someone's answers, on their monitoring page and their personal data page", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-03-02T10:00:00Z"));
    const { admin, amira, bilal } = await amiraAndBilal();
    const editor = await signedInUser("editor", { canViewEquality: true, name: "Eddie Editor" });
    const unanswered = addVolunteer(admin.id, { name: "Cara Jones" });

    const shown = await load(volunteerMonitoringLoader, {
      path: `/volunteers/${amira}/monitoring`,
      params: { volunteerId: String(amira) },
      cookie: editor.cookie,
    });
    expect(shown.status).toBe(200);
    // A page with no answers on it shows no one's answers: nothing to log.
    await load(volunteerMonitoringLoader, {
      path: `/volunteers/${unanswered}/monitoring`,
      params: { volunteerId: String(unanswered) },
      cookie: editor.cookie,
    });
    // Refused: nothing shown, nothing logged.
    const viewer = await signedInUser("viewer");
    await load(volunteerMonitoringLoader, {
      path: `/volunteers/${bilal}/monitoring`,
      params: { volunteerId: String(bilal) },
      cookie: viewer.cookie,
    });
    await load(volunteerPageLoader, volunteerCall(bilal, admin.cookie));

    expect(eventsOf("view")).toEqual([
      expect.objectContaining({
        userId: editor.id,
        recordType: "volunteer_monitoring",
        recordId: amira,
        changes: {},
      }),
      expect.objectContaining({
        userId: admin.id,
        recordType: "volunteer_monitoring",
        recordId: bilal,
        changes: {},
      }),
    ]);

    const list = await load(dataAccessLoader, { path: "/settings/data-access", cookie: admin.cookie });
    expect(list.status).toBe(200);
    expect(list.data.total).toBe(2);
    expect(list.data.rows).toEqual([
      expect.objectContaining({
        userName: "Ada Admin",
        personName: "Bilal Hussain",
        kind: "volunteer",
        href: `/volunteers/${bilal}`,
      }),
      expect.objectContaining({
        userName: "Eddie Editor",
        personName: "Amira Khan",
        at: "2026-03-02T10:00:00.000Z",
      }),
    ]);
  });

  it("pages the list, 25 at a time", async () => {
    const { admin, amira } = await amiraAndBilal();
    for (let i = 0; i < 26; i += 1) {
      await load(volunteerMonitoringLoader, {
        path: `/volunteers/${amira}/monitoring`,
        params: { volunteerId: String(amira) },
        cookie: admin.cookie,
      });
    }
    const first = await load(dataAccessLoader, { path: "/settings/data-access", cookie: admin.cookie });
    expect(first.data).toMatchObject({ total: 26, page: 1 });
    expect(first.data.rows).toHaveLength(25);
    const second = await load(dataAccessLoader, {
      path: "/settings/data-access?page=2",
      cookie: admin.cookie,
    });
    expect(second.data.rows).toHaveLength(1);
    expect(second.data.rows[0].id).toBeLessThan(first.data.rows[24].id);
    const odd = await load(dataAccessLoader, {
      path: "/settings/data-access?page=nonsense",
      cookie: admin.cookie,
    });
    expect(odd.data.page).toBe(1);
  });
});
