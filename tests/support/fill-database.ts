import type Database from "better-sqlite3";

type Column = { name: string; type: string; notnull: number; pk: number };
type ForeignKey = { table: string; from: string; to: string | null };

/** Every application table, parents before children. */
export function applicationTables(sqlite: Database.Database): string[] {
  const names = sqlite
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table'
       AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  const ordered: string[] = [];
  const visit = (table: string, path: string[] = []) => {
    if (ordered.includes(table) || path.includes(table)) return;
    for (const fk of foreignKeys(sqlite, table)) {
      if (fk.table !== table) visit(fk.table, [...path, table]);
    }
    ordered.push(table);
  };
  names.forEach((name) => visit(name));
  return ordered;
}

function foreignKeys(sqlite: Database.Database, table: string): ForeignKey[] {
  return sqlite.prepare(`PRAGMA foreign_key_list("${table}")`).all() as ForeignKey[];
}

/**
 * Puts `rows` rows in every table, whatever the schema: each column gets a value of its type,
 * each foreign key points at an existing parent row. Used to prove migrations lose nothing.
 */
export function fillEveryTable(sqlite: Database.Database, rows = 3) {
  for (const table of applicationTables(sqlite)) {
    const columns = sqlite.prepare(`PRAGMA table_info("${table}")`).all() as Column[];
    const fks = foreignKeys(sqlite, table);
    const parentKeys = new Map<string, unknown[]>();
    for (const fk of fks) {
      const target = fk.to ?? "rowid";
      parentKeys.set(fk.from, sqlite.prepare(`SELECT "${target}" FROM "${fk.table}"`).pluck().all());
    }
    const autoId =
      columns.filter((c) => c.pk > 0).length === 1 && columns.some((c) => c.pk === 1 && /INT/i.test(c.type));
    const filled = columns.filter((c) => !(autoId && c.pk === 1));
    const insert = sqlite.prepare(
      `INSERT INTO "${table}" (${filled.map((c) => `"${c.name}"`).join(", ")}) VALUES (${filled.map(() => "?").join(", ")})`,
    );
    for (let i = 0; i < rows; i += 1) {
      insert.run(
        filled.map((column) => {
          const parents = parentKeys.get(column.name);
          if (parents) return parents.length ? parents[i % parents.length] : null;
          if (/INT/i.test(column.type)) return i + 1;
          if (/REAL|NUM/i.test(column.type)) return i + 1.5;
          return JSON.stringify(`${table}-${column.name}-${i + 1}`);
        }),
      );
    }
  }
}

export function rowCounts(sqlite: Database.Database): Record<string, number> {
  return Object.fromEntries(
    applicationTables(sqlite).map((table) => [
      table,
      (sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n,
    ]),
  );
}
