import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "~db/connection.server";
import { migrateDatabase } from "~db/migrate.server";
import { testRoot } from "./paths";

declare module "vitest" {
  export interface ProvidedContext {
    testDirectory: string;
  }
}

/** Once per run: a migrated, empty database that every test file starts from. */
export default async function setup(project: TestProject) {
  const dir = path.join(testRoot, `run-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const { sqlite } = openDatabase(path.join(dir, "template.db"));
  await migrateDatabase(sqlite);
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.pragma("journal_mode = DELETE");
  sqlite.close();
  project.provide("testDirectory", dir);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
