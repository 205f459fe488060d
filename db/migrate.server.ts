import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import { readMigrationFiles } from "drizzle-orm/migrator";

export const migrationsFolder = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../drizzle");

export type MigrationResult = { applied: number; backupPath: string | null };

/**
 * Applies drizzle-kit's migrations, recording them in drizzle's own `__drizzle_migrations` table.
 *
 * Unlike drizzle's migrator it runs each migration with foreign keys really off (the pragma does
 * nothing inside a transaction, so drizzle-kit's table rebuilds would otherwise cascade-delete child
 * rows), checks `foreign_key_check` before committing, and backs up a database holding data first.
 */
export async function migrateDatabase(
  sqlite: Database.Database,
  options: { folder?: string; backupDir?: string } = {},
): Promise<MigrationResult> {
  const migrations = readMigrationFiles({ migrationsFolder: options.folder ?? migrationsFolder });
  sqlite.exec(`CREATE TABLE IF NOT EXISTS "__drizzle_migrations" (
    id INTEGER PRIMARY KEY AUTOINCREMENT, hash text NOT NULL, created_at numeric)`);
  const last = sqlite
    .prepare(`SELECT created_at FROM "__drizzle_migrations" ORDER BY created_at DESC LIMIT 1`)
    .get() as { created_at: number } | undefined;
  const pending = migrations.filter((m) => !last || Number(last.created_at) < m.folderMillis);
  if (pending.length === 0) return { applied: 0, backupPath: null };

  const backupPath = last ? await backupBeforeMigrating(sqlite, options.backupDir) : null;

  for (const migration of pending) {
    sqlite.pragma("foreign_keys = OFF");
    try {
      sqlite.exec("BEGIN IMMEDIATE");
      try {
        for (const statement of migration.sql) {
          if (statement.trim()) sqlite.exec(statement);
        }
        const violations = sqlite.pragma("foreign_key_check") as unknown[];
        if (violations.length > 0) {
          throw new Error(
            `Migration ${migration.folderMillis} would leave ${violations.length} broken references: ${JSON.stringify(violations.slice(0, 5))}`,
          );
        }
        sqlite
          .prepare(`INSERT INTO "__drizzle_migrations" (hash, created_at) VALUES (?, ?)`)
          .run(migration.hash, migration.folderMillis);
        sqlite.exec("COMMIT");
      } catch (error) {
        sqlite.exec("ROLLBACK");
        throw error;
      }
    } finally {
      sqlite.pragma("foreign_keys = ON");
    }
  }
  return { applied: pending.length, backupPath };
}

async function backupBeforeMigrating(sqlite: Database.Database, backupDir?: string) {
  const dir = backupDir ?? path.join(path.dirname(sqlite.name), "backups");
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const target = path.join(dir, `before-migration-${stamp}.db`);
  await sqlite.backup(target);
  return target;
}
