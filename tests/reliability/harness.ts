// What the reliability scripts and the server tests share: the real built server started as a
// child process on a database of their own, and a small HTTP client with a cookie jar.
import { execFile, spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import url from "node:url";
import { promisify } from "node:util";

export const repoRoot = path.resolve(path.dirname(url.fileURLToPath(import.meta.url)), "../..");
const buildFile = path.join(repoRoot, "build", "index.js");
const run = promisify(execFile);

/** Whether `build/index.js` exists, and whether the source has changed since (server.js's own rule). */
export function buildState(): { exists: boolean; stale: boolean } {
  if (!fs.existsSync(buildFile)) return { exists: false, stale: true };
  const builtAt = fs.statSync(buildFile).mtimeMs;
  const sources = ["app", "db", "remix.config.js", "package.json"].map((p) => path.join(repoRoot, p));
  return { exists: true, stale: newestChange(sources) > builtAt };
}

/**
 * Whether the built server is there and up to date, for tests that start it; if not, says which
 * tests are skipped (`what`) and how to build it.
 */
export function builtServerReady(what: string): boolean {
  const build = buildState();
  if (build.exists && !build.stale) return true;
  console.warn(
    `Skipping ${what}: ${build.exists ? "build/index.js is older than the source" : "there is no build/index.js"}. Run \`npm run build\` first (npm test does).`,
  );
  return false;
}

function newestChange(paths: string[]): number {
  let newest = 0;
  for (const p of paths) {
    if (!fs.existsSync(p)) continue;
    const stat = fs.statSync(p);
    newest = Math.max(newest, stat.mtimeMs);
    if (stat.isDirectory()) {
      newest = Math.max(newest, newestChange(fs.readdirSync(p).map((name) => path.join(p, name))));
    }
  }
  return newest;
}

/** For the scripts: builds when the build is missing or older than the source, unless told not to. */
export function ensureBuild(options: { build: boolean }) {
  const state = buildState();
  if (!state.stale) return;
  if (!options.build) {
    if (!state.exists) throw new Error("There is no build (build/index.js): run `npm run build` first.");
    console.log("Note: the build is older than the source; using it as it is (--no-build).");
    return;
  }
  console.log(state.exists ? "The source has changed since the last build: building…" : "Building the app…");
  const result = spawnSync(path.join(repoRoot, "node_modules", ".bin", "remix"), ["build"], {
    cwd: repoRoot,
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error("The build failed.");
}

/**
 * A deployment of the current build in a folder of its own: server.js, build/, public/ and drizzle/
 * copied, node_modules linked. The server started from it runs exactly this build (server.js finds
 * no source there, so it never rebuilds) and shares nothing with other servers on this machine.
 */
export function stageServer(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-server-"));
  fs.copyFileSync(path.join(repoRoot, "server.js"), path.join(dir, "server.js"));
  for (const folder of ["build", "public", "drizzle"]) {
    fs.cpSync(path.join(repoRoot, folder), path.join(dir, folder), { recursive: true });
  }
  fs.symlinkSync(path.join(repoRoot, "node_modules"), path.join(dir, "node_modules"), "dir");
  // server.js rebuilds when package.json is newer than the build: date this one well before it.
  const packageJson = path.join(dir, "package.json");
  fs.writeFileSync(packageJson, JSON.stringify({ type: "module" }));
  const longAgo = new Date("2000-01-01T00:00:00Z");
  fs.utimesSync(packageJson, longAgo, longAgo);
  return dir;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export type RunningServer = {
  child: ChildProcess;
  url: string;
  /** Everything the server printed so far (stdout and stderr). */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

/** Starts `node server.js` from a staged folder and waits until /healthz answers. */
export async function startServer(options: {
  stage: string;
  databasePath: string;
  port: number;
  env?: Record<string, string>;
  timeoutMs?: number;
}): Promise<RunningServer> {
  const child = spawn(process.execPath, ["server.js"], {
    cwd: options.stage,
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(options.port),
      DATABASE_PATH: options.databasePath,
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const serverUrl = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  let gone = false;
  void exited.then(() => (gone = true));
  while (Date.now() < deadline) {
    if (gone) throw new Error(`The server stopped while starting:\n${output}`);
    try {
      const response = await fetch(`${serverUrl}/healthz`);
      if (response.ok) return { child, url: serverUrl, output: () => output, exited };
    } catch {
      // Not listening yet.
    }
    await sleep(50);
  }
  child.kill("SIGKILL");
  throw new Error(`The server did not answer /healthz in time:\n${output}`);
}

export function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs one of the database scripts (`db/*.ts`) with tsx against a database. */
export async function runScript(script: string, args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(
      path.join(repoRoot, "node_modules", ".bin", "tsx"),
      [script, ...args],
      {
        cwd: repoRoot,
        env: { ...process.env, NODE_ENV: "production", ...env },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** A browser without JavaScript: it keeps cookies and does not follow redirects. */
export class Client {
  private cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  /** The Cookie header this client sends. */
  cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  async request(pathname: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set("Cookie", this.cookieHeader());
    const response = await fetch(new URL(pathname, this.baseUrl), { ...init, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(at + 1).trim());
    }
    return response;
  }

  get(pathname: string) {
    return this.request(pathname);
  }

  /** Posts a form as a browser does without JavaScript. */
  post(pathname: string, fields: Record<string, string | string[]>) {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) {
      for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
    }
    return this.request(pathname, { method: "POST", body });
  }

  async signIn(email: string, password: string) {
    const response = await this.post("/login", { email, password, redirectTo: "" });
    await response.arrayBuffer();
    if (response.status !== 302 || this.cookies.size === 0) {
      throw new Error(`Sign-in failed with status ${response.status}.`);
    }
  }
}

/** The id in a redirect to a new record (`/partners/12?notice=created` → 12), or null. */
export function redirectedId(response: Response, prefix: string): number | null {
  if (response.status !== 302) return null;
  const location = response.headers.get("Location") ?? "";
  const match = new RegExp(`^${prefix}/(\\d+)(?:[?#]|$)`).exec(location);
  return match ? Number(match[1]) : null;
}

export function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
