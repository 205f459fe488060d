import { sql, type SQL, type AnyColumn } from "drizzle-orm";
import { z } from "zod";

export const PAGE_SIZE = 25;

/** A list page's query string: free-text search, sort, direction and page, plus its own filters. */
export function listQuery<F extends z.ZodRawShape, S extends readonly [string, ...string[]]>(
  filters: F,
  sorts: S,
) {
  return z.object({
    q: z
      .string()
      .trim()
      .max(200)
      .optional()
      .transform((v) => v || undefined)
      .catch(undefined),
    sort: z.enum(sorts).catch(sorts[0]),
    dir: z.enum(["asc", "desc"]).optional().catch(undefined),
    page: z.coerce.number().int().min(1).max(100_000).catch(1),
    ...filters,
  });
}

/** Reads search params into the list's schema; a bad value falls back to its default, never an error page. */
export function readListQuery<T extends z.ZodTypeAny>(request: Request, schema: T): z.infer<T> {
  const params = new URL(request.url).searchParams;
  const raw: Record<string, string> = {};
  for (const [key, value] of params) if (value !== "") raw[key] = value;
  return schema.parse(raw);
}

/** An optional filter value that must be one of the allowed values; anything else is ignored. */
export const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values).optional().catch(undefined);

/** An optional ISO date filter; anything else is ignored. */
export const optionalIsoDate = () =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined);

/** An optional id filter. */
export const optionalId = () => z.coerce.number().int().positive().optional().catch(undefined);

/** Case-insensitive "contains", with the user's % and _ taken literally. */
export function contains(column: AnyColumn | SQL, text: string): SQL {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`${column} LIKE ${pattern} ESCAPE '\\'`;
}

export function pageCount(total: number) {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}

export function offsetOf(page: number) {
  return (page - 1) * PAGE_SIZE;
}
