import { and, asc, desc, eq, exists, inArray, or, sql, type SQL } from "drizzle-orm";
import {
  benefitOutcomes,
  benefits,
  outcomes as allOutcomes,
  partners,
  projects,
  type Beneficiary,
  type BenefitSource,
  type Outcome,
} from "~db/schema";
import type { BenefitInput } from "~/forms/benefits.server";
import { db, write, type Tx } from "~/utils/db.server";
import type { FieldErrors } from "~/utils/forms.server";
import { outcomeLabels } from "~/utils/labels";
import {
  compare,
  inIds,
  listPage,
  partnerIdsNamed,
  projectIdsTitled,
  type PagePlan,
} from "~/utils/list-page.server";
import { contains, PAGE_SIZE } from "~/utils/list-query.server";
import { auditCreate, auditDelete, auditUpdate, timelineHistory } from "./audit.server";
import { removeEvidenceFor, suggestEvidence } from "./evidence.server";

export const BENEFIT = "benefit";

export type BenefitFilters = {
  q?: string;
  beneficiary?: Beneficiary;
  source?: BenefitSource;
  outcome?: Outcome;
  /** A partner or project chosen by id (the links from their pages). */
  partnerId?: number;
  projectId?: number;
  /** Words in a partner's name, or a project's title, typed in the filter. */
  partner?: string;
  project?: string;
  from?: string;
  to?: string;
  sort: "date" | "beneficiary" | "updated";
  dir?: "asc" | "desc";
  page: number;
};

/** Outcomes always in the framework's order: the five GLOs, then the three GSOs. */
function inFrameworkOrder(list: readonly string[]): Outcome[] {
  return allOutcomes.filter((outcome) => list.includes(outcome));
}

/**
 * The outcomes as the audit trail records them. The labels contain commas ("Enjoyment,
 * inspiration and creativity"), so they are separated by semicolons to stay readable.
 */
function outcomesInWords(list: readonly Outcome[]): string {
  return inFrameworkOrder(list)
    .map((outcome) => outcomeLabels[outcome])
    .join("; ");
}

/** A short name for a benefit, for headings, breadcrumbs and links: its description, cut at a word. */
export function benefitTitle(description: string, max = 80): string {
  const text = description.replace(/\s+/g, " ").trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const atWord = cut.lastIndexOf(" ");
  return `${(atWord > max / 2 ? cut.slice(0, atWord) : cut).replace(/[\s,.;:–-]+$/, "")}…`;
}

function where(filters: BenefitFilters, plan: PagePlan = "gather"): SQL | undefined {
  // Walking the sort order's index, the other indexed columns are checked row by row, and the
  // outcomes through each benefit's own.
  const walk = plan === "walk";
  const byRow = (sort: BenefitFilters["sort"]) => walk && filters.sort !== sort;
  const conditions: (SQL | undefined)[] = [];
  if (filters.q) conditions.push(contains(benefits.description, filters.q));
  if (filters.beneficiary) {
    conditions.push(compare(benefits.beneficiary, "=", filters.beneficiary, byRow("beneficiary")));
  }
  if (filters.source) conditions.push(compare(benefits.source, "=", filters.source, walk));
  if (filters.outcome) {
    conditions.push(
      walk
        ? exists(
            db
              .select({ one: sql`1` })
              .from(benefitOutcomes)
              .where(
                and(eq(benefitOutcomes.benefitId, benefits.id), eq(benefitOutcomes.outcome, filters.outcome)),
              ),
          )
        : inArray(
            benefits.id,
            db
              .select({ id: benefitOutcomes.benefitId })
              .from(benefitOutcomes)
              .where(eq(benefitOutcomes.outcome, filters.outcome)),
          ),
    );
  }
  if (filters.partnerId) conditions.push(compare(benefits.partnerId, "=", filters.partnerId, walk));
  else if (filters.partner)
    conditions.push(inIds(benefits.partnerId, partnerIdsNamed(filters.partner), walk));
  if (filters.projectId) conditions.push(compare(benefits.projectId, "=", filters.projectId, walk));
  else if (filters.project)
    conditions.push(inIds(benefits.projectId, projectIdsTitled(filters.project), walk));
  if (filters.from) conditions.push(compare(benefits.date, ">=", filters.from, byRow("date")));
  if (filters.to) conditions.push(compare(benefits.date, "<=", filters.to, byRow("date")));
  return and(...conditions);
}

/** Dates and changes read newest first unless asked otherwise; who benefits reads A to Z. */
export function defaultDir(sort: BenefitFilters["sort"]): "asc" | "desc" {
  return sort === "beneficiary" ? "asc" : "desc";
}

function orderBy(filters: BenefitFilters) {
  const dir = filters.dir ?? defaultDir(filters.sort);
  const by = dir === "asc" ? asc : desc;
  if (filters.sort === "beneficiary") {
    // Stored values sort as their labels do: organisation, partner, staff, users.
    return [by(benefits.beneficiary), desc(benefits.date), desc(benefits.id)];
  }
  if (filters.sort === "updated") return [by(benefits.updatedAt), by(benefits.id)];
  return [by(benefits.date), by(benefits.id)];
}

/** Each benefit's outcomes, for a page of benefits, in one grouped query. */
function outcomesOf(ids: number[]): Map<number, Outcome[]> {
  const byId = new Map<number, Outcome[]>();
  if (ids.length === 0) return byId;
  const rows = db
    .select({
      benefitId: benefitOutcomes.benefitId,
      list: sql<string>`group_concat(${benefitOutcomes.outcome})`,
    })
    .from(benefitOutcomes)
    .where(inArray(benefitOutcomes.benefitId, ids))
    .groupBy(benefitOutcomes.benefitId)
    .all();
  for (const row of rows) byId.set(row.benefitId, inFrameworkOrder(row.list.split(",")));
  return byId;
}

export function listBenefits(filters: BenefitFilters) {
  const { rows: page, total } = listPage({
    list: "benefits",
    filters,
    table: benefits,
    id: benefits.id,
    orderBy: orderBy(filters),
    where: (plan) => where(filters, plan),
    page: (condition, offset) =>
      db
        .select({
          id: benefits.id,
          date: benefits.date,
          beneficiary: benefits.beneficiary,
          // Enough of the description for a link; the whole text is on the benefit's page.
          description: sql<string>`substr(${benefits.description}, 1, 200)`,
          source: benefits.source,
          partnerId: benefits.partnerId,
          partnerName: partners.name,
          projectId: benefits.projectId,
          projectTitle: projects.title,
          updatedAt: benefits.updatedAt,
        })
        .from(benefits)
        .leftJoin(partners, eq(partners.id, benefits.partnerId))
        .leftJoin(projects, eq(projects.id, benefits.projectId))
        .where(condition)
        .orderBy(...orderBy(filters))
        .limit(PAGE_SIZE)
        .offset(offset)
        .all(),
  });
  const outcomesById = outcomesOf(page.map((row) => row.id));
  const rows = page.map(({ description, ...row }) => ({
    ...row,
    summary: benefitTitle(description, 140),
    outcomes: outcomesById.get(row.id) ?? [],
  }));
  return { rows, total };
}

const exportColumns = {
  id: benefits.id,
  date: benefits.date,
  beneficiary: benefits.beneficiary,
  description: benefits.description,
  partnerName: partners.name,
  projectTitle: projects.title,
  source: benefits.source,
};
export type BenefitExportRow = {
  id: number;
  date: string;
  beneficiary: Beneficiary;
  description: string;
  partnerName: string | null;
  projectTitle: string | null;
  source: BenefitSource;
  /** Outcome labels in the framework's order, joined with "; ". */
  outcomes: string;
};

/** Every benefit the filters match, in list order, a few hundred at a time. */
export function* exportBenefits(filters: BenefitFilters): Generator<BenefitExportRow[]> {
  const ids = db
    .select({ id: benefits.id })
    .from(benefits)
    .where(where(filters))
    .orderBy(...orderBy(filters))
    .all()
    .map((row) => row.id);
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = db
      .select(exportColumns)
      .from(benefits)
      .leftJoin(partners, eq(partners.id, benefits.partnerId))
      .leftJoin(projects, eq(projects.id, benefits.projectId))
      .where(inArray(benefits.id, chunk))
      .all();
    const outcomesById = outcomesOf(chunk);
    const byId = new Map(rows.map((row) => [row.id, row]));
    yield chunk.map((id) => ({
      ...byId.get(id)!,
      outcomes: outcomesInWords(outcomesById.get(id) ?? []),
    }));
  }
}

export function getBenefit(id: number) {
  const benefit = db.select().from(benefits).where(eq(benefits.id, id)).get();
  if (!benefit) return undefined;
  return { ...benefit, outcomes: benefitOutcomeList(db, id) };
}

function benefitOutcomeList(tx: Tx | typeof db, id: number): Outcome[] {
  return inFrameworkOrder(
    tx
      .select({ outcome: benefitOutcomes.outcome })
      .from(benefitOutcomes)
      .where(eq(benefitOutcomes.benefitId, id))
      .all()
      .map((row) => row.outcome),
  );
}

/** Everything shown on a benefit's page, in a handful of queries. */
export function getBenefitPage(id: number) {
  const row = db
    .select({
      benefit: benefits,
      partnerName: partners.name,
      projectTitle: projects.title,
    })
    .from(benefits)
    .leftJoin(partners, eq(partners.id, benefits.partnerId))
    .leftJoin(projects, eq(projects.id, benefits.projectId))
    .where(eq(benefits.id, id))
    .get();
  if (!row) return null;
  const { benefit } = row;
  return {
    benefit,
    title: benefitTitle(benefit.description),
    outcomes: benefitOutcomeList(db, id),
    partner: benefit.partnerId !== null ? { id: benefit.partnerId, name: row.partnerName ?? "" } : null,
    project: benefit.projectId !== null ? { id: benefit.projectId, title: row.projectTitle ?? "" } : null,
    history: timelineHistory({ type: BENEFIT, id }),
  };
}

/**
 * Projects for a select list: those planned or active, plus any already chosen. (Kept here, small,
 * rather than in the projects model, so the benefit form depends only on the projects table.)
 */
export function projectChoices(include: (number | null | undefined)[] = []) {
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

/** The partner's name, or undefined when there is no such partner. */
export function partnerNameOf(id: number) {
  return db.select({ name: partners.name }).from(partners).where(eq(partners.id, id)).get()?.name;
}

/** The project's title, or undefined when there is no such project. */
export function projectTitleOf(id: number) {
  return db.select({ title: projects.title }).from(projects).where(eq(projects.id, id)).get()?.title;
}

/**
 * A chosen partner or project that does not exist (deleted since the form was shown, or an
 * address typed by hand), as field messages; null when both are fine.
 */
export function benefitLinkErrors(input: { partnerId?: number; projectId?: number }): FieldErrors | null {
  const errors: FieldErrors = {};
  if (input.partnerId !== undefined && partnerNameOf(input.partnerId) === undefined) {
    errors.partnerId = ["Choose a partner from the list."];
  }
  if (input.projectId !== undefined && projectTitleOf(input.projectId) === undefined) {
    errors.projectId = ["Choose a project from the list."];
  }
  return Object.keys(errors).length > 0 ? errors : null;
}

function values(input: BenefitInput) {
  return {
    beneficiary: input.beneficiary,
    description: input.description,
    date: input.date,
    partnerId: input.partnerId ?? null,
    projectId: input.projectId ?? null,
    source: input.source,
  };
}

function replaceOutcomes(tx: Tx, id: number, list: readonly Outcome[]) {
  tx.delete(benefitOutcomes).where(eq(benefitOutcomes.benefitId, id)).run();
  const chosen = inFrameworkOrder(list);
  if (chosen.length > 0) {
    tx.insert(benefitOutcomes)
      .values(chosen.map((outcome) => ({ benefitId: id, outcome })))
      .run();
  }
}

export function createBenefit(input: BenefitInput, actorId: number) {
  return write((tx) => {
    const row = values(input);
    const { id } = tx.insert(benefits).values(row).returning({ id: benefits.id }).get();
    replaceOutcomes(tx, id, input.outcomes);
    auditCreate(tx, actorId, { type: BENEFIT, id }, { ...row, outcomes: outcomesInWords(input.outcomes) });
    suggestEvidence(tx, { type: BENEFIT, id });
    return id;
  });
}

export function updateBenefit(id: number, input: BenefitInput, actorId: number) {
  return write((tx) => {
    const before = tx.select().from(benefits).where(eq(benefits.id, id)).get();
    if (!before) return false;
    const outcomesBefore = outcomesInWords(benefitOutcomeList(tx, id));
    const row = values(input);
    tx.update(benefits)
      .set({ ...row, updatedAt: new Date() })
      .where(eq(benefits.id, id))
      .run();
    replaceOutcomes(tx, id, input.outcomes);
    auditUpdate(
      tx,
      actorId,
      { type: BENEFIT, id },
      { ...before, outcomes: outcomesBefore },
      { ...row, outcomes: outcomesInWords(input.outcomes) },
    );
    suggestEvidence(tx, { type: BENEFIT, id });
    return true;
  });
}

/** Nothing refers to a benefit, so its deletion is confirmed, never refused. */
export function benefitDependants(_id: number): string[] {
  return [];
}

export function deleteBenefit(id: number, actorId: number) {
  return write((tx) => {
    const before = tx.select().from(benefits).where(eq(benefits.id, id)).get();
    if (!before) return false;
    const outcomesBefore = outcomesInWords(benefitOutcomeList(tx, id));
    // The outcome tags go with it (ON DELETE CASCADE); the audit keeps them in words.
    tx.delete(benefits).where(eq(benefits.id, id)).run();
    removeEvidenceFor(tx, { type: BENEFIT, id });
    auditDelete(tx, actorId, { type: BENEFIT, id }, { ...before, outcomes: outcomesBefore });
    return true;
  });
}
