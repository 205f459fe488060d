// Start-up and graceful shutdown: the real built server (`node server.js`) on a database of its
// own, then startup() and shutdown() themselves.
import { once } from "node:events";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it, vi } from "vitest";
import {
  builtServerReady,
  Client,
  freePort,
  runScript,
  sleep,
  stageServer,
  startServer,
} from "./reliability/harness";

const email = "lifecycle@example.org";
const password = "a long lifecycle passphrase";
const madeHere: string[] = [];
afterAll(() => madeHere.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
function tempDir(name: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `tracker-${name}-`));
  madeHere.push(dir);
  return dir;
}

const backupDir = tempDir("lifecycle-backups");
// Read once by getConfig(), which the test setup has not called yet.
process.env.BACKUP_DIR = backupDir;

/** Starts the built server on a new database in `dir` with one editor, who can sign in. */
async function startWithUser(dir: string, settings: Record<string, string>) {
  const databasePath = path.join(dir, "tracker.db");
  const env: Record<string, string> = { DATABASE_PATH: databasePath, ...settings };
  const made = await runScript(
    "db/create-user.ts",
    ["--email", email, "--password", password, "--role", "editor"],
    env,
  );
  expect(made.code, made.stderr).toBe(0);
  const port = await freePort();
  const stage = stageServer();
  madeHere.push(stage);
  return { server: await startServer({ stage, databasePath, port, env }), env, databasePath, port };
}

/** Sends a request's head and part of its body, so the server holds it in flight; `finish` sends the rest. */
async function requestInFlight(port: number, pathname: string, cookie: string, form: Record<string, string>) {
  const body = new URLSearchParams(form).toString();
  const socket = net.connect(port, "127.0.0.1");
  await once(socket, "connect");
  let received = "";
  socket.on("data", (chunk) => (received += chunk));
  const ended = once(socket, "close");
  socket.write(
    [
      `POST ${pathname} HTTP/1.1`,
      `Host: 127.0.0.1:${port}`,
      `Cookie: ${cookie}`,
      "Content-Type: application/x-www-form-urlencoded",
      `Content-Length: ${Buffer.byteLength(body)}`,
      "",
      "",
    ].join("\r\n"),
  );
  socket.write(body.slice(0, 8));
  return {
    async finish() {
      socket.write(body.slice(8));
      await ended;
      const [statusLine] = received.split("\r\n");
      const location = /\r\nlocation: ([^\r]+)/i.exec(received)?.[1] ?? null;
      return { status: Number(statusLine.split(" ")[1]), location, raw: received };
    },
  };
}

function connectionRefused(port: number) {
  return new Promise<boolean>((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "ECONNREFUSED"));
  });
}

describe.each([1, 2])("the built server with %i server process(es)", (processes) => {
  it.skipIf(!builtServerReady("the built server's shutdown test"))(
    "on SIGTERM finishes the request in flight, refuses new connections, closes the database and exits 0",
    async () => {
      const dir = tempDir("lifecycle");
      const { server, env, databasePath, port } = await startWithUser(dir, {
        BACKUP_DIR: path.join(dir, "backups"),
        WEB_CONCURRENCY: String(processes),
      });
      let stopped = false;
      try {
        expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ ok: true });

        // The lock file names the server, so a restore refuses while it runs.
        const lock = JSON.parse(fs.readFileSync(`${databasePath}.lock`, "utf8"));
        expect(lock).toMatchObject({ pid: server.child.pid, purpose: "server" });
        const backup = await runScript("db/backup-cli.ts", ["--to", path.join(dir, "b.db")], env);
        expect(backup.code, backup.stderr).toBe(0);
        const restore = await runScript("db/restore-cli.ts", [path.join(dir, "b.db")], env);
        expect(restore.code).toBe(1);
        expect(restore.stderr).toMatch(/The app is running on this database/);
        // The daily backup was taken at start (there was none).
        await vi.waitFor(() =>
          expect(fs.readdirSync(env.BACKUP_DIR).some((n) => /^tracker-.*\.db$/.test(n))).toBe(true),
        );

        const client = new Client(server.url);
        await client.signIn(email, password);
        const inFlight = await requestInFlight(port, "/partners/new", client.cookieHeader(), {
          name: "Saved while shutting down",
          type: "charity",
          status: "active",
        });
        await sleep(200);
        server.child.kill("SIGTERM");
        await vi.waitFor(() => expect(server.output()).toMatch(/SIGTERM received/));
        expect(await connectionRefused(port)).toBe(true);

        const answer = await inFlight.finish();
        expect(answer.status, answer.raw).toBe(302);
        expect(answer.location).toMatch(/^\/partners\/\d+/);
        const answeredAt = Date.now();
        const exit = await server.exited;
        stopped = true;
        expect(exit).toEqual({ code: 0, signal: null });
        expect(Date.now() - answeredAt).toBeLessThan(3000); // not held up by kept-alive connections
        expect(server.output()).toMatch(/The database is closed/);
      } finally {
        if (!stopped) server.child.kill("SIGKILL");
      }

      expect(fs.existsSync(`${databasePath}.lock`)).toBe(false);
      const wal = `${databasePath}-wal`;
      expect(!fs.existsSync(wal) || fs.statSync(wal).size === 0).toBe(true);
      const db = new Database(databasePath, { readonly: true });
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(db.prepare("SELECT name FROM partners").pluck().all()).toEqual(["Saved while shutting down"]);
      db.close();
    },
    90_000,
  );
});

/** The ids of a process's child processes (Linux: read from /proc). */
function childProcesses(pid: number) {
  return fs
    .readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid;
      } catch {
        return false; // gone since the listing
      }
    })
    .map(Number);
}

/** Posts a form on a connection of its own, so the server may hand it to any of its processes. */
function postOnNewConnection(url: string, form: Record<string, string>) {
  return fetch(url, {
    method: "POST",
    body: new URLSearchParams(form),
    headers: { Connection: "close" },
    redirect: "manual",
  });
}

describe("the built server with two server processes", () => {
  it.skipIf(!builtServerReady("the built server's shutdown test"))(
    "counts every process's writes towards one limit, and replaces a process that dies once the work it left is settled",
    async () => {
      const { server, databasePath } = await startWithUser(tempDir("processes"), {
        BACKUP_KEEP_DAYS: "0",
        WEB_CONCURRENCY: "2",
        WRITE_LIMIT_PER_ADDRESS: "4",
      });
      try {
        // /healthz answers once one process listens; the main process says so once both do.
        await vi.waitFor(() => expect(server.output()).toMatch(/ready on .* \(2 server processes\)/));
        const first = childProcesses(server.child.pid!);
        expect(first).toHaveLength(2);

        // Four wrong sign-ins on four connections reach both processes; the fifth is refused.
        const statuses = [];
        for (let i = 0; i < 5; i++) {
          statuses.push(
            (await postOnNewConnection(`${server.url}/login`, { email, password: "wrong" })).status,
          );
        }
        expect(statuses).toEqual([400, 400, 400, 400, 429]);

        // A process dies while it finishes an assessment: the others are stopped, the claim it left
        // is let go, and two fresh processes answer.
        const db = new Database(databasePath);
        const assessment = db
          .prepare(
            "INSERT INTO assessments (title, held_on, status, checklist_version, finishing_since) VALUES ('Autumn', '2026-11-20', 'in_progress', 'ilfa-section-3-v1', ?)",
          )
          .run(Date.now()).lastInsertRowid;
        process.kill(first[0], "SIGKILL");
        await vi.waitFor(
          () => {
            const now = childProcesses(server.child.pid!);
            expect(now).toHaveLength(2);
            expect(now.some((pid) => first.includes(pid))).toBe(false);
          },
          { timeout: 20_000, interval: 100 },
        );
        expect(server.output()).toMatch(/A server process stopped unexpectedly \(SIGKILL\)/);
        expect(
          db.prepare("SELECT finishing_since FROM assessments WHERE id = ?").pluck().get(assessment),
        ).toBeNull();
        db.close();
        await vi.waitFor(async () => expect((await fetch(`${server.url}/healthz`)).status).toBe(200), {
          timeout: 10_000,
        });
      } finally {
        server.child.kill("SIGKILL");
      }
    },
    90_000,
  );
});

// Last in this file: shutdown() closes the connection the app modules share.
describe("startup() and shutdown()", () => {
  it("take and give up the lock, start the daily backups, and checkpoint and close the database", async () => {
    const { startup, shutdown } = await import("~/utils/lifecycle.server");
    const { sqlite } = await import("~/utils/db.server");
    const databasePath = sqlite.name;
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      await startup();
      expect(JSON.parse(fs.readFileSync(`${databasePath}.lock`, "utf8"))).toMatchObject({
        pid: process.pid,
        purpose: "server",
      });
      await vi.waitFor(() => expect(log).toHaveBeenCalledWith(expect.stringMatching(/^Backup written: /)), {
        timeout: 10_000,
      });
      expect(fs.readdirSync(backupDir).filter((n) => n.endsWith(".db"))).toHaveLength(1);

      sqlite.prepare(`INSERT INTO partners (name, type, status) VALUES ('Kept', 'charity', 'active')`).run();
      expect(fs.statSync(`${databasePath}-wal`).size).toBeGreaterThan(0);
      shutdown();
      shutdown(); // twice is harmless
    } finally {
      log.mockRestore();
    }
    expect(sqlite.open).toBe(false);
    expect(fs.existsSync(`${databasePath}.lock`)).toBe(false);
    const wal = `${databasePath}-wal`;
    expect(!fs.existsSync(wal) || fs.statSync(wal).size === 0).toBe(true);
    const db = new Database(databasePath, { readonly: true });
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(db.prepare("SELECT name FROM partners").pluck().all()).toEqual(["Kept"]);
    db.close();
  });
});
