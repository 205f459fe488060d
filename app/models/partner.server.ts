import { and, asc, count, desc, eq, inArray, max, or, type SQL } from "drizzle-orm";
import { feedbackDependants } from "./feedback.server";
import {
  dependantsInWords,
  meetingsAboutProject,
  meetingsAttended,
  meetingsWithPartner,
  reviewsOfPartner,
} from "./dependants.server";
import {
  benefits,
  contacts,
  contributors,
  partners,
  projectPartners,
  projects,
  reviews,
  type PartnerStatus,
  type PartnerType,
} from "~db/schema";
import type { PartnerInput } from "~/forms/partners.server";
import { db, write, type Tx } from "~/utils/db.server";
import { todayIso } from "~/utils/dates";
import { compare, listPage, type PagePlan } from "~/utils/list-page.server";
import { contains, PAGE_SIZE } from "~/utils/list-query.server";
import { auditCreate, auditDelete, auditUpdate, timelineHistory } from "./audit.server";
import { removeEvidenceFor, suggestEvidence } from "./evidence.server";
import { nextReviewDate } from "./review-schedule.server";

export const PARTNER = "partner";

export type PartnerFilters = {
  q?: string;
  type?: PartnerType;
  status?: PartnerStatus;
  advocate?: "yes" | "no";
  services?: "onsite" | "offsite";
  startedFrom?: string;
  startedTo?: string;
  sort: "name" | "type" | "status" | "start" | "updated";
  dir?: "asc" | "desc";
  page: number;
};

function where(filters: PartnerFilters, plan: PagePlan = "gather"): SQL | undefined {
  // Walking the sort order's index, the other indexed columns are checked row by row.
  const byRow = (sort: PartnerFilters["sort"]) => plan === "walk" && filters.sort !== sort;
  const conditions: (SQL | undefined)[] = [];
  if (filters.q) conditions.push(or(contains(partners.name, filters.q), contains(partners.area, filters.q)));
  if (filters.type) conditions.push(compare(partners.type, "=", filters.type, byRow("type")));
  if (filters.status) conditions.push(compare(partners.status, "=", filters.status, byRow("status")));
  if (filters.advocate) conditions.push(eq(partners.isAdvocate, filters.advocate === "yes"));
  if (filters.services === "onsite") conditions.push(eq(partners.extendsOnsite, true));
  if (filters.services === "offsite") conditions.push(eq(partners.extendsOffsite, true));
  if (filters.startedFrom) {
    conditions.push(compare(partners.startDate, ">=", filters.startedFrom, byRow("start")));
  }
  if (filters.startedTo)
    conditions.push(compare(partners.startDate, "<=", filters.startedTo, byRow("start")));
  return and(...conditions);
}

const sortColumns = {
  name: partners.name,
  type: partners.type,
  status: partners.status,
  start: partners.startDate,
  updated: partners.updatedAt,
} as const;

function orderBy(filters: PartnerFilters) {
  const dir = filters.dir ?? (filters.sort === "updated" ? "desc" : "asc");
  const column = sortColumns[filters.sort];
  return [dir === "asc" ? asc(column) : desc(column), asc(partners.id)];
}

const listColumns = {
  id: partners.id,
  name: partners.name,
  type: partners.type,
  status: partners.status,
  startDate: partners.startDate,
  area: partners.area,
  isAdvocate: partners.isAdvocate,
  updatedAt: partners.updatedAt,
};

export function listPartners(filters: PartnerFilters) {
  return listPage({
    list: "partners",
    filters,
    table: partners,
    id: partners.id,
    orderBy: orderBy(filters),
    where: (plan) => where(filters, plan),
    page: (condition, offset) =>
      db
        .select(listColumns)
        .from(partners)
        .where(condition)
        .orderBy(...orderBy(filters))
        .limit(PAGE_SIZE)
        .offset(offset)
        .all(),
  });
}

const exportColumns = {
  id: partners.id,
  name: partners.name,
  type: partners.type,
  status: partners.status,
  startDate: partners.startDate,
  endDate: partners.endDate,
  endReason: partners.endReason,
  addsValue: partners.addsValue,
  isAdvocate: partners.isAdvocate,
  extendsOnsite: partners.extendsOnsite,
  extendsOffsite: partners.extendsOffsite,
  website: partners.website,
  area: partners.area,
  notes: partners.notes,
};
export type PartnerExportRow = {
  [K in keyof typeof exportColumns]: (typeof partners.$inferSelect)[K];
};

/** Every partner the filters match, in list order, a few hundred at a time. */
export function* exportPartners(filters: PartnerFilters): Generator<PartnerExportRow[]> {
  const ids = db
    .select({ id: partners.id })
    .from(partners)
    .where(where(filters))
    .orderBy(...orderBy(filters))
    .all()
    .map((row) => row.id);
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = db.select(exportColumns).from(partners).where(inArray(partners.id, chunk)).all();
    const byId = new Map(rows.map((row) => [row.id, row]));
    yield chunk.map((id) => byId.get(id)!);
  }
}

export function getPartner(id: number) {
  return db.select().from(partners).where(eq(partners.id, id)).get();
}

/** Everything shown on a partner's page, in a handful of queries. */
export function getPartnerPage(id: number) {
  const partner = getPartner(id);
  if (!partner) return null;
  return {
    partner,
    contacts: db
      .select({
        id: contacts.id,
        name: contacts.name,
        role: contacts.role,
        email: contacts.email,
        phone: contacts.phone,
      })
      .from(contacts)
      .where(eq(contacts.partnerId, id))
      .orderBy(asc(contacts.name))
      .all(),
    projects: db
      .select({
        id: projects.id,
        title: projects.title,
        status: projects.status,
        startDate: projects.startDate,
        endDate: projects.endDate,
        role: projectPartners.role,
      })
      .from(projectPartners)
      .innerJoin(projects, eq(projects.id, projectPartners.projectId))
      .where(eq(projectPartners.partnerId, id))
      .orderBy(desc(projects.startDate))
      .all(),
    contributors: db
      .select({ id: contributors.id, name: contributors.name, kind: contributors.kind })
      .from(contributors)
      .where(eq(contributors.partnerId, id))
      .orderBy(asc(contributors.name))
      .all(),
    benefits: db
      .select({
        id: benefits.id,
        beneficiary: benefits.beneficiary,
        description: benefits.description,
        date: benefits.date,
      })
      .from(benefits)
      .where(eq(benefits.partnerId, id))
      .orderBy(desc(benefits.date))
      .all(),
    history: timelineHistory({ type: PARTNER, id }),
  };
}

/** Partners for a select list: those not ended, plus any already chosen. */
export function partnerOptions(include: (number | null | undefined)[] = []) {
  const chosen = include.filter((id): id is number => typeof id === "number");
  return db
    .select({ id: partners.id, name: partners.name, status: partners.status })
    .from(partners)
    .where(
      or(
        inArray(partners.status, ["prospective", "active", "paused"]),
        chosen.length ? inArray(partners.id, chosen) : undefined,
      ),
    )
    .orderBy(asc(partners.name))
    .all();
}

/** The columns a partner form's values are stored in (the import stores rows the same way). */
export function partnerValues(input: PartnerInput) {
  return {
    name: input.name,
    type: input.type,
    status: input.status,
    startDate: input.startDate ?? null,
    endDate: input.endDate ?? null,
    endReason: input.endReason ?? null,
    addsValue: input.addsValue ?? null,
    isAdvocate: input.isAdvocate,
    extendsOnsite: input.extendsOnsite,
    extendsOffsite: input.extendsOffsite,
    website: input.website ?? null,
    area: input.area ?? null,
    notes: input.notes ?? null,
  };
}

/** How often a new partner is reviewed when the form does not say. */
export const DEFAULT_REVIEW_CADENCE = 12;

type ScheduleInput = Pick<PartnerInput, "status" | "startDate" | "reviewCadenceMonths" | "nextReviewDate">;
type StoredSchedule = {
  status: PartnerStatus;
  startDate: string | null;
  reviewCadenceMonths: number;
  nextReviewDate: string | null;
};

/**
 * The review schedule a partner's form leads to (the rule the form's hint gives):
 * - an ended partnership has no next review;
 * - a next review date the person gave, or changed, is theirs and is kept;
 * - otherwise it is worked out: the last review's date, else the start date, else today, plus the
 *   cadence (none when not reviewed on a cycle). On an edit that leaves the date, the cadence and
 *   the start date as they were, the date stays as it was.
 */
export function partnerSchedule(
  input: ScheduleInput,
  lastReviewOn: string | null,
  before?: StoredSchedule,
  today = todayIso(),
) {
  const reviewCadenceMonths =
    input.reviewCadenceMonths ?? before?.reviewCadenceMonths ?? DEFAULT_REVIEW_CADENCE;
  if (input.status === "ended") return { reviewCadenceMonths, nextReviewDate: null };
  const given = input.nextReviewDate ?? null;
  if (given !== null) {
    const changed = given !== before?.nextReviewDate;
    const basisKept =
      before !== undefined &&
      before.reviewCadenceMonths === reviewCadenceMonths &&
      before.startDate === (input.startDate ?? null);
    if (changed || basisKept) return { reviewCadenceMonths, nextReviewDate: given };
  }
  const base = lastReviewOn ?? input.startDate ?? today;
  return { reviewCadenceMonths, nextReviewDate: nextReviewDate(base, reviewCadenceMonths) };
}

function lastReviewDay(tx: Tx, partnerId: number) {
  return (
    tx
      .select({ heldOn: max(reviews.heldOn) })
      .from(reviews)
      .where(eq(reviews.partnerId, partnerId))
      .get()?.heldOn ?? null
  );
}

export function createPartner(input: PartnerInput, actorId: number) {
  return write((tx) => {
    const row = { ...partnerValues(input), ...partnerSchedule(input, null) };
    const { id } = tx.insert(partners).values(row).returning({ id: partners.id }).get();
    auditCreate(tx, actorId, { type: PARTNER, id }, row);
    suggestEvidence(tx, { type: PARTNER, id });
    return id;
  });
}

export function updatePartner(id: number, input: PartnerInput, actorId: number) {
  return write((tx) => {
    const before = tx.select().from(partners).where(eq(partners.id, id)).get();
    if (!before) return false;
    const row = { ...partnerValues(input), ...partnerSchedule(input, lastReviewDay(tx, id), before) };
    tx.update(partners)
      .set({ ...row, updatedAt: new Date() })
      .where(eq(partners.id, id))
      .run();
    auditUpdate(tx, actorId, { type: PARTNER, id }, before, row);
    suggestEvidence(tx, { type: PARTNER, id });
    return true;
  });
}

/** What still refers to a partner, in words, so a refused deletion can explain itself. */
export function partnerDependants(id: number): string[] {
  const counts = {
    contact: db.select({ n: count() }).from(contacts).where(eq(contacts.partnerId, id)).get()!.n,
    project: db.select({ n: count() }).from(projectPartners).where(eq(projectPartners.partnerId, id)).get()!
      .n,
    contributor: db.select({ n: count() }).from(contributors).where(eq(contributors.partnerId, id)).get()!.n,
    benefit: db.select({ n: count() }).from(benefits).where(eq(benefits.partnerId, id)).get()!.n,
    meeting: meetingsWithPartner(id),
    review: reviewsOfPartner(id),
  };
  return dependantsInWords([
    ...Object.entries(counts).map(([noun, n]) => [n, noun] as [number, string]),
    ...feedbackDependants({ partnerId: id }),
  ]);
}

export function deletePartner(id: number, actorId: number) {
  return write((tx) => {
    const before = tx.select().from(partners).where(eq(partners.id, id)).get();
    if (!before) return false;
    tx.delete(partners).where(eq(partners.id, id)).run();
    removeEvidenceFor(tx, { type: PARTNER, id });
    auditDelete(tx, actorId, { type: PARTNER, id }, before);
    return true;
  });
}
