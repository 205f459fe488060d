// A reader in a worker thread, with its own read-only connection, for the few queries that
// aggregate over the whole database (the demographics report): they run here so the server's
// main thread stays free for everyone else's requests. Plain JavaScript so the built server and
// the TypeScript scripts load the same file.
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

const db = new Database(workerData.databasePath, { readonly: true, fileMustExist: true });
db.pragma("busy_timeout = 5000");

/** Runs a batch of queries in one read transaction, so their figures agree. */
const runBatch = db.transaction((queries) =>
  queries.map(({ sql, params }) => db.prepare(sql).raw().all(...params)),
);

parentPort.on("message", ({ id, queries }) => {
  try {
    parentPort.postMessage({ id, results: runBatch(queries) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
