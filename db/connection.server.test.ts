import Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import { preparingOnce } from "./connection.server";

const people = sqliteTable("people", { id: integer("id").primaryKey(), name: text("name").notNull() });

function connection() {
  const sqlite = new Database(":memory:");
  sqlite.exec("CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
  sqlite.exec("INSERT INTO people (name) VALUES ('Ann'), ('Bea')");
  return { sqlite, db: drizzle({ client: preparingOnce(sqlite), schema: { people } }) };
}

describe("each SQL text prepared once", () => {
  it("hands out the same statement for the same text, and a new one for another", () => {
    const { sqlite } = connection();
    const client = preparingOnce(sqlite);
    const first = client.prepare("SELECT name FROM people");
    expect(client.prepare("SELECT name FROM people")).toBe(first);
    expect(client.prepare("SELECT id FROM people")).not.toBe(first);
  });

  it("gives rows as objects again after drizzle used the statement for arrays", () => {
    const { db } = connection();
    // drizzle's select maps columns itself, so it switches the statement to arrays…
    expect(db.select({ id: people.id, name: people.name }).from(people).all()).toEqual([
      { id: 1, name: "Ann" },
      { id: 2, name: "Bea" },
    ]);
    // …and the same SQL text asked for as plain rows still comes back as objects.
    expect(db.select({ id: people.id, name: people.name }).from(people).toSQL().sql).toBe(
      'select "id", "name" from "people"',
    );
    expect(db.all(sql`select "id", "name" from "people"`)).toEqual([
      { id: 1, name: "Ann" },
      { id: 2, name: "Bea" },
    ]);
  });

  it("sees writes and schema changes made since a statement was prepared", () => {
    const { db, sqlite } = connection();
    const names = () =>
      db
        .select({ name: people.name })
        .from(people)
        .all()
        .map((row) => row.name);
    expect(names()).toEqual(["Ann", "Bea"]);
    db.insert(people).values({ name: "Cy" }).run();
    expect(names()).toEqual(["Ann", "Bea", "Cy"]);
    sqlite.exec("ALTER TABLE people ADD COLUMN note TEXT");
    expect(names()).toEqual(["Ann", "Bea", "Cy"]);
    expect(db.transaction((tx) => tx.select({ name: people.name }).from(people).all()).length).toBe(3);
  });
});
