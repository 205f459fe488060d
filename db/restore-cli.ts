// Replaces the database with a backup, after checking the backup:
//   npm run db:restore -- FILE
// Refuses while the app is running. The current database is backed up first, and migrations are
// applied afterwards, so a backup made by an older version of the app is brought up to date.
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { readMigrationFiles } from "drizzle-orm/migrator";
import {
  backupDatabase,
  backupFileName,
  checkDatabaseFile,
  formatBytes,
  syncDirectory,
  syncFile,
} from "./backup.server";
import { openDatabase } from "./connection.server";
import { migrateDatabase, migrationsFolder } from "./migrate.server";
import { acquireLock, releaseLock } from "./restore-lock.server";

const usage = "Usage: npm run db:restore -- FILE";
const NOTHING_CHANGED = "Nothing was changed.";

/** A reason not to restore, told to the person as it is. */
class Refusal extends Error {
  name = "Refusal";
}

async function main() {
  let file: string | undefined;
  try {
    const { positionals } = parseArgs({ allowPositionals: true, options: {} });
    if (positionals.length !== 1) throw new Error("Name exactly one backup file to restore.");
    file = path.resolve(positionals[0]);
  } catch (error) {
    throw new Refusal(`${(error as Error).message}\n${usage}`);
  }
  const { getConfig } = await import("~/utils/env.server");
  const config = getConfig();
  const databasePath = config.databasePath;

  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    throw new Refusal(`There is no file at ${file}. ${NOTHING_CHANGED}`);
  }
  if (fs.existsSync(databasePath) && fs.realpathSync(file) === fs.realpathSync(databasePath)) {
    throw new Refusal(`${file} is the database itself: name a backup. ${NOTHING_CHANGED}`);
  }

  // Refuses while the app runs, and keeps it from starting until the restore is done.
  acquireLock(databasePath, "restore");
  const temp = `${databasePath}.restoring-${process.pid}`;
  try {
    await copyChecked(file, temp);
    const previous = fs.existsSync(databasePath) ? await backUpCurrent(databasePath, config.backupDir) : null;
    if (previous) console.log(`The current database was backed up first: ${previous}`);
    await replaceDatabase(temp, databasePath);

    const { sqlite } = openDatabase(databasePath);
    try {
      const { applied } = await migrateDatabase(sqlite, { backupDir: config.backupDir });
      console.log(
        `Restored ${file} into ${databasePath}` +
          (applied > 0 ? `, and applied ${applied} migration(s) to bring it up to date.` : "."),
      );
    } finally {
      sqlite.close();
    }
    console.log("Start the app again, then check /healthz and a record you know.");
  } finally {
    await fsp.rm(temp, { force: true });
    for (const suffix of ["-wal", "-shm", "-journal"]) await fsp.rm(temp + suffix, { force: true });
    releaseLock(databasePath);
  }
}

/**
 * Copies the backup beside the database with SQLite's backup API (so a copy of a database in WAL
 * mode includes what is in its WAL) and checks the copy: what is checked is exactly what is
 * installed. Refuses, changing nothing, if it is not an intact database of this app and version.
 */
async function copyChecked(file: string, temp: string) {
  const header = Buffer.alloc(16);
  const handle = await fsp.open(file, "r");
  try {
    await handle.read(header, 0, 16, 0);
  } finally {
    await handle.close();
  }
  if (header.toString("latin1") !== "SQLite format 3\0") {
    throw new Refusal(`${file} is not an SQLite database. ${NOTHING_CHANGED}`);
  }

  try {
    const source = new Database(file, { readonly: true, fileMustExist: true });
    try {
      await source.backup(temp);
    } finally {
      source.close();
    }
  } catch (error) {
    throw new Refusal(
      `${file} cannot be read as a database (${(error as Error).message}). ${NOTHING_CHANGED}`,
    );
  }

  const problems = await checkDatabaseFile(temp, { singleFile: true, foreignKeys: true });
  if (problems.length > 0) {
    const shown = problems
      .slice(0, 5)
      .map((p) => `\n  - ${p}`)
      .join("");
    throw new Refusal(
      `${file} is damaged: the integrity and reference checks found ${problems.length} problem(s):${shown}\n${NOTHING_CHANGED}`,
    );
  }

  const copy = new Database(temp, { readonly: true });
  try {
    const hasMigrations = copy
      .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'`)
      .get();
    if (!hasMigrations) {
      throw new Refusal(
        `${file} is not a database of this app (it has no __drizzle_migrations table). ${NOTHING_CHANGED}`,
      );
    }
    const recorded = copy.prepare(`SELECT created_at FROM "__drizzle_migrations"`).pluck().all() as number[];
    const known = new Set(readMigrationFiles({ migrationsFolder }).map((m) => m.folderMillis));
    const newestKnown = Math.max(0, ...known);
    const unknown = recorded.map(Number).filter((at) => !known.has(at));
    if (unknown.length > 0) {
      const newest = Math.max(...unknown);
      throw new Refusal(
        `${file} was made by a ${newest > newestKnown ? "newer" : "different"} version of the app: it has ${unknown.length} migration(s) this version does not know (the newest from ${new Date(newest).toISOString()}; this version's newest is from ${new Date(newestKnown).toISOString()}). Restore it with the version that made it, or upgrade the app first. ${NOTHING_CHANGED}`,
      );
    }
  } finally {
    copy.close();
  }
  await syncFile(temp);
}

/**
 * A checked backup of the current database, or, if it cannot be read or fails its check (often the
 * reason for restoring), a plain copy of its files as they are, so nothing is ever lost by a restore.
 */
async function backUpCurrent(databasePath: string, backupDir: string) {
  const target = path.join(backupDir, backupFileName(databasePath, new Date(), "before-restore-"));
  try {
    const current = new Database(databasePath, { fileMustExist: true });
    try {
      const result = await backupDatabase(current, target, { pagesPerStep: Number.MAX_SAFE_INTEGER });
      return `${result.path} (${formatBytes(result.bytes)})`;
    } finally {
      current.close();
    }
  } catch (error) {
    const asFound = target.replace(/\.db$/, "-as-found.db");
    await fsp.mkdir(backupDir, { recursive: true });
    for (const suffix of ["", "-wal"]) {
      if (fs.existsSync(databasePath + suffix)) await fsp.copyFile(databasePath + suffix, asFound + suffix);
    }
    console.log(
      `The current database could not be backed up normally (${(error as Error).message}); its files were copied as they are.`,
    );
    return asFound;
  }
}

/**
 * Puts the checked copy in place: the database's stale -wal and -shm files are removed first (a
 * WAL left beside a different database file would be applied to it), then one atomic rename.
 */
async function replaceDatabase(temp: string, databasePath: string) {
  if (fs.existsSync(databasePath)) {
    // Closing the last connection checkpoints the WAL and deletes it; if it is still there,
    // another program has the database open.
    new Database(databasePath, { fileMustExist: true }).close();
    const wal = `${databasePath}-wal`;
    if (fs.existsSync(wal) && fs.statSync(wal).size > 0) {
      throw new Refusal(
        `Another program has ${databasePath} open (its write-ahead log is still in use). Close it and try again. ${NOTHING_CHANGED}`,
      );
    }
  }
  for (const suffix of ["-wal", "-shm", "-journal"]) await fsp.rm(databasePath + suffix, { force: true });
  await fsp.rename(temp, databasePath);
  await syncDirectory(path.dirname(databasePath));
}

main().catch((error: Error) => {
  if (error.name === "Refusal" || error.name === "ConfigError") console.error(error.message);
  else if (error.name === "LockHeldError")
    console.error(`Cannot restore now. ${error.message} ${NOTHING_CHANGED}`);
  else console.error(`The restore failed: ${error.message}`);
  process.exit(1);
});
