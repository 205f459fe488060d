import {
  and,
  asc,
  count,
  desc,
  eq,
  inArray,
  isNotNull,
  or,
  sql,
  type AnyColumn,
  type SQL,
} from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import {
  actions,
  assessmentEvidence,
  auditEvents,
  benefits,
  contacts,
  contributors,
  equalityMonitoring,
  evidenceLinks,
  importBatches,
  meetingAttendees,
  meetings,
  monitoringFormLinks,
  partners,
  projectContributors,
  projects,
  projectVolunteers,
  reviews,
  trainingRecords,
  userGroups,
  users,
  volunteerFocusLinks,
  volunteerHours,
  volunteers,
  type AuditAction,
  type AuditChanges,
  type MonitoredPersonType,
} from "~db/schema";
import { getLine, lineWording } from "~/checklist/section3";
import { db, write, type Tx } from "~/utils/db.server";
import { contains, listQuery, offsetOf, PAGE_SIZE, readListQuery } from "~/utils/list-query.server";
import { erasedName, type PersonKind, type PersonRef } from "~/utils/personal-data";
import {
  eraseMonitoringFor,
  getMonitoring,
  monitoringRecord,
  type MonitoredPerson,
} from "./monitoring.server";
import { describeRecords, recordKey, type RecordRef } from "./records.server";
import { getSettings } from "./settings.server";

// Subject access and erasure (UK GDPR articles 15 and 17): everything the app holds about one
// volunteer, contributor or partner contact, as a file; and erasure that removes their personal
// data but keeps anonymous aggregates (hours given, training, programme and dates), so totals and
// reports do not change. Both are for administrators only, and both are audited, as is every
// view of a person's individual equality monitoring answers.

/** What replaces an erased value in the audit trail. */
export const ERASED = "(erased)";

type Json = string | number | boolean | null;
export type AuditEntry = {
  id: number;
  at: string;
  action: AuditAction;
  recordType: string;
  recordId: number;
  by: string | null;
  changes: Record<string, [Json, Json]>;
};

const iso = (value: Date | null | undefined) => (value ? value.toISOString() : null);

// ---------------------------------------------------------------------------------------------
// Audit events that are not changes: views, exports and erasures

/** Writes a view, export or erase event, inside the caller's transaction. */
export function auditAccess(
  tx: Tx,
  actorId: number | null,
  action: "view" | "export" | "erase",
  record: RecordRef,
  changes: Record<string, [Json, Json]> = {},
  at = new Date(),
) {
  tx.insert(auditEvents)
    .values({ at, userId: actorId, action, recordType: record.type, recordId: record.id, changes })
    .run();
}

/** Someone was shown this person's individual equality monitoring answers. */
export function logMonitoringView(actorId: number, person: MonitoredPerson) {
  write((tx) => auditAccess(tx, actorId, "view", monitoringRecord(person)));
}

/** Whether the person has equality monitoring answers on record (the only time a view is logged). */
export function hasMonitoring(person: MonitoredPerson) {
  return Boolean(
    db
      .select({ id: equalityMonitoring.personId })
      .from(equalityMonitoring)
      .where(and(eq(equalityMonitoring.personType, person.type), eq(equalityMonitoring.personId, person.id)))
      .get(),
  );
}

// ---------------------------------------------------------------------------------------------
// Finding the person and their records

const tables = { volunteer: volunteers, contributor: contributors, contact: contacts } as const;

const monitoredType = (kind: PersonKind): MonitoredPersonType | null => (kind === "contact" ? null : kind);

/** The person by name, with whether (and when, by whom) they were erased; null when there is no such record. */
export function findPerson(person: PersonRef) {
  const table = tables[person.kind];
  const row = db.select({ id: table.id, name: table.name }).from(table).where(eq(table.id, person.id)).get();
  if (!row) return null;
  const partner =
    person.kind === "contact"
      ? (db
          .select({ id: partners.id, name: partners.name })
          .from(contacts)
          .innerJoin(partners, eq(partners.id, contacts.partnerId))
          .where(eq(contacts.id, person.id))
          .get() ?? null)
      : null;
  return { ...person, name: row.name, partner, erased: erasureOf(db, person) };
}
export type FoundPerson = NonNullable<ReturnType<typeof findPerson>>;

type Reader = Pick<Tx, "select">;

function erasureOf(reader: Reader, person: PersonRef) {
  const event = reader
    .select({ at: auditEvents.at, by: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.userId))
    .where(
      and(
        eq(auditEvents.recordType, person.kind),
        eq(auditEvents.recordId, person.id),
        eq(auditEvents.action, "erase"),
      ),
    )
    .orderBy(desc(auditEvents.at))
    .get();
  return event ? { at: event.at.toISOString(), by: event.by } : null;
}

/**
 * The records that are the person's own: their record, and a volunteer's training and hours (also
 * those since deleted, found through the audit trail, which records each one's volunteer).
 */
function ownRecords(reader: Reader, person: PersonRef): RecordRef[] {
  const refs: RecordRef[] = [{ type: person.kind, id: person.id }];
  if (person.kind !== "volunteer") return refs;
  const seen = new Set<string>();
  const add = (type: string, id: number) => {
    if (seen.has(`${type}:${id}`)) return;
    seen.add(`${type}:${id}`);
    refs.push({ type, id });
  };
  for (const row of reader
    .select({ id: trainingRecords.id })
    .from(trainingRecords)
    .where(eq(trainingRecords.volunteerId, person.id))
    .all()) {
    add("training", row.id);
  }
  for (const row of reader
    .select({ id: volunteerHours.id })
    .from(volunteerHours)
    .where(eq(volunteerHours.volunteerId, person.id))
    .all()) {
    add("hours", row.id);
  }
  for (const row of reader
    .select({ type: auditEvents.recordType, id: auditEvents.recordId })
    .from(auditEvents)
    .where(
      and(
        inArray(auditEvents.recordType, ["training", "hours"]),
        or(
          sql`json_extract(${auditEvents.changes}, '$.volunteerId[0]') = ${person.id}`,
          sql`json_extract(${auditEvents.changes}, '$.volunteerId[1]') = ${person.id}`,
        ),
      ),
    )
    .all()) {
    add(row.type, row.id);
  }
  return refs;
}

/** One condition matching any of the records, grouped by type. */
function refsCondition(typeColumn: AnyColumn, idColumn: AnyColumn, refs: RecordRef[]): SQL | undefined {
  const byType = new Map<string, number[]>();
  for (const ref of refs) byType.set(ref.type, [...(byType.get(ref.type) ?? []), ref.id]);
  return or(...[...byType].map(([type, ids]) => and(eq(typeColumn, type), inArray(idColumn, ids))));
}

// ---------------------------------------------------------------------------------------------
// Their name elsewhere

/** The name as a whole word or words, in any case, however the spaces between its words fall. */
export function namePattern(name: string) {
  const words = name
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join("\\s+")}(?![\\p{L}\\p{N}])`, "giu");
}

/** A name this short would match too much text that is not about them; it is not searched for. */
const MIN_SEARCHED_NAME = 3;

function mentions(text: unknown, name: string) {
  return typeof text === "string" && namePattern(name).test(text);
}

function replaceName(text: string | null, name: string, replacement: string) {
  if (text === null || name.trim().length === 0) return text;
  return text.replace(namePattern(name), replacement);
}

/** Same words, in any case, however the spaces fall: a spreadsheet cell that is their name or email. */
function sameText(a: string, b: string) {
  const words = (text: string) => text.trim().replace(/\s+/g, " ").toLocaleLowerCase("en-GB");
  return words(a) === words(b);
}

/**
 * The name taken out of text the app wrote into another record's audit trail: an item of a list of
 * people, as meetings and projects record them ("Amira Khan (volunteer), Bilal Hussain
 * (volunteer)"); and, for a name of two words or more, wherever else it appears. A name of one
 * word ("Sam") is only replaced as a whole list item, so that nobody else's "Sam Jones" changes.
 */
function redactName(text: string, name: string, placeholder: string) {
  const listed = text
    .split(", ")
    .map((item) =>
      item === name
        ? placeholder
        : item.startsWith(`${name} (`) && item.endsWith(")")
          ? placeholder + item.slice(name.length)
          : item,
    )
    .join(", ");
  return name.trim().split(/\s+/).length >= 2 ? replaceName(listed, name, placeholder)! : listed;
}

function namesThem(value: unknown, name: string) {
  return typeof value === "string" && redactName(value, name, "\u0000") !== value;
}

type MentionSource = {
  type: string;
  table: SQLiteTable;
  id: SQLiteColumn;
  fields: Record<string, SQLiteColumn>;
  /** The person's own kind of record, which is left out (their own notes are their record). */
  self?: PersonKind;
};

// Free text in other records, where staff may have written a person's name: meeting notes, review
// words, project and partner notes, other people's notes.
const mentionSources = (): MentionSource[] => [
  {
    type: "meeting",
    table: meetings,
    id: meetings.id,
    fields: { title: meetings.title, summary: meetings.summary, decisions: meetings.decisions },
  },
  {
    type: "review",
    table: reviews,
    id: reviews.id,
    fields: {
      participants: reviews.participants,
      partnerWords: reviews.partnerWords,
      valueAdded: reviews.valueAdded,
      partnerGained: reviews.partnerGained,
      userBenefits: reviews.userBenefits,
      lessons: reviews.lessons,
      changes: reviews.changes,
    },
  },
  {
    type: "project",
    table: projects,
    id: projects.id,
    fields: {
      title: projects.title,
      description: projects.description,
      learningOpportunities: projects.learningOpportunities,
      notes: projects.notes,
    },
  },
  {
    type: "partner",
    table: partners,
    id: partners.id,
    fields: { addsValue: partners.addsValue, notes: partners.notes, endReason: partners.endReason },
  },
  { type: "benefit", table: benefits, id: benefits.id, fields: { description: benefits.description } },
  { type: "action", table: actions, id: actions.id, fields: { description: actions.description } },
  {
    type: "user_group",
    table: userGroups,
    id: userGroups.id,
    fields: { description: userGroups.description },
  },
  {
    type: "contact",
    table: contacts,
    id: contacts.id,
    fields: { role: contacts.role, notes: contacts.notes },
    self: "contact",
  },
  {
    type: "contributor",
    table: contributors,
    id: contributors.id,
    fields: { skills: contributors.skills, notes: contributors.notes },
    self: "contributor",
  },
  {
    type: "volunteer",
    table: volunteers,
    id: volunteers.id,
    fields: { roles: volunteers.roles, skills: volunteers.skills, notes: volunteers.notes },
    self: "volunteer",
  },
];

export type Mention = {
  type: string;
  id: number;
  kind: string;
  label: string;
  href: string;
  fields: string[];
};

/**
 * Other records whose text names the person (their own record aside): a subject access request
 * covers these too, and erasure leaves them for a person to edit, so the confirmation lists them.
 * At most `limit` records of each kind.
 */
export function mentionsOf(person: PersonRef, name: string, limit = 200): Mention[] {
  if (name.trim().length < MIN_SEARCHED_NAME) return [];
  const found: { type: string; id: number; fields: string[] }[] = [];
  for (const source of mentionSources()) {
    const columns = Object.entries(source.fields);
    const rows = db
      .select({ id: source.id, ...source.fields })
      .from(source.table)
      .where(or(...columns.map(([, column]) => contains(column, name.trim()))))
      .orderBy(asc(source.id))
      .limit(limit)
      .all() as ({ id: number } & Record<string, unknown>)[];
    for (const row of rows) {
      if (source.self === person.kind && row.id === person.id) continue;
      const fields = columns.map(([field]) => field).filter((field) => mentions(row[field], name));
      if (fields.length > 0) found.push({ type: source.type, id: row.id, fields });
    }
  }
  const described = describeRecords(found);
  return found.flatMap((item) => {
    const description = described.get(recordKey(item));
    return description
      ? [{ ...item, kind: description.kind, label: description.label, href: description.href }]
      : [];
  });
}

/**
 * Rows of uploaded spreadsheets that are theirs: a cell holds exactly their name or their email
 * address. The uploaded rows are kept so that an import can be undone.
 */
function importRowsOf(reader: Reader, name: string, email: string | null) {
  const keys = [name, email].filter((key): key is string => Boolean(key?.trim()));
  if (keys.length === 0) return [];
  const batches = reader
    .select({
      id: importBatches.id,
      kind: importBatches.kind,
      filename: importBatches.filename,
      createdAt: importBatches.createdAt,
      headers: importBatches.headers,
      rows: importBatches.rows,
      edits: importBatches.edits,
    })
    .from(importBatches)
    .where(or(...keys.map((key) => contains(importBatches.rows, JSON.stringify(key.trim()).slice(1, -1)))))
    .orderBy(asc(importBatches.id))
    .all();
  return batches.flatMap((batch) => {
    const matching = batch.rows
      .map((cells, index) => ({ cells, index }))
      .filter(({ cells }) => cells.some((cell) => keys.some((key) => sameText(cell, key))));
    return matching.length === 0 ? [] : [{ ...batch, matching }];
  });
}

// ---------------------------------------------------------------------------------------------
// Everything held: the subject access export

export type PersonalData = NonNullable<ReturnType<typeof personalData>>;

/** Everything the app holds about one person, as plain data (instants as ISO strings). */
export function personalData(person: PersonRef, exportedBy: string | null = null, now = new Date()) {
  const found = findPerson(person);
  if (!found) return null;
  const refs = ownRecords(db, person);
  const monitored = monitoredType(person.kind);
  const monitoredPerson = monitored ? { type: monitored, id: person.id } : null;
  const monitoring = monitoredPerson ? getMonitoring(monitoredPerson) : null;

  const auditTrail: AuditEntry[] = db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      recordType: auditEvents.recordType,
      recordId: auditEvents.recordId,
      by: users.name,
      changes: auditEvents.changes,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.userId))
    .where(
      refsCondition(auditEvents.recordType, auditEvents.recordId, [
        ...refs,
        ...(monitoredPerson ? [monitoringRecord(monitoredPerson)] : []),
      ]),
    )
    .orderBy(asc(auditEvents.at), asc(auditEvents.id))
    .all()
    .map((event) => ({
      ...event,
      at: event.at.toISOString(),
      changes: event.changes as AuditEntry["changes"],
    }));

  const evidenceRows = db
    .select({
      id: evidenceLinks.id,
      lineCode: evidenceLinks.lineCode,
      recordType: evidenceLinks.recordType,
      recordId: evidenceLinks.recordId,
      status: evidenceLinks.status,
      note: evidenceLinks.note,
      evidenceDate: evidenceLinks.evidenceDate,
      createdAt: evidenceLinks.createdAt,
      decidedAt: evidenceLinks.decidedAt,
    })
    .from(evidenceLinks)
    .where(refsCondition(evidenceLinks.recordType, evidenceLinks.recordId, refs))
    .orderBy(asc(evidenceLinks.lineCode), asc(evidenceLinks.id))
    .all();
  const described = describeRecords(evidenceRows.map((row) => ({ type: row.recordType, id: row.recordId })));
  const evidence = evidenceRows.map((row) => {
    const line = getLine(row.lineCode);
    const record = described.get(recordKey({ type: row.recordType, id: row.recordId }));
    return {
      ...row,
      createdAt: iso(row.createdAt),
      decidedAt: iso(row.decidedAt),
      line: line ? lineWording(line) : row.lineCode,
      record: record?.label ?? `${row.recordType} ${row.recordId}`,
    };
  });

  const evidenceInFinishedAssessments = db
    .select({
      assessmentId: assessmentEvidence.assessmentId,
      lineCode: assessmentEvidence.lineCode,
      recordType: assessmentEvidence.recordType,
      recordId: assessmentEvidence.recordId,
      label: assessmentEvidence.label,
      evidenceDate: assessmentEvidence.evidenceDate,
      note: assessmentEvidence.note,
    })
    .from(assessmentEvidence)
    .where(refsCondition(assessmentEvidence.recordType, assessmentEvidence.recordId, refs))
    .orderBy(asc(assessmentEvidence.assessmentId), asc(assessmentEvidence.lineCode))
    .all();

  const meetingsAttended = db
    .select({ id: meetings.id, title: meetings.title, kind: meetings.kind, heldAt: meetings.heldAt })
    .from(meetingAttendees)
    .innerJoin(meetings, eq(meetings.id, meetingAttendees.meetingId))
    .where(and(eq(meetingAttendees.attendeeType, person.kind), eq(meetingAttendees.attendeeId, person.id)))
    .orderBy(desc(meetings.heldAt), desc(meetings.id))
    .all()
    .map((meeting) => ({ ...meeting, heldAt: meeting.heldAt.toISOString() }));

  const monitoringFormLinkRows = monitoredPerson
    ? db
        .select({
          createdAt: monitoringFormLinks.createdAt,
          expiresAt: monitoringFormLinks.expiresAt,
          usedAt: monitoringFormLinks.usedAt,
          createdBy: users.name,
        })
        .from(monitoringFormLinks)
        .leftJoin(users, eq(users.id, monitoringFormLinks.createdBy))
        .where(
          and(
            eq(monitoringFormLinks.personType, monitoredPerson.type),
            eq(monitoringFormLinks.personId, monitoredPerson.id),
          ),
        )
        .orderBy(desc(monitoringFormLinks.createdAt))
        .all()
        .map((link) => ({
          createdAt: link.createdAt.toISOString(),
          expiresAt: link.expiresAt.toISOString(),
          usedAt: iso(link.usedAt),
          createdBy: link.createdBy,
        }))
    : undefined;

  const email = (personRow(db, person)?.email as string | null | undefined) ?? null;
  const importRows = importRowsOf(db, found.name, email).map((batch) => ({
    batchId: batch.id,
    kind: batch.kind,
    filename: batch.filename,
    uploadedAt: batch.createdAt.toISOString(),
    rows: batch.matching.map(({ cells, index }) => ({
      rowNumber: index + 1,
      cells: Object.fromEntries(
        batch.headers.map((header, i) => [header || `Column ${i + 1}`, cells[i] ?? ""]),
      ) as Record<string, string>,
    })),
  }));

  const equalityMonitoring =
    monitored === null
      ? undefined
      : monitoring
        ? {
            consentGivenOn: monitoring.consentGivenOn,
            consentMethod: monitoring.consentMethod,
            consentRecordedBy: monitoring.consentRecordedBy,
            answers: {
              ageBand: monitoring.ageBand,
              sex: monitoring.sex,
              genderIdentity: monitoring.genderIdentity,
              ethnicGroup: monitoring.ethnicGroup,
              disability: monitoring.disability,
              socioEconomic: monitoring.socioEconomic,
              area: monitoring.area,
            },
            updatedAt: monitoring.updatedAt.toISOString(),
          }
        : null;

  return {
    about: {
      title: `Personal data held about ${found.name}`,
      kind: person.kind,
      id: person.id,
      name: found.name,
      organisation: getSettings().organisationName || null,
      exportedAt: now.toISOString(),
      exportedBy,
      erased: found.erased,
      format: "partnership-tracker/personal-data",
      version: 1,
    },
    ...kindData(person),
    meetingsAttended,
    equalityMonitoring,
    monitoringFormLinks: monitoringFormLinkRows,
    evidence,
    evidenceInFinishedAssessments,
    mentions: mentionsOf(person, found.name),
    importRows,
    auditTrail,
    notes: notesFor(person.kind, found.name),
  };
}

function notesFor(kind: PersonKind, name: string) {
  const notes = [
    "Feedback from partners and participants is collected anonymously and is not linked to any person, so none is included.",
    "The audit trail records who changed what and when. For equality monitoring it records which answers changed, never the answers themselves.",
    "“Other records that mention them” lists records whose text contains their full name; a mention by first name only, or misspelt, is not found.",
  ];
  if (kind === "contact") notes.push("Partner contacts are not asked equality monitoring questions.");
  if (name.trim().length < MIN_SEARCHED_NAME) {
    notes.push("Their name is too short to search other records for mentions of it reliably.");
  }
  return notes;
}

const projectColumns = {
  id: projects.id,
  title: projects.title,
  status: projects.status,
  startDate: projects.startDate,
  endDate: projects.endDate,
};

function withIsoTimes<T extends { createdAt: Date; updatedAt: Date }>(row: T) {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

/** The person's own record and what belongs to them, by kind: one of three shapes. */
function kindData(person: PersonRef) {
  if (person.kind === "volunteer") {
    const record = db.select().from(volunteers).where(eq(volunteers.id, person.id)).get()!;
    const hours = db
      .select({
        id: volunteerHours.id,
        date: volunteerHours.date,
        minutes: volunteerHours.minutes,
        activity: volunteerHours.activity,
      })
      .from(volunteerHours)
      .where(eq(volunteerHours.volunteerId, person.id))
      .orderBy(desc(volunteerHours.date), desc(volunteerHours.id))
      .all();
    return {
      volunteer: withIsoTimes(record),
      focuses: db
        .select({ focus: volunteerFocusLinks.focus })
        .from(volunteerFocusLinks)
        .where(eq(volunteerFocusLinks.volunteerId, person.id))
        .all()
        .map((row) => row.focus),
      training: db
        .select({
          id: trainingRecords.id,
          date: trainingRecords.date,
          title: trainingRecords.title,
          provider: trainingRecords.provider,
        })
        .from(trainingRecords)
        .where(eq(trainingRecords.volunteerId, person.id))
        .orderBy(desc(trainingRecords.date), desc(trainingRecords.id))
        .all(),
      hours,
      totalMinutes: hours.reduce((sum, row) => sum + row.minutes, 0),
      projects: db
        .select(projectColumns)
        .from(projectVolunteers)
        .innerJoin(projects, eq(projects.id, projectVolunteers.projectId))
        .where(eq(projectVolunteers.volunteerId, person.id))
        .orderBy(desc(projects.startDate), asc(projects.title))
        .all(),
    };
  }
  const partnerOf = (partnerId: number | null) =>
    partnerId === null
      ? null
      : (db
          .select({ id: partners.id, name: partners.name })
          .from(partners)
          .where(eq(partners.id, partnerId))
          .get() ?? null);
  if (person.kind === "contributor") {
    const record = db.select().from(contributors).where(eq(contributors.id, person.id)).get()!;
    return {
      contributor: withIsoTimes(record),
      partner: partnerOf(record.partnerId),
      projects: db
        .select(projectColumns)
        .from(projectContributors)
        .innerJoin(projects, eq(projects.id, projectContributors.projectId))
        .where(eq(projectContributors.contributorId, person.id))
        .orderBy(desc(projects.startDate), asc(projects.title))
        .all(),
    };
  }
  const record = db.select().from(contacts).where(eq(contacts.id, person.id)).get()!;
  return { contact: withIsoTimes(record), partner: partnerOf(record.partnerId) };
}

/**
 * Everything held, for a download by an administrator: the export is audited (with its format),
 * and so is the view of their equality monitoring answers, when there are any.
 */
export function exportPersonalData(
  person: PersonRef,
  actor: { id: number; name: string },
  format: "JSON" | "HTML",
) {
  const data = personalData(person, actor.name);
  if (!data) return null;
  write((tx) => {
    const at = new Date();
    auditAccess(tx, actor.id, "export", { type: person.kind, id: person.id }, { format: [null, format] }, at);
    if (data.equalityMonitoring && person.kind !== "contact") {
      auditAccess(tx, actor.id, "view", monitoringRecord({ type: person.kind, id: person.id }), {}, at);
    }
  });
  return data;
}

// ---------------------------------------------------------------------------------------------
// Erasure

/** The fields erasure clears, by kind; the name is replaced with "Erased volunteer 12". */
const erasedFields = {
  volunteer: ["email", "phone", "roles", "skills", "notes"],
  contributor: ["skills", "email", "phone", "website", "notes"],
  contact: ["role", "email", "phone", "notes"],
} as const satisfies Record<PersonKind, readonly string[]>;

/** What stays on an erased record: anonymous facts that totals, reports and evidence rely on. */
const keptFields = {
  volunteer: ["programme", "status", "startDate", "endDate"],
  contributor: ["kind", "partnerId", "activeFrom", "activeTo"],
  contact: ["partnerId"],
} as const satisfies Record<PersonKind, readonly string[]>;

const fieldLabels: Record<string, string> = {
  email: "Email address",
  phone: "Phone",
  roles: "Roles",
  role: "Role",
  skills: "Skills",
  notes: "Notes",
  website: "Website",
  programme: "Programme",
  status: "Status",
  startDate: "Start date",
  endDate: "End date",
  kind: "Kind of contributor",
  partnerId: "Partner organisation",
  activeFrom: "Active from",
  activeTo: "Active to",
};

function personRow(reader: Reader, person: PersonRef): Record<string, unknown> | undefined {
  const table = tables[person.kind];
  return reader.select().from(table).where(eq(table.id, person.id)).get();
}

const CHANGE_ACTIONS = ["create", "update", "delete"] as const;

/** Change events about other records that contain the name (meeting attendees, project volunteers, notes). */
function auditEventsNaming(reader: Reader, name: string, own: RecordRef[]) {
  if (name.trim().length === 0) return [];
  const escaped = JSON.stringify(name.trim()).slice(1, -1);
  const ownKeys = new Set(own.map(recordKey));
  return reader
    .select({
      id: auditEvents.id,
      recordType: auditEvents.recordType,
      recordId: auditEvents.recordId,
      changes: auditEvents.changes,
    })
    .from(auditEvents)
    .where(and(contains(auditEvents.changes, escaped), inArray(auditEvents.action, [...CHANGE_ACTIONS])))
    .all()
    .filter(
      (event) =>
        !ownKeys.has(recordKey({ type: event.recordType, id: event.recordId })) &&
        Object.values(event.changes).some(
          ([before, after]) => namesThem(before, name) || namesThem(after, name),
        ),
    );
}

/** What erasing the person would remove and keep, for the confirmation page. */
export function erasurePlan(person: PersonRef) {
  const found = findPerson(person);
  if (!found) return null;
  const row = personRow(db, person)!;
  const refs = ownRecords(db, person);
  const monitored = monitoredType(person.kind);
  const countOf = (table: SQLiteTable, where: SQL | undefined) =>
    db.select({ n: count() }).from(table).where(where).get()!.n;
  const volunteer = person.kind === "volunteer";
  return {
    person: found,
    placeholder: erasedName(person),
    cleared: erasedFields[person.kind]
      .filter((field) => row[field] !== null && row[field] !== "")
      .map((field) => fieldLabels[field]),
    kept: keptFields[person.kind].filter((field) => row[field] !== null).map((field) => fieldLabels[field]),
    monitored: monitored !== null,
    hasMonitoring: monitored ? hasMonitoring({ type: monitored, id: person.id }) : false,
    meetingCount: countOf(
      meetingAttendees,
      and(eq(meetingAttendees.attendeeType, person.kind), eq(meetingAttendees.attendeeId, person.id)),
    ),
    evidenceCount: countOf(
      evidenceLinks,
      refsCondition(evidenceLinks.recordType, evidenceLinks.recordId, refs),
    ),
    projectCount: volunteer
      ? countOf(projectVolunteers, eq(projectVolunteers.volunteerId, person.id))
      : person.kind === "contributor"
        ? countOf(projectContributors, eq(projectContributors.contributorId, person.id))
        : 0,
    ownAuditEntries: countOf(
      auditEvents,
      and(
        refsCondition(auditEvents.recordType, auditEvents.recordId, refs),
        inArray(auditEvents.action, [...CHANGE_ACTIONS]),
      ),
    ),
    otherAuditEntries: auditEventsNaming(db, found.name, refs).length,
    importRows: importRowsOf(db, found.name, (row.email as string | null) ?? null).reduce(
      (sum, batch) => sum + batch.matching.length,
      0,
    ),
    mentions: mentionsOf(person, found.name),
    trainingCount: volunteer ? countOf(trainingRecords, eq(trainingRecords.volunteerId, person.id)) : null,
    totalMinutes: volunteer
      ? Number(
          db
            .select({ minutes: sql<number>`coalesce(sum(${volunteerHours.minutes}), 0)` })
            .from(volunteerHours)
            .where(eq(volunteerHours.volunteerId, person.id))
            .get()!.minutes,
        )
      : null,
  };
}
export type ErasurePlan = NonNullable<ReturnType<typeof erasurePlan>>;

export type ErasureResult = "erased" | "not-found" | "already-erased";

/**
 * Erases a person, in one transaction: their name becomes "Erased volunteer 12" and their contact
 * details, notes, roles and skills are cleared; their equality monitoring and its links are
 * deleted; they are taken off the meetings they attended (the meetings stay); their name is
 * replaced wherever the app wrote it (the text of their own training, hours and evidence notes,
 * the audit trail, uploaded spreadsheet rows). The audit trail keeps every entry about their
 * records, with each value replaced by "(erased)". What is anonymous stays, so totals and
 * reports do not change: hours given, training, programme, status and dates, project links and
 * evidence links. The erasure itself is audited, with no personal data.
 */
export function erasePerson(person: PersonRef, actorId: number | null, now = new Date()): ErasureResult {
  return write((tx) => {
    const before = personRow(tx, person);
    if (!before) return "not-found";
    if (erasureOf(tx, person)) return "already-erased";
    const name = String(before.name);
    const placeholder = erasedName(person);
    const refs = ownRecords(tx, person);
    const summary: Record<string, [Json, Json]> = { name: [ERASED, placeholder] };
    // Found before anything changes, while the name is still everywhere it was.
    const namingEvents = auditEventsNaming(tx, name, refs);
    const importBatchesNaming = importRowsOf(tx, name, (before.email as string | null) ?? null);

    // The record itself.
    const cleared: Record<string, null> = {};
    for (const field of erasedFields[person.kind]) {
      cleared[field] = null;
      if (before[field] !== null && before[field] !== "") summary[field] = [ERASED, null];
    }
    const table = tables[person.kind];
    tx.update(table)
      .set({ name: placeholder, ...cleared, updatedAt: now })
      .where(eq(table.id, person.id))
      .run();

    // A volunteer's training and hours stay (they are counted), without their name in the text.
    if (person.kind === "volunteer") {
      for (const row of tx
        .select()
        .from(trainingRecords)
        .where(eq(trainingRecords.volunteerId, person.id))
        .all()) {
        const title = replaceName(row.title, name, placeholder)!;
        const provider = replaceName(row.provider, name, placeholder);
        if (title !== row.title || provider !== row.provider) {
          tx.update(trainingRecords).set({ title, provider }).where(eq(trainingRecords.id, row.id)).run();
        }
      }
      for (const row of tx
        .select()
        .from(volunteerHours)
        .where(eq(volunteerHours.volunteerId, person.id))
        .all()) {
        const activity = replaceName(row.activity, name, placeholder);
        if (activity !== row.activity) {
          tx.update(volunteerHours).set({ activity }).where(eq(volunteerHours.id, row.id)).run();
        }
      }
    }

    // Evidence links stay (the checklist relies on them); their notes lose the name.
    for (const link of tx
      .select({ id: evidenceLinks.id, note: evidenceLinks.note })
      .from(evidenceLinks)
      .where(
        and(
          refsCondition(evidenceLinks.recordType, evidenceLinks.recordId, refs),
          isNotNull(evidenceLinks.note),
        ),
      )
      .all()) {
      const note = replaceName(link.note, name, placeholder);
      if (note !== link.note)
        tx.update(evidenceLinks).set({ note }).where(eq(evidenceLinks.id, link.id)).run();
    }
    for (const item of tx
      .select({ id: assessmentEvidence.id, label: assessmentEvidence.label, note: assessmentEvidence.note })
      .from(assessmentEvidence)
      .where(refsCondition(assessmentEvidence.recordType, assessmentEvidence.recordId, refs))
      .all()) {
      tx.update(assessmentEvidence)
        .set({
          label: replaceName(item.label, name, placeholder)!,
          note: replaceName(item.note, name, placeholder),
        })
        .where(eq(assessmentEvidence.id, item.id))
        .run();
    }

    // Attendance is about the person: the rows go, the meetings stay.
    const attended = tx
      .delete(meetingAttendees)
      .where(and(eq(meetingAttendees.attendeeType, person.kind), eq(meetingAttendees.attendeeId, person.id)))
      .run().changes;
    if (attended > 0) summary.meetingsAttended = [attended, 0];

    // Equality monitoring, and every link to fill it in, used or not.
    const monitored = monitoredType(person.kind);
    if (monitored) {
      if (eraseMonitoringFor(tx, { type: monitored, id: person.id }, actorId)) {
        summary.equalityMonitoring = [ERASED, null];
      }
      tx.delete(monitoringFormLinks)
        .where(
          and(eq(monitoringFormLinks.personType, monitored), eq(monitoringFormLinks.personId, person.id)),
        )
        .run();
    }

    // Uploaded spreadsheet rows that name them: every cell of the row.
    let importRows = 0;
    for (const batch of importBatchesNaming) {
      const indexes = new Set(batch.matching.map((m) => m.index));
      importRows += indexes.size;
      const rows = batch.rows.map((cells, index) => (indexes.has(index) ? cells.map(() => ERASED) : cells));
      const edits = Object.fromEntries(
        Object.entries(batch.edits).map(([index, fields]) => [
          index,
          indexes.has(Number(index))
            ? Object.fromEntries(Object.keys(fields).map((field) => [field, ERASED]))
            : fields,
        ]),
      );
      tx.update(importBatches).set({ rows, edits }).where(eq(importBatches.id, batch.id)).run();
    }
    if (importRows > 0) summary.spreadsheetRows = [importRows, 0];

    // The audit trail: entries about their records keep their fields, not their values; other
    // entries lose the name (a meeting's attendees, a project's volunteers, notes).
    let redacted = 0;
    for (const event of tx
      .select({ id: auditEvents.id, changes: auditEvents.changes })
      .from(auditEvents)
      .where(
        and(
          refsCondition(auditEvents.recordType, auditEvents.recordId, refs),
          inArray(auditEvents.action, [...CHANGE_ACTIONS]),
        ),
      )
      .all()) {
      const changes: AuditChanges = Object.fromEntries(
        Object.entries(event.changes).map(([field, [was, is]]) => [
          field,
          [was === null ? null : ERASED, is === null ? null : ERASED],
        ]),
      );
      tx.update(auditEvents).set({ changes }).where(eq(auditEvents.id, event.id)).run();
      redacted += 1;
    }
    const swap = (value: unknown) =>
      typeof value === "string" ? redactName(value, name, placeholder) : value;
    for (const event of namingEvents) {
      const changes: AuditChanges = Object.fromEntries(
        Object.entries(event.changes).map(([field, [was, is]]) => [field, [swap(was), swap(is)]]),
      );
      tx.update(auditEvents).set({ changes }).where(eq(auditEvents.id, event.id)).run();
      redacted += 1;
    }
    if (redacted > 0) summary.auditEntriesRedacted = [null, redacted];

    auditAccess(tx, actorId, "erase", { type: person.kind, id: person.id }, summary, now);
    return "erased";
  });
}

// ---------------------------------------------------------------------------------------------
// Who has seen equality data

const monitoringTypes = ["volunteer_monitoring", "contributor_monitoring"];

const dataAccessQuery = listQuery({}, ["at"]);

/** The page of the list asked for in the address (?page=2); anything odd is page 1. */
export function dataAccessPage(request: Request) {
  return readListQuery(request, dataAccessQuery).page;
}

/** Views of individual equality monitoring answers, newest first, a page at a time: who, whose, when. */
export function listMonitoringViews(page: number) {
  const condition = and(eq(auditEvents.action, "view"), inArray(auditEvents.recordType, monitoringTypes));
  const rows = db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      recordType: auditEvents.recordType,
      recordId: auditEvents.recordId,
      userName: users.name,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.userId))
    .where(condition)
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(PAGE_SIZE)
    .offset(offsetOf(page))
    .all();
  const total = db.select({ n: count() }).from(auditEvents).where(condition).get()!.n;
  const names = new Map<string, string>();
  for (const [recordType, table] of [
    ["volunteer_monitoring", volunteers],
    ["contributor_monitoring", contributors],
  ] as const) {
    const ids = [...new Set(rows.filter((r) => r.recordType === recordType).map((r) => r.recordId))];
    if (ids.length === 0) continue;
    for (const person of db
      .select({ id: table.id, name: table.name })
      .from(table)
      .where(inArray(table.id, ids))
      .all()) {
      names.set(`${recordType}:${person.id}`, person.name);
    }
  }
  return {
    total,
    rows: rows.map((row) => {
      const kind: MonitoredPersonType =
        row.recordType === "volunteer_monitoring" ? "volunteer" : "contributor";
      const personName = names.get(`${row.recordType}:${row.recordId}`) ?? null;
      return {
        id: row.id,
        at: row.at.toISOString(),
        userName: row.userName,
        kind,
        personId: row.recordId,
        personName,
        href: personName === null ? null : `/${kind}s/${row.recordId}`,
      };
    }),
  };
}
