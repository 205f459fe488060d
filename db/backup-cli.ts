// Makes a consistent copy of the database while the app keeps running:
//   npm run db:backup [-- --to FILE]
// Without --to, the copy goes into the backup folder (BACKUP_DIR, by default `backups/` beside the
// database) under a name with the date and time. It prints where the copy is and how big it is.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { backupDatabase, backupFileName, formatBytes } from "./backup.server";

const usage = "Usage: npm run db:backup [-- --to FILE]";

async function main() {
  let args;
  try {
    args = parseArgs({ options: { to: { type: "string" } } }).values;
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${usage}`);
  }
  const { getConfig } = await import("~/utils/env.server");
  const config = getConfig();
  if (!fs.existsSync(config.databasePath)) {
    throw new Error(`There is no database at ${config.databasePath} (DATABASE_PATH) to back up.`);
  }
  const target = path.resolve(args.to ?? path.join(config.backupDir, backupFileName(config.databasePath)));
  const sqlite = new Database(config.databasePath, { fileMustExist: true });
  sqlite.pragma("busy_timeout = 5000");
  try {
    // One step: from another process a stepped backup would restart at every write the app makes.
    const result = await backupDatabase(sqlite, target, { pagesPerStep: Number.MAX_SAFE_INTEGER });
    console.log(`Backup written: ${result.path} (${formatBytes(result.bytes)}); integrity check: ok.`);
  } finally {
    sqlite.close();
  }
}

main().catch((error: Error) => {
  console.error(error.name === "ConfigError" ? error.message : `The backup failed: ${error.message}`);
  process.exit(1);
});
