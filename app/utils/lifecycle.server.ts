import { startAutomaticBackups, type AutomaticBackups } from "~db/backup.server";
import { migrateDatabase } from "~db/migrate.server";
import { acquireLock, releaseLock } from "~db/restore-lock.server";
import { finishInterruptedWork } from "~/models/import.server";
import { eraseExpiredLinks } from "~/models/monitoring.server";
import { sqlite } from "./db.server";
import { getConfig } from "./env.server";
import { deleteExpiredSessions } from "~/models/session.server";
import { startRetentionSchedule, stopRetentionSchedule } from "~/models/retention.server";
import { stopReadWorker } from "./read-worker.server";

let backups: AutomaticBackups | undefined;

/**
 * Runs once before the server listens: takes the database's lock file (so `db:restore` refuses
 * while the app runs), applies migrations, tidies expired sessions and links, settles an import or
 * undo the last run stopped half-way through, and starts the daily backups and the retention rule
 * for equality monitoring data.
 */
export async function startup() {
  const config = getConfig();
  acquireLock(config.databasePath, "server");
  const { applied, backupPath } = await migrateDatabase(sqlite, { backupDir: config.backupDir });
  if (applied > 0) {
    console.log(
      `Applied ${applied} database migration(s)${backupPath ? `; backup taken first: ${backupPath}` : ""}.`,
    );
  }
  deleteExpiredSessions();
  eraseExpiredLinks();
  await finishInterruptedWork();
  startRetentionSchedule();
  // Keep the query planner's statistics fresh (cheap when nothing has changed).
  sqlite.pragma("optimize = 0x10002");
  backups = startAutomaticBackups({ sqlite, dir: config.backupDir, keepDays: config.backupKeepDays });
  return { host: config.host, port: config.port, trustProxy: config.trustProxy };
}

/**
 * Closes the database cleanly: stops the backups, moves everything in the WAL into the database
 * file (`wal_checkpoint(TRUNCATE)`), closes the connection and gives up the lock file.
 */
export function shutdown() {
  stopRetentionSchedule();
  void stopReadWorker();
  backups?.stop();
  backups = undefined;
  if (sqlite.open) {
    try {
      sqlite.pragma("optimize");
      sqlite.pragma("wal_checkpoint(TRUNCATE)");
    } catch (error) {
      console.error(`Could not checkpoint the database: ${(error as Error).message}`);
    }
    sqlite.close();
  }
  releaseLock(getConfig().databasePath);
}
