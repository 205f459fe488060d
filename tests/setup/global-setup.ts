import fs from "node:fs";
import { openDatabase } from "~db/connection.server";
import { migrateDatabase } from "~db/migrate.server";
import { templateDatabase, testTmp } from "./paths";

/** Once per run: a migrated, empty database that every test file starts from. */
export default async function setup() {
  fs.rmSync(testTmp, { recursive: true, force: true });
  fs.mkdirSync(testTmp, { recursive: true });
  const { sqlite } = openDatabase(templateDatabase);
  await migrateDatabase(sqlite);
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.pragma("journal_mode = DELETE");
  sqlite.close();
  return () => fs.rmSync(testTmp, { recursive: true, force: true });
}
