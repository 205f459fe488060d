// An ASVS-style check of the real built server (`node server.js`, staged in a folder of its own):
// security headers and a per-request CSP nonce, HSTS and the __Host- session cookie behind an HTTPS
// proxy, nothing internal served, no stack trace on an error page, sessions kept server-side, and
// the write limits answered with 429. Skipped when build/index.js is missing or older than the
// source (run `npm run build` first; `npm test` does).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  builtServerReady,
  Client,
  freePort,
  runScript,
  stageServer,
  startServer,
  type RunningServer,
} from "./reliability/harness";

const email = "headers@example.org";
const password = "a long headers passphrase";

const ready = builtServerReady("the built server's security checks");

const madeHere: string[] = [];
const servers: RunningServer[] = [];

/** A server on a database of its own with one editor; `env` adds settings. */
async function serve(env: Record<string, string>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-headers-"));
  madeHere.push(dir);
  const databasePath = path.join(dir, "tracker.db");
  const settings = {
    DATABASE_PATH: databasePath,
    BACKUP_DIR: path.join(dir, "backups"),
    BACKUP_KEEP_DAYS: "0",
    ...env,
  };
  const made = await runScript(
    "db/create-user.ts",
    ["--email", email, "--password", password, "--role", "editor"],
    settings,
  );
  if (made.code !== 0) throw new Error(made.stderr);
  const stage = stageServer();
  madeHere.push(stage);
  const server = await startServer({ stage, databasePath, port: await freePort(), env: settings });
  servers.push(server);
  return server;
}

let plain: RunningServer;
let proxied: RunningServer;

beforeAll(async () => {
  if (!ready) return;
  [plain, proxied] = await Promise.all([
    serve({ WRITE_LIMIT_PER_USER: "0", WRITE_LIMIT_PER_ADDRESS: "0" }),
    // Behind a proxy: the address and scheme come from X-Forwarded-*; small write limits.
    serve({ TRUST_PROXY: "true", WRITE_LIMIT_PER_USER: "4", WRITE_LIMIT_PER_ADDRESS: "6" }),
  ]);
}, 120_000);

afterAll(async () => {
  for (const server of servers) {
    server.child.kill("SIGTERM");
    await server.exited;
  }
  madeHere.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }));
}, 30_000);

const https = (address = "198.51.100.20") => ({ "X-Forwarded-Proto": "https", "X-Forwarded-For": address });

function nonceOf(response: Response) {
  const csp = response.headers.get("Content-Security-Policy") ?? "";
  return /'nonce-([^']+)'/.exec(csp)?.[1];
}

describe.skipIf(!ready)("the built server", () => {
  it("sends a content security policy with a new nonce for each request, carried by every inline script", async () => {
    const client = new Client(plain.url);
    await client.signIn(email, password);
    const pages = [await client.get("/"), await client.get("/partners/new")];
    const nonces = pages.map(nonceOf);
    expect(nonces[0]).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonces[1]).toBeDefined();
    expect(nonces[0]).not.toBe(nonces[1]);
    for (const [i, page] of pages.entries()) {
      expect(page.status).toBe(200);
      const csp = page.headers.get("Content-Security-Policy")!;
      expect(csp).toContain(`script-src 'self' 'nonce-${nonces[i]}'`);
      expect(csp).not.toContain("unsafe-inline");
      expect(csp).not.toContain("unsafe-eval");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      const html = await page.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) {
        if (/\bsrc=/.test(tag) && !/type="module"/.test(tag)) continue;
        expect(tag, tag).toContain(`nonce="${nonces[i]}"`);
      }
    }
  });

  it("sends nosniff, a frame ban, a referrer policy and no X-Powered-By, on pages, files and errors alike", async () => {
    for (const pathname of ["/login", "/favicon.ico", "/healthz", "/no-such-page"]) {
      const response = await fetch(plain.url + pathname);
      await response.arrayBuffer();
      expect(response.headers.get("X-Content-Type-Options"), pathname).toBe("nosniff");
      expect(response.headers.get("X-Frame-Options"), pathname).toBe("DENY");
      expect(response.headers.get("Referrer-Policy"), pathname).toBe("same-origin");
      expect(response.headers.get("Content-Security-Policy"), pathname).toContain("frame-ancestors 'none'");
      expect(response.headers.get("X-Powered-By"), pathname).toBeNull();
      expect(response.headers.get("Strict-Transport-Security"), pathname).toBeNull();
    }
  });

  it("sends HSTS over HTTPS behind a trusted proxy, and only then", async () => {
    const secure = await fetch(`${proxied.url}/login`, { headers: https() });
    expect(secure.headers.get("Strict-Transport-Security")).toBe("max-age=31536000; includeSubDomains");
    const clear = await fetch(`${proxied.url}/login`);
    expect(clear.headers.get("Strict-Transport-Security")).toBeNull();
    // Without TRUST_PROXY, anyone could claim HTTPS: the header is ignored.
    const spoofed = await fetch(`${plain.url}/login`, { headers: https() });
    expect(spoofed.headers.get("Strict-Transport-Security")).toBeNull();
    await Promise.all([secure, clear, spoofed].map((r) => r.arrayBuffer()));
  });

  it("serves no source maps and no internal files", async () => {
    const assets = fs.readdirSync(path.resolve("public/build"), { recursive: true }) as string[];
    expect(assets.filter((name) => name.endsWith(".map"))).toEqual([]);
    const script = assets.find((name) => name.endsWith(".js"))!;
    const js = await (await fetch(`${plain.url}/build/${script}`)).text();
    expect(js).not.toContain("sourceMappingURL");
    for (const pathname of [
      `/build/${script}.map`,
      "/build/index.js",
      "/server.js",
      "/package.json",
      "/.env",
      "/data/tracker.db",
      "/build/../server.js",
      "/%2e%2e/server.js",
      "/drizzle/meta/_journal.json",
      "/app/root.tsx",
    ]) {
      const response = await fetch(plain.url + pathname);
      const body = await response.text();
      expect(response.status, pathname).toBe(404);
      expect(body, pathname).not.toMatch(/createRequestHandler|"dependencies"|SQLite format|import \{/);
    }
  });

  it("shows no stack trace or file path when something goes wrong", async () => {
    // A form body that cannot be read, and an address that cannot be decoded.
    const broken = await fetch(`${plain.url}/login`, {
      method: "POST",
      headers: { "Content-Type": "multipart/form-data; boundary=nothing-follows" },
      body: "this is not multipart",
    });
    const undecodable = await fetch(`${plain.url}/%E0%A4%A`);
    for (const response of [broken, undecodable]) {
      const body = await response.text();
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(body).not.toMatch(/\n\s+at [\w.<>]+ \(|node_modules|\/work\/|\.tsx?:\d+|TypeError|SyntaxError/);
    }
  });

  it("sets the session cookie with the __Host- prefix, Secure, HttpOnly and SameSite over HTTPS", async () => {
    const signIn = (server: RunningServer, headers: Record<string, string>) =>
      fetch(`${server.url}/login`, {
        method: "POST",
        redirect: "manual",
        headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email, password, redirectTo: "" }),
      });
    const secure = (await signIn(proxied, https("198.51.100.30"))).headers.getSetCookie();
    expect(secure).toHaveLength(1);
    expect(secure[0]).toMatch(/^__Host-tracker_session=/);
    expect(secure[0]).toMatch(/; Secure/);
    expect(secure[0]).toMatch(/; HttpOnly/);
    expect(secure[0]).toMatch(/; SameSite=Lax/);
    expect(secure[0]).toMatch(/; Path=\//);
    expect(secure[0]).not.toMatch(/Domain=/i);
    // Plain HTTP (a developer's machine) cannot use the prefix; a spoofed header is not trusted.
    for (const cookie of [
      (await signIn(proxied, { "X-Forwarded-For": "198.51.100.31" })).headers.getSetCookie()[0],
      (await signIn(plain, https())).headers.getSetCookie()[0],
    ]) {
      expect(cookie).toMatch(/^tracker_session=/);
      expect(cookie).not.toMatch(/; Secure/);
      expect(cookie).toMatch(/; HttpOnly/);
    }
  });

  it("starts a new session at every sign-in, and ends it on the server at sign-out", async () => {
    const client = new Client(plain.url);
    await client.signIn(email, password);
    const first = client.cookieHeader();
    await client.signIn(email, password); // signing in again, with the old cookie sent
    const second = client.cookieHeader();
    expect(second).not.toBe(first);
    expect(
      (await fetch(`${plain.url}/partners`, { headers: { Cookie: first }, redirect: "manual" })).status,
    ).toBe(200);

    const signOut = await client.post("/logout", {});
    expect(signOut.status).toBe(302);
    expect(signOut.headers.getSetCookie()[0]).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);
    // The cookie a thief copied before sign-out no longer works.
    const replay = await fetch(`${plain.url}/partners`, { headers: { Cookie: second }, redirect: "manual" });
    expect(replay.status).toBe(302);
    expect(replay.headers.get("Location")).toBe("/login?redirectTo=%2Fpartners");
    // Another session of the same person is not ended by it.
    expect(
      (await fetch(`${plain.url}/partners`, { headers: { Cookie: first }, redirect: "manual" })).status,
    ).toBe(200);
  });

  it("escapes a script typed into a form when the page is shown again", async () => {
    const client = new Client(plain.url);
    await client.signIn(email, password);
    const typed = '</textarea><script>alert("typed")</script><img src=x onerror=alert(1)>';
    const response = await client.post("/partners/new", {
      name: typed,
      notes: typed,
      type: "nonsense",
      status: "active",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).not.toContain('<script>alert("typed")');
    expect(html).not.toMatch(/<img src=x onerror/);
    expect(html).toContain("&lt;/textarea&gt;&lt;script&gt;");
    const nonce = nonceOf(response);
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
      if (!/\bsrc=/.test(tag)) expect(tag).toContain(`nonce="${nonce}"`);
    }
  });

  it("limits writes per client address with a 429 page that says to wait a minute (WRITE_LIMIT_PER_ADDRESS=6 here)", async () => {
    const from = https("203.0.113.77");
    const attempt = () =>
      fetch(`${proxied.url}/login`, {
        method: "POST",
        redirect: "manual",
        headers: { ...from, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email: "nobody@example.org", password: "not the password" }),
      });
    for (let i = 0; i < 6; i++) {
      const answer = await attempt();
      await answer.arrayBuffer();
      expect(answer.status).toBe(400);
    }
    const refused = await attempt();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(Number(refused.headers.get("Retry-After"))).toBeLessThanOrEqual(60);
    const html = await refused.text();
    expect(html).toContain("Too many changes in a short time");
    expect(html).toContain("wait a minute, then try again");
    expect(html).toContain("More than 6 changes a minute have come from your network address.");
    // With JavaScript (single fetch) the answer is a 429 too, for the page to show the same words.
    const data = await fetch(`${proxied.url}/login.data`, {
      method: "POST",
      headers: { ...from, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: "nobody@example.org", password: "x" }),
    });
    expect(data.status).toBe(429);
    expect(data.headers.get("Retry-After")).not.toBeNull();
    expect(await data.text()).toContain("More than 6 changes a minute");
    // Reading is never limited, and another address may still write.
    const page = await fetch(`${proxied.url}/login`, { headers: from });
    expect(page.status).toBe(200);
    await page.arrayBuffer();
    const other = await fetch(`${proxied.url}/login`, {
      method: "POST",
      headers: { ...https("203.0.113.78"), "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: "nobody@example.org", password: "not the password" }),
    });
    expect(other.status).toBe(400);
    await other.arrayBuffer();
  });

  it("limits writes per user across addresses (WRITE_LIMIT_PER_USER=4 here)", async () => {
    const client = new Client(proxied.url);
    let address = 10;
    const next = () => https(`192.0.2.${address++}`);
    await client.request("/login", {
      method: "POST",
      headers: next(),
      body: new URLSearchParams({ email, password, redirectTo: "" }),
    });
    expect(client.cookieHeader()).toMatch(/^__Host-tracker_session=/);
    const add = (name: string) =>
      client.request("/partners/new", {
        method: "POST",
        headers: next(),
        body: new URLSearchParams({ name, type: "charity", status: "active" }),
      });
    for (let i = 1; i <= 4; i++) {
      const added = await add(`Limited ${i}`);
      await added.arrayBuffer();
      expect(added.status).toBe(302);
    }
    const refused = await add("One too many");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).not.toBeNull();
    const html = await refused.text();
    expect(html).toContain("Too many changes in a short time");
    expect(html).toContain("You have made more than 4 changes in a minute.");
    const list = await client.request("/partners", { headers: next() });
    const page = await list.text();
    expect(page).toContain("Limited 4");
    expect(page).not.toContain("One too many");
  });
});
