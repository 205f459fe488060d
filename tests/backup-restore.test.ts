// Backups and the restore drill from the README, run with the real scripts (`db/backup-cli.ts`,
// `db/restore-cli.ts`) against databases of their own.
import crypto from "node:crypto";
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  backupDatabase,
  backupFileName,
  listBackups,
  pruneBackups,
  startAutomaticBackups,
} from "~db/backup.server";
import { openDatabase } from "~db/connection.server";
import { acquireLock, lockPathFor, LockHeldError, releaseLock } from "~db/restore-lock.server";
import { migrateDatabase, migrationsFolder } from "~db/migrate.server";
import { ConfigError, parseConfig } from "~/utils/env.server";
import { fillEveryTable, rowCounts } from "./support/fill-database";
import {
  builtServerReady,
  Client,
  freePort,
  runScript,
  stageServer,
  startServer,
} from "./reliability/harness";

const DAY = 24 * 60 * 60 * 1000;
const email = "drill@example.org";
const password = "a long restore drill passphrase";

const madeHere: string[] = [];
afterAll(() => madeHere.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A folder to delete when the tests are done. */
function removedAfterwards(dir: string) {
  madeHere.push(dir);
  return dir;
}

function tempDir() {
  return removedAfterwards(fs.mkdtempSync(path.join(os.tmpdir(), "tracker-backup-")));
}

/** A database made as the app makes one (creating a user migrates it), in a folder of its own. */
async function appDatabase() {
  const dir = tempDir();
  const env = { DATABASE_PATH: path.join(dir, "tracker.db"), BACKUP_DIR: path.join(dir, "backups") };
  const made = await runScript(
    "db/create-user.ts",
    ["--email", email, "--password", password, "--role", "editor"],
    env,
  );
  expect(made.code, made.stderr).toBe(0);
  return { dir, env, databasePath: env.DATABASE_PATH, backupDir: env.BACKUP_DIR };
}

function withDatabase<T>(file: string, work: (db: Database.Database) => T): T {
  const db = new Database(file, { fileMustExist: true });
  try {
    return work(db);
  } finally {
    db.close();
  }
}

function addPartner(databasePath: string, name: string): number {
  return withDatabase(databasePath, (db) => {
    db.pragma("journal_mode = WAL");
    return Number(
      db.prepare(`INSERT INTO partners (name, type, status) VALUES (?, 'charity', 'active')`).run(name)
        .lastInsertRowid,
    );
  });
}

function partnerNames(file: string): string[] {
  return withDatabase(
    file,
    (db) => db.prepare("SELECT name FROM partners ORDER BY id").pluck().all() as string[],
  );
}

function checks(file: string) {
  return withDatabase(file, (db) => ({
    integrity: db.pragma("integrity_check", { simple: true }),
    brokenReferences: (db.pragma("foreign_key_check") as unknown[]).length,
  }));
}

function fingerprint(file: string) {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** The path `npm run db:backup` printed. */
function printedPath(stdout: string) {
  const match = /Backup written: (.+\.db) \(/.exec(stdout);
  expect(match, stdout).not.toBeNull();
  return match![1];
}

describe("the restore drill", () => {
  let db: Awaited<ReturnType<typeof appDatabase>>;
  let backupPath: string;
  let firstId: number;
  let countsAtBackup: Record<string, number>;
  let restore: Awaited<ReturnType<typeof runScript>>;

  beforeAll(async () => {
    db = await appDatabase();
    firstId = addPartner(db.databasePath, "Written before the backup");
    withDatabase(db.databasePath, (sqlite) => fillEveryTable(sqlite, 3));
    countsAtBackup = withDatabase(db.databasePath, rowCounts);

    const backup = await runScript("db/backup-cli.ts", [], db.env);
    expect(backup.code, backup.stderr).toBe(0);
    backupPath = printedPath(backup.stdout);

    addPartner(db.databasePath, "Written after the backup");
    restore = await runScript("db/restore-cli.ts", [backupPath], db.env);
  }, 120_000);

  it("backs up into the backup folder under a dated name, a checked single file", () => {
    expect(path.dirname(backupPath)).toBe(db.backupDir);
    expect(path.basename(backupPath)).toMatch(/^tracker-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.db$/);
    expect(fs.existsSync(`${backupPath}-wal`)).toBe(false);
    expect(fs.statSync(backupPath).mode & 0o777).toBe(0o600); // personal data: owner only
    expect(withDatabase(backupPath, (b) => b.pragma("journal_mode", { simple: true }))).toBe("delete");
    expect(checks(backupPath)).toEqual({ integrity: "ok", brokenReferences: 0 });
  });

  it("restores the backup: what was written before it is back, what was written after it is gone", () => {
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toMatch(/Restored .+ into .+tracker\.db/);
    const names = partnerNames(db.databasePath);
    expect(names).toContain("Written before the backup");
    expect(names).not.toContain("Written after the backup");
    expect(withDatabase(db.databasePath, rowCounts)).toEqual(countsAtBackup);
    expect(checks(db.databasePath)).toEqual({ integrity: "ok", brokenReferences: 0 });
  });

  it("backs up the database it replaces first, so a restore never loses anything", () => {
    const match = /backed up first: (.+\.db) \(/.exec(restore.stdout);
    expect(match, restore.stdout).not.toBeNull();
    expect(path.basename(match![1])).toMatch(/^before-restore-tracker-/);
    expect(partnerNames(match![1])).toContain("Written after the backup");
  });

  it.skipIf(!builtServerReady("the restore drill's server step"))(
    "the app starts on the restored database: /healthz answers and the record opens",
    async () => {
      const server = await startServer({
        stage: removedAfterwards(stageServer()),
        databasePath: db.databasePath,
        port: await freePort(),
        env: { BACKUP_DIR: db.backupDir },
      });
      try {
        const health = await fetch(`${server.url}/healthz`);
        expect(await health.json()).toEqual({ ok: true });
        const client = new Client(server.url);
        await client.signIn(email, password);
        const page = await client.get(`/partners/${firstId}`);
        expect(page.status).toBe(200);
        expect(await page.text()).toContain("Written before the backup");
      } finally {
        server.child.kill("SIGTERM");
        expect((await server.exited).code).toBe(0);
      }
    },
    60_000,
  );
});

describe("npm run db:backup -- --to FILE", () => {
  it("writes the backup where it is told, and never over an existing file", async () => {
    const db = await appDatabase();
    addPartner(db.databasePath, "Kept in the copy");
    const target = path.join(db.dir, "elsewhere", "copy.db");
    const first = await runScript("db/backup-cli.ts", ["--to", target], db.env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Backup written: .+copy\.db \(\d+(\.\d)? (KB|MB)\); integrity check: ok\./);
    expect(partnerNames(target)).toEqual(["Kept in the copy"]);
    const again = await runScript("db/backup-cli.ts", ["--to", target], db.env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
  }, 60_000);
});

describe("npm run db:restore refuses, changing nothing", () => {
  let db: Awaited<ReturnType<typeof appDatabase>>;
  let good: string;
  let before: string;

  beforeAll(async () => {
    db = await appDatabase();
    addPartner(db.databasePath, "The current data");
    withDatabase(db.databasePath, (sqlite) => fillEveryTable(sqlite, 3));
    good = path.join(db.dir, "good.db");
    const backup = await runScript("db/backup-cli.ts", ["--to", good], db.env);
    expect(backup.code, backup.stderr).toBe(0);
    before = fingerprint(db.databasePath);
  }, 60_000);

  async function refused(file: string, message: RegExp) {
    const result = await runScript("db/restore-cli.ts", [file], db.env);
    expect(result.code, result.stdout).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/Nothing was changed\./);
    expect(fingerprint(db.databasePath)).toBe(before);
    expect(fs.existsSync(path.join(db.backupDir))).toBe(false); // not even a backup taken
    expect(fs.readdirSync(db.dir).filter((name) => name.includes("restoring"))).toEqual([]);
  }

  it("a damaged file (garbage written over part of a good backup)", async () => {
    const damaged = path.join(db.dir, "damaged.db");
    fs.copyFileSync(good, damaged);
    const pages = fs.statSync(damaged).size / 4096;
    expect(pages).toBeGreaterThan(20);
    const fd = fs.openSync(damaged, "r+");
    fs.writeSync(fd, crypto.randomBytes(4096 * 8), 0, 4096 * 8, 4096 * Math.floor(pages / 2));
    fs.closeSync(fd);
    await refused(damaged, /is damaged/);
  }, 30_000);

  it("a file that is not a database", async () => {
    const notes = path.join(db.dir, "notes.txt");
    fs.writeFileSync(notes, "Meeting notes, not a database.\n".repeat(200));
    await refused(notes, /is not an SQLite database/);
  }, 30_000);

  it("an SQLite database of something else", async () => {
    const other = path.join(db.dir, "other.db");
    const sqlite = new Database(other);
    sqlite.exec("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)");
    sqlite.close();
    await refused(other, /is not a database of this app/);
  }, 30_000);

  it("a database made by a newer version of the app", async () => {
    const newer = path.join(db.dir, "newer.db");
    fs.copyFileSync(good, newer);
    withDatabase(newer, (sqlite) =>
      sqlite
        .prepare(`INSERT INTO "__drizzle_migrations" (hash, created_at) VALUES ('from-the-future', ?)`)
        .run(Date.now() + 365 * DAY),
    );
    await refused(newer, /was made by a newer version of the app/);
  }, 30_000);

  it("while the app is running (a live process holds the lock file)", async () => {
    const lock = `${db.databasePath}.lock`;
    fs.writeFileSync(lock, JSON.stringify({ pid: process.pid, purpose: "server", since: "now" }));
    try {
      await refused(good, new RegExp(`The app is running on this database \\(process ${process.pid}`));
    } finally {
      fs.rmSync(lock);
    }
  }, 30_000);

  it("a file that is not there, or no file named", async () => {
    await refused(path.join(db.dir, "missing.db"), /There is no file at/);
    const none = await runScript("db/restore-cli.ts", [], db.env);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/Usage: npm run db:restore -- FILE/);
  }, 30_000);
});

describe("the database's lock file", () => {
  it("is refused to a second process while the first is alive, and taken over once it is gone", async () => {
    const databasePath = path.join(tempDir(), "tracker.db");
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60_000)"]);
    try {
      fs.writeFileSync(
        lockPathFor(databasePath),
        JSON.stringify({ pid: other.pid, purpose: "server", since: "now" }),
      );
      expect(() => acquireLock(databasePath, "server")).toThrow(LockHeldError);
      expect(() => acquireLock(databasePath, "server")).toThrow(
        new RegExp(`The app is running on this database \\(process ${other.pid}`),
      );
      releaseLock(databasePath); // not ours: left alone
      expect(fs.existsSync(lockPathFor(databasePath))).toBe(true);
    } finally {
      other.kill("SIGKILL");
      await once(other, "exit");
    }
    acquireLock(databasePath, "server");
    expect(JSON.parse(fs.readFileSync(lockPathFor(databasePath), "utf8")).pid).toBe(process.pid);
    releaseLock(databasePath);
    expect(fs.existsSync(lockPathFor(databasePath))).toBe(false);
  });
});

describe("npm run db:restore, other cases", () => {
  it("ignores a stale lock left by a server that was killed", async () => {
    const db = await appDatabase();
    const backup = path.join(db.dir, "b.db");
    expect((await runScript("db/backup-cli.ts", ["--to", backup], db.env)).code).toBe(0);
    const gone = spawnSync(process.execPath, ["-e", "0"]).pid!; // a process id no longer alive
    fs.writeFileSync(
      `${db.databasePath}.lock`,
      JSON.stringify({ pid: gone, purpose: "server", since: "then" }),
    );
    const result = await runScript("db/restore-cli.ts", [backup], db.env);
    expect(result.code, result.stderr).toBe(0);
    expect(fs.existsSync(`${db.databasePath}.lock`)).toBe(false);
  }, 60_000);

  it("brings a backup made by an older version up to date by running the migrations", async () => {
    const dir = tempDir();
    const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta/_journal.json"), "utf8"));
    const older = path.join(dir, "older-migrations");
    fs.mkdirSync(path.join(older, "meta"), { recursive: true });
    const entries = journal.entries.slice(0, -1);
    fs.writeFileSync(path.join(older, "meta/_journal.json"), JSON.stringify({ ...journal, entries }));
    for (const entry of entries) {
      fs.copyFileSync(path.join(migrationsFolder, `${entry.tag}.sql`), path.join(older, `${entry.tag}.sql`));
    }
    const oldBackup = path.join(dir, "old-backup.db");
    const { sqlite } = openDatabase(oldBackup);
    await migrateDatabase(sqlite, { folder: older });
    fillEveryTable(sqlite, 3);
    const counts = rowCounts(sqlite);
    sqlite.close();

    const db = await appDatabase();
    const result = await runScript("db/restore-cli.ts", [oldBackup], db.env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/applied 1 migration\(s\) to bring it up to date/);
    withDatabase(db.databasePath, (restored) => {
      expect(restored.prepare(`SELECT count(*) FROM "__drizzle_migrations"`).pluck().get()).toBe(
        journal.entries.length,
      );
      const after = rowCounts(restored);
      for (const [table, count] of Object.entries(counts)) expect(after[table], table).toBe(count);
    });
    expect(checks(db.databasePath)).toEqual({ integrity: "ok", brokenReferences: 0 });
  }, 60_000);
});

describe("backups while the server runs", () => {
  const opened: Database.Database[] = [];
  afterAll(() => opened.forEach((db) => db.open && db.close()));

  function bigDatabase(rows: number) {
    const { sqlite } = openDatabase(path.join(tempDir(), "tracker.db"));
    opened.push(sqlite);
    sqlite.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
    const insert = sqlite.prepare("INSERT INTO notes (body) VALUES (?)");
    sqlite.transaction(() => {
      for (let i = 0; i < rows; i++) insert.run(`note ${i} ${"x".repeat(500)}`);
    })();
    return { sqlite, insert };
  }

  it("copies in steps, serving other work between them, and the copy is consistent", async () => {
    const { sqlite, insert } = bigDatabase(20_000); // about 2,700 pages
    const target = path.join(tempDir(), "copy.db");
    let writesDuringBackup = 0;
    let copying = true;
    const writeBetweenSteps = () => {
      if (!copying) return;
      insert.run(`written during the backup ${writesDuringBackup++}`);
      setImmediate(writeBetweenSteps);
    };
    setImmediate(writeBetweenSteps);
    const result = await backupDatabase(sqlite, target, { pagesPerStep: 50 });
    copying = false;
    expect(writesDuringBackup).toBeGreaterThan(10);
    expect(result.bytes).toBeGreaterThan(10_000_000);
    const copied = withDatabase(
      target,
      (db) => db.prepare("SELECT count(*) FROM notes").pluck().get() as number,
    );
    // Writes on the same connection between steps are carried into the copy as it is made.
    expect(copied).toBeGreaterThanOrEqual(20_000 + 10);
    expect(checks(target).integrity).toBe("ok");
    expect(fs.readdirSync(path.dirname(target))).toEqual(["copy.db"]); // no partial file left
  });

  it("never writes over an existing file", async () => {
    const { sqlite } = bigDatabase(10);
    const target = path.join(tempDir(), "copy.db");
    fs.writeFileSync(target, "mine");
    await expect(backupDatabase(sqlite, target)).rejects.toThrow(/already exists/);
    expect(fs.readFileSync(target, "utf8")).toBe("mine");
  });

  it("makes a daily backup at start when the newest is more than a day old, and prunes old ones", async () => {
    const { sqlite } = bigDatabase(100);
    const dir = tempDir();
    const old = path.join(dir, "tracker-2020-01-01T00-00-00Z.db");
    fs.writeFileSync(old, "an old backup");
    const longAgo = new Date(Date.now() - 30 * DAY);
    fs.utimesSync(old, longAgo, longAgo);
    const log = vi.fn();
    const backups = startAutomaticBackups({ sqlite, dir, keepDays: 14, log, warn: log });
    try {
      await vi.waitFor(() => expect(log).toHaveBeenCalled(), { timeout: 10_000 });
      expect(log.mock.calls[0][0]).toMatch(
        /^Backup written: .+tracker-.+\.db .*removed 1 backup\(s\) older than 14 days/,
      );
      const names = listBackups(dir).map((b) => path.basename(b.path));
      expect(names).toHaveLength(1);
      expect(names[0]).not.toBe(path.basename(old));
    } finally {
      backups.stop();
    }
  });

  it("waits when the newest backup is recent, and does nothing when turned off", async () => {
    const { sqlite } = bigDatabase(10);
    const recentDir = tempDir();
    fs.writeFileSync(path.join(recentDir, "tracker-recent.db"), "an hour old");
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    fs.utimesSync(path.join(recentDir, "tracker-recent.db"), hourAgo, hourAgo);
    const offDir = tempDir();
    const log = vi.fn();
    const waiting = startAutomaticBackups({ sqlite, dir: recentDir, keepDays: 14, log, warn: log });
    const off = startAutomaticBackups({ sqlite, dir: offDir, keepDays: 0, log, warn: log });
    await new Promise((resolve) => setTimeout(resolve, 500));
    waiting.stop();
    off.stop();
    expect(log).not.toHaveBeenCalled();
    expect(fs.readdirSync(recentDir)).toEqual(["tracker-recent.db"]);
    expect(fs.readdirSync(offDir)).toEqual([]);
  });
});

describe("pruning backups", () => {
  it("removes backups older than the days kept, always keeps the newest, and tidies partial copies", () => {
    const dir = tempDir();
    const now = Date.now();
    const file = (name: string, ageDays: number) => {
      const p = path.join(dir, name);
      fs.writeFileSync(p, name);
      const at = new Date(now - ageDays * DAY);
      fs.utimesSync(p, at, at);
      return p;
    };
    file("tracker-new.db", 1);
    file("before-migration-old.db", 20);
    file("tracker-13-days.db", 13);
    file("tracker-15-days.db", 15);
    file("tracker-x.db.partial-123-abc", 2);
    file("tracker-y.db.partial-123-abd", 0.1);
    file("notes.txt", 100);
    const removed = pruneBackups(dir, 14, now).map((p) => path.basename(p));
    expect(removed.sort()).toEqual([
      "before-migration-old.db",
      "tracker-15-days.db",
      "tracker-x.db.partial-123-abc",
    ]);
    expect(fs.readdirSync(dir).sort()).toEqual([
      "notes.txt",
      "tracker-13-days.db",
      "tracker-new.db",
      "tracker-y.db.partial-123-abd",
    ]);

    const lonely = tempDir();
    const only = path.join(lonely, "tracker-ancient.db");
    fs.writeFileSync(only, "the only backup");
    fs.utimesSync(only, new Date(now - 400 * DAY), new Date(now - 400 * DAY));
    expect(pruneBackups(lonely, 14, now)).toEqual([]);
  });

  it("names backups after the database and the time in UTC", () => {
    expect(backupFileName("/data/tracker.db", new Date("2026-11-23T09:30:05.123Z"))).toBe(
      "tracker-2026-11-23T09-30-05Z.db",
    );
    expect(backupFileName("/data/tracker.db", new Date("2026-11-23T09:30:05Z"), "before-restore-")).toBe(
      "before-restore-tracker-2026-11-23T09-30-05Z.db",
    );
  });
});

describe("backup settings", () => {
  it("keep backups beside the database for 14 days unless told otherwise", () => {
    const dir = tempDir();
    const databasePath = path.join(dir, "data", "tracker.db");
    const defaults = parseConfig({ DATABASE_PATH: databasePath });
    expect(defaults.backupDir).toBe(path.join(dir, "data", "backups"));
    expect(defaults.backupKeepDays).toBe(14);
    const set = parseConfig({
      DATABASE_PATH: databasePath,
      BACKUP_DIR: path.join(dir, "b"),
      BACKUP_KEEP_DAYS: "0",
    });
    expect(set.backupDir).toBe(path.join(dir, "b"));
    expect(set.backupKeepDays).toBe(0);
    expect(() => parseConfig({ DATABASE_PATH: databasePath, BACKUP_KEEP_DAYS: "-1" })).toThrow(ConfigError);
    expect(() => parseConfig({ DATABASE_PATH: databasePath, BACKUP_KEEP_DAYS: "a week" })).toThrow(
      /BACKUP_KEEP_DAYS: must be a whole number of days/,
    );
  });
});
