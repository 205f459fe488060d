// Concurrency test: many people saving at once.
//   npm run test:load [-- --seconds 60 --clients 50 --readers 10 --no-build]
//
// Starts the real built server and, for a minute, has 50 signed-in clients post real forms as fast
// as the server answers (new partners, meetings, benefits and volunteers' hours, mixed) while 10
// readers load list pages. Half-way through, `npm run db:backup` copies the database from another
// process and a user is created from another process (a second writer). Fails on any 5xx, any
// SQLITE_BUSY or "database is locked" in the server's output, or any acknowledged write missing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import {
  Client,
  ensureBuild,
  freePort,
  percentile,
  redirectedId,
  runScript,
  sleep,
  stageServer,
  startServer,
} from "./harness";

const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "60" },
    clients: { type: "string", default: "50" },
    readers: { type: "string", default: "10" },
    "no-build": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
});
const seconds = Number(args.seconds);
const clients = Number(args.clients);
const readers = Number(args.readers);
const email = "load@example.org";
const password = "a long load test passphrase";

type Kind = "partner" | "meeting" | "benefit" | "hours";
const kinds: Kind[] = ["partner", "meeting", "benefit", "hours"];
/** How each acknowledged write is found again: its table, the column holding its unique text. */
const stored: Record<Kind, { table: string; column: string }> = {
  partner: { table: "partners", column: "name" },
  meeting: { table: "meetings", column: "title" },
  benefit: { table: "benefits", column: "description" },
  hours: { table: "volunteer_hours", column: "activity" },
};

type Sample = { kind: Kind | "read"; status: number; ms: number };

async function main() {
  ensureBuild({ build: !args["no-build"] });
  const stage = stageServer();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-load-"));
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
  const server = await startServer({ stage, databasePath, port: await freePort(), env });

  // Volunteers to log hours against.
  const setup = new Client(server.url);
  await setup.signIn(email, password);
  const volunteerIds: number[] = [];
  for (let v = 1; v <= 5; v++) {
    const response = await setup.post("/volunteers/new", {
      name: `Load volunteer ${v}`,
      programme: "volunteer",
      status: "active",
    });
    const id = redirectedId(response, "/volunteers");
    if (id === null) throw new Error(`Could not add a volunteer: status ${response.status}`);
    volunteerIds.push(id);
  }

  const people = await Promise.all(
    Array.from({ length: clients + readers }, async () => {
      const client = new Client(server.url);
      await client.signIn(email, password);
      return client;
    }),
  );
  console.log(`Signed in ${people.length} clients; running for ${seconds} s…`);

  const samples: Sample[] = [];
  const acknowledged: Record<Kind, string[]> = { partner: [], meeting: [], benefit: [], hours: [] };
  const started = performance.now();
  const deadline = started + seconds * 1000;

  const writer = async (client: Client, c: number) => {
    for (let n = 0; performance.now() < deadline; n++) {
      const kind = kinds[(c + n) % kinds.length];
      const text = `Load ${kind} ${c}.${n} ${Math.random().toString(36).slice(2, 8)}`;
      const { pathname, fields, prefix } = form(kind, text, volunteerIds[(c + n) % volunteerIds.length]);
      const t0 = performance.now();
      const response = await client.post(pathname, fields);
      await response.arrayBuffer();
      samples.push({ kind, status: response.status, ms: performance.now() - t0 });
      if (redirectedId(response, prefix) !== null) acknowledged[kind].push(text);
    }
  };
  const listPages = [
    "/partners",
    "/meetings",
    "/benefits",
    "/volunteers",
    "/partners?q=Load&page=2",
    "/meetings?page=3",
  ];
  const reader = async (client: Client, r: number) => {
    for (let n = 0; performance.now() < deadline; n++) {
      const t0 = performance.now();
      const response = await client.get(listPages[(r + n) % listPages.length]);
      await response.arrayBuffer();
      samples.push({ kind: "read", status: response.status, ms: performance.now() - t0 });
    }
  };
  // Other processes using the database meanwhile: an online backup and a second writer.
  const others = (async () => {
    await sleep((seconds * 1000) / 3);
    const backup = await runScript("db/backup-cli.ts", [], env);
    await sleep((seconds * 1000) / 6);
    const user = await runScript(
      "db/create-user.ts",
      ["--email", "second@example.org", "--password", password, "--role", "viewer"],
      env,
    );
    return { backup, user };
  })();

  await Promise.all([
    ...people.slice(0, clients).map((client, c) => writer(client, c)),
    ...people.slice(clients).map((client, r) => reader(client, r)),
  ]);
  const elapsed = (performance.now() - started) / 1000;
  const { backup, user } = await others;

  server.child.kill("SIGTERM");
  const stop = await server.exited;
  const output = server.output();

  const db = new Database(databasePath, { readonly: true });
  const missing: string[] = [];
  for (const kind of kinds) {
    const { table, column } = stored[kind];
    const present = new Set(db.prepare(`SELECT ${column} FROM ${table}`).pluck().all() as string[]);
    missing.push(...acknowledged[kind].filter((text) => !present.has(text)));
  }
  const integrity = db.pragma("integrity_check", { simple: true });
  db.close();

  const writes = samples.filter((s) => s.kind !== "read");
  const reads = samples.filter((s) => s.kind === "read");
  const statuses = new Map<number, number>();
  for (const s of samples) statuses.set(s.status, (statuses.get(s.status) ?? 0) + 1);
  const serverErrors = samples.filter((s) => s.status >= 500).length;
  const wrongAnswers = samples.filter((s) =>
    s.kind === "read" ? s.status !== 200 : s.status !== 302,
  ).length;
  const busy = output.split("\n").filter((line) => /SQLITE_BUSY|database is locked/i.test(line));
  const totalAcknowledged = kinds.reduce((sum, kind) => sum + acknowledged[kind].length, 0);
  const latency = (list: Sample[]) => {
    const sorted = list.map((s) => s.ms).sort((a, b) => a - b);
    return `p50 ${percentile(sorted, 50).toFixed(0)} ms, p99 ${percentile(sorted, 99).toFixed(0)} ms, max ${(sorted.at(-1) ?? 0).toFixed(0)} ms`;
  };

  console.log(`
Load test: ${clients} clients posting forms and ${readers} readers for ${elapsed.toFixed(1)} s
  requests:                     ${samples.length} (${writes.length} writes, ${reads.length} reads)
  acknowledged writes:          ${totalAcknowledged} (${kinds.map((k) => `${acknowledged[k].length} ${k}`).join(", ")})
  writes per second:            ${(totalAcknowledged / elapsed).toFixed(1)}
  write latency:                ${latency(writes)}
  read latency:                 ${latency(reads)}
  statuses:                     ${[...statuses].map(([s, n]) => `${s}×${n}`).join(", ")}
  5xx answers:                  ${serverErrors}
  other unexpected answers:     ${wrongAnswers - serverErrors}
  SQLITE_BUSY / locked in log:  ${busy.length}
  acknowledged but missing:     ${missing.length}
  integrity_check:              ${integrity}
  db:backup during the run:     ${backup.code === 0 ? backup.stdout.trim() : `FAILED ${backup.stderr.trim()}`}
  second writer (user:create):  ${user.code === 0 ? "ok" : `FAILED ${user.stderr.trim()}`}
  clean stop:                   exit code ${stop.code}`);

  const failed =
    serverErrors > 0 ||
    wrongAnswers > 0 ||
    busy.length > 0 ||
    missing.length > 0 ||
    integrity !== "ok" ||
    backup.code !== 0 ||
    user.code !== 0 ||
    stop.code !== 0;
  if (failed) {
    if (busy.length > 0) console.error(busy.slice(0, 5).join("\n"));
    throw new Error("see the figures above");
  }
  if (!args.keep) {
    fs.rmSync(work, { recursive: true, force: true });
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

/** The form a person fills in for each kind of write, with `text` as its unique name or description. */
function form(
  kind: Kind,
  text: string,
  volunteerId: number,
): { pathname: string; prefix: string; fields: Record<string, string | string[]> } {
  const today = new Date().toISOString().slice(0, 10);
  switch (kind) {
    case "partner":
      return {
        pathname: "/partners/new",
        prefix: "/partners",
        fields: { name: text, type: "university", status: "active" },
      };
    case "meeting":
      return {
        pathname: "/meetings/new",
        prefix: "/meetings",
        fields: { date: today, time: "10:30", kind: "call", title: text, summary: "Checked in on plans." },
      };
    case "benefit":
      return {
        pathname: "/benefits/new",
        prefix: "/benefits",
        fields: {
          beneficiary: "users",
          description: text,
          date: today,
          source: "observation",
          outcomes: ["glo_skills"],
        },
      };
    case "hours":
      return {
        pathname: `/volunteers/${volunteerId}`,
        prefix: "/volunteers",
        fields: { intent: "add-hours", hoursDate: today, hours: "2.5", activity: text },
      };
  }
}

main().catch((error: Error) => {
  console.error(`\nLoad test FAILED: ${error.message}`);
  process.exit(1);
});
