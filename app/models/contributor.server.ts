import { and, asc, count, desc, eq, inArray, or, type SQL } from "drizzle-orm";
import { eraseMonitoringFor } from "./monitoring.server";
import {
  dependantsInWords,
  meetingsAboutProject,
  meetingsAttended,
  meetingsWithPartner,
  reviewsOfPartner,
} from "./dependants.server";
import { contributors, partners, projectContributors, projects, type ContributorKind } from "~db/schema";
import type { ContributorInput } from "~/forms/contributors.server";
import { todayIso } from "~/utils/dates";
import { db, write } from "~/utils/db.server";
import { compare, inIds, listPage, missing, partnerIdsNamed, type PagePlan } from "~/utils/list-page.server";
import { contains, PAGE_SIZE } from "~/utils/list-query.server";
import { auditCreate, auditDelete, auditUpdate, timelineHistory } from "./audit.server";
import { removeEvidenceFor, suggestEvidence } from "./evidence.server";

export const CONTRIBUTOR = "contributor";

export type ContributorFilters = {
  q?: string;
  kind?: ContributorKind;
  /** A partner chosen by id (the link from a partner's page). */
  partnerId?: number;
  /** Words in the partner's name, typed in the filter. */
  partner?: string;
  active?: "yes" | "no";
  sort: "name" | "kind" | "activeFrom" | "updated";
  dir?: "asc" | "desc";
  page: number;
};

/** Active now: started on or before today, and not yet finished (no end date, or ends today or later). */
export function isActiveOn(
  contributor: { activeFrom: string | null; activeTo: string | null },
  today: string,
): boolean {
  return (
    contributor.activeFrom !== null &&
    contributor.activeFrom <= today &&
    (contributor.activeTo === null || contributor.activeTo >= today)
  );
}

function where(filters: ContributorFilters, today: string, plan: PagePlan = "gather"): SQL | undefined {
  // Walking the sort order's index, the other indexed columns are checked row by row.
  const walk = plan === "walk";
  const byRow = (sort: ContributorFilters["sort"]) => walk && filters.sort !== sort;
  const conditions: (SQL | undefined)[] = [];
  if (filters.q) {
    conditions.push(or(contains(contributors.name, filters.q), contains(contributors.skills, filters.q)));
  }
  if (filters.kind) conditions.push(compare(contributors.kind, "=", filters.kind, byRow("kind")));
  if (filters.partnerId !== undefined) {
    conditions.push(compare(contributors.partnerId, "=", filters.partnerId, walk));
  } else if (filters.partner) {
    conditions.push(inIds(contributors.partnerId, partnerIdsNamed(filters.partner), walk));
  }
  if (filters.active === "yes") {
    conditions.push(
      and(
        compare(contributors.activeFrom, "<=", today, byRow("activeFrom")),
        or(missing(contributors.activeTo, walk), compare(contributors.activeTo, ">=", today, walk)),
      ),
    );
  }
  if (filters.active === "no") {
    // Spelled out rather than NOT(active), because NOT of a NULL comparison is NULL, not true.
    conditions.push(
      or(
        missing(contributors.activeFrom, walk),
        compare(contributors.activeFrom, ">", today, walk),
        compare(contributors.activeTo, "<", today, walk),
      ),
    );
  }
  return and(...conditions);
}

const sortColumns = {
  name: contributors.name,
  kind: contributors.kind,
  activeFrom: contributors.activeFrom,
  updated: contributors.updatedAt,
} as const;

function orderBy(filters: ContributorFilters) {
  const dir = filters.dir ?? (filters.sort === "updated" ? "desc" : "asc");
  const column = sortColumns[filters.sort];
  return [dir === "asc" ? asc(column) : desc(column), asc(contributors.id)];
}

const listColumns = {
  id: contributors.id,
  name: contributors.name,
  kind: contributors.kind,
  partnerId: contributors.partnerId,
  partnerName: partners.name,
  skills: contributors.skills,
  activeFrom: contributors.activeFrom,
  activeTo: contributors.activeTo,
  updatedAt: contributors.updatedAt,
};

export function listContributors(filters: ContributorFilters, today = todayIso()) {
  const { rows: page, total } = listPage({
    list: "contributors",
    // "Active now" depends on the day.
    filters: { ...filters, today: filters.active ? today : undefined },
    table: contributors,
    id: contributors.id,
    orderBy: orderBy(filters),
    where: (plan) => where(filters, today, plan),
    page: (condition, offset) =>
      db
        .select(listColumns)
        .from(contributors)
        .leftJoin(partners, eq(partners.id, contributors.partnerId))
        .where(condition)
        .orderBy(...orderBy(filters))
        .limit(PAGE_SIZE)
        .offset(offset)
        .all(),
  });
  const projectCounts = new Map<number, number>();
  if (page.length > 0) {
    const counts = db
      .select({ id: projectContributors.contributorId, n: count() })
      .from(projectContributors)
      .where(
        inArray(
          projectContributors.contributorId,
          page.map((row) => row.id),
        ),
      )
      .groupBy(projectContributors.contributorId)
      .all();
    for (const row of counts) projectCounts.set(row.id, row.n);
  }
  const rows = page.map((row) => ({
    ...row,
    activeNow: isActiveOn(row, today),
    projectCount: projectCounts.get(row.id) ?? 0,
  }));
  return { rows, total };
}

const exportColumns = {
  id: contributors.id,
  name: contributors.name,
  kind: contributors.kind,
  partnerName: partners.name,
  skills: contributors.skills,
  email: contributors.email,
  phone: contributors.phone,
  website: contributors.website,
  activeFrom: contributors.activeFrom,
  activeTo: contributors.activeTo,
  notes: contributors.notes,
};
export type ContributorExportRow = {
  [K in Exclude<keyof typeof exportColumns, "partnerName">]: (typeof contributors.$inferSelect)[K];
} & { partnerName: string | null };

/** Every contributor the filters match, in list order, a few hundred at a time. */
export function* exportContributors(
  filters: ContributorFilters,
  today = todayIso(),
): Generator<ContributorExportRow[]> {
  const ids = db
    .select({ id: contributors.id })
    .from(contributors)
    .where(where(filters, today))
    .orderBy(...orderBy(filters))
    .all()
    .map((row) => row.id);
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = db
      .select(exportColumns)
      .from(contributors)
      .leftJoin(partners, eq(partners.id, contributors.partnerId))
      .where(inArray(contributors.id, chunk))
      .all();
    const byId = new Map(rows.map((row) => [row.id, row]));
    yield chunk.map((id) => byId.get(id)!);
  }
}

export function getContributor(id: number) {
  return db.select().from(contributors).where(eq(contributors.id, id)).get();
}

/** Everything shown on a contributor's page, in a handful of queries. */
export function getContributorPage(id: number, today = todayIso()) {
  const contributor = getContributor(id);
  if (!contributor) return null;
  const partner =
    contributor.partnerId === null
      ? null
      : (db
          .select({ id: partners.id, name: partners.name, status: partners.status })
          .from(partners)
          .where(eq(partners.id, contributor.partnerId))
          .get() ?? null);
  return {
    contributor,
    activeNow: isActiveOn(contributor, today),
    partner,
    projects: db
      .select({
        id: projects.id,
        title: projects.title,
        status: projects.status,
        startDate: projects.startDate,
        endDate: projects.endDate,
      })
      .from(projectContributors)
      .innerJoin(projects, eq(projects.id, projectContributors.projectId))
      .where(eq(projectContributors.contributorId, id))
      .orderBy(desc(projects.startDate), asc(projects.title))
      .all(),
    history: timelineHistory({ type: CONTRIBUTOR, id }),
  };
}

/** The columns a contributor form's values are stored in (the import stores rows the same way). */
export function contributorValues(input: ContributorInput) {
  return {
    name: input.name,
    kind: input.kind,
    partnerId: input.partnerId ?? null,
    skills: input.skills ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    website: input.website ?? null,
    activeFrom: input.activeFrom ?? null,
    activeTo: input.activeTo ?? null,
    notes: input.notes ?? null,
  };
}

export function createContributor(input: ContributorInput, actorId: number) {
  return write((tx) => {
    const row = contributorValues(input);
    const { id } = tx.insert(contributors).values(row).returning({ id: contributors.id }).get();
    auditCreate(tx, actorId, { type: CONTRIBUTOR, id }, row);
    suggestEvidence(tx, { type: CONTRIBUTOR, id });
    return id;
  });
}

export function updateContributor(id: number, input: ContributorInput, actorId: number) {
  return write((tx) => {
    const before = tx.select().from(contributors).where(eq(contributors.id, id)).get();
    if (!before) return false;
    const row = contributorValues(input);
    tx.update(contributors)
      .set({ ...row, updatedAt: new Date() })
      .where(eq(contributors.id, id))
      .run();
    auditUpdate(tx, actorId, { type: CONTRIBUTOR, id }, before, row);
    suggestEvidence(tx, { type: CONTRIBUTOR, id });
    return true;
  });
}

/** What still refers to a contributor, in words, so a refused deletion can explain itself. */
export function contributorDependants(id: number): string[] {
  const projectCount = db
    .select({ n: count() })
    .from(projectContributors)
    .where(eq(projectContributors.contributorId, id))
    .get()!.n;
  return dependantsInWords([
    [projectCount, "project"],
    [meetingsAttended("contributor", id), "meeting"],
  ]);
}

export function deleteContributor(id: number, actorId: number) {
  return write((tx) => {
    const before = tx.select().from(contributors).where(eq(contributors.id, id)).get();
    if (!before) return false;
    tx.delete(contributors).where(eq(contributors.id, id)).run();
    removeEvidenceFor(tx, { type: CONTRIBUTOR, id });
    eraseMonitoringFor(tx, { type: "contributor", id }, actorId);
    auditDelete(tx, actorId, { type: CONTRIBUTOR, id }, before);
    return true;
  });
}
