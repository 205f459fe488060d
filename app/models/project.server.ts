import { and, asc, count, desc, eq, exists, inArray, or, sql, sum, type SQL } from "drizzle-orm";
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
  contributors,
  fundingLines,
  partners,
  projectContributors,
  projectPartners,
  projects,
  projectVolunteers,
  userGroups,
  volunteers,
  type FundingStatus,
  type ProjectPartnerRole,
  type ProjectStatus,
} from "~db/schema";
import type { NewProjectInput, ProjectInput } from "~/forms/projects.server";
import { db, write, type Tx } from "~/utils/db.server";
import { projectPartnerRoleLabels } from "~/utils/labels";
import { compare, inIds, listPage, partnerIdsNamed, type PagePlan } from "~/utils/list-page.server";
import { contains, PAGE_SIZE } from "~/utils/list-query.server";
import { auditCreate, auditDelete, auditUpdate, timelineHistory } from "./audit.server";
import { removeEvidenceFor, suggestEvidence } from "./evidence.server";

export const PROJECT = "project";
export const FUNDING = "funding";
export const USER_GROUP = "user_group";

/** Read through the open transaction when there is one, or the connection when there is not. */
export type Reader = typeof db | Tx;

/**
 * A change to a project's links that cannot be made (a duplicate, a record that does not exist),
 * with the form field the message belongs beside.
 */
export class LinkRefused extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export type ProjectFilters = {
  q?: string;
  status?: ProjectStatus;
  /** A partner chosen by id (the link from a partner's page). */
  partnerId?: number;
  /** Words in a partner's name, typed in the filter. */
  partner?: string;
  startedFrom?: string;
  startedTo?: string;
  sort: "title" | "status" | "start" | "updated";
  dir?: "asc" | "desc";
  page: number;
};

function where(filters: ProjectFilters, plan: PagePlan = "gather"): SQL | undefined {
  // Walking the sort order's index, the other indexed columns are checked row by row, and the
  // partners through each project's own links.
  const walk = plan === "walk";
  const byRow = (sort: ProjectFilters["sort"]) => walk && filters.sort !== sort;
  const conditions: (SQL | undefined)[] = [];
  if (filters.q) {
    conditions.push(or(contains(projects.title, filters.q), contains(projects.description, filters.q)));
  }
  if (filters.status) conditions.push(compare(projects.status, "=", filters.status, byRow("status")));
  const partnerIds =
    filters.partnerId !== undefined
      ? [filters.partnerId]
      : filters.partner
        ? partnerIdsNamed(filters.partner)
        : null;
  if (partnerIds) {
    conditions.push(
      walk
        ? exists(
            db
              .select({ one: sql`1` })
              .from(projectPartners)
              .where(
                and(
                  eq(projectPartners.projectId, projects.id),
                  inIds(projectPartners.partnerId, partnerIds, true),
                ),
              ),
          )
        : inArray(
            projects.id,
            db
              .select({ id: projectPartners.projectId })
              .from(projectPartners)
              .where(inIds(projectPartners.partnerId, partnerIds)),
          ),
    );
  }
  if (filters.startedFrom) {
    conditions.push(compare(projects.startDate, ">=", filters.startedFrom, byRow("start")));
  }
  if (filters.startedTo)
    conditions.push(compare(projects.startDate, "<=", filters.startedTo, byRow("start")));
  return and(...conditions);
}

const sortColumns = {
  title: projects.title,
  status: projects.status,
  start: projects.startDate,
  updated: projects.updatedAt,
} as const;

function orderBy(filters: ProjectFilters) {
  const dir = filters.dir ?? (filters.sort === "updated" ? "desc" : "asc");
  const column = sortColumns[filters.sort];
  return [dir === "asc" ? asc(column) : desc(column), asc(projects.id)];
}

// ---------------------------------------------------------------------------------------------
// Partner links, in the order they were added (the lead is usually first).

export type PartnerLink = { partnerId: number; name: string; role: ProjectPartnerRole };

/** Each project's partners with their roles, for many projects in one query. */
export function partnerLinksOf(reader: Reader, projectIds: number[]): Map<number, PartnerLink[]> {
  const byProject = new Map<number, PartnerLink[]>();
  if (projectIds.length === 0) return byProject;
  const rows = reader
    .select({
      projectId: projectPartners.projectId,
      partnerId: projectPartners.partnerId,
      name: partners.name,
      role: projectPartners.role,
    })
    .from(projectPartners)
    .innerJoin(partners, eq(partners.id, projectPartners.partnerId))
    .where(inArray(projectPartners.projectId, projectIds))
    .orderBy(sql`${projectPartners}.rowid`)
    .all();
  for (const { projectId, ...link } of rows) {
    if (!byProject.has(projectId)) byProject.set(projectId, []);
    byProject.get(projectId)!.push(link);
  }
  return byProject;
}

/** "Riverside College (lead), Eastbridge Library (host)"; null when there are none. */
export function describePartnerLinks(links: PartnerLink[], separator = ", "): string | null {
  if (links.length === 0) return null;
  return links
    .map((link) => `${link.name} (${projectPartnerRoleLabels[link.role].toLowerCase()})`)
    .join(separator);
}

/** Secured (or other status) funding per project, in pence, for many projects in one query. */
function fundingTotalsOf(projectIds: number[]) {
  const totals = new Map<number, Record<FundingStatus, number>>();
  if (projectIds.length === 0) return totals;
  const rows = db
    .select({
      projectId: fundingLines.projectId,
      status: fundingLines.status,
      pence: sum(fundingLines.amountPence),
    })
    .from(fundingLines)
    .where(inArray(fundingLines.projectId, projectIds))
    .groupBy(fundingLines.projectId, fundingLines.status)
    .all();
  for (const row of rows) {
    if (!totals.has(row.projectId)) totals.set(row.projectId, { pending: 0, secured: 0, declined: 0 });
    totals.get(row.projectId)![row.status] = Number(row.pence ?? 0);
  }
  return totals;
}

const listColumns = {
  id: projects.id,
  title: projects.title,
  status: projects.status,
  startDate: projects.startDate,
  endDate: projects.endDate,
  updatedAt: projects.updatedAt,
};

export function listProjects(filters: ProjectFilters) {
  const { rows: page, total } = listPage({
    list: "projects",
    filters,
    table: projects,
    id: projects.id,
    orderBy: orderBy(filters),
    where: (plan) => where(filters, plan),
    page: (condition, offset) =>
      db
        .select(listColumns)
        .from(projects)
        .where(condition)
        .orderBy(...orderBy(filters))
        .limit(PAGE_SIZE)
        .offset(offset)
        .all(),
  });
  const ids = page.map((row) => row.id);
  const links = partnerLinksOf(db, ids);
  const funding = fundingTotalsOf(ids);
  const rows = page.map((row) => ({
    ...row,
    partners: (links.get(row.id) ?? []).map((link) => ({ id: link.partnerId, name: link.name })),
    securedPence: funding.get(row.id)?.secured ?? 0,
  }));
  return { rows, total };
}

const exportColumns = {
  id: projects.id,
  title: projects.title,
  description: projects.description,
  status: projects.status,
  startDate: projects.startDate,
  endDate: projects.endDate,
  learningOpportunities: projects.learningOpportunities,
  audienceResearchShared: projects.audienceResearchShared,
  notes: projects.notes,
};
export type ProjectExportRow = {
  [K in keyof typeof exportColumns]: (typeof projects.$inferSelect)[K];
} & {
  partners: string | null;
  securedPence: number;
  pendingPence: number;
  usersReached: number;
  newUsersReached: number;
};

/** People reached per project: all of them, and those new to us or infrequent users. */
function reachOf(projectIds: number[]) {
  const reach = new Map<number, { all: number; newOrInfrequent: number }>();
  if (projectIds.length === 0) return reach;
  const rows = db
    .select({
      projectId: userGroups.projectId,
      all: sum(userGroups.number),
      newOrInfrequent: sql<
        number | null
      >`sum(case when ${userGroups.newOrInfrequent} then ${userGroups.number} else 0 end)`,
    })
    .from(userGroups)
    .where(inArray(userGroups.projectId, projectIds))
    .groupBy(userGroups.projectId)
    .all();
  for (const row of rows) {
    reach.set(row.projectId, {
      all: Number(row.all ?? 0),
      newOrInfrequent: Number(row.newOrInfrequent ?? 0),
    });
  }
  return reach;
}

/** Every project the filters match, in list order, a few hundred at a time, with its totals. */
export function* exportProjects(filters: ProjectFilters): Generator<ProjectExportRow[]> {
  const ids = db
    .select({ id: projects.id })
    .from(projects)
    .where(where(filters))
    .orderBy(...orderBy(filters))
    .all()
    .map((row) => row.id);
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = db.select(exportColumns).from(projects).where(inArray(projects.id, chunk)).all();
    const byId = new Map(rows.map((row) => [row.id, row]));
    const links = partnerLinksOf(db, chunk);
    const funding = fundingTotalsOf(chunk);
    const reach = reachOf(chunk);
    yield chunk.map((id) => ({
      ...byId.get(id)!,
      partners: describePartnerLinks(links.get(id) ?? [], "; "),
      securedPence: funding.get(id)?.secured ?? 0,
      pendingPence: funding.get(id)?.pending ?? 0,
      usersReached: reach.get(id)?.all ?? 0,
      newUsersReached: reach.get(id)?.newOrInfrequent ?? 0,
    }));
  }
}

export function getProject(id: number) {
  return db.select().from(projects).where(eq(projects.id, id)).get();
}

/** Everything shown on a project's page, in a handful of queries. */
export function getProjectPage(id: number) {
  const project = getProject(id);
  if (!project) return null;
  const funding = db
    .select({
      id: fundingLines.id,
      source: fundingLines.source,
      amountPence: fundingLines.amountPence,
      status: fundingLines.status,
      date: fundingLines.date,
    })
    .from(fundingLines)
    .where(eq(fundingLines.projectId, id))
    .orderBy(asc(fundingLines.date), asc(fundingLines.id))
    .all();
  const fundingTotals: Record<FundingStatus, number> = { pending: 0, secured: 0, declined: 0 };
  for (const line of funding) fundingTotals[line.status] += line.amountPence;
  const groups = db
    .select({
      id: userGroups.id,
      description: userGroups.description,
      number: userGroups.number,
      newOrInfrequent: userGroups.newOrInfrequent,
    })
    .from(userGroups)
    .where(eq(userGroups.projectId, id))
    .orderBy(asc(userGroups.id))
    .all();
  const groupTotals = { groups: groups.length, people: 0, newOrInfrequent: 0 };
  for (const group of groups) {
    groupTotals.people += group.number ?? 0;
    if (group.newOrInfrequent) groupTotals.newOrInfrequent += group.number ?? 0;
  }
  return {
    project,
    partners: partnerLinksOf(db, [id]).get(id) ?? [],
    contributors: db
      .select({ id: contributors.id, name: contributors.name, kind: contributors.kind })
      .from(projectContributors)
      .innerJoin(contributors, eq(contributors.id, projectContributors.contributorId))
      .where(eq(projectContributors.projectId, id))
      .orderBy(asc(contributors.name))
      .all(),
    volunteers: db
      .select({ id: volunteers.id, name: volunteers.name, programme: volunteers.programme })
      .from(projectVolunteers)
      .innerJoin(volunteers, eq(volunteers.id, projectVolunteers.volunteerId))
      .where(eq(projectVolunteers.projectId, id))
      .orderBy(asc(volunteers.name))
      .all(),
    funding,
    fundingTotals,
    userGroups: groups,
    groupTotals,
    benefits: db
      .select({
        id: benefits.id,
        beneficiary: benefits.beneficiary,
        description: benefits.description,
        date: benefits.date,
      })
      .from(benefits)
      .where(eq(benefits.projectId, id))
      .orderBy(desc(benefits.date))
      .all(),
    history: timelineHistory({ type: PROJECT, id }),
  };
}

/** Projects for a select list elsewhere: those planned or active, plus any already chosen. */
export function projectOptions(include: (number | null | undefined)[] = []) {
  const chosen = include.filter((id): id is number => typeof id === "number");
  return db
    .select({ id: projects.id, title: projects.title })
    .from(projects)
    .where(
      or(
        inArray(projects.status, ["planned", "active"]),
        chosen.length ? inArray(projects.id, chosen) : undefined,
      ),
    )
    .orderBy(asc(projects.title), asc(projects.id))
    .all();
}

/**
 * Re-runs the evidence suggestions for a project and for its funding lines and user groups, whose
 * rules read the project's facts (its partners, funding, groups), inside the changing transaction.
 */
export function refreshProjectEvidence(tx: Tx, projectId: number) {
  suggestEvidence(tx, { type: PROJECT, id: projectId });
  const lines = tx
    .select({ id: fundingLines.id })
    .from(fundingLines)
    .where(eq(fundingLines.projectId, projectId))
    .all();
  for (const { id } of lines) suggestEvidence(tx, { type: FUNDING, id });
  const groups = tx
    .select({ id: userGroups.id })
    .from(userGroups)
    .where(eq(userGroups.projectId, projectId))
    .all();
  for (const { id } of groups) suggestEvidence(tx, { type: USER_GROUP, id });
}

function values(input: ProjectInput) {
  return {
    title: input.title,
    description: input.description ?? null,
    status: input.status,
    startDate: input.startDate ?? null,
    endDate: input.endDate ?? null,
    learningOpportunities: input.learningOpportunities ?? null,
    audienceResearchShared: input.audienceResearchShared,
    notes: input.notes ?? null,
  };
}

/** Adds a project and, when one is chosen, its first partner with their role, in one transaction. */
export function createProject(input: NewProjectInput, actorId: number) {
  return write((tx) => {
    const row = values(input);
    let firstPartner: PartnerLink | null = null;
    if (input.firstPartnerId && input.firstPartnerRole) {
      const partner = tx
        .select({ id: partners.id, name: partners.name })
        .from(partners)
        .where(eq(partners.id, input.firstPartnerId))
        .get();
      if (!partner) throw new LinkRefused("firstPartnerId", "Choose a partner from the list.");
      firstPartner = { partnerId: partner.id, name: partner.name, role: input.firstPartnerRole };
    }
    const { id } = tx.insert(projects).values(row).returning({ id: projects.id }).get();
    if (firstPartner) {
      tx.insert(projectPartners)
        .values({ projectId: id, partnerId: firstPartner.partnerId, role: firstPartner.role })
        .run();
    }
    auditCreate(
      tx,
      actorId,
      { type: PROJECT, id },
      {
        ...row,
        partners: firstPartner ? describePartnerLinks([firstPartner]) : null,
      },
    );
    refreshProjectEvidence(tx, id);
    return id;
  });
}

export function updateProject(id: number, input: ProjectInput, actorId: number) {
  return write((tx) => {
    const before = tx.select().from(projects).where(eq(projects.id, id)).get();
    if (!before) return false;
    const row = values(input);
    tx.update(projects)
      .set({ ...row, updatedAt: new Date() })
      .where(eq(projects.id, id))
      .run();
    auditUpdate(tx, actorId, { type: PROJECT, id }, before, row);
    refreshProjectEvidence(tx, id);
    return true;
  });
}

function plural(n: number, noun: string) {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** What still refers to a project, in words, so a refused deletion can explain itself. */
export function projectDependants(id: number): string[] {
  const n = db.select({ n: count() }).from(benefits).where(eq(benefits.projectId, id)).get()!.n;
  return dependantsInWords([
    [n, "benefit"],
    [meetingsAboutProject(id), "meeting"],
    ...feedbackDependants({ projectId: id }),
  ]);
}

/** What belongs to a project and goes with it when it is deleted, in words. */
export function projectParts(id: number): string[] {
  const counted = (table: typeof projectPartners | typeof projectContributors | typeof projectVolunteers) =>
    db.select({ n: count() }).from(table).where(eq(table.projectId, id)).get()!.n;
  const parts: [number, string][] = [
    [counted(projectPartners), "partner link"],
    [counted(projectContributors), "contributor link"],
    [counted(projectVolunteers), "volunteer link"],
    [
      db.select({ n: count() }).from(fundingLines).where(eq(fundingLines.projectId, id)).get()!.n,
      "funding line",
    ],
    [db.select({ n: count() }).from(userGroups).where(eq(userGroups.projectId, id)).get()!.n, "user group"],
  ];
  return parts.filter(([n]) => n > 0).map(([n, noun]) => plural(n, noun));
}

/** Deletes a project with what belongs to it; each funding line and user group leaves its own audit entry. */
export function deleteProject(id: number, actorId: number) {
  return write((tx) => {
    const before = tx.select().from(projects).where(eq(projects.id, id)).get();
    if (!before) return false;
    const links = linkSummaries(tx, id);
    for (const line of tx.select().from(fundingLines).where(eq(fundingLines.projectId, id)).all()) {
      removeEvidenceFor(tx, { type: FUNDING, id: line.id });
      auditDelete(tx, actorId, { type: FUNDING, id: line.id }, line);
    }
    for (const group of tx.select().from(userGroups).where(eq(userGroups.projectId, id)).all()) {
      removeEvidenceFor(tx, { type: USER_GROUP, id: group.id });
      auditDelete(tx, actorId, { type: USER_GROUP, id: group.id }, group);
    }
    tx.delete(projects).where(eq(projects.id, id)).run();
    removeEvidenceFor(tx, { type: PROJECT, id });
    auditDelete(tx, actorId, { type: PROJECT, id }, { ...before, ...links });
    return true;
  });
}

/** A project's partners, contributors and volunteers as readable lists, as the audit trail records them. */
export function linkSummaries(reader: Reader, id: number) {
  const names = (rows: { name: string }[]) => (rows.length ? rows.map((r) => r.name).join(", ") : null);
  return {
    partners: describePartnerLinks(partnerLinksOf(reader, [id]).get(id) ?? []),
    contributors: names(
      reader
        .select({ name: contributors.name })
        .from(projectContributors)
        .innerJoin(contributors, eq(contributors.id, projectContributors.contributorId))
        .where(eq(projectContributors.projectId, id))
        .orderBy(sql`${projectContributors}.rowid`)
        .all(),
    ),
    volunteers: names(
      reader
        .select({ name: volunteers.name })
        .from(projectVolunteers)
        .innerJoin(volunteers, eq(volunteers.id, projectVolunteers.volunteerId))
        .where(eq(projectVolunteers.projectId, id))
        .orderBy(sql`${projectVolunteers}.rowid`)
        .all(),
    ),
  };
}
