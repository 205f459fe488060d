import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema>;
export type Connection = { sqlite: Database.Database; db: Db };

/** Opens the SQLite file with the pragmas every connection needs. */
export function openDatabase(path: string): Connection {
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return { sqlite, db: drizzle({ client: preparingOnce(sqlite), schema }) };
}

/** At most this many SQL texts are kept prepared (queries with values written into the SQL, such as long IN lists, would otherwise grow it without end). */
const PREPARED_LIMIT = 2_000;

/**
 * The connection as drizzle sees it, with each SQL text prepared once. drizzle asks SQLite to
 * prepare every query anew (about 4% of a record page's CPU time); a prepared statement can run any
 * number of times. A statement handed out again is put back into returning rows as objects, since
 * drizzle switches it to arrays (`raw`) when it maps the columns itself; one that is busy (never,
 * as drizzle does not iterate) gets a fresh copy.
 */
export function preparingOnce(sqlite: Database.Database): Database.Database {
  const statements = new Map<string, Database.Statement>();
  const client = {
    prepare(source: string) {
      const kept = statements.get(source);
      if (kept && !kept.busy) {
        if (kept.reader) kept.raw(false);
        return kept;
      }
      const statement = sqlite.prepare(source);
      if (statements.size >= PREPARED_LIMIT) statements.clear();
      statements.set(source, statement);
      return statement;
    },
    transaction: sqlite.transaction.bind(sqlite),
  };
  return client as unknown as Database.Database;
}
