import { openDatabase, type Connection } from "~db/connection.server";
import { getConfig } from "./env.server";

declare global {
  // One connection per process, kept across the dev server's module reloads.
  var __trackerConnection: Connection | undefined;
}

function connection(): Connection {
  globalThis.__trackerConnection ??= openDatabase(getConfig().databasePath);
  return globalThis.__trackerConnection;
}

export const { db, sqlite } = connection();

/**
 * Runs a write in one IMMEDIATE transaction: it takes the write lock at the start, so a
 * transaction that reads then writes never fails with SQLITE_BUSY half-way. The callback must be
 * synchronous (better-sqlite3): use .run(), .get(), .all(), never await.
 */
export function write<T>(work: (tx: Tx) => T): T {
  return db.transaction(work, { behavior: "immediate" });
}

export type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];
