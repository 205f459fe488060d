import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./env.server";

function tempDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), "tracker-config-"));
}

describe("settings", () => {
  it("starts with nothing set, using safe defaults and a generated secret kept beside the database", () => {
    const dir = tempDir();
    const databasePath = path.join(dir, "nested", "tracker.db");
    const config = parseConfig({ DATABASE_PATH: databasePath });
    expect(config.port).toBe(3000);
    expect(config.databasePath).toBe(databasePath);
    expect(fs.existsSync(path.dirname(databasePath))).toBe(true);
    expect(config.sessionSecret).toMatch(/^[0-9a-f]{64}$/);
    const secretFile = `${databasePath}.session-secret`;
    expect(fs.statSync(secretFile).mode & 0o777).toBe(0o600);
    // The same secret is used on the next start.
    expect(parseConfig({ DATABASE_PATH: databasePath }).sessionSecret).toBe(config.sessionSecret);
  });

  it("uses SESSION_SECRET when given, and PORT overrides the port", () => {
    const dir = tempDir();
    const config = parseConfig({
      DATABASE_PATH: path.join(dir, "t.db"),
      SESSION_SECRET: "x".repeat(40),
      PORT: "8080",
    });
    expect(config.sessionSecret).toBe("x".repeat(40));
    expect(config.port).toBe(8080);
    expect(fs.existsSync(path.join(dir, "t.db.session-secret"))).toBe(false);
  });

  it("stops with a message naming the setting when a value is bad", () => {
    const dir = tempDir();
    const attempt = () =>
      parseConfig({ DATABASE_PATH: path.join(dir, "t.db"), PORT: "eighty", SESSION_SECRET: "short" });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      expect((error as Error).message).toContain('PORT: must be a whole number (got "eighty")');
      expect((error as Error).message).toContain("SESSION_SECRET: must be at least 32 characters");
    }
    expect(() => parseConfig({ DATABASE_PATH: path.join(dir, "t.db"), PORT: "70000" })).toThrow(
      /between 1 and 65535/,
    );
  });

  it("answers with one server process per CPU core, at most 4, unless WEB_CONCURRENCY says how many", () => {
    const dir = tempDir();
    const databasePath = path.join(dir, "t.db");
    expect(parseConfig({ DATABASE_PATH: databasePath }).serverProcesses).toBe(
      Math.min(os.availableParallelism(), 4),
    );
    expect(parseConfig({ DATABASE_PATH: databasePath, WEB_CONCURRENCY: "1" }).serverProcesses).toBe(1);
    expect(parseConfig({ DATABASE_PATH: databasePath, WEB_CONCURRENCY: "8" }).serverProcesses).toBe(8);
    expect(() => parseConfig({ DATABASE_PATH: databasePath, WEB_CONCURRENCY: "0" })).toThrow(
      /WEB_CONCURRENCY: must be at least 1/,
    );
    expect(() => parseConfig({ DATABASE_PATH: databasePath, WEB_CONCURRENCY: "two" })).toThrow(
      /WEB_CONCURRENCY: must be a whole number of server processes/,
    );
  });

  it("treats empty values as unset", () => {
    const dir = tempDir();
    expect(parseConfig({ DATABASE_PATH: path.join(dir, "t.db"), PORT: "" }).port).toBe(3000);
  });
});
