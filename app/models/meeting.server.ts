import { TZDate } from "@date-fns/tz";
import { subDays } from "date-fns";
import {
  and,
  asc,
  count,
  desc,
  eq,
  exists,
  gte,
  inArray,
  lt,
  notInArray,
  or,
  sql,
  type SQL,
} from "drizzle-orm";
import {
  actions,
  contacts,
  contributors,
  meetingAttendees,
  meetingPartners,
  meetingProjects,
  meetings,
  partners,
  projects,
  users,
  volunteers,
  type AttendeeType,
  type MeetingKind,
} from "~db/schema";
import type { Attendee, MeetingInput, MeetingPeopleForm, NewMeetingInput } from "~/forms/meetings.server";
import { meetingKindLabels, meetingKindOptions } from "~/utils/labels";
import { db, write, type Tx } from "~/utils/db.server";
import { TIME_ZONE } from "~/utils/dates";
import type { FieldErrors } from "~/utils/forms.server";
import { contains, PAGE_SIZE } from "~/utils/list-query.server";
import {
  compare,
  inIds,
  listPage,
  partnerIdsNamed,
  projectIdsTitled,
  type PagePlan,
} from "~/utils/list-page.server";
import { ACTION, actionsFrom, addActions } from "./action.server";
import { auditCreate, auditDelete, auditUpdate, timelineHistory } from "./audit.server";
import { dependantsInWords } from "./dependants.server";
import { removeEvidenceFor, suggestEvidence } from "./evidence.server";

export const MEETING = "meeting";

/** Read through the open transaction when there is one, or the connection when there is not. */
type Reader = typeof db | Tx;

export { meetingKindLabels, meetingKindOptions };

const attendeeTypeOrder: AttendeeType[] = ["user", "contact", "contributor", "volunteer"];

// ---------------------------------------------------------------------------------------------
// The list

export type MeetingFilters = {
  q?: string;
  /** A partner chosen by id (the link from a partner's page). */
  partnerId?: number;
  projectId?: number;
  /** Words in a partner's name, or a project's title, typed in the filter. */
  partner?: string;
  project?: string;
  kind?: MeetingKind;
  /** UK calendar days, inclusive. */
  from?: string;
  to?: string;
  sort: "date" | "title" | "kind";
  dir?: "asc" | "desc";
  page: number;
};

/** The instant a UK calendar day starts (00:00 UK time, which is 23:00 UTC the day before in summer). */
export function ukDayStart(day: string, plusDays = 0): Date {
  const [year, month, date] = day.split("-").map(Number);
  return new Date(new TZDate(year, month - 1, date + plusDays, 0, 0, TIME_ZONE).getTime());
}

/**
 * Meetings linked to any of these partners (or projects). Gathering, the links lead (through their
 * partner index); walking the date order, each meeting's links are looked up by its id.
 */
function linkedTo(
  table: typeof meetingPartners | typeof meetingProjects,
  ids: number[],
  plan: PagePlan,
): SQL {
  const other = table === meetingPartners ? meetingPartners.partnerId : meetingProjects.projectId;
  if (plan === "walk") {
    return exists(
      db
        .select({ one: sql`1` })
        .from(table)
        // By the meeting's own links (its primary key), not every partner's meetings.
        .where(and(eq(table.meetingId, meetings.id), inIds(other, ids, true))),
    );
  }
  return inArray(meetings.id, db.select({ id: table.meetingId }).from(table).where(inIds(other, ids)));
}

/**
 * The partners (or projects) a filter names: the one chosen by id (a link from its page), else
 * those whose names contain the words typed; undefined when there is no such filter.
 */
function linkFilters(filters: MeetingFilters) {
  const named = (id: number | undefined, text: string | undefined, find: (text: string) => number[]) =>
    id !== undefined ? [id] : text ? find(text) : undefined;
  return {
    partners: named(filters.partnerId, filters.partner, partnerIdsNamed),
    projects: named(filters.projectId, filters.project, projectIdsTitled),
  };
}

function where(filters: MeetingFilters, plan: PagePlan = "gather"): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (filters.q)
    conditions.push(or(contains(meetings.title, filters.q), contains(meetings.summary, filters.q)));
  const links = linkFilters(filters);
  if (links.partners) conditions.push(linkedTo(meetingPartners, links.partners, plan));
  if (links.projects) conditions.push(linkedTo(meetingProjects, links.projects, plan));
  // Walking the title order, the kind and the dates are checked row by row; in date or kind order
  // they narrow the index being walked.
  const walk = plan === "walk";
  if (filters.kind)
    conditions.push(compare(meetings.kind, "=", filters.kind, walk && filters.sort === "title"));
  const datesByRow = walk && filters.sort !== "date";
  if (filters.from) conditions.push(compare(meetings.heldAt, ">=", ukDayStart(filters.from), datesByRow));
  if (filters.to) conditions.push(compare(meetings.heldAt, "<", ukDayStart(filters.to, 1), datesByRow));
  return and(...conditions);
}

const sortColumns = { date: meetings.heldAt, title: meetings.title, kind: meetings.kind } as const;

/** By date, newest first by default; by title or kind, the newest first within each (indexes for both ways). */
function orderBy(filters: MeetingFilters) {
  const dir = filters.dir ?? (filters.sort === "date" ? "desc" : "asc");
  const order = dir === "asc" ? asc : desc;
  const then = filters.sort === "date" ? [] : [desc(meetings.heldAt)];
  return [order(sortColumns[filters.sort]), ...then, order(meetings.id)];
}

/** Each meeting's partners, for many meetings in one query, in the order they were chosen. */
function partnersOf(reader: Reader, meetingIds: number[]) {
  const byMeeting = new Map<number, { id: number; name: string }[]>();
  if (meetingIds.length === 0) return byMeeting;
  const rows = reader
    .select({ meetingId: meetingPartners.meetingId, id: partners.id, name: partners.name })
    .from(meetingPartners)
    .innerJoin(partners, eq(partners.id, meetingPartners.partnerId))
    .where(inArray(meetingPartners.meetingId, meetingIds))
    .orderBy(sql`${meetingPartners}.rowid`)
    .all();
  for (const { meetingId, ...partner } of rows) {
    if (!byMeeting.has(meetingId)) byMeeting.set(meetingId, []);
    byMeeting.get(meetingId)!.push(partner);
  }
  return byMeeting;
}

/** Each meeting's projects, for many meetings in one query. */
function projectsOf(reader: Reader, meetingIds: number[]) {
  const byMeeting = new Map<number, { id: number; title: string }[]>();
  if (meetingIds.length === 0) return byMeeting;
  const rows = reader
    .select({ meetingId: meetingProjects.meetingId, id: projects.id, title: projects.title })
    .from(meetingProjects)
    .innerJoin(projects, eq(projects.id, meetingProjects.projectId))
    .where(inArray(meetingProjects.meetingId, meetingIds))
    .orderBy(sql`${meetingProjects}.rowid`)
    .all();
  for (const { meetingId, ...project } of rows) {
    if (!byMeeting.has(meetingId)) byMeeting.set(meetingId, []);
    byMeeting.get(meetingId)!.push(project);
  }
  return byMeeting;
}

/** Follow-up actions per meeting, all and still open, for many meetings in one query. */
function actionCountsOf(meetingIds: number[]) {
  const counts = new Map<number, { all: number; open: number }>();
  if (meetingIds.length === 0) return counts;
  const rows = db
    .select({
      meetingId: actions.sourceId,
      all: count(),
      open: sql<number>`sum(case when ${actions.status} = 'open' then 1 else 0 end)`,
    })
    .from(actions)
    .where(and(eq(actions.source, "meeting"), inArray(actions.sourceId, meetingIds)))
    .groupBy(actions.sourceId)
    .all();
  for (const row of rows) {
    if (row.meetingId !== null) counts.set(row.meetingId, { all: row.all, open: Number(row.open ?? 0) });
  }
  return counts;
}

/**
 * Who attended each meeting, in words: "Ada Lovelace (our staff), Sam Patel (Riverside College),
 * Jo Bloggs (contributor)". One query for the attendance and one per kind of person.
 */
function attendeesInWordsOf(reader: Reader, meetingIds: number[]): Map<number, string[]> {
  const words = new Map<number, string[]>();
  if (meetingIds.length === 0) return words;
  const rows = reader
    .select({
      meetingId: meetingAttendees.meetingId,
      type: meetingAttendees.attendeeType,
      id: meetingAttendees.attendeeId,
    })
    .from(meetingAttendees)
    .where(inArray(meetingAttendees.meetingId, meetingIds))
    .all();
  const idsOf = (type: AttendeeType) => [...new Set(rows.filter((r) => r.type === type).map((r) => r.id))];
  const names = new Map<string, { sortName: string; text: string }>();
  const put = (type: AttendeeType, id: number, sortName: string, text: string) =>
    names.set(`${type}:${id}`, { sortName, text });
  for (const chunk of chunks(idsOf("user"))) {
    for (const u of reader
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(inArray(users.id, chunk))
      .all()) {
      put("user", u.id, u.name, `${u.name} (our staff)`);
    }
  }
  for (const chunk of chunks(idsOf("contact"))) {
    for (const c of reader
      .select({ id: contacts.id, name: contacts.name, partner: partners.name })
      .from(contacts)
      .innerJoin(partners, eq(partners.id, contacts.partnerId))
      .where(inArray(contacts.id, chunk))
      .all()) {
      put("contact", c.id, c.name, `${c.name} (${c.partner})`);
    }
  }
  for (const chunk of chunks(idsOf("contributor"))) {
    for (const c of reader
      .select({ id: contributors.id, name: contributors.name })
      .from(contributors)
      .where(inArray(contributors.id, chunk))
      .all()) {
      put("contributor", c.id, c.name, `${c.name} (contributor)`);
    }
  }
  for (const chunk of chunks(idsOf("volunteer"))) {
    for (const v of reader
      .select({ id: volunteers.id, name: volunteers.name })
      .from(volunteers)
      .where(inArray(volunteers.id, chunk))
      .all()) {
      put("volunteer", v.id, v.name, `${v.name} (volunteer)`);
    }
  }
  const sorted = rows
    .map((r) => ({ ...r, name: names.get(`${r.type}:${r.id}`) }))
    .filter((r) => r.name)
    .sort(
      (a, b) =>
        attendeeTypeOrder.indexOf(a.type) - attendeeTypeOrder.indexOf(b.type) ||
        a.name!.sortName.localeCompare(b.name!.sortName, "en-GB") ||
        a.id - b.id,
    );
  for (const row of sorted) {
    if (!words.has(row.meetingId)) words.set(row.meetingId, []);
    words.get(row.meetingId)!.push(row.name!.text);
  }
  return words;
}

function* chunks<T>(items: T[], size = 500): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

const listColumns = {
  id: meetings.id,
  heldAt: meetings.heldAt,
  kind: meetings.kind,
  title: meetings.title,
};

export function listMeetings(filters: MeetingFilters) {
  const { rows: page, total } = listPage({
    list: "meetings",
    filters,
    table: meetings,
    id: meetings.id,
    orderBy: orderBy(filters),
    where: (plan) => where(filters, plan),
    page: (condition, offset) =>
      db
        .select(listColumns)
        .from(meetings)
        .where(condition)
        .orderBy(...orderBy(filters))
        .limit(PAGE_SIZE)
        .offset(offset)
        .all(),
  });
  const ids = page.map((row) => row.id);
  const partnerLinks = partnersOf(db, ids);
  const projectLinks = projectsOf(db, ids);
  const actionCounts = actionCountsOf(ids);
  const rows = page.map((row) => ({
    ...row,
    kindLabel: meetingKindLabels[row.kind],
    partners: partnerLinks.get(row.id) ?? [],
    projects: projectLinks.get(row.id) ?? [],
    actions: actionCounts.get(row.id) ?? { all: 0, open: 0 },
  }));
  return { rows, total };
}

const exportColumns = {
  id: meetings.id,
  heldAt: meetings.heldAt,
  kind: meetings.kind,
  title: meetings.title,
  summary: meetings.summary,
  decisions: meetings.decisions,
};
export type MeetingExportRow = {
  [K in keyof typeof exportColumns]: (typeof meetings.$inferSelect)[K];
} & {
  partners: string;
  projects: string;
  attendees: string;
  actionCount: number;
};

/** Every meeting the filters match, in list order, a few hundred at a time, with who and what in words. */
export function* exportMeetings(filters: MeetingFilters): Generator<MeetingExportRow[]> {
  const ids = db
    .select({ id: meetings.id })
    .from(meetings)
    .where(where(filters))
    .orderBy(...orderBy(filters))
    .all()
    .map((row) => row.id);
  for (const chunk of chunks(ids)) {
    const rows = db.select(exportColumns).from(meetings).where(inArray(meetings.id, chunk)).all();
    const byId = new Map(rows.map((row) => [row.id, row]));
    const partnerLinks = partnersOf(db, chunk);
    const projectLinks = projectsOf(db, chunk);
    const attendees = attendeesInWordsOf(db, chunk);
    const actionCounts = actionCountsOf(chunk);
    yield chunk.map((id) => ({
      ...byId.get(id)!,
      partners: (partnerLinks.get(id) ?? []).map((p) => p.name).join("; "),
      projects: (projectLinks.get(id) ?? []).map((p) => p.title).join("; "),
      attendees: (attendees.get(id) ?? []).join("; "),
      actionCount: actionCounts.get(id)?.all ?? 0,
    }));
  }
}

// ---------------------------------------------------------------------------------------------
// One meeting

export function getMeeting(id: number) {
  return db.select().from(meetings).where(eq(meetings.id, id)).get();
}

/** The people who attended a meeting, described by kind, each list by name. */
export function meetingAttendeesOf(reader: Reader, id: number) {
  const attending = (type: AttendeeType) =>
    and(eq(meetingAttendees.meetingId, id), eq(meetingAttendees.attendeeType, type));
  return {
    staff: reader
      .select({ id: users.id, name: users.name })
      .from(meetingAttendees)
      .innerJoin(users, eq(users.id, meetingAttendees.attendeeId))
      .where(attending("user"))
      .orderBy(asc(users.name), asc(users.id))
      .all(),
    contacts: reader
      .select({
        id: contacts.id,
        name: contacts.name,
        role: contacts.role,
        partnerId: partners.id,
        partnerName: partners.name,
      })
      .from(meetingAttendees)
      .innerJoin(contacts, eq(contacts.id, meetingAttendees.attendeeId))
      .innerJoin(partners, eq(partners.id, contacts.partnerId))
      .where(attending("contact"))
      .orderBy(asc(contacts.name), asc(contacts.id))
      .all(),
    contributors: reader
      .select({ id: contributors.id, name: contributors.name, kind: contributors.kind })
      .from(meetingAttendees)
      .innerJoin(contributors, eq(contributors.id, meetingAttendees.attendeeId))
      .where(attending("contributor"))
      .orderBy(asc(contributors.name), asc(contributors.id))
      .all(),
    volunteers: reader
      .select({ id: volunteers.id, name: volunteers.name, programme: volunteers.programme })
      .from(meetingAttendees)
      .innerJoin(volunteers, eq(volunteers.id, meetingAttendees.attendeeId))
      .where(attending("volunteer"))
      .orderBy(asc(volunteers.name), asc(volunteers.id))
      .all(),
  };
}
export type MeetingAttendees = ReturnType<typeof meetingAttendeesOf>;

/** Everything shown on a meeting's page, in a handful of queries. */
export function getMeetingPage(id: number) {
  const meeting = getMeeting(id);
  if (!meeting) return null;
  return {
    meeting: { ...meeting, kindLabel: meetingKindLabels[meeting.kind] },
    partners: partnersOf(db, [id]).get(id) ?? [],
    projects: projectsOf(db, [id]).get(id) ?? [],
    attendees: meetingAttendeesOf(db, id),
    actions: actionsFrom("meeting", id),
    history: timelineHistory({ type: MEETING, id }),
  };
}

/** Active users, plus any already attending: the "Our staff" checkboxes. */
export function staffChoices(attending: number[] = []) {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(or(eq(users.active, true), attending.length ? inArray(users.id, attending) : undefined))
    .orderBy(asc(users.name), asc(users.id))
    .all();
}

/** The contacts of some partners, plus any contacts already attending: the "Their people" checkboxes. */
export function contactChoices(partnerIds: number[], attending: number[] = []) {
  if (partnerIds.length === 0 && attending.length === 0) return [];
  return db
    .select({
      id: contacts.id,
      name: contacts.name,
      role: contacts.role,
      partnerId: partners.id,
      partnerName: partners.name,
    })
    .from(contacts)
    .innerJoin(partners, eq(partners.id, contacts.partnerId))
    .where(
      or(
        partnerIds.length ? inArray(contacts.partnerId, partnerIds) : undefined,
        attending.length ? inArray(contacts.id, attending) : undefined,
      ),
    )
    .orderBy(asc(partners.name), asc(contacts.name), asc(contacts.id))
    .all();
}

export const PEOPLE_MATCHES = 20;

/**
 * Contributors and volunteers whose name contains `q` and who are not attending yet, by name: at
 * most 20 in all, and whether there are more, so the page asks for a closer search rather than
 * listing thousands of volunteers.
 */
export function findPeopleToAdd(meetingId: number, q: string) {
  const text = q.trim();
  if (!text) return { matches: [], more: false };
  const attendingIds = (type: AttendeeType) =>
    db
      .select({ id: meetingAttendees.attendeeId })
      .from(meetingAttendees)
      .where(and(eq(meetingAttendees.meetingId, meetingId), eq(meetingAttendees.attendeeType, type)));
  const contributorRows = db
    .select({ id: contributors.id, name: contributors.name, kind: contributors.kind })
    .from(contributors)
    .where(and(contains(contributors.name, text), notInArray(contributors.id, attendingIds("contributor"))))
    .orderBy(asc(contributors.name), asc(contributors.id))
    .limit(PEOPLE_MATCHES + 1)
    .all()
    .map((c) => ({ type: "contributor" as const, id: c.id, name: c.name, kind: c.kind, programme: null }));
  const volunteerRows = db
    .select({ id: volunteers.id, name: volunteers.name, programme: volunteers.programme })
    .from(volunteers)
    .where(and(contains(volunteers.name, text), notInArray(volunteers.id, attendingIds("volunteer"))))
    .orderBy(asc(volunteers.name), asc(volunteers.id))
    .limit(PEOPLE_MATCHES + 1)
    .all()
    .map((v) => ({ type: "volunteer" as const, id: v.id, name: v.name, kind: null, programme: v.programme }));
  const all = [...contributorRows, ...volunteerRows].sort(
    (a, b) => a.name.localeCompare(b.name, "en-GB") || a.type.localeCompare(b.type) || a.id - b.id,
  );
  return { matches: all.slice(0, PEOPLE_MATCHES), more: all.length > PEOPLE_MATCHES };
}

/** The partner's meetings, newest first, for its timeline. */
export function meetingsForPartner(partnerId: number, limit = 20) {
  return db
    .select({ id: meetings.id, heldAt: meetings.heldAt, kind: meetings.kind, title: meetings.title })
    .from(meetingPartners)
    .innerJoin(meetings, eq(meetings.id, meetingPartners.meetingId))
    .where(eq(meetingPartners.partnerId, partnerId))
    .orderBy(desc(meetings.heldAt), desc(meetings.id))
    .limit(limit)
    .all();
}

/** The project's meetings, newest first, for its timeline. */
export function meetingsForProject(projectId: number, limit = 20) {
  return db
    .select({ id: meetings.id, heldAt: meetings.heldAt, kind: meetings.kind, title: meetings.title })
    .from(meetingProjects)
    .innerJoin(meetings, eq(meetings.id, meetingProjects.meetingId))
    .where(eq(meetingProjects.projectId, projectId))
    .orderBy(desc(meetings.heldAt), desc(meetings.id))
    .limit(limit)
    .all();
}

/** Meetings held in the last `days` days (by the held_at index), for the dashboard. */
export function recentMeetingCount(days = 30, now = new Date()) {
  return db
    .select({ n: count() })
    .from(meetings)
    .where(and(gte(meetings.heldAt, subDays(now, days)), lt(meetings.heldAt, now)))
    .get()!.n;
}

// ---------------------------------------------------------------------------------------------
// Checks that need the database

const choose = {
  partner: "Choose a partner from the list.",
  project: "Choose a project from the list.",
  staff: "Choose staff from the list.",
  contacts: "Choose people from the list.",
  contributors: "Choose contributors from the list.",
  volunteers: "Choose volunteers from the list.",
};

function missing(
  table:
    | typeof partners
    | typeof projects
    | typeof users
    | typeof contacts
    | typeof contributors
    | typeof volunteers,
  ids: number[],
) {
  if (ids.length === 0) return [];
  const found = new Set(
    db
      .select({ id: table.id })
      .from(table)
      .where(inArray(table.id, ids))
      .all()
      .map((row) => row.id),
  );
  return ids.filter((id) => !found.has(id));
}

type LinkFields = {
  partnerId?: number;
  partnerId2?: number;
  projectId?: number;
  projectId2?: number;
  staff: number[];
  contacts: number[];
  contributors?: number[];
  volunteers?: number[];
};

/**
 * Messages for chosen partners, projects and people that do not exist (a stale page, or a forged
 * form), and for follow-up actions given to someone who cannot own them, by form field.
 */
export function meetingLinkErrors(
  form: LinkFields,
  followUps: { row: number; ownerId: number }[] = [],
  meetingId?: number,
): FieldErrors | null {
  const errors: FieldErrors = {};
  const check = (field: string, message: string, bad: boolean) => {
    if (bad) errors[field] = [message];
  };
  const missingPartners = new Set(
    missing(
      partners,
      [form.partnerId, form.partnerId2].filter((id): id is number => id !== undefined),
    ),
  );
  check("partnerId", choose.partner, form.partnerId !== undefined && missingPartners.has(form.partnerId));
  check("partnerId2", choose.partner, form.partnerId2 !== undefined && missingPartners.has(form.partnerId2));
  const missingProjects = new Set(
    missing(
      projects,
      [form.projectId, form.projectId2].filter((id): id is number => id !== undefined),
    ),
  );
  check("projectId", choose.project, form.projectId !== undefined && missingProjects.has(form.projectId));
  check("projectId2", choose.project, form.projectId2 !== undefined && missingProjects.has(form.projectId2));
  check("staff", choose.staff, missing(users, form.staff).length > 0);
  check("contacts", choose.contacts, missing(contacts, form.contacts).length > 0);
  check("contributors", choose.contributors, missing(contributors, form.contributors ?? []).length > 0);
  check("volunteers", choose.volunteers, missing(volunteers, form.volunteers ?? []).length > 0);
  if (!errors.staff && form.staff.length > 0) {
    // Staff who have left can stay on meetings they attended, but cannot be added to new ones.
    const attending = meetingId
      ? new Set(meetingAttendeesOf(db, meetingId).staff.map((s) => s.id))
      : new Set<number>();
    const active = new Set(staffChoices().map((u) => u.id));
    check(
      "staff",
      choose.staff,
      form.staff.some((id) => !active.has(id) && !attending.has(id)),
    );
  }
  if (followUps.length > 0) {
    const active = new Set(staffChoices().map((u) => u.id));
    for (const { row, ownerId } of followUps) {
      check(`actionOwner${row}`, `Choose who will do action ${row} from the list.`, !active.has(ownerId));
    }
  }
  return Object.keys(errors).length > 0 ? errors : null;
}

// ---------------------------------------------------------------------------------------------
// Changes

/** A meeting's partners, projects and attendees in words, as the audit trail records them. */
function linkSummaries(reader: Reader, id: number) {
  const joined = (items: string[]) => (items.length ? items.join(", ") : null);
  return {
    partners: joined((partnersOf(reader, [id]).get(id) ?? []).map((p) => p.name)),
    projects: joined((projectsOf(reader, [id]).get(id) ?? []).map((p) => p.title)),
    attendees: joined(attendeesInWordsOf(reader, [id]).get(id) ?? []),
  };
}

function values(input: MeetingInput) {
  return {
    heldAt: input.heldAt,
    kind: input.kind,
    title: input.title,
    summary: input.summary,
    decisions: input.decisions,
  };
}

function insertLinks(tx: Tx, meetingId: number, input: Pick<MeetingInput, "partnerIds" | "projectIds">) {
  for (const partnerId of new Set(input.partnerIds)) {
    tx.insert(meetingPartners).values({ meetingId, partnerId }).run();
  }
  for (const projectId of new Set(input.projectIds)) {
    tx.insert(meetingProjects).values({ meetingId, projectId }).run();
  }
}

function insertAttendees(tx: Tx, meetingId: number, attendees: Attendee[]) {
  for (const { type, id } of attendees) {
    tx.insert(meetingAttendees)
      .values({ meetingId, attendeeType: type, attendeeId: id })
      .onConflictDoNothing()
      .run();
  }
}

/** Logs a meeting with its partners, projects, attendees and follow-up actions, in one transaction. */
export function createMeeting(input: NewMeetingInput, actorId: number) {
  return write((tx) => {
    const row = { ...values(input), createdBy: actorId };
    const { id } = tx.insert(meetings).values(row).returning({ id: meetings.id }).get();
    insertLinks(tx, id, input);
    insertAttendees(tx, id, input.attendees);
    addActions(
      tx,
      input.actions.map((a) => ({ description: a.description, ownerId: a.ownerId, dueDate: a.dueDate })),
      "meeting",
      id,
      actorId,
    );
    auditCreate(tx, actorId, { type: MEETING, id }, { ...values(input), ...linkSummaries(tx, id) });
    suggestEvidence(tx, { type: MEETING, id });
    return id;
  });
}

/** Changes a meeting, replacing its partners, projects and attendees; its follow-up actions stay as they are. */
export function updateMeeting(id: number, input: MeetingInput, actorId: number) {
  return write((tx) => {
    const before = tx.select().from(meetings).where(eq(meetings.id, id)).get();
    if (!before) return false;
    const linksBefore = linkSummaries(tx, id);
    const row = values(input);
    tx.update(meetings)
      .set({ ...row, updatedAt: new Date() })
      .where(eq(meetings.id, id))
      .run();
    tx.delete(meetingPartners).where(eq(meetingPartners.meetingId, id)).run();
    tx.delete(meetingProjects).where(eq(meetingProjects.meetingId, id)).run();
    tx.delete(meetingAttendees).where(eq(meetingAttendees.meetingId, id)).run();
    insertLinks(tx, id, input);
    insertAttendees(tx, id, input.attendees);
    auditUpdate(
      tx,
      actorId,
      { type: MEETING, id },
      { ...before, ...linksBefore },
      {
        ...row,
        ...linkSummaries(tx, id),
      },
    );
    suggestEvidence(tx, { type: MEETING, id });
    return true;
  });
}

/** A change to who attended that cannot be made, with the form field the message belongs beside. */
export class AttendeeRefused extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** Runs a change to the attendees and audits it as a change of the meeting's attendees, in words. */
function changeAttendees(meetingId: number, actorId: number, change: (tx: Tx) => boolean) {
  return write((tx) => {
    const meeting = tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, meetingId)).get();
    if (!meeting) return false;
    const before = linkSummaries(tx, meetingId).attendees;
    if (!change(tx)) return false;
    const after = linkSummaries(tx, meetingId).attendees;
    tx.update(meetings).set({ updatedAt: new Date() }).where(eq(meetings.id, meetingId)).run();
    auditUpdate(tx, actorId, { type: MEETING, id: meetingId }, { attendees: before }, { attendees: after });
    return true;
  });
}

/** Sets which of our staff and which partner contacts attended (the meeting page's checkboxes). */
export function setMeetingPeople(meetingId: number, people: MeetingPeopleForm, actorId: number) {
  return changeAttendees(meetingId, actorId, (tx) => {
    tx.delete(meetingAttendees)
      .where(
        and(
          eq(meetingAttendees.meetingId, meetingId),
          inArray(meetingAttendees.attendeeType, ["user", "contact"]),
        ),
      )
      .run();
    insertAttendees(tx, meetingId, [
      ...people.staff.map((id) => ({ type: "user" as const, id })),
      ...people.contacts.map((id) => ({ type: "contact" as const, id })),
    ]);
    return true;
  });
}

const peopleTables = { user: users, contact: contacts, contributor: contributors, volunteer: volunteers };

export function addMeetingAttendee(meetingId: number, attendee: Attendee, actorId: number) {
  return changeAttendees(meetingId, actorId, (tx) => {
    const table = peopleTables[attendee.type];
    const person = tx.select({ name: table.name }).from(table).where(eq(table.id, attendee.id)).get();
    if (!person) throw new AttendeeRefused("attendeeId", "Choose a person to add from the search results.");
    const inserted = tx
      .insert(meetingAttendees)
      .values({ meetingId, attendeeType: attendee.type, attendeeId: attendee.id })
      .onConflictDoNothing()
      .run();
    if (inserted.changes === 0) {
      throw new AttendeeRefused(
        "attendeeId",
        `${person.name} is already recorded as attending this meeting.`,
      );
    }
    return true;
  });
}

/** Returns false when the meeting does not exist or the person was not recorded as attending. */
export function removeMeetingAttendee(meetingId: number, attendee: Attendee, actorId: number) {
  return changeAttendees(meetingId, actorId, (tx) => {
    const removed = tx
      .delete(meetingAttendees)
      .where(
        and(
          eq(meetingAttendees.meetingId, meetingId),
          eq(meetingAttendees.attendeeType, attendee.type),
          eq(meetingAttendees.attendeeId, attendee.id),
        ),
      )
      .run();
    return removed.changes > 0;
  });
}

/** What goes with a meeting when it is deleted, in words: its follow-up actions. */
export function meetingParts(id: number): string[] {
  const counts = actionCountsOf([id]).get(id) ?? { all: 0, open: 0 };
  const [words] = dependantsInWords([[counts.all, "follow-up action"]]);
  if (!words) return [];
  return [counts.open > 0 && counts.open < counts.all ? `${words} (${counts.open} still open)` : words];
}

/** Deletes a meeting and its follow-up actions; each action leaves its own audit entry. */
export function deleteMeeting(id: number, actorId: number) {
  return write((tx) => {
    const before = tx.select().from(meetings).where(eq(meetings.id, id)).get();
    if (!before) return false;
    const links = linkSummaries(tx, id);
    const followUps = tx
      .select()
      .from(actions)
      .where(and(eq(actions.source, "meeting"), eq(actions.sourceId, id)))
      .all();
    for (const action of followUps) {
      tx.delete(actions).where(eq(actions.id, action.id)).run();
      auditDelete(tx, actorId, { type: ACTION, id: action.id }, action);
    }
    tx.delete(meetings).where(eq(meetings.id, id)).run();
    removeEvidenceFor(tx, { type: MEETING, id });
    auditDelete(tx, actorId, { type: MEETING, id }, { ...before, ...links });
    return true;
  });
}
