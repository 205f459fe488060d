import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import { z } from "zod";

/**
 * Every setting the app reads, checked once at start-up. The app must start with none set,
 * so each has a safe default; a bad value stops start-up with a message naming the variable.
 */
const settingsSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  HOST: z.string().min(1).default("0.0.0.0"),
  PORT: z.coerce
    .number({ invalid_type_error: "must be a whole number" })
    .int("must be a whole number")
    .min(1, "must be between 1 and 65535")
    .max(65535, "must be between 1 and 65535")
    .default(3000),
  DATABASE_PATH: z.string().min(1).default("data/tracker.db"),
  SESSION_SECRET: z
    .string()
    .min(32, "must be at least 32 characters (for example: openssl rand -hex 32)")
    .optional(),
  SESSION_DAYS: z.coerce
    .number({ invalid_type_error: "must be a number of days" })
    .int("must be a whole number of days")
    .min(1, "must be at least 1 day")
    .max(90, "must be at most 90 days")
    .default(14),
  LOGIN_MAX_FAILURES: z.coerce
    .number({ invalid_type_error: "must be a whole number" })
    .int()
    .min(1, "must be at least 1")
    .default(10),
  LOGIN_WINDOW_MINUTES: z.coerce
    .number({ invalid_type_error: "must be a whole number of minutes" })
    .int()
    .min(1, "must be at least 1 minute")
    .default(15),
  TRUST_PROXY: z
    .enum(["true", "false", "1", "0", ""], {
      errorMap: () => ({ message: "must be true or false" }),
    })
    .default("false")
    .transform((value) => value === "true" || value === "1"),
  BACKUP_DIR: z.string().min(1).optional(),
  BACKUP_KEEP_DAYS: z.coerce
    .number({ invalid_type_error: "must be a whole number of days" })
    .int("must be a whole number of days")
    .min(0, "must be 0 (no automatic backups) or more days")
    .max(3650, "must be at most 3650 days")
    .default(14),
  WRITE_LIMIT_PER_USER: writesPerMinute(),
  WRITE_LIMIT_PER_ADDRESS: writesPerMinute(),
  WEB_CONCURRENCY: z.coerce
    .number({ invalid_type_error: "must be a whole number of server processes" })
    .int("must be a whole number of server processes")
    .min(1, "must be at least 1")
    .max(64, "must be at most 64")
    .optional(),
});

/** Server processes by default: one per CPU core, at most 4 (each holds its own copy of the app in memory). */
const DEFAULT_MAX_PROCESSES = 4;

/** Writes (form posts) a minute; 0 turns the limit off. */
function writesPerMinute() {
  return z.coerce
    .number({ invalid_type_error: "must be a whole number of writes a minute (0 for no limit)" })
    .int("must be a whole number of writes a minute (0 for no limit)")
    .min(0, "must be 0 (no limit) or more")
    .max(1_000_000, "must be at most 1000000")
    .optional();
}

/**
 * The write limits' defaults. The test suite makes thousands of writes as one user in a few
 * seconds, so under NODE_ENV=test they are off unless set.
 */
const WRITE_LIMIT_DEFAULTS = { perUser: 120, perAddress: 300 };

export type Config = {
  env: "development" | "production" | "test";
  host: string;
  port: number;
  databasePath: string;
  sessionSecret: string;
  sessionMaxAgeSeconds: number;
  loginMaxFailures: number;
  loginWindowMinutes: number;
  trustProxy: boolean;
  /** Where automatic and `npm run db:backup` backups go. */
  backupDir: string;
  /** Days automatic backups are kept; 0 turns automatic backups off. */
  backupKeepDays: number;
  /** Writes a minute one signed-in user may make; 0 means no limit. */
  writeLimitPerUser: number;
  /** Writes a minute from one client address (signed in or not); 0 means no limit. */
  writeLimitPerAddress: number;
  /** How many server processes answer requests (server.js); 1 answers them in the main process. */
  serverProcesses: number;
};

export class ConfigError extends Error {
  name = "ConfigError";
}

/** Reads settings from an environment; empty strings count as unset. */
export function parseConfig(environment: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(
    Object.entries(environment).filter(([, value]) => value !== undefined && value !== ""),
  );
  const parsed = settingsSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `  ${issue.path.join(".")}: ${issue.message} (got "${present[issue.path[0] as string]}")`,
    );
    throw new ConfigError(`The app cannot start: a setting is not valid.\n${lines.join("\n")}`);
  }
  const settings = parsed.data;
  const databasePath = path.resolve(settings.DATABASE_PATH);
  fs.mkdirSync(path.dirname(databasePath), { recursive: true });
  return {
    env: settings.NODE_ENV,
    host: settings.HOST,
    port: settings.PORT,
    databasePath,
    sessionSecret: settings.SESSION_SECRET ?? readOrCreateSecret(databasePath),
    sessionMaxAgeSeconds: settings.SESSION_DAYS * 24 * 60 * 60,
    loginMaxFailures: settings.LOGIN_MAX_FAILURES,
    loginWindowMinutes: settings.LOGIN_WINDOW_MINUTES,
    trustProxy: settings.TRUST_PROXY,
    backupDir: settings.BACKUP_DIR
      ? path.resolve(settings.BACKUP_DIR)
      : path.join(path.dirname(databasePath), "backups"),
    backupKeepDays: settings.BACKUP_KEEP_DAYS,
    writeLimitPerUser:
      settings.WRITE_LIMIT_PER_USER ?? (settings.NODE_ENV === "test" ? 0 : WRITE_LIMIT_DEFAULTS.perUser),
    writeLimitPerAddress:
      settings.WRITE_LIMIT_PER_ADDRESS ??
      (settings.NODE_ENV === "test" ? 0 : WRITE_LIMIT_DEFAULTS.perAddress),
    serverProcesses: settings.WEB_CONCURRENCY ?? Math.min(os.availableParallelism(), DEFAULT_MAX_PROCESSES),
  };
}

/** A secret generated on first start and kept beside the database, readable only by its owner. */
function readOrCreateSecret(databasePath: string): string {
  const secretPath = `${databasePath}.session-secret`;
  try {
    return fs.readFileSync(secretPath, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const secret = crypto.randomBytes(32).toString("hex");
  try {
    fs.writeFileSync(secretPath, secret, { mode: 0o600, flag: "wx" });
    return secret;
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      return fs.readFileSync(secretPath, "utf8").trim();
    }
    throw error;
  }
}

let cached: Config | undefined;

export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
