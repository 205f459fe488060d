// How long does an online backup hold the server up? Makes a database of a few hundred MB (in a
// temporary folder, deleted afterwards), then backs it up as the running server does (copying in
// steps on the server's own connection) while small writes and reads run every millisecond or so,
// and prints the longest pause of the event loop, with a one-step backup for comparison.
//   npm run test:backup-pause [-- --megabytes 300]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { backupDatabase, formatBytes, PAGES_PER_STEP } from "~db/backup.server";
import { openDatabase } from "~db/connection.server";
import { migrateDatabase } from "~db/migrate.server";

const { values: args } = parseArgs({ options: { megabytes: { type: "string", default: "300" } } });
const megabytes = Number(args.megabytes);

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-backup-pause-"));
  try {
    const databasePath = path.join(dir, "tracker.db");
    const { sqlite } = openDatabase(databasePath);
    await migrateDatabase(sqlite);
    console.log(`Making a database of about ${megabytes} MB…`);
    fill(sqlite, megabytes);
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
    console.log(`Database: ${formatBytes(fs.statSync(databasePath).size)}`);

    for (const [label, pagesPerStep] of [
      [`in steps of ${PAGES_PER_STEP} pages (as the server does)`, PAGES_PER_STEP],
      ["in one step (for comparison)", Number.MAX_SAFE_INTEGER],
    ] as const) {
      const target = path.join(dir, `copy-${pagesPerStep}.db`);
      const result = await measure(sqlite, () => backupDatabase(sqlite, target, { pagesPerStep }));
      console.log(`
Backup ${label}
  time (copy, check, flush):  ${(result.milliseconds / 1000).toFixed(1)} s
  longest pause:              ${result.longestPause.toFixed(1)} ms
  pauses over 20 ms:          ${result.over20}
  99th percentile pause:      ${result.p99.toFixed(1)} ms
  writes done meanwhile:      ${result.writes}`);
      fs.rmSync(target, { force: true });
    }
    sqlite.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Audit events with realistic JSON changes: the table that grows most in real use. */
function fill(sqlite: ReturnType<typeof openDatabase>["sqlite"], megabytes: number) {
  const insert = sqlite.prepare(
    `INSERT INTO audit_events (at, user_id, action, record_type, record_id, changes) VALUES (?, NULL, 'update', 'partner', ?, ?)`,
  );
  const rows = Math.round((megabytes * 1024 * 1024) / 1200);
  const changes = (i: number) =>
    JSON.stringify({
      notes: [
        `Notes before change ${i} ${"lorem ipsum ".repeat(40)}`,
        `Notes after ${"dolor sit ".repeat(40)}`,
      ],
    });
  for (let start = 0; start < rows; start += 10_000) {
    sqlite.transaction(() => {
      for (let i = start; i < Math.min(rows, start + 10_000); i++) insert.run(Date.now(), i, changes(i));
    })();
  }
}

/**
 * Runs `work` while a timer ticks every millisecond doing what a request does (a small IMMEDIATE
 * write and a read), and records how late each tick ran: the pauses the server's users would feel.
 */
async function measure(sqlite: ReturnType<typeof openDatabase>["sqlite"], work: () => Promise<unknown>) {
  const write = sqlite.prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('pause-test', '1', ?)
    ON CONFLICT (key) DO UPDATE SET value = value + 1, updated_at = excluded.updated_at`);
  const read = sqlite.prepare(
    `SELECT count(*) FROM audit_events WHERE record_type = 'partner' AND record_id = ?`,
  );
  const pauses: number[] = [];
  let writes = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    pauses.push(now - last);
    last = now;
    sqlite.transaction(() => write.run(Date.now())).immediate();
    read.get(writes % 1000);
    writes++;
  }, 1);
  const started = performance.now();
  await work();
  const milliseconds = performance.now() - started;
  clearInterval(ticker);
  const sorted = [...pauses].sort((a, b) => a - b);
  return {
    milliseconds,
    writes,
    longestPause: sorted.at(-1) ?? 0,
    p99: sorted[Math.floor(sorted.length * 0.99)] ?? 0,
    over20: pauses.filter((p) => p > 20).length,
  };
}

main().catch((error: Error) => {
  console.error(error.stack);
  process.exit(1);
});
