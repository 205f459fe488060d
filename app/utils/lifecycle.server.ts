import { migrateDatabase } from "~db/migrate.server";
import { eraseExpiredLinks } from "~/models/monitoring.server";
import { sqlite } from "./db.server";
import { getConfig } from "./env.server";
import { deleteExpiredSessions } from "~/models/session.server";

/** Runs once before the server listens: applies migrations and tidies expired sessions. */
export async function startup() {
  const config = getConfig();
  const { applied, backupPath } = await migrateDatabase(sqlite);
  if (applied > 0) {
    console.log(
      `Applied ${applied} database migration(s)${backupPath ? `; backup taken first: ${backupPath}` : ""}.`,
    );
  }
  deleteExpiredSessions();
  eraseExpiredLinks();
  return { host: config.host, port: config.port, trustProxy: config.trustProxy };
}

/** Closes the database cleanly, so the WAL is checkpointed and nothing is left half-written. */
export function shutdown() {
  if (sqlite.open) sqlite.close();
}
