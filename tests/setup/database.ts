import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeEach, inject } from "vitest";

// Each test file gets its own copy of the migrated template, before any app module is imported.
const dir = inject("testDirectory");
const file = path.join(dir, `test-${process.pid}-${crypto.randomUUID()}.db`);
fs.copyFileSync(path.join(dir, "template.db"), file);
process.env.NODE_ENV = "test";
process.env.DATABASE_PATH = file;
process.env.SESSION_SECRET = "test-secret-that-is-at-least-32-characters-long";
globalThis.__trackerConnection?.sqlite.close();
globalThis.__trackerConnection = undefined;
await globalThis.__trackerReadWorker?.worker.terminate();
globalThis.__trackerReadWorker = undefined;

// Between tests, the database returns to the template's state: every table empty.
beforeEach(async () => {
  const { sqlite } = await import("~/utils/db.server");
  const tables = sqlite
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table'
       AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations'`,
    )
    .pluck()
    .all() as string[];
  sqlite.pragma("foreign_keys = OFF");
  sqlite.transaction(() => {
    for (const table of tables) sqlite.exec(`DELETE FROM "${table}"`);
    sqlite.exec("DELETE FROM sqlite_sequence");
  })();
  sqlite.pragma("foreign_keys = ON");
});

afterAll(async () => {
  await globalThis.__trackerReadWorker?.worker.terminate();
  globalThis.__trackerReadWorker = undefined;
  globalThis.__trackerConnection?.sqlite.close();
  globalThis.__trackerConnection = undefined;
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
});
