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
  or,
  sql,
  type SQL,
} from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import {
  actions,
  assessments,
  meetings,
  partners,
  reviews,
  users,
  type ActionSource,
  type ActionStatus,
} from "~db/schema";
import type { ActionInput, ActionView } from "~/forms/actions.server";
import { db, write, type Tx } from "~/utils/db.server";
import { cached } from "~/utils/cache.server";
import { compare, listPage, type PagePlan } from "~/utils/list-page.server";
import { contains, PAGE_SIZE } from "~/utils/list-query.server";
import { auditCreate, auditDelete, auditUpdate } from "./audit.server";

export const ACTION = "action";

export type NewAction = {
  description: string;
  ownerId: number;
  dueDate: string | null;
  lineCode?: string | null;
};

/**
 * Adds follow-up actions inside the caller's transaction (a meeting, a review or an assessment
 * saving its actions with itself), each linked back to where it came from.
 */
export function addActions(
  tx: Tx,
  list: NewAction[],
  source: ActionSource,
  sourceId: number | null,
  actorId: number,
) {
  const now = new Date();
  return list.map((item) => {
    const row = {
      description: item.description,
      ownerId: item.ownerId,
      dueDate: item.dueDate,
      status: "open" as const,
      source,
      sourceId,
      lineCode: item.lineCode ?? null,
      createdBy: actorId,
      createdAt: now,
      updatedAt: now,
    };
    const { id } = tx.insert(actions).values(row).returning({ id: actions.id }).get();
    auditCreate(
      tx,
      actorId,
      { type: ACTION, id },
      {
        description: row.description,
        ownerId: row.ownerId,
        dueDate: row.dueDate,
        source,
        sourceId,
        lineCode: row.lineCode,
      },
    );
    return id;
  });
}

/**
 * Marks an action done (or open again): one click, recorded with who and when. Marking it as it
 * already is changes nothing, so a double click keeps the first completion time.
 */
export function setActionStatus(id: number, status: "open" | "done", actorId: number) {
  return write((tx) => {
    const before = tx.select({ status: actions.status }).from(actions).where(eq(actions.id, id)).get();
    if (!before) return false;
    if (before.status === status) return true;
    const now = new Date();
    tx.update(actions)
      .set({
        status,
        completedAt: status === "done" ? now : null,
        completedBy: status === "done" ? actorId : null,
        updatedAt: now,
      })
      .where(eq(actions.id, id))
      .run();
    auditUpdate(tx, actorId, { type: ACTION, id }, before, { status });
    return true;
  });
}

/** The actions that came from one meeting, review or assessment, with their owners. */
export function actionsFrom(source: ActionSource, sourceId: number) {
  return (
    db
      .select({
        id: actions.id,
        description: actions.description,
        ownerId: actions.ownerId,
        ownerName: users.name,
        dueDate: actions.dueDate,
        status: actions.status,
        lineCode: actions.lineCode,
      })
      .from(actions)
      .innerJoin(users, eq(users.id, actions.ownerId))
      .where(and(eq(actions.source, source), eq(actions.sourceId, sourceId)))
      // Dated actions first, soonest first; undated ones last.
      .orderBy(asc(sql`${actions.dueDate} IS NULL`), asc(actions.dueDate), asc(actions.id))
      .all()
  );
}

// ---------------------------------------------------------------------------------------------
// Where an action came from, for many actions at once.

/** Where an action came from, as words and a page address (null when the page no longer exists). */
export type ActionOrigin = { label: string; href: string | null };

type Sourced = { source: ActionSource; sourceId: number | null; lineCode: string | null };

/** One grouped query per kind of source (meetings, reviews, assessments), keyed by the rows' ids. */
function originsOf(rows: Sourced[]): (row: Sourced) => ActionOrigin | null {
  const idsOf = (source: ActionSource) => [
    ...new Set(rows.filter((r) => r.source === source && r.sourceId !== null).map((r) => r.sourceId!)),
  ];
  const meetingIds = idsOf("meeting");
  const reviewIds = idsOf("review");
  const assessmentIds = idsOf("assessment");
  const meetingTitles = new Map(
    meetingIds.length
      ? db
          .select({ id: meetings.id, title: meetings.title })
          .from(meetings)
          .where(inArray(meetings.id, meetingIds))
          .all()
          .map((r) => [r.id, r.title])
      : [],
  );
  const reviewedPartners = new Map(
    reviewIds.length
      ? db
          .select({ id: reviews.id, partner: partners.name })
          .from(reviews)
          .innerJoin(partners, eq(partners.id, reviews.partnerId))
          .where(inArray(reviews.id, reviewIds))
          .all()
          .map((r) => [r.id, r.partner])
      : [],
  );
  const assessmentTitles = new Map(
    assessmentIds.length
      ? db
          .select({ id: assessments.id, title: assessments.title })
          .from(assessments)
          .where(inArray(assessments.id, assessmentIds))
          .all()
          .map((r) => [r.id, r.title])
      : [],
  );
  return (row) => {
    if (row.source === "none" || row.sourceId === null) return null;
    const id = row.sourceId;
    switch (row.source) {
      case "meeting": {
        const title = meetingTitles.get(id);
        return title
          ? { label: `Meeting: ${title}`, href: `/meetings/${id}` }
          : { label: "A meeting that has been deleted", href: null };
      }
      case "review": {
        const partner = reviewedPartners.get(id);
        return partner
          ? { label: `Review of ${partner}`, href: `/reviews/${id}` }
          : { label: "A review that has been deleted", href: null };
      }
      case "assessment": {
        const title = assessmentTitles.get(id);
        const line = row.lineCode ? ` (line ${row.lineCode})` : "";
        return title
          ? { label: `Self-assessment: ${title}${line}`, href: `/assessments/${id}` }
          : { label: "A self-assessment that has been deleted", href: null };
      }
    }
  };
}

// ---------------------------------------------------------------------------------------------
// The list of actions: views, owner filter, search, paging.

export type ActionFilters = {
  view: ActionView;
  ownerId?: number;
  q?: string;
  page: number;
};

/** Open actions sort by due date, soonest first, those without a date last (an index has this order). */
const dueIsNull = sql`${actions.dueDate} is null`;
const byDueDate = [dueIsNull, asc(actions.dueDate), asc(actions.id)];

function viewCondition(view: ActionView, userId: number, today: string): SQL {
  switch (view) {
    case "open":
      return eq(actions.status, "open");
    case "mine":
      return and(eq(actions.status, "open"), eq(actions.ownerId, userId))!;
    case "overdue":
      return and(eq(actions.status, "open"), lt(actions.dueDate, today))!;
    case "done":
      return eq(actions.status, "done");
  }
}

function listCondition(
  view: ActionView,
  filters: Omit<ActionFilters, "view" | "page">,
  userId: number,
  today: string,
  plan: PagePlan = "gather",
) {
  return and(
    viewCondition(view, userId, today),
    // "Mine" is always the signed-in user's; the owner filter applies to the other views. Done
    // actions are read in the order they were done, each checked for its owner.
    filters.ownerId && view !== "mine"
      ? compare(actions.ownerId, "=", filters.ownerId, plan === "walk" && view === "done")
      : undefined,
    filters.q ? contains(actions.description, filters.q) : undefined,
  );
}

const completer = alias(users, "completer");

/** Whether an open action's due date has passed, or is today. */
function dueState(status: ActionStatus, dueDate: string | null, today: string) {
  return {
    overdue: status === "open" && dueDate !== null && dueDate < today,
    dueToday: status === "open" && dueDate === today,
  };
}

export const actionViewNames = ["open", "mine", "overdue", "done"] as const satisfies readonly ActionView[];

/**
 * How many actions each view holds, with the same owner filter and search, for the tabs: one
 * read of the actions (an index holds the owner, status and due date), kept until the data changes.
 */
function viewCounts(filters: Omit<ActionFilters, "view" | "page">, userId: number, today: string) {
  const key = JSON.stringify([filters.ownerId ?? null, filters.q ?? null, userId, today]);
  return cached(`action-view-counts:${key}`, () => {
    const owner = filters.ownerId ? sql`${actions.ownerId} = ${filters.ownerId}` : sql`1`;
    const open = sql`${actions.status} = 'open'`;
    const row = db
      .select({
        open: sql<number>`coalesce(sum(${open} and ${owner}), 0)`,
        mine: sql<number>`coalesce(sum(${open} and ${actions.ownerId} = ${userId}), 0)`,
        overdue: sql<number>`coalesce(sum(${open} and ${actions.dueDate} < ${today} and ${owner}), 0)`,
        done: sql<number>`coalesce(sum(${actions.status} = 'done' and ${owner}), 0)`,
      })
      .from(actions)
      .where(filters.q ? contains(actions.description, filters.q) : undefined)
      .get()!;
    return {
      open: Number(row.open),
      mine: Number(row.mine),
      overdue: Number(row.overdue),
      done: Number(row.done),
    } satisfies Record<ActionView, number>;
  });
}

/**
 * One page of actions in a view, with the owner's name and where each came from, and how many
 * actions each view holds (with the same owner filter and search) for the tabs.
 */
export function listActions(filters: ActionFilters, userId: number, today: string) {
  const counts = viewCounts(filters, userId, today);
  const { view } = filters;
  const order = view === "done" ? [desc(actions.completedAt), desc(actions.id)] : byDueDate;
  const { rows } = listPage({
    list: "actions",
    filters: {
      view,
      ownerId: view === "mine" ? userId : filters.ownerId,
      q: filters.q,
      today: view === "overdue" ? today : undefined,
      page: filters.page,
    },
    table: actions,
    id: actions.id,
    orderBy: order,
    // Each view's rows are read in order through an index that holds only them.
    walkFrom: () => viewCounts({}, userId, today)[view],
    where: (plan) => listCondition(view, filters, userId, today, plan),
    page: (condition, offset) =>
      db
        .select({
          id: actions.id,
          description: actions.description,
          ownerId: actions.ownerId,
          ownerName: users.name,
          dueDate: actions.dueDate,
          status: actions.status,
          source: actions.source,
          sourceId: actions.sourceId,
          lineCode: actions.lineCode,
          completedAt: actions.completedAt,
          completedByName: completer.name,
        })
        .from(actions)
        // Every action has an owner; a left join keeps SQLite reading the actions first, in order.
        .leftJoin(users, eq(users.id, actions.ownerId))
        .leftJoin(completer, eq(completer.id, actions.completedBy))
        .where(condition)
        .orderBy(...order)
        .limit(PAGE_SIZE)
        .offset(offset)
        .all(),
  });
  const originOf = originsOf(rows);
  return {
    rows: rows.map((row) => ({ ...row, from: originOf(row), ...dueState(row.status, row.dueDate, today) })),
    total: counts[view],
    counts,
  };
}

/** People to filter the list by: active users, and anyone who owns an action. */
export function actionOwnerOptions() {
  return cached("action-owner-options", () =>
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(
        or(
          eq(users.active, true),
          inArray(users.id, db.selectDistinct({ id: actions.ownerId }).from(actions)),
        ),
      )
      .orderBy(asc(users.name))
      .all(),
  );
}

/** One action, with its owner's name and where it came from. */
export function getAction(id: number) {
  const row = db
    .select({
      id: actions.id,
      description: actions.description,
      ownerId: actions.ownerId,
      ownerName: users.name,
      ownerActive: users.active,
      dueDate: actions.dueDate,
      status: actions.status,
      source: actions.source,
      sourceId: actions.sourceId,
      lineCode: actions.lineCode,
      completedAt: actions.completedAt,
      completedByName: completer.name,
    })
    .from(actions)
    .innerJoin(users, eq(users.id, actions.ownerId))
    .leftJoin(completer, eq(completer.id, actions.completedBy))
    .where(eq(actions.id, id))
    .get();
  return row ? { ...row, from: originsOf([row])(row) } : undefined;
}

/** An action added on its own, not from a meeting, review or assessment. */
export function createAction(input: ActionInput, actorId: number) {
  return write(
    (tx) =>
      addActions(
        tx,
        [{ description: input.description, ownerId: input.ownerId, dueDate: input.dueDate ?? null }],
        "none",
        null,
        actorId,
      )[0],
  );
}

export function updateAction(id: number, input: ActionInput, actorId: number) {
  return write((tx) => {
    const before = tx
      .select({ description: actions.description, ownerId: actions.ownerId, dueDate: actions.dueDate })
      .from(actions)
      .where(eq(actions.id, id))
      .get();
    if (!before) return false;
    const row = { description: input.description, ownerId: input.ownerId, dueDate: input.dueDate ?? null };
    tx.update(actions)
      .set({ ...row, updatedAt: new Date() })
      .where(eq(actions.id, id))
      .run();
    auditUpdate(tx, actorId, { type: ACTION, id }, before, row);
    return true;
  });
}

/** Nothing refers to an action, so it can always be deleted (after confirmation). */
export function deleteAction(id: number, actorId: number) {
  return write((tx) => {
    const before = tx
      .select({
        description: actions.description,
        ownerId: actions.ownerId,
        dueDate: actions.dueDate,
        status: actions.status,
        source: actions.source,
        sourceId: actions.sourceId,
        lineCode: actions.lineCode,
      })
      .from(actions)
      .where(eq(actions.id, id))
      .get();
    if (!before) return false;
    tx.delete(actions).where(eq(actions.id, id)).run();
    auditDelete(tx, actorId, { type: ACTION, id }, before);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// For the dashboard.

/** A person's open actions, soonest due first, and how many they have in all. */
export function openActionsFor(userId: number, today: string, limit = 5) {
  const condition = and(eq(actions.status, "open"), eq(actions.ownerId, userId));
  const rows = db
    .select({
      id: actions.id,
      description: actions.description,
      dueDate: actions.dueDate,
      status: actions.status,
      source: actions.source,
      sourceId: actions.sourceId,
      lineCode: actions.lineCode,
    })
    .from(actions)
    .where(condition)
    .orderBy(...byDueDate)
    .limit(limit)
    .all();
  const originOf = originsOf(rows);
  return {
    rows: rows.map((row) => ({ ...row, from: originOf(row), ...dueState(row.status, row.dueDate, today) })),
    total: db.select({ n: count() }).from(actions).where(condition).get()!.n,
  };
}

/** Everyone's open actions whose due date has passed, the longest overdue first. */
export function overdueActions(today: string, limit = 5) {
  const condition = and(eq(actions.status, "open"), lt(actions.dueDate, today));
  const rows = db
    .select({
      id: actions.id,
      description: actions.description,
      ownerId: actions.ownerId,
      ownerName: users.name,
      dueDate: actions.dueDate,
      source: actions.source,
      sourceId: actions.sourceId,
      lineCode: actions.lineCode,
    })
    .from(actions)
    .innerJoin(users, eq(users.id, actions.ownerId))
    .where(condition)
    .orderBy(asc(actions.dueDate), asc(actions.id))
    .limit(limit)
    .all();
  const originOf = originsOf(rows);
  return {
    rows: rows.map((row) => ({ ...row, from: originOf(row) })),
    total: db.select({ n: count() }).from(actions).where(condition).get()!.n,
  };
}

// ---------------------------------------------------------------------------------------------
// Dates for the calendar feed and the in-app calendar.

export type CalendarItem = {
  /** Stable across changes of date or wording, so a calendar replaces the event instead of adding one. */
  uid: string;
  kind: "review" | "action";
  /** The partner's id for a review, the action's id for an action. */
  id: number;
  date: string;
  /** "Review: Riverside College" or "Action due: Send the risk assessment". */
  title: string;
  /** The partner's name, or the action's description. */
  subject: string;
  /** Where to go in the app. */
  href: string;
  /** For an action: where it came from, in words. */
  detail: string | null;
  overdue: boolean;
  updatedAt: Date;
};

export const reviewUid = (partnerId: number) => `review-partner-${partnerId}@partnership-tracker`;
export const actionUid = (actionId: number) => `action-${actionId}@partnership-tracker`;

/**
 * The dates still to come or still outstanding: every scheduled partnership review (partners
 * active or paused, reviewed on a cycle) and the user's own open actions with a due date. Never
 * another person's actions. With a range, only the dates within it (both ends included).
 */
export function upcomingDates(
  userId: number,
  today: string,
  range?: { from: string; to: string },
): CalendarItem[] {
  const reviewDates = db
    .select({
      id: partners.id,
      name: partners.name,
      date: partners.nextReviewDate,
      updatedAt: partners.updatedAt,
    })
    .from(partners)
    .where(
      and(
        inArray(partners.status, ["active", "paused"]),
        gt(partners.reviewCadenceMonths, 0),
        isNotNull(partners.nextReviewDate),
        range ? gte(partners.nextReviewDate, range.from) : undefined,
        range ? lte(partners.nextReviewDate, range.to) : undefined,
      ),
    )
    .all();
  const actionDates = db
    .select({
      id: actions.id,
      description: actions.description,
      date: actions.dueDate,
      updatedAt: actions.updatedAt,
      source: actions.source,
      sourceId: actions.sourceId,
      lineCode: actions.lineCode,
    })
    .from(actions)
    .where(
      and(
        eq(actions.ownerId, userId),
        eq(actions.status, "open"),
        isNotNull(actions.dueDate),
        range ? gte(actions.dueDate, range.from) : undefined,
        range ? lte(actions.dueDate, range.to) : undefined,
      ),
    )
    .all();
  const originOf = originsOf(actionDates);
  const items: CalendarItem[] = [
    ...reviewDates.map((r) => ({
      uid: reviewUid(r.id),
      kind: "review" as const,
      id: r.id,
      date: r.date!,
      title: `Review: ${r.name}`,
      subject: r.name,
      href: `/partners/${r.id}`,
      detail: null,
      overdue: r.date! < today,
      updatedAt: r.updatedAt,
    })),
    ...actionDates.map((a) => ({
      uid: actionUid(a.id),
      kind: "action" as const,
      id: a.id,
      date: a.date!,
      title: `Action due: ${a.description}`,
      subject: a.description,
      href: "/actions?view=mine",
      detail: originOf(a)?.label ?? null,
      overdue: a.date! < today,
      updatedAt: a.updatedAt,
    })),
  ];
  return items.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      (a.kind === b.kind ? 0 : a.kind === "review" ? -1 : 1) ||
      a.title.localeCompare(b.title, "en-GB") ||
      a.id - b.id,
  );
}
