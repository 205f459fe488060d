import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { getConfig } from "./env.server";
import { sqlite } from "./db.server";

export type ReadQuery = { sql: string; params: unknown[] };

declare global {
  // One reader thread per process, kept across the dev server's module reloads.
  var __trackerReadWorker:
    { worker: Worker; pending: Map<number, (reply: WorkerReply) => void>; next: number } | undefined;
}

type WorkerReply = { id: number; results?: unknown[][][]; error?: string };

/** Where the worker's file is, from the built server (build/) or the source (app/utils/). */
function workerFile() {
  for (const candidate of ["../db/read-worker.js", "../../db/read-worker.js"]) {
    const file = fileURLToPath(new URL(candidate, import.meta.url));
    if (fs.existsSync(file)) return file;
  }
  return null;
}

function reader() {
  if (globalThis.__trackerReadWorker) return globalThis.__trackerReadWorker;
  const file = workerFile();
  if (!file) return null;
  const worker = new Worker(file, { workerData: { databasePath: getConfig().databasePath } });
  const state = { worker, pending: new Map<number, (reply: WorkerReply) => void>(), next: 1 };
  worker.on("message", (reply: WorkerReply) => {
    state.pending.get(reply.id)?.(reply);
    state.pending.delete(reply.id);
  });
  worker.on("error", (error) => {
    for (const settle of state.pending.values()) settle({ id: 0, error: error.message });
    state.pending.clear();
    globalThis.__trackerReadWorker = undefined;
  });
  worker.unref();
  globalThis.__trackerReadWorker = state;
  return state;
}

/**
 * Runs read-only queries (as drizzle's `.toSQL()` gives them) in one transaction in the reader
 * thread, and returns each query's rows as arrays of column values. Falls back to this thread when
 * no worker can run (it is then simply slower, never wrong).
 */
export function readInWorker(queries: ReadQuery[]): Promise<unknown[][][]> {
  const state = reader();
  if (!state) {
    return Promise.resolve(
      sqlite.transaction(() =>
        queries.map(
          (q) =>
            sqlite
              .prepare(q.sql)
              .raw()
              .all(...q.params) as unknown[][],
        ),
      )(),
    );
  }
  const id = state.next++;
  return new Promise((resolve, reject) => {
    state.pending.set(id, (reply) =>
      reply.error ? reject(new Error(reply.error)) : resolve(reply.results!),
    );
    state.worker.ref();
    state.worker.postMessage({ id, queries });
  }).finally(() => {
    if (state.pending.size === 0) state.worker.unref();
  }) as Promise<unknown[][][]>;
}

/** Stops the reader thread (at shutdown). */
export async function stopReadWorker() {
  const state = globalThis.__trackerReadWorker;
  globalThis.__trackerReadWorker = undefined;
  if (state) await state.worker.terminate();
}
