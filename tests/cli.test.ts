import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const tsx = path.resolve("node_modules/.bin/tsx");

function freshDatabase() {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tracker-cli-")), "tracker.db");
}

async function command(script: string, args: string[], databasePath: string) {
  try {
    const { stdout, stderr } = await run(tsx, [script, ...args], {
      env: { ...process.env, DATABASE_PATH: databasePath, NODE_ENV: "production" },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("npm run db:seed", () => {
  it("loads the demo organisation into an empty database, then refuses to touch it again", async () => {
    const databasePath = freshDatabase();
    const first = await command("db/seed.ts", [], databasePath);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Loaded the demo organisation/);
    expect(first.stdout).toContain("admin@demo.example");
    const db = new Database(databasePath, { readonly: true });
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect(count("partners")).toBeGreaterThanOrEqual(10);
    expect(count("volunteers")).toBeGreaterThanOrEqual(40);
    expect(count("meetings")).toBeGreaterThanOrEqual(20);
    expect(count("reviews")).toBeGreaterThanOrEqual(5);
    expect(count("equality_monitoring")).toBeGreaterThanOrEqual(20);
    const confirmedLines = db
      .prepare(`SELECT count(DISTINCT line_code) AS n FROM evidence_links WHERE status = 'confirmed'`)
      .get() as { n: number };
    expect(confirmedLines.n).toBeGreaterThanOrEqual(30); // real coverage straight after seeding
    expect(count("audit_events")).toBeGreaterThan(500);
    const partnersBefore = count("partners");
    db.close();

    const again = await command("db/seed.ts", [], databasePath);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already holds data/);
    const after = new Database(databasePath, { readonly: true });
    expect((after.prepare("SELECT count(*) AS n FROM partners").get() as { n: number }).n).toBe(partnersBefore);
    after.close();
  }, 60_000);
});

describe("npm run user:create", () => {
  it("creates a user who can sign in, and explains bad arguments", async () => {
    const databasePath = freshDatabase();
    const made = await command("db/create-user.ts", ["--email", "Ops@Example.org", "--password", "a long operator passphrase", "--role", "editor"], databasePath);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/Created editor ops@example.org/);
    const db = new Database(databasePath, { readonly: true });
    expect(db.prepare("SELECT email, role FROM users").all()).toEqual([{ email: "ops@example.org", role: "editor" }]);
    db.close();
    const bad = await command("db/create-user.ts", ["--email", "nope", "--password", "short", "--role", "boss"], databasePath);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--email: Enter an email address/);
    expect(bad.stderr).toMatch(/--password: Use at least 12 characters/);
    expect(bad.stderr).toMatch(/--role: must be admin, editor or viewer/);
    const duplicate = await command("db/create-user.ts", ["--email", "ops@example.org", "--password", "a long operator passphrase", "--role", "admin"], databasePath);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toMatch(/already exists/);
  }, 60_000);
});
