import { and, count, eq, inArray, isNull, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { z } from "zod";
import { partners, projects } from "~db/schema";
import { cached } from "./cache.server";
import { todayIso } from "./dates";
import { db } from "./db.server";
import { contains, offsetOf, PAGE_SIZE } from "./list-query.server";

/**
 * List pages at the size of a large organisation (docs/decisions/005-list-performance.md). A list
 * page is one page of rows and how many match, whatever the size of the table:
 * - what matches the filters is worked out once and kept until the data changes (any write
 *   clears the cache, see cache.server.ts): how many rows, and, when there are few, which ones;
 * - few matching rows are then read by id and sorted; many are found by walking the sort order's
 *   index, checking each row, and stopping once the page is full;
 * - partner and project filters are words typed, matched against names, never a select list.
 */

/**
 * A list's page as a loader returns it, kept until the data changes or the day turns: staff open
 * the same first pages all day, and any write clears the cache (cache.server.ts). `inputs` is
 * everything the page depends on: the filters, and the person where the list is theirs.
 */
export function cachedList<T>(list: string, inputs: unknown, compute: () => T): T {
  return cached(`list:${list}:${todayIso()}:${JSON.stringify(inputs)}`, compute);
}

// ---------------------------------------------------------------------------------------------
// What matches

/** Query-string keys that change the page or its order, not which rows match. */
const NOT_FILTERS = new Set(["sort", "dir", "page"]);

/** The filters that change which rows match, as a stable key: the same filters in any order. */
function filterKey(filters: Record<string, unknown>) {
  return JSON.stringify(
    Object.keys(filters)
      .filter((key) => !NOT_FILTERS.has(key) && filters[key] !== undefined && filters[key] !== "")
      .sort()
      .map((key) => [key, filters[key]]),
  );
}

/**
 * Up to this many matching rows are kept by id and sorted for each page. With more, walking the
 * sort order's index finds the first page within about 25 × all ÷ this many rows read.
 */
export const FEW_ROWS = 2_000;

/** How many rows match, and which ones when there are at most `FEW_ROWS`. */
type Matching = { total: number; ids: number[] | null };

/**
 * What matches a list's filters, kept until the data changes. The ids are read first, stopping
 * after `FEW_ROWS`; only when there are more are they counted (through an index where a filter
 * has one).
 */
function cachedMatching(
  list: string,
  key: string,
  query: { ids: (limit: number) => number[]; count: () => number },
): Matching {
  return cached(`matching:${list}:${key}`, () => {
    const ids = query.ids(FEW_ROWS + 1);
    return ids.length <= FEW_ROWS ? { total: ids.length, ids } : { total: query.count(), ids: null };
  });
}

// ---------------------------------------------------------------------------------------------
// Finding a page

/**
 * How the filters are written for a query.
 * - "walk": walking the sort order's index, each row read is checked: other indexed columns are
 *   compared row by row (see `compare`) and links are looked up by the row's own id (EXISTS).
 * - "gather": the filters' own indexes lead (IN lists, plain comparisons): for counting, for the
 *   matching ids, for exports, and for a page deep in a long list.
 */
export type PagePlan = "walk" | "gather";

/** Rows with one of these ids: one bound value, read as a list by SQLite (`json_each`). */
function idIn(column: AnyColumn, ids: readonly number[]): SQL {
  return sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;
}

/**
 * One page of a list and how many rows match. With no filters, or when many rows match, the sort
 * order's index is walked from the top (about (offset + 25) × all ÷ matching rows read); with few
 * matches, their ids are sorted once (kept until the data changes) and each page reads 25 by id;
 * for a page deep in a long list, every match is gathered through the filters' own indexes. No
 * query at all for a page past the end.
 */
export function listPage<Row>(options: {
  /** Names the list in the cache: "meetings". */
  list: string;
  table: SQLiteTable;
  /** The table's id column (its rowid). */
  id: SQLiteColumn;
  filters: Record<string, unknown> & { page: number; sort?: string; dir?: string };
  /** The filters, written for a plan. */
  where: (plan: PagePlan) => SQL | undefined;
  /** The list's order, on the table's own columns. */
  orderBy: (SQLiteColumn | SQL)[];
  /**
   * How many rows a walk reads through when no filter is checked row by row, when fewer than
   * the whole table: for actions, the view (its index holds only that view's rows, in order).
   */
  walkFrom?: () => number;
  /** One page of rows matching a condition, in the list's order, from `offset`. */
  page: (condition: SQL | undefined, offset: number) => Row[];
}): { rows: Row[]; total: number } {
  const { list, table, id, filters } = options;
  const all = cached(`matching:${list}:all`, () => db.select({ n: count() }).from(table).get()!.n);
  const key = filterKey(filters);
  const filtered = key !== "[]";
  const { total, ids } = filtered
    ? cachedMatching(list, key, {
        ids: (limit) =>
          db
            .select({ id })
            .from(table)
            .where(options.where("gather"))
            .limit(limit)
            .all()
            .map((row) => row.id as number),
        count: () => db.select({ n: count() }).from(table).where(options.where("gather")).get()!.n,
      })
    : { total: all, ids: null };
  const offset = offsetOf(filters.page);
  if (offset >= total) return { rows: [], total };
  if (!filtered) return { rows: options.page(undefined, offset), total };
  const walked = ((offset + PAGE_SIZE) * (options.walkFrom?.() ?? all)) / total;
  if (walked <= total) return { rows: options.page(options.where("walk"), offset), total };
  if (ids) {
    const sorted = cached(`sorted:${list}:${key}:${filters.sort ?? ""}:${filters.dir ?? ""}`, () =>
      db
        .select({ id })
        .from(table)
        .where(idIn(id, ids))
        .orderBy(...options.orderBy)
        .all()
        .map((row) => row.id as number),
    );
    return { rows: options.page(idIn(id, sorted.slice(offset, offset + PAGE_SIZE)), 0), total };
  }
  return { rows: options.page(options.where("gather"), offset), total };
}

/**
 * `column op value`, the value mapped as the column maps it. When `rowByRow`, SQLite may not lead
 * with the column's index (the unary `+`): walking the sort order's index, the condition is
 * checked on each row read instead.
 */
export function compare(
  column: AnyColumn,
  op: "=" | "<" | "<=" | ">" | ">=",
  value: unknown,
  rowByRow: boolean,
): SQL {
  return sql`${rowByRow ? sql`+${column}` : column} ${sql.raw(op)} ${sql.param(value, column)}`;
}

/** `column IS NULL`, checked row by row when `rowByRow` (as `compare`). */
export function missing(column: AnyColumn, rowByRow: boolean): SQL {
  return rowByRow ? sql`+${column} IS NULL` : isNull(column);
}

/**
 * `column IN (ids)` (checked row by row when `rowByRow`, as `compare`); nothing matches when there
 * are no ids. A long list is one bound value (`json_each`), within SQLite's limit on parameters.
 */
export function inIds(column: AnyColumn, ids: readonly number[], rowByRow = false): SQL {
  if (ids.length === 0) return sql`0`;
  const left = rowByRow ? sql`+${column}` : column;
  if (ids.length > 100) return sql`${left} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;
  return rowByRow ? inArray(sql`+${column}`, [...ids]) : inArray(column, [...ids]);
}

// ---------------------------------------------------------------------------------------------
// Partner and project filters typed as text

/** A partner or project filter typed as text (`?partner=riverside`): blank or too long is no filter. */
export const optionalWords = () =>
  z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v) => v || undefined)
    .catch(undefined);

/** The words typed, at most eight of them. */
function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter(Boolean).slice(0, 8);
}

/** Every word typed is somewhere in the text: "riverside coll" finds "Riverside College". */
function containsWords(column: AnyColumn, text: string): SQL | undefined {
  return and(...wordsOf(text).map((word) => contains(column, word)));
}

/**
 * The partners whose names contain the words typed: one read of the partners' name index
 * (a few thousand short entries at most), kept until the data changes.
 */
export function partnerIdsNamed(text: string): number[] {
  const key = wordsOf(text).join(" ");
  return cached(`partners-named:${key}`, () =>
    db
      .select({ id: partners.id })
      .from(partners)
      .where(containsWords(partners.name, key))
      .all()
      .map((row) => row.id),
  );
}

/** The projects whose titles contain the words typed, as `partnerIdsNamed`. */
export function projectIdsTitled(text: string): number[] {
  const key = wordsOf(text).join(" ");
  return cached(`projects-titled:${key}`, () =>
    db
      .select({ id: projects.id })
      .from(projects)
      .where(containsWords(projects.title, key))
      .all()
      .map((row) => row.id),
  );
}

/** A partner or project chosen by id (a link from its page), named for the filter: "Partner: Riverside College". */
export type ChosenRecord = { id: number; name: string | null };

export function chosenPartner(id: number | undefined): ChosenRecord | null {
  if (id === undefined) return null;
  const row = db.select({ name: partners.name }).from(partners).where(eq(partners.id, id)).get();
  return { id, name: row?.name ?? null };
}

export function chosenProject(id: number | undefined): ChosenRecord | null {
  if (id === undefined) return null;
  const row = db.select({ title: projects.title }).from(projects).where(eq(projects.id, id)).get();
  return { id, name: row?.title ?? null };
}
