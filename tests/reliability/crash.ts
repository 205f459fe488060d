// Crash test: does the app keep every write it acknowledged when the process is killed outright?
//   npm run test:crash [-- --iterations 30 --writers 6 --no-build]
//
// Starts the real built server, signs in, and adds partners through the real form (several at
// once), noting each one the server acknowledged (a 302 to the new partner). At a random moment it
// kills the server with SIGKILL (no shutdown, no checkpoint), starts it again on the same database,
// and checks through the database that every acknowledged partner is there, with its audit event,
// and that `PRAGMA integrity_check` says ok. Prints the figures; exits 1 on any loss.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import {
  Client,
  ensureBuild,
  freePort,
  redirectedId,
  runScript,
  sleep,
  stageServer,
  startServer,
} from "./harness";

const { values: args } = parseArgs({
  options: {
    iterations: { type: "string", default: "30" },
    writers: { type: "string", default: "8" },
    "no-build": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
});
const iterations = Number(args.iterations);
const writers = Number(args.writers);
const email = "crash@example.org";
const password = "a long crash test passphrase";

type Acknowledged = { id: number; name: string };

async function main() {
  const started = Date.now();
  ensureBuild({ build: !args["no-build"] });
  const stage = stageServer();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-crash-"));
  const databasePath = path.join(work, "tracker.db");
  // The script makes thousands of writes a minute as one user from one address: no write limits.
  const env = {
    DATABASE_PATH: databasePath,
    BACKUP_DIR: path.join(work, "backups"),
    WRITE_LIMIT_PER_USER: "0",
    WRITE_LIMIT_PER_ADDRESS: "0",
  };
  const made = await runScript(
    "db/create-user.ts",
    ["--email", email, "--password", password, "--role", "editor"],
    env,
  );
  if (made.code !== 0) throw new Error(`Could not create the user: ${made.stderr}`);
  const port = await freePort();

  const acknowledged: Acknowledged[] = [];
  const attempted = new Set<string>();
  const unexpected: string[] = [];
  let checks = 0;
  let server = await startServer({ stage, databasePath, port, env });

  for (let i = 1; i <= iterations; i++) {
    // The server has just started on the database the last one was killed on: check it first.
    check(databasePath, acknowledged);
    checks++;
    const client = new Client(server.url);
    await client.signIn(email, password);
    const killAfter = 500 + Math.random() * 4500;
    const writes = Array.from({ length: writers }, (_, w) =>
      writeUntilGone(client, `Crash ${i}.${w}`, acknowledged, attempted, unexpected),
    );
    await sleep(killAfter);
    server.child.kill("SIGKILL");
    await server.exited;
    await Promise.all(writes);
    const count = acknowledged.length;
    process.stdout.write(
      `  ${String(i).padStart(2)}/${iterations}: killed after ${Math.round(killAfter)} ms; ${count} acknowledged so far\n`,
    );
    server = await startServer({ stage, databasePath, port, env });
  }
  check(databasePath, acknowledged);
  checks++;
  server.child.kill("SIGTERM");
  const stop = await server.exited;

  const db = new Database(databasePath, { readonly: true });
  const names = new Set(db.prepare("SELECT name FROM partners").pluck().all() as string[]);
  db.close();
  const inFlight = [...attempted].filter((name) => !acknowledged.some((a) => a.name === name));
  const inFlightKept = inFlight.filter((name) => names.has(name)).length;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);

  console.log(`
Crash test: ${iterations} SIGKILLs of the real server while ${writers} clients added partners
  acknowledged writes:          ${acknowledged.length}
  missing after restart:        0 (checked after each of ${checks} restarts)
  integrity_check:              ok every time
  in flight when killed:        ${inFlight.length} (${inFlightKept} committed, ${inFlight.length - inFlightKept} not: never acknowledged, so allowed)
  unexpected answers:           ${unexpected.length}${unexpected.length ? ` (${unexpected.slice(0, 5).join(", ")})` : ""}
  clean stop at the end:        exit code ${stop.code}
  time:                         ${seconds} s`);
  if (unexpected.length > 0 || stop.code !== 0)
    throw new Error("The server answered unexpectedly (see above).");
  if (!args.keep) {
    fs.rmSync(work, { recursive: true, force: true });
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

/** Adds partners one after another until the server is gone; notes each acknowledged one. */
async function writeUntilGone(
  client: Client,
  prefix: string,
  acknowledged: Acknowledged[],
  attempted: Set<string>,
  unexpected: string[],
) {
  for (let n = 1; ; n++) {
    const name = `${prefix}.${n} ${Math.random().toString(36).slice(2, 8)}`;
    attempted.add(name);
    let response: Response;
    try {
      response = await client.post("/partners/new", { name, type: "charity", status: "active" });
      await response.arrayBuffer();
    } catch {
      return; // killed: this write was never acknowledged
    }
    const id = redirectedId(response, "/partners");
    if (id !== null) acknowledged.push({ id, name });
    else unexpected.push(String(response.status));
  }
}

/** Every acknowledged partner is there with its audit event, and the file is intact. */
function check(databasePath: string, acknowledged: Acknowledged[]) {
  const db = new Database(databasePath, { readonly: true });
  try {
    const integrity = db.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new Error(`integrity_check: ${JSON.stringify(integrity)}`);
    const partner = db.prepare("SELECT name FROM partners WHERE id = ?").pluck();
    const audited = db
      .prepare(
        "SELECT count(*) FROM audit_events WHERE record_type = 'partner' AND record_id = ? AND action = 'create'",
      )
      .pluck();
    const missing = acknowledged.filter((a) => partner.get(a.id) !== a.name || audited.get(a.id) !== 1);
    if (missing.length > 0) {
      throw new Error(
        `${missing.length} acknowledged write(s) missing: ${missing
          .slice(0, 5)
          .map((m) => `${m.id} ${m.name}`)
          .join(", ")}`,
      );
    }
  } finally {
    db.close();
  }
}

main().catch((error: Error) => {
  console.error(`\nCrash test FAILED: ${error.message}`);
  process.exit(1);
});
