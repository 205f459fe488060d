import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { migrateDatabase, migrationsFolder } from "~db/migrate.server";
import { fillEveryTable, rowCounts } from "./support/fill-database";

type Journal = { entries: { idx: number; tag: string; when: number }[] };
const journal: Journal = JSON.parse(
  fs.readFileSync(path.join(migrationsFolder, "meta/_journal.json"), "utf8"),
);

/** Tables a migration is meant to remove, by migration tag. Anything else must keep every row. */
const intendedDrops: Record<string, string[]> = {};

function tempDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), "tracker-migrations-"));
}

/** A migrations folder holding only the first `count` migrations, as the database saw them then. */
function folderWithFirst(count: number, source = migrationsFolder, journalData = journal) {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, "meta"));
  const entries = journalData.entries.slice(0, count);
  fs.writeFileSync(path.join(dir, "meta/_journal.json"), JSON.stringify({ ...journalData, entries }));
  for (const entry of entries) {
    fs.copyFileSync(path.join(source, `${entry.tag}.sql`), path.join(dir, `${entry.tag}.sql`));
  }
  return dir;
}

function openTemp() {
  const sqlite = new Database(path.join(tempDir(), "t.db"));
  sqlite.pragma("foreign_keys = ON");
  return sqlite;
}

describe("every migration, applied to a database full of data", () => {
  it("applies cleanly from empty", async () => {
    const sqlite = openTemp();
    const result = await migrateDatabase(sqlite);
    expect(result.applied).toBe(journal.entries.length);
    expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
    expect((await migrateDatabase(sqlite)).applied).toBe(0);
  });

  for (const [index, entry] of journal.entries.entries()) {
    if (index === 0) continue;
    it(`${entry.tag} keeps every row of the schema before it`, async () => {
      const sqlite = openTemp();
      await migrateDatabase(sqlite, { folder: folderWithFirst(index) });
      fillEveryTable(sqlite, 4);
      const before = rowCounts(sqlite);
      const result = await migrateDatabase(sqlite, {
        folder: folderWithFirst(index + 1),
        backupDir: tempDir(),
      });
      expect(result.applied).toBe(1);
      expect(result.backupPath && fs.existsSync(result.backupPath)).toBeTruthy();
      const after = rowCounts(sqlite);
      for (const [table, count] of Object.entries(before)) {
        if (intendedDrops[entry.tag]?.includes(table)) continue;
        expect({ table, rows: after[table] }).toEqual({ table, rows: count });
      }
      expect(sqlite.pragma("foreign_key_check")).toEqual([]);
    });
  }
});

describe("the migration runner", () => {
  /** Two hand-written migrations: a parent with cascading children, then a drizzle-kit style rebuild of the parent. */
  function rebuildScenario(secondSql: string) {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, "meta"));
    const entries = [
      { idx: 0, version: "6", when: 1000, tag: "0000_parent", breakpoints: true },
      { idx: 1, version: "6", when: 2000, tag: "0001_rebuild", breakpoints: true },
    ];
    fs.writeFileSync(
      path.join(dir, "meta/_journal.json"),
      JSON.stringify({ version: "7", dialect: "sqlite", entries }),
    );
    fs.writeFileSync(
      path.join(dir, "0000_parent.sql"),
      [
        "CREATE TABLE parent (id integer PRIMARY KEY, name text NOT NULL);",
        "CREATE TABLE child (id integer PRIMARY KEY, parent_id integer NOT NULL REFERENCES parent(id) ON DELETE CASCADE);",
      ].join("\n--> statement-breakpoint\n"),
    );
    fs.writeFileSync(path.join(dir, "0001_rebuild.sql"), secondSql);
    return dir;
  }

  const drizzleRebuild = [
    "PRAGMA foreign_keys=OFF;",
    "CREATE TABLE `__new_parent` (id integer PRIMARY KEY, name text NOT NULL, note text);",
    "INSERT INTO `__new_parent`(id, name) SELECT id, name FROM `parent`;",
    "DROP TABLE `parent`;",
    "ALTER TABLE `__new_parent` RENAME TO `parent`;",
    "PRAGMA foreign_keys=ON;",
  ].join("\n--> statement-breakpoint\n");

  it("rebuilds a parent table without cascade-deleting its children", async () => {
    const dir = rebuildScenario(drizzleRebuild);
    const sqlite = openTemp();
    const first = folderWithFirst(
      1,
      dir,
      JSON.parse(fs.readFileSync(path.join(dir, "meta/_journal.json"), "utf8")),
    );
    await migrateDatabase(sqlite, { folder: first });
    sqlite.exec(
      "INSERT INTO parent VALUES (1, 'a'), (2, 'b'); INSERT INTO child VALUES (1, 1), (2, 1), (3, 2);",
    );
    await migrateDatabase(sqlite, { folder: dir, backupDir: tempDir() });
    expect(sqlite.prepare("SELECT count(*) FROM child").pluck().get()).toBe(3);
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
  });

  it("refuses a migration that would leave broken references, and leaves the database as it was", async () => {
    const breaking = ["DELETE FROM parent WHERE id = 1;"].join("\n");
    const dir = rebuildScenario(breaking);
    const sqlite = openTemp();
    const first = folderWithFirst(
      1,
      dir,
      JSON.parse(fs.readFileSync(path.join(dir, "meta/_journal.json"), "utf8")),
    );
    await migrateDatabase(sqlite, { folder: first });
    sqlite.exec("INSERT INTO parent VALUES (1, 'a'); INSERT INTO child VALUES (1, 1);");
    await expect(migrateDatabase(sqlite, { folder: dir, backupDir: tempDir() })).rejects.toThrow(
      /broken references/,
    );
    expect(sqlite.prepare("SELECT count(*) FROM parent").pluck().get()).toBe(1);
    expect(sqlite.prepare("SELECT count(*) FROM __drizzle_migrations").pluck().get()).toBe(1);
  });

  it("backs up a database that holds data before migrating it", async () => {
    const dir = rebuildScenario(drizzleRebuild);
    const sqlite = openTemp();
    const first = folderWithFirst(
      1,
      dir,
      JSON.parse(fs.readFileSync(path.join(dir, "meta/_journal.json"), "utf8")),
    );
    await migrateDatabase(sqlite, { folder: first });
    sqlite.exec("INSERT INTO parent VALUES (1, 'kept in the backup');");
    const backups = tempDir();
    const { backupPath } = await migrateDatabase(sqlite, { folder: dir, backupDir: backups });
    const copy = new Database(backupPath!, { readonly: true });
    expect(copy.prepare("SELECT name FROM parent").pluck().get()).toBe("kept in the backup");
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
  });
});
