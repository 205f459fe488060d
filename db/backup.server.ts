import fs from "node:fs";
import fsp from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type Database from "better-sqlite3";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Pages copied per step of an online backup; a page is 4 KiB, so a step takes about a millisecond. */
export const PAGES_PER_STEP = 100;

/** Flush the copy to disk in the background every so often, so the final commit has little left to write. */
const FLUSH_EVERY_PAGES = 2048;

export type BackupResult = { path: string; bytes: number; milliseconds: number };

export type BackupOptions = {
  /**
   * Pages copied per step. Between steps the event loop runs, so requests are served while a large
   * database is copied. A separate process (the `db:backup` command) copies everything in one step
   * instead: a backup from another connection restarts whenever the server writes, and in WAL mode
   * one long read does not hold writers up.
   */
  pagesPerStep?: number;
};

export class BackupError extends Error {
  name = "BackupError";
}

/**
 * Copies a live database with SQLite's online backup API (never a file copy, which can catch a
 * page half-written or miss what is still in the WAL) into a temporary file beside the target,
 * checks the copy with `PRAGMA integrity_check` (in a worker thread, so a large check does not
 * stop the server), flushes it to disk and only then renames it to `targetPath`. A file with the
 * backup's name is therefore always complete and checked. The copy is a single file (journal mode
 * DELETE), so it can be copied elsewhere as it is.
 */
export async function backupDatabase(
  sqlite: Database.Database,
  targetPath: string,
  options: BackupOptions = {},
): Promise<BackupResult> {
  const started = performance.now();
  const target = path.resolve(targetPath);
  // Backups hold personal data: only their owner may read them.
  await fsp.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  if (fs.existsSync(target)) throw new BackupError(`${target} already exists: choose another name.`);
  const temp = partialName(target);
  const pagesPerStep = Math.max(1, Math.min(0x7fffffff, options.pagesPerStep ?? PAGES_PER_STEP));
  let flushedAt = 0;
  let flushing: Promise<void> | null = null;
  try {
    // Created first so that even the unfinished copy is readable by its owner only.
    await fsp.writeFile(temp, "", { mode: 0o600, flag: "wx" });
    await sqlite.backup(temp, {
      progress({ totalPages, remainingPages }) {
        const copied = totalPages - remainingPages;
        if (!flushing && copied - flushedAt >= FLUSH_EVERY_PAGES) {
          flushedAt = copied;
          flushing = flushInBackground(temp).finally(() => (flushing = null));
        }
        return pagesPerStep;
      },
    });
    await flushing;
    const problems = await checkDatabaseFile(temp, { singleFile: true });
    if (problems.length > 0) {
      throw new BackupError(
        `The copy failed its integrity check, so it was not kept: ${problems.slice(0, 5).join("; ")}`,
      );
    }
    await syncFile(temp);
    await fsp.rename(temp, target);
    await syncDirectory(path.dirname(target));
  } catch (error) {
    await fsp.rm(temp, { force: true });
    throw error;
  }
  const { size } = await fsp.stat(target);
  return { path: target, bytes: size, milliseconds: Math.round(performance.now() - started) };
}

/** The name a backup is written under until it has been checked. */
function partialName(target: string) {
  return `${target}.partial-${process.pid}-${Date.now().toString(36)}`;
}

const PARTIAL = /\.partial-\d+-[0-9a-z]+$/;

/** A backup's file name: the database's name and the time in UTC, e.g. `tracker-2026-11-23T09-30-00Z.db`. */
export function backupFileName(databasePath: string, at = new Date(), prefix = "") {
  const base = path.basename(databasePath).replace(/\.(db|sqlite3?)$/i, "");
  const stamp = at
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/:/g, "-");
  return `${prefix}${base}-${stamp}.db`;
}

/** The backups in a folder (complete ones only), newest first. */
export function listBackups(dir: string): { path: string; modified: number; bytes: number }[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return names
    .filter((name) => name.endsWith(".db"))
    .map((name) => {
      const file = path.join(dir, name);
      const stat = fs.statSync(file);
      return { path: file, modified: stat.mtimeMs, bytes: stat.size, isFile: stat.isFile() };
    })
    .filter((entry) => entry.isFile)
    .map(({ path, modified, bytes }) => ({ path, modified, bytes }))
    .sort((a, b) => b.modified - a.modified);
}

/**
 * Deletes backups older than `keepDays` days, always keeping the newest one, and partial copies
 * left by a backup that was interrupted more than a day ago. Returns the files removed.
 */
export function pruneBackups(dir: string, keepDays: number, now = Date.now()): string[] {
  const removed: string[] = [];
  const [newest, ...older] = listBackups(dir);
  if (newest) {
    for (const backup of older) {
      if (backup.modified < now - keepDays * DAY_MS) {
        fs.rmSync(backup.path, { force: true });
        removed.push(backup.path);
      }
    }
  }
  let names: string[] = [];
  try {
    names = fs.readdirSync(dir);
  } catch {
    // No folder, nothing to tidy.
  }
  for (const name of names.filter((n) => PARTIAL.test(n))) {
    const file = path.join(dir, name);
    if (fs.statSync(file).mtimeMs < now - DAY_MS) {
      fs.rmSync(file, { force: true });
      removed.push(file);
    }
  }
  return removed;
}

export type AutomaticBackups = { stop(): void };

/**
 * Daily backups while the server runs: one straight away if the newest backup in `dir` is more than
 * a day old (or there is none), then one a day after the newest, pruning old ones each time. The
 * timer is unref'd, so it never keeps the process alive. `stop()` cancels the timer and abandons
 * a backup in progress (its partial file is removed; a checked backup is never left half-renamed).
 */
export function startAutomaticBackups(options: {
  sqlite: Database.Database;
  dir: string;
  keepDays: number;
  /** How the copy is made (see BackupOptions): in steps when this process also answers requests. */
  pagesPerStep?: number;
  log?: (message: string) => void;
  warn?: (message: string) => void;
}): AutomaticBackups {
  const { sqlite, dir, keepDays } = options;
  const log = options.log ?? ((message: string) => console.log(message));
  const warn = options.warn ?? ((message: string) => console.error(message));
  if (keepDays <= 0) return { stop() {} };
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(run, Math.max(0, delay));
    timer.unref();
  };

  const run = async () => {
    try {
      const result = await backupDatabase(sqlite, path.join(dir, backupFileName(sqlite.name)), {
        pagesPerStep: options.pagesPerStep,
      });
      if (stopped) return;
      const removed = pruneBackups(dir, keepDays);
      log(
        `Backup written: ${result.path} (${formatBytes(result.bytes)}, ${result.milliseconds} ms)` +
          (removed.length > 0 ? `; removed ${removed.length} backup(s) older than ${keepDays} days.` : "."),
      );
    } catch (error) {
      if (!stopped) warn(`The automatic backup failed: ${(error as Error).message}`);
    } finally {
      schedule(DAY_MS);
    }
  };

  const newest = listBackups(dir)[0];
  schedule(newest ? newest.modified + DAY_MS - Date.now() : 0);
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

export function formatBytes(bytes: number) {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

// ---------------------------------------------------------------------------------------------
// Checking a database file without blocking the event loop

/**
 * Runs `PRAGMA integrity_check` (and optionally `foreign_key_check`) on a database file in a worker
 * thread with its own connection. Returns the problems found; an empty list means the file is
 * intact. `singleFile` switches the file to journal mode DELETE first, so it needs no -wal beside it.
 */
export function checkDatabaseFile(
  file: string,
  options: { singleFile?: boolean; foreignKeys?: boolean } = {},
): Promise<string[]> {
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  return new Promise((resolve, reject) => {
    const worker = new Worker(CHECKER, {
      eval: true,
      workerData: { driver, file, singleFile: !!options.singleFile, foreignKeys: !!options.foreignKeys },
    });
    worker.once("message", (problems: string[]) => resolve(problems));
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new BackupError(`The check of ${file} stopped unexpectedly (code ${code}).`));
    });
  });
}

// Plain JavaScript, evaluated in the worker: the server build is one bundle, so there is no
// separate worker file to point at.
const CHECKER = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
let problems = [];
let db;
try {
  db = new Database(workerData.file, { fileMustExist: true });
  if (workerData.singleFile) db.pragma("journal_mode = DELETE");
  const integrity = db.pragma("integrity_check", { simple: false }).map((row) => row.integrity_check);
  if (!(integrity.length === 1 && integrity[0] === "ok")) problems.push(...integrity);
  if (workerData.foreignKeys) {
    for (const row of db.pragma("foreign_key_check")) {
      problems.push("a row of " + row.table + " (rowid " + row.rowid + ") refers to a missing row of " + row.parent);
    }
  }
} catch (error) {
  problems = [error.message];
} finally {
  if (db && db.open) db.close();
}
parentPort.postMessage(problems);
`;

async function flushInBackground(file: string) {
  try {
    const handle = await fsp.open(file, "r+");
    try {
      await handle.datasync();
    } finally {
      await handle.close();
    }
  } catch {
    // Only an optimisation: the final commit flushes whatever is left.
  }
}

/** Makes sure a file's contents are on disk. */
export async function syncFile(file: string) {
  const handle = await fsp.open(file, "r+");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes sure a rename in a folder is on disk (a no-op where folders cannot be opened). */
export async function syncDirectory(dir: string) {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(dir, "r");
    await handle.sync();
  } catch {
    // Some platforms cannot fsync a directory; the rename is still atomic.
  } finally {
    await handle?.close();
  }
}
