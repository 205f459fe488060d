import { startAutomaticBackups, type AutomaticBackups } from "~db/backup.server";
import { migrateDatabase } from "~db/migrate.server";
import { acquireLock, releaseLock } from "~db/restore-lock.server";
import { releaseInterruptedFinishing } from "~/models/assessment.server";
import { finishInterruptedWork } from "~/models/import.server";
import { eraseExpiredLinks } from "~/models/monitoring.server";
import { sqlite } from "./db.server";
import { getConfig } from "./env.server";
import { deleteExpiredSessions } from "~/models/session.server";
import { startRetentionSchedule, stopRetentionSchedule } from "~/models/retention.server";
import { forgetExpiredWriteHits } from "./rate-limit.server";
import { stopReadWorker } from "./read-worker.server";

let backups: AutomaticBackups | undefined;
let writeHitsTidying: ReturnType<typeof setInterval> | undefined;

/** What server.js needs to listen: where, behind what, and with how many processes. */
export function serverSettings() {
  const config = getConfig();
  return {
    host: config.host,
    port: config.port,
    trustProxy: config.trustProxy,
    serverProcesses: config.serverProcesses,
  };
}

/**
 * Runs once in the main process before any request is answered: takes the database's lock file (so
 * `db:restore` refuses while the app runs), applies migrations, tidies expired sessions and links,
 * settles work the last run stopped half-way through, and starts the daily backups, the retention
 * rule for equality monitoring data and the minutely deletion of expired write-limit hits.
 * `answersRequests`: whether this process will answer requests itself (one server process).
 */
export async function startup({ answersRequests = true } = {}) {
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
  forgetExpiredWriteHits();
  writeHitsTidying = setInterval(() => forgetExpiredWriteHits(), 60_000);
  writeHitsTidying.unref();
  await settleInterruptedWork();
  startRetentionSchedule();
  // Keep the query planner's statistics fresh (cheap when nothing has changed).
  sqlite.pragma("optimize = 0x10002");
  backups = startAutomaticBackups({
    sqlite,
    dir: config.backupDir,
    keepDays: config.backupKeepDays,
    // Copied in steps when this process answers requests too, so they are served between steps.
    // When server processes answer them, they write through connections of their own, and a
    // stepped copy would start again at each of their writes: one step, which holds no writer up
    // in WAL mode (as `npm run db:backup` does).
    pagesPerStep: answersRequests ? undefined : Number.MAX_SAFE_INTEGER,
  });
  return serverSettings();
}

/**
 * Settles what server processes stopped half-way through: an import or undo, an assessment being
 * finished. Only call it when no server process is answering requests (at start-up, or after one
 * stopped unexpectedly and server.js stopped the others), as it takes every such piece of work to
 * be abandoned.
 */
export async function settleInterruptedWork() {
  await finishInterruptedWork();
  releaseInterruptedFinishing();
}

/** Closes a request-answering process's connection (the main process checkpoints the database). */
export function closeConnection() {
  void stopReadWorker();
  if (sqlite.open) sqlite.close();
}

/**
 * Closes the database cleanly: stops the backups, moves everything in the WAL into the database
 * file (`wal_checkpoint(TRUNCATE)`), closes the connection and gives up the lock file.
 */
export function shutdown() {
  stopRetentionSchedule();
  clearInterval(writeHitsTidying);
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
