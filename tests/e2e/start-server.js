// Starts the real built server on a fresh, empty database for the end-to-end tests.
import fs from "node:fs";
import path from "node:path";

const dir = path.resolve("tests/.tmp/e2e-db");
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
process.env.DATABASE_PATH = path.join(dir, "tracker.db");
process.env.NODE_ENV = "production";
// One administrator drives every browser test: the write limits are tested on their own (tests/security-headers.test.ts).
process.env.WRITE_LIMIT_PER_USER = "0";
process.env.WRITE_LIMIT_PER_ADDRESS = "0";
await import("../../server.js");
