import { sql } from "drizzle-orm";
import { integer, text } from "drizzle-orm/sqlite-core";

/** Shared column helpers, so every table names and types ids and timestamps alike. */
export const id = () => integer("id").primaryKey({ autoIncrement: true });

/** A UTC instant, stored as milliseconds since the epoch. */
export const instant = (name: string) => integer(name, { mode: "timestamp_ms" });

/** A calendar day, stored as an ISO date (YYYY-MM-DD). */
export const day = (name: string) => text(name);

export const flag = (name: string) => integer(name, { mode: "boolean" }).notNull().default(false);

export const timestamps = () => ({
  createdAt: instant("created_at")
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`),
  updatedAt: instant("updated_at")
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`),
});
