import { followUpActions } from "~/forms/follow-up-actions.server";
import {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  gte,
  inArray,
  isNotNull,
  lt,
  lte,
  max,
  sql,
  type SQL,
} from "drizzle-orm";
import { partners, reviews } from "~db/schema";
import { chosenNextReview, type ReviewEditInput, type ReviewInput } from "~/forms/reviews.server";
import { db, write } from "~/utils/db.server";
import { cached } from "~/utils/cache.server";
import { compare, inIds, listPage, partnerIdsNamed, type PagePlan } from "~/utils/list-page.server";
import { PAGE_SIZE } from "~/utils/list-query.server";
import { actionsFrom, addActions } from "./action.server";
import { auditCreate, auditUpdate, timelineHistory } from "./audit.server";
import { evidenceForRecord, suggestEvidence } from "./evidence.server";
import { DUE_SOON_DAYS, dueSoonLimit, nextReviewDate } from "./review-schedule.server";

export const REVIEW = "review";
const PARTNER = "partner";

/** Partnerships on the review schedule: active or paused, with a next review date. */
const STATUSES_REVIEWED = ["active", "paused"] as const;

// ---------------------------------------------------------------------------------------------
// Holding a review

/** The partner a review is about, as the review form needs it. */
export function getPartnerForReview(partnerId: number) {
  return db
    .select({
      id: partners.id,
      name: partners.name,
      status: partners.status,
      startDate: partners.startDate,
      endDate: partners.endDate,
      reviewCadenceMonths: partners.reviewCadenceMonths,
      nextReviewDate: partners.nextReviewDate,
    })
    .from(partners)
    .where(eq(partners.id, partnerId))
    .get();
}

export type HoldReviewResult =
  | { ok: true; id: number }
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "ended" }
  | { ok: false; reason: "before-start"; startDate: string };

/**
 * Records a review in one transaction: the review; the partner's next review (continue or
 * change) or the end of the partnership (withdraw); the follow-up actions; the audit trail; and
 * evidence suggestions for the review and the partner.
 */
export function holdReview(partnerId: number, input: ReviewInput, actorId: number): HoldReviewResult {
  return write((tx): HoldReviewResult => {
    const partner = tx.select().from(partners).where(eq(partners.id, partnerId)).get();
    if (!partner) return { ok: false, reason: "not-found" };
    if (partner.status === "ended") return { ok: false, reason: "ended" };
    const withdraw = input.decision === "withdraw";
    if (withdraw && partner.startDate && input.heldOn < partner.startDate) {
      return { ok: false, reason: "before-start", startDate: partner.startDate };
    }
    const latestBefore =
      tx
        .select({ heldOn: max(reviews.heldOn) })
        .from(reviews)
        .where(eq(reviews.partnerId, partnerId))
        .get()?.heldOn ?? null;

    const next = withdraw
      ? null
      : (chosenNextReview(input) ?? nextReviewDate(input.heldOn, partner.reviewCadenceMonths));
    const row = {
      partnerId,
      heldOn: input.heldOn,
      participants: input.participants ?? null,
      stillRelevant: input.stillRelevant,
      satisfaction: input.satisfaction ?? null,
      partnerWords: input.partnerWords ?? null,
      valueAdded: input.valueAdded ?? null,
      partnerGained: input.partnerGained ?? null,
      userBenefits: input.userBenefits ?? null,
      lessons: input.lessons ?? null,
      decision: input.decision,
      // What changes, or after a withdrawal why: the review keeps its own record of the reason.
      changes: (withdraw ? input.endReason : input.changes) ?? null,
      nextReviewDate: next,
    };
    const now = new Date();
    const { id } = tx
      .insert(reviews)
      .values({ ...row, createdBy: actorId, createdAt: now, updatedAt: now })
      .returning({ id: reviews.id })
      .get();
    auditCreate(tx, actorId, { type: REVIEW, id }, row);

    // A review recorded late, older than the newest one, does not move the schedule back.
    const isLatest = latestBefore === null || input.heldOn >= latestBefore;
    const change = withdraw
      ? {
          status: "ended" as const,
          endDate: input.heldOn,
          endReason: input.endReason ?? null,
          nextReviewDate: null,
        }
      : isLatest
        ? { nextReviewDate: next }
        : null;
    if (change) {
      tx.update(partners)
        .set({ ...change, updatedAt: now })
        .where(eq(partners.id, partnerId))
        .run();
      auditUpdate(tx, actorId, { type: PARTNER, id: partnerId }, partner, change);
    }

    addActions(tx, followUpActions(input), "review", id, actorId);
    suggestEvidence(tx, { type: REVIEW, id });
    suggestEvidence(tx, { type: PARTNER, id: partnerId });
    return { ok: true, id };
  });
}

// ---------------------------------------------------------------------------------------------
// One review

const reviewColumns = {
  id: reviews.id,
  partnerId: reviews.partnerId,
  partnerName: partners.name,
  partnerStatus: partners.status,
  heldOn: reviews.heldOn,
  participants: reviews.participants,
  stillRelevant: reviews.stillRelevant,
  satisfaction: reviews.satisfaction,
  partnerWords: reviews.partnerWords,
  valueAdded: reviews.valueAdded,
  partnerGained: reviews.partnerGained,
  userBenefits: reviews.userBenefits,
  lessons: reviews.lessons,
  decision: reviews.decision,
  changes: reviews.changes,
  nextReviewDate: reviews.nextReviewDate,
  createdAt: reviews.createdAt,
};

export function getReview(id: number) {
  return db
    .select(reviewColumns)
    .from(reviews)
    .innerJoin(partners, eq(partners.id, reviews.partnerId))
    .where(eq(reviews.id, id))
    .get();
}

/** Everything shown on a review's page. */
export function getReviewPage(id: number) {
  const review = getReview(id);
  if (!review) return null;
  return {
    review,
    actions: actionsFrom("review", id),
    evidence: evidenceForRecord({ type: REVIEW, id }),
    history: timelineHistory({ type: REVIEW, id }),
  };
}

/** Corrects what was said and learnt; the date, the answers and the decision stay as held. */
export function updateReview(id: number, input: ReviewEditInput, actorId: number) {
  return write((tx) => {
    const before = tx.select().from(reviews).where(eq(reviews.id, id)).get();
    if (!before) return false;
    const row = {
      participants: input.participants ?? null,
      partnerWords: input.partnerWords ?? null,
      valueAdded: input.valueAdded ?? null,
      partnerGained: input.partnerGained ?? null,
      userBenefits: input.userBenefits ?? null,
      lessons: input.lessons ?? null,
      // Only a change or a withdrawal has this text (what changes, or why).
      ...(before.decision === "continue" ? {} : { changes: input.changes ?? null }),
    };
    tx.update(reviews)
      .set({ ...row, updatedAt: new Date() })
      .where(eq(reviews.id, id))
      .run();
    auditUpdate(tx, actorId, { type: REVIEW, id }, before, row);
    suggestEvidence(tx, { type: REVIEW, id });
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// The review schedule

type Bucket = "overdue" | "dueSoon" | "later";

function bucketCondition(bucket: Bucket, today: string, soon: string): SQL {
  if (bucket === "overdue") return lt(partners.nextReviewDate, today);
  if (bucket === "dueSoon")
    return and(gte(partners.nextReviewDate, today), lte(partners.nextReviewDate, soon))!;
  return gt(partners.nextReviewDate, soon);
}

const onSchedule = and(inArray(partners.status, [...STATUSES_REVIEWED]), isNotNull(partners.nextReviewDate));

/** The same, with the status checked row by row, so the review dates' index is read in order. */
const onScheduleInDateOrder = and(
  inArray(sql`+${partners.status}`, [...STATUSES_REVIEWED]),
  isNotNull(partners.nextReviewDate),
);

/** The date of each partner's last review, keyed by partner, in one grouped query. */
function lastReviewDays(partnerIds: number[]) {
  if (partnerIds.length === 0) return new Map<number, string>();
  const rows = db
    .select({ partnerId: reviews.partnerId, heldOn: max(reviews.heldOn) })
    .from(reviews)
    .where(inArray(reviews.partnerId, partnerIds))
    .groupBy(reviews.partnerId)
    .all();
  return new Map(rows.map((r) => [r.partnerId, r.heldOn ?? ""]));
}

function scheduled(condition: SQL, limit: number, offset = 0) {
  const rows = db
    .select({
      partnerId: partners.id,
      name: partners.name,
      status: partners.status,
      nextReviewDate: partners.nextReviewDate,
      reviewCadenceMonths: partners.reviewCadenceMonths,
    })
    .from(partners)
    .where(and(onScheduleInDateOrder, condition))
    .orderBy(asc(partners.nextReviewDate), asc(partners.name), asc(partners.id))
    .limit(limit)
    .offset(offset)
    .all();
  const last = lastReviewDays(rows.map((r) => r.partnerId));
  return rows.map((r) => ({
    ...r,
    nextReviewDate: r.nextReviewDate!,
    lastReviewOn: last.get(r.partnerId) ?? null,
  }));
}

export type ScheduledReview = ReturnType<typeof scheduled>[number];

/** How many partners are in each part of the schedule, in one query, kept until the data changes. */
function scheduleTotals(today: string, soon: string): Record<Bucket, number> {
  return cached(`review-schedule-totals:${today}:${soon}`, () => {
    const bucket = sql<Bucket>`CASE WHEN ${partners.nextReviewDate} < ${today} THEN 'overdue' WHEN ${partners.nextReviewDate} <= ${soon} THEN 'dueSoon' ELSE 'later' END`;
    const rows = db.select({ bucket, n: count() }).from(partners).where(onSchedule).groupBy(bucket).all();
    const totals: Record<Bucket, number> = { overdue: 0, dueSoon: 0, later: 0 };
    for (const row of rows) totals[row.bucket] = row.n;
    return totals;
  });
}

/**
 * How many of each part of the schedule a page shows: a list's page of the reviews to act on
 * (overdue, due soon), fewer of the later ones, only looked ahead to, so that the reviews page,
 * with its four tables, stays quick to load.
 */
export const SCHEDULE_PAGE_SIZES: Record<Bucket, number> = {
  overdue: PAGE_SIZE,
  dueSoon: PAGE_SIZE,
  later: 10,
};

/** Which page of each part of the schedule to show (the query string's `overduePage`, …). */
export type SchedulePages = { overduePage?: number; dueSoonPage?: number; laterPage?: number };

/**
 * The review schedule on a day: overdue reviews, those due in the next 30 days and later ones,
 * each part soonest first and a page at a time (`SCHEDULE_PAGE_SIZES`), with the partner's last
 * review and cadence, and how many there are in each part. Kept until the data changes, like the
 * totals: the schedule is the same for everyone all day, and the page is opened far more often
 * than partners or reviews change.
 */
export function listReviewSchedule(
  today: string,
  { overduePage = 1, dueSoonPage = 1, laterPage = 1 }: SchedulePages = {},
) {
  return cached(`review-schedule:${today}:${overduePage}:${dueSoonPage}:${laterPage}`, () => {
    const soon = dueSoonLimit(today);
    const totals = scheduleTotals(today, soon);
    const page = (bucket: Bucket, n: number) => {
      const size = SCHEDULE_PAGE_SIZES[bucket];
      const offset = (n - 1) * size;
      // No query at all for a page past the end.
      return offset < totals[bucket] ? scheduled(bucketCondition(bucket, today, soon), size, offset) : [];
    };
    return {
      overdue: page("overdue", overduePage),
      dueSoon: page("dueSoon", dueSoonPage),
      later: page("later", laterPage),
      totals,
    };
  });
}

function scheduledCount(condition: SQL) {
  return db.select({ n: count() }).from(partners).where(and(onSchedule, condition)).get()!.n;
}

/** For the dashboard: reviews past their date, the longest overdue first, and how many in all. */
export function overdueReviews(today: string, limit = 5) {
  const condition = lt(partners.nextReviewDate, today);
  return { rows: scheduled(condition, limit), total: scheduledCount(condition) };
}

/** For the dashboard: reviews due from today to `days` ahead, soonest first, and how many in all. */
export function reviewsDueSoon(today: string, days = DUE_SOON_DAYS, limit = 5) {
  const condition = bucketCondition("dueSoon", today, dueSoonLimit(today, days));
  return { rows: scheduled(condition, limit), total: scheduledCount(condition) };
}

// ---------------------------------------------------------------------------------------------
// Reviews held

export type CompletedReviewFilters = {
  page: number;
  /** A partner chosen by id (the link from its page). */
  partnerId?: number;
  /** Words in the partner's name, typed in the filter. */
  partner?: string;
};

function completedWhere(filters: CompletedReviewFilters, plan: PagePlan): SQL | undefined {
  // Walking the newest-first order, each review's partner is checked row by row.
  if (filters.partnerId !== undefined) {
    return compare(reviews.partnerId, "=", filters.partnerId, plan === "walk");
  }
  if (filters.partner) return inIds(reviews.partnerId, partnerIdsNamed(filters.partner), plan === "walk");
  return undefined;
}

/**
 * Reviews held, newest first, a page at a time. The page is kept until the data changes, as the
 * schedule above it is: reviews are held a few times a day, the page is opened far more often.
 */
export function listCompletedReviews(filters: CompletedReviewFilters) {
  const { partnerId, page } = filters;
  const partner = partnerId ? undefined : filters.partner;
  return cached(`completed-reviews:${JSON.stringify([partnerId, partner, page])}`, () =>
    completedPage({ partnerId, partner, page }),
  );
}

function completedPage(filters: CompletedReviewFilters) {
  return listPage({
    list: "completed-reviews",
    filters,
    table: reviews,
    id: reviews.id,
    orderBy: [desc(reviews.heldOn), desc(reviews.id)],
    where: (plan) => completedWhere(filters, plan),
    page: (condition, offset) =>
      db
        .select({
          id: reviews.id,
          heldOn: reviews.heldOn,
          partnerId: reviews.partnerId,
          partnerName: sql<string>`${partners.name}`,
          stillRelevant: reviews.stillRelevant,
          satisfaction: reviews.satisfaction,
          decision: reviews.decision,
          nextReviewDate: reviews.nextReviewDate,
        })
        .from(reviews)
        // Every review has its partner; a left join keeps SQLite reading the reviews first, in order.
        .leftJoin(partners, eq(partners.id, reviews.partnerId))
        .where(condition)
        .orderBy(desc(reviews.heldOn), desc(reviews.id))
        .limit(PAGE_SIZE)
        .offset(offset)
        .all(),
  });
}

/** A partner's reviews, newest first, for its timeline. */
export function reviewsForPartner(partnerId: number) {
  return db
    .select({
      id: reviews.id,
      heldOn: reviews.heldOn,
      decision: reviews.decision,
      satisfaction: reviews.satisfaction,
    })
    .from(reviews)
    .where(eq(reviews.partnerId, partnerId))
    .orderBy(desc(reviews.heldOn), desc(reviews.id))
    .all();
}

/** A partner's most recent review, if any. */
export function lastReview(partnerId: number) {
  return db
    .select({ id: reviews.id, heldOn: reviews.heldOn, decision: reviews.decision })
    .from(reviews)
    .where(eq(reviews.partnerId, partnerId))
    .orderBy(desc(reviews.heldOn), desc(reviews.id))
    .limit(1)
    .get();
}
