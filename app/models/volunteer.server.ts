import { and, asc, count, desc, eq, exists, inArray, or, sql, type SQL } from "drizzle-orm";
import { eraseMonitoringFor } from "./monitoring.server";
import {
  dependantsInWords,
  meetingsAboutProject,
  meetingsAttended,
  meetingsWithPartner,
  reviewsOfPartner,
} from "./dependants.server";
import {
  projects,
  projectVolunteers,
  trainingRecords,
  volunteerFocuses,
  volunteerFocusLinks,
  volunteerHours,
  volunteers,
  type VolunteerFocus,
  type VolunteerProgramme,
  type VolunteerStatus,
} from "~db/schema";
import type { VolunteerInput } from "~/forms/volunteers.server";
import { inChunks } from "~/utils/csv.server";
import { db, write, type Tx } from "~/utils/db.server";
import { volunteerFocusLabels } from "~/utils/labels";
import { compare, listPage, missing, type PagePlan } from "~/utils/list-page.server";
import { contains, PAGE_SIZE } from "~/utils/list-query.server";
import { auditCreate, auditDelete, auditUpdate, timelineHistory } from "./audit.server";
import { removeEvidenceFor, suggestEvidence } from "./evidence.server";

export const VOLUNTEER = "volunteer";
export const TRAINING = "training";
export const HOURS = "hours";

export type VolunteerFilters = {
  q?: string;
  programme?: VolunteerProgramme;
  status?: VolunteerStatus;
  focus?: VolunteerFocus;
  activeFrom?: string;
  activeTo?: string;
  sort: "name" | "programme" | "status" | "start" | "updated";
  dir?: "asc" | "desc";
  page: number;
};

function where(filters: VolunteerFilters, plan: PagePlan = "gather"): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (filters.q) {
    conditions.push(
      or(
        contains(volunteers.name, filters.q),
        contains(volunteers.roles, filters.q),
        contains(volunteers.skills, filters.q),
      ),
    );
  }
  // Walking the sort order's index, the other indexed columns are checked row by row.
  const byRow = (sort: VolunteerFilters["sort"]) => plan === "walk" && filters.sort !== sort;
  if (filters.programme) {
    conditions.push(compare(volunteers.programme, "=", filters.programme, byRow("programme")));
  }
  if (filters.status) conditions.push(compare(volunteers.status, "=", filters.status, byRow("status")));
  if (filters.focus) {
    conditions.push(
      plan === "walk"
        ? exists(
            db
              .select({ one: sql`1` })
              .from(volunteerFocusLinks)
              .where(
                and(
                  eq(volunteerFocusLinks.volunteerId, volunteers.id),
                  eq(volunteerFocusLinks.focus, filters.focus),
                ),
              ),
          )
        : inArray(
            volunteers.id,
            db
              .select({ id: volunteerFocusLinks.volunteerId })
              .from(volunteerFocusLinks)
              .where(eq(volunteerFocusLinks.focus, filters.focus)),
          ),
    );
  }
  // Active between two days: started by the end of the range, and not left before its start.
  if (filters.activeTo)
    conditions.push(compare(volunteers.startDate, "<=", filters.activeTo, byRow("start")));
  if (filters.activeFrom) {
    const walk = plan === "walk";
    conditions.push(
      or(missing(volunteers.endDate, walk), compare(volunteers.endDate, ">=", filters.activeFrom, walk)),
    );
  }
  return and(...conditions);
}

const sortColumns = {
  name: volunteers.name,
  programme: volunteers.programme,
  status: volunteers.status,
  start: volunteers.startDate,
  updated: volunteers.updatedAt,
} as const;

function orderBy(filters: VolunteerFilters) {
  const dir = filters.dir ?? (filters.sort === "updated" ? "desc" : "asc");
  const column = sortColumns[filters.sort];
  return [dir === "asc" ? asc(column) : desc(column), asc(volunteers.id)];
}

/** Total minutes given and number of training records per volunteer, in one grouped query each. */
function activityTotals(ids: number[]) {
  const minutes = new Map<number, number>();
  const training = new Map<number, number>();
  if (ids.length === 0) return { minutes, training };
  for (const row of db
    .select({ volunteerId: volunteerHours.volunteerId, minutes: sql<number>`sum(${volunteerHours.minutes})` })
    .from(volunteerHours)
    .where(inArray(volunteerHours.volunteerId, ids))
    .groupBy(volunteerHours.volunteerId)
    .all()) {
    minutes.set(row.volunteerId, Number(row.minutes));
  }
  for (const row of db
    .select({ volunteerId: trainingRecords.volunteerId, n: count() })
    .from(trainingRecords)
    .where(inArray(trainingRecords.volunteerId, ids))
    .groupBy(trainingRecords.volunteerId)
    .all()) {
    training.set(row.volunteerId, row.n);
  }
  return { minutes, training };
}

/** The focuses of many volunteers at once, each list in the checklist's order. */
function focusesOf(ids: number[]) {
  const byVolunteer = new Map<number, VolunteerFocus[]>();
  if (ids.length === 0) return byVolunteer;
  const rows = db
    .select({ volunteerId: volunteerFocusLinks.volunteerId, focus: volunteerFocusLinks.focus })
    .from(volunteerFocusLinks)
    .where(inArray(volunteerFocusLinks.volunteerId, ids))
    .all();
  for (const row of rows) {
    const list = byVolunteer.get(row.volunteerId) ?? [];
    list.push(row.focus);
    byVolunteer.set(row.volunteerId, list);
  }
  for (const list of byVolunteer.values()) list.sort(byChecklistOrder);
  return byVolunteer;
}

function byChecklistOrder(a: VolunteerFocus, b: VolunteerFocus) {
  return volunteerFocuses.indexOf(a) - volunteerFocuses.indexOf(b);
}

/** Focuses as the audit trail records them: a readable list, in the checklist's order. */
function focusWords(focuses: readonly VolunteerFocus[]) {
  return [...focuses]
    .sort(byChecklistOrder)
    .map((focus) => volunteerFocusLabels[focus])
    .join(", ");
}

const listColumns = {
  id: volunteers.id,
  name: volunteers.name,
  programme: volunteers.programme,
  status: volunteers.status,
  startDate: volunteers.startDate,
  endDate: volunteers.endDate,
  roles: volunteers.roles,
  updatedAt: volunteers.updatedAt,
};

export function listVolunteers(filters: VolunteerFilters) {
  const { rows: page, total } = listPage({
    list: "volunteers",
    filters,
    table: volunteers,
    id: volunteers.id,
    orderBy: orderBy(filters),
    where: (plan) => where(filters, plan),
    page: (condition, offset) =>
      db
        .select(listColumns)
        .from(volunteers)
        .where(condition)
        .orderBy(...orderBy(filters))
        .limit(PAGE_SIZE)
        .offset(offset)
        .all(),
  });
  const totals = activityTotals(page.map((row) => row.id));
  const rows = page.map((row) => ({
    ...row,
    totalMinutes: totals.minutes.get(row.id) ?? 0,
    trainingCount: totals.training.get(row.id) ?? 0,
  }));
  return { rows, total };
}

const exportColumns = {
  id: volunteers.id,
  name: volunteers.name,
  programme: volunteers.programme,
  status: volunteers.status,
  startDate: volunteers.startDate,
  endDate: volunteers.endDate,
  roles: volunteers.roles,
  skills: volunteers.skills,
  email: volunteers.email,
  phone: volunteers.phone,
  notes: volunteers.notes,
};
export type VolunteerExportRow = {
  [K in keyof typeof exportColumns]: (typeof volunteers.$inferSelect)[K];
} & { focuses: VolunteerFocus[]; totalMinutes: number; trainingCount: number };

/** Every volunteer the filters match, in list order, a few hundred at a time, with their totals. */
export function* exportVolunteers(filters: VolunteerFilters): Generator<VolunteerExportRow[]> {
  const ids = db
    .select({ id: volunteers.id })
    .from(volunteers)
    .where(where(filters))
    .orderBy(...orderBy(filters))
    .all()
    .map((row) => row.id);
  for (const chunk of inChunks(ids, 500)) {
    const rows = db.select(exportColumns).from(volunteers).where(inArray(volunteers.id, chunk)).all();
    const byId = new Map(rows.map((row) => [row.id, row]));
    const focuses = focusesOf(chunk);
    const totals = activityTotals(chunk);
    yield chunk.map((id) => ({
      ...byId.get(id)!,
      focuses: focuses.get(id) ?? [],
      totalMinutes: totals.minutes.get(id) ?? 0,
      trainingCount: totals.training.get(id) ?? 0,
    }));
  }
}

export function getVolunteer(id: number) {
  return db.select().from(volunteers).where(eq(volunteers.id, id)).get();
}

export function getVolunteerFocuses(id: number): VolunteerFocus[] {
  return focusesOf([id]).get(id) ?? [];
}

/** Everything shown on a volunteer's page, in a handful of queries. */
export function getVolunteerPage(id: number) {
  const volunteer = getVolunteer(id);
  if (!volunteer) return null;
  return {
    volunteer,
    focuses: getVolunteerFocuses(id),
    training: db
      .select({
        id: trainingRecords.id,
        date: trainingRecords.date,
        title: trainingRecords.title,
        provider: trainingRecords.provider,
      })
      .from(trainingRecords)
      .where(eq(trainingRecords.volunteerId, id))
      .orderBy(desc(trainingRecords.date), desc(trainingRecords.id))
      .all(),
    hours: db
      .select({
        id: volunteerHours.id,
        date: volunteerHours.date,
        minutes: volunteerHours.minutes,
        activity: volunteerHours.activity,
      })
      .from(volunteerHours)
      .where(eq(volunteerHours.volunteerId, id))
      .orderBy(desc(volunteerHours.date), desc(volunteerHours.id))
      .all(),
    totalMinutes: activityTotals([id]).minutes.get(id) ?? 0,
    projects: db
      .select({
        id: projects.id,
        title: projects.title,
        status: projects.status,
        startDate: projects.startDate,
        endDate: projects.endDate,
      })
      .from(projectVolunteers)
      .innerJoin(projects, eq(projects.id, projectVolunteers.projectId))
      .where(eq(projectVolunteers.volunteerId, id))
      .orderBy(desc(projects.startDate), asc(projects.title))
      .all(),
    history: timelineHistory({ type: VOLUNTEER, id }),
  };
}

/** Volunteers whose name contains the text, for pickers on other pages. */
export function searchVolunteers(q: string, limit = 10) {
  const text = q.trim();
  if (!text) return [];
  return db
    .select({ id: volunteers.id, name: volunteers.name, programme: volunteers.programme })
    .from(volunteers)
    .where(contains(volunteers.name, text))
    .orderBy(asc(volunteers.name), asc(volunteers.id))
    .limit(limit)
    .all();
}

/** The columns a volunteer form's values are stored in (the import stores rows the same way). */
export function volunteerValues(input: VolunteerInput) {
  return {
    name: input.name,
    programme: input.programme,
    status: input.status,
    startDate: input.startDate ?? null,
    endDate: input.endDate ?? null,
    roles: input.roles ?? null,
    skills: input.skills ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    notes: input.notes ?? null,
  };
}

function replaceFocuses(tx: Tx, volunteerId: number, focuses: readonly VolunteerFocus[]) {
  tx.delete(volunteerFocusLinks).where(eq(volunteerFocusLinks.volunteerId, volunteerId)).run();
  if (focuses.length > 0) {
    tx.insert(volunteerFocusLinks)
      .values(focuses.map((focus) => ({ volunteerId, focus })))
      .run();
  }
}

function focusesInTx(tx: Tx, volunteerId: number): VolunteerFocus[] {
  return tx
    .select({ focus: volunteerFocusLinks.focus })
    .from(volunteerFocusLinks)
    .where(eq(volunteerFocusLinks.volunteerId, volunteerId))
    .all()
    .map((row) => row.focus);
}

export function createVolunteer(input: VolunteerInput, actorId: number) {
  return write((tx) => {
    const row = volunteerValues(input);
    const { id } = tx.insert(volunteers).values(row).returning({ id: volunteers.id }).get();
    replaceFocuses(tx, id, input.focuses);
    auditCreate(tx, actorId, { type: VOLUNTEER, id }, { ...row, focuses: focusWords(input.focuses) });
    suggestEvidence(tx, { type: VOLUNTEER, id });
    return id;
  });
}

export function updateVolunteer(id: number, input: VolunteerInput, actorId: number) {
  return write((tx) => {
    const before = tx.select().from(volunteers).where(eq(volunteers.id, id)).get();
    if (!before) return false;
    const focusesBefore = focusesInTx(tx, id);
    const row = volunteerValues(input);
    tx.update(volunteers)
      .set({ ...row, updatedAt: new Date() })
      .where(eq(volunteers.id, id))
      .run();
    replaceFocuses(tx, id, input.focuses);
    auditUpdate(
      tx,
      actorId,
      { type: VOLUNTEER, id },
      { ...before, focuses: focusWords(focusesBefore) },
      { ...row, focuses: focusWords(input.focuses) },
    );
    suggestEvidence(tx, { type: VOLUNTEER, id });
    return true;
  });
}

/**
 * What still refers to a volunteer, in words, so a refused deletion can explain itself. Training
 * records and hours are not here: they belong to the volunteer and are deleted with them.
 */
export function volunteerDependants(id: number): string[] {
  const projectCount = db
    .select({ n: count() })
    .from(projectVolunteers)
    .where(eq(projectVolunteers.volunteerId, id))
    .get()!.n;
  return dependantsInWords([
    [projectCount, "project"],
    [meetingsAttended("volunteer", id), "meeting"],
  ]);
}

/** What goes with a volunteer when they are deleted, for the confirmation page. */
export function volunteerBelongings(id: number) {
  const totals = activityTotals([id]);
  return { trainingCount: totals.training.get(id) ?? 0, totalMinutes: totals.minutes.get(id) ?? 0 };
}

export function deleteVolunteer(id: number, actorId: number) {
  return write((tx) => {
    const before = tx.select().from(volunteers).where(eq(volunteers.id, id)).get();
    if (!before) return false;
    const focuses = focusesInTx(tx, id);
    // Training and hours go with the volunteer (ON DELETE CASCADE); each keeps its own history.
    for (const training of tx
      .select()
      .from(trainingRecords)
      .where(eq(trainingRecords.volunteerId, id))
      .all()) {
      removeEvidenceFor(tx, { type: TRAINING, id: training.id });
      auditDelete(tx, actorId, { type: TRAINING, id: training.id }, training);
    }
    for (const hours of tx.select().from(volunteerHours).where(eq(volunteerHours.volunteerId, id)).all()) {
      removeEvidenceFor(tx, { type: HOURS, id: hours.id });
      auditDelete(tx, actorId, { type: HOURS, id: hours.id }, hours);
    }
    tx.delete(volunteers).where(eq(volunteers.id, id)).run();
    removeEvidenceFor(tx, { type: VOLUNTEER, id });
    eraseMonitoringFor(tx, { type: "volunteer", id }, actorId);
    auditDelete(tx, actorId, { type: VOLUNTEER, id }, { ...before, focuses: focusWords(focuses) });
    return true;
  });
}
