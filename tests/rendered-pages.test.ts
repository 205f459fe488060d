// Pages sent again without rendering (app/utils/rendered-pages.server.ts), through the real built
// server with two server processes on the demo organisation: a page kept is the page rendering
// would give, with its own nonce; a change to the data, another person or a page of special category
// data is rendered afresh. Skipped when build/index.js is missing or older than the source (run
// `npm run build` first; `npm test` does).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { partnerFormData } from "./support/forms";
import {
  builtServerReady,
  Client,
  freePort,
  redirectedId,
  runScript,
  stageServer,
  startServer,
  type RunningServer,
} from "./reliability/harness";

const ready = builtServerReady("the kept pages' checks");

const demo = {
  ada: { email: "admin@demo.example", password: "demo admin passphrase" },
  priya: { email: "priya@demo.example", password: "demo editor passphrase" },
  tom: { email: "tom@demo.example", password: "demo editor passphrase" },
  grace: { email: "grace@demo.example", password: "demo viewer passphrase" },
};

const madeHere: string[] = [];
let server: RunningServer;

beforeAll(async () => {
  if (!ready) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-kept-pages-"));
  madeHere.push(dir);
  const databasePath = path.join(dir, "tracker.db");
  const env = {
    DATABASE_PATH: databasePath,
    BACKUP_DIR: path.join(dir, "backups"),
    BACKUP_KEEP_DAYS: "0",
    WEB_CONCURRENCY: "2",
    WRITE_LIMIT_PER_USER: "0",
    WRITE_LIMIT_PER_ADDRESS: "0",
  };
  const seeded = await runScript("db/seed.ts", [], env);
  if (seeded.code !== 0) throw new Error(seeded.stderr);
  const stage = stageServer();
  madeHere.push(stage);
  server = await startServer({ stage, databasePath, port: await freePort(), env });
}, 120_000);

afterAll(async () => {
  if (server) {
    server.child.kill("SIGTERM");
    await server.exited;
  }
  madeHere.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }));
}, 30_000);

async function signedIn(who: { email: string; password: string }) {
  const client = new Client(server.url);
  await client.signIn(who.email, who.password);
  return client;
}

type Page = { status: number; html: string; nonce: string; rendered: boolean };

/** A page as its browser gets it, with how it was made (`Server-Timing`). */
async function open(client: Client, pathname: string): Promise<Page> {
  const response = await client.get(pathname);
  const html = await response.text();
  const nonce = /'nonce-([^']+)'/.exec(response.headers.get("Content-Security-Policy") ?? "")![1];
  const timing = response.headers.get("Server-Timing") ?? "";
  expect(timing, pathname).toMatch(/^render;(dur=[\d.]+|desc="kept")$/);
  return { status: response.status, html, nonce, rendered: timing.startsWith("render;dur=") };
}

/** Opens a page until both server processes have sent it at least once from what they keep. */
async function openUntilKept(client: Client, pathname: string) {
  const pages: Page[] = [];
  for (let i = 0; i < 12 && pages.filter((p) => !p.rendered).length < 4; i++)
    pages.push(await open(client, pathname));
  return pages;
}

const withoutNonce = (page: Page) => page.html.replaceAll(page.nonce, "NONCE");

describe.skipIf(!ready)("pages sent again without rendering", () => {
  it("are the page rendering gives, each with its own nonce on every script", async () => {
    const ada = await signedIn(demo.ada);
    for (const pathname of ["/", "/partners", "/checklist", "/reports/volunteers"]) {
      const pages = await openUntilKept(ada, pathname);
      const rendered = pages.find((p) => p.rendered)!;
      const kept = pages.filter((p) => !p.rendered);
      expect(kept.length, pathname).toBeGreaterThanOrEqual(4);
      expect(new Set(pages.map((p) => p.nonce)).size, pathname).toBe(pages.length);
      for (const page of kept) {
        expect(page.status).toBe(200);
        expect(withoutNonce(page), pathname).toBe(withoutNonce(rendered));
        const scripts = [...page.html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
        expect(scripts.filter((tag) => tag.includes(`nonce="${page.nonce}"`)).length).toBeGreaterThan(0);
        for (const tag of scripts) {
          if (/\bsrc=/.test(tag) && !/type="module"/.test(tag)) continue;
          expect(tag).toContain(`nonce="${page.nonce}"`);
        }
      }
    }
  });

  it("show a change to the data at once, in whichever server process answers", async () => {
    const ada = await signedIn(demo.ada);
    const grace = await signedIn(demo.grace);
    const before = await openUntilKept(grace, "/partners");
    expect(before.at(-1)!.html).not.toContain("Kestrel Wharf Archive Trust");

    const created = await ada.post("/partners/new", partnerFormData({ name: "Kestrel Wharf Archive Trust" }));
    const id = redirectedId(created, "/partners");
    expect(id).not.toBeNull();
    for (let i = 0; i < 6; i++) {
      const page = await open(grace, "/partners");
      expect(page.html).toContain("Kestrel Wharf Archive Trust");
    }

    await openUntilKept(grace, `/partners/${id}`);
    const renamed = await ada.post(
      `/partners/${id}/edit`,
      partnerFormData({ name: "Kestrel Wharf Heritage Trust" }),
    );
    expect(renamed.status).toBe(302);
    for (let i = 0; i < 6; i++) {
      const page = await open(grace, `/partners/${id}`);
      expect(page.html).toContain("Kestrel Wharf Heritage Trust");
      expect(page.html).not.toContain("Kestrel Wharf Archive Trust");
    }
  });

  it("are each person's own: what one may do or see is never sent to another", async () => {
    const ada = await signedIn(demo.ada);
    const grace = await signedIn(demo.grace);
    const adas = (await openUntilKept(ada, "/partners")).at(-1)!;
    expect(adas.html).toContain("Ada Lovelace");
    expect(adas.html).toContain('href="/partners/new"');
    for (let i = 0; i < 4; i++) {
      const graces = await open(grace, "/partners");
      expect(graces.html).toContain("Grace Hopper");
      expect(graces.html).not.toContain("Ada Lovelace");
      expect(graces.html).not.toContain('href="/partners/new"');
    }
  });

  it("never keep a page of special category data, and refuse it to those not allowed to see it", async () => {
    const priya = await signedIn(demo.priya);
    const tom = await signedIn(demo.tom);
    const volunteer = await firstMonitoredVolunteer(priya);
    const answers = await open(priya, `/volunteers/${volunteer}/monitoring`);
    expect(answers.status).toBe(200);
    for (let i = 0; i < 4; i++) {
      const again = await open(priya, `/volunteers/${volunteer}/monitoring`);
      expect(again.rendered).toBe(true);
      expect(withoutNonce(again)).toBe(withoutNonce(answers));
    }
    for (let i = 0; i < 4; i++) {
      const refused = await open(tom, `/volunteers/${volunteer}/monitoring`);
      expect(refused.status).toBe(403);
      expect(refused.html).not.toContain(RECORDED);
      expect(refused.html).not.toContain("Their answers");
    }
  });
});

/** What a monitoring page says when someone's answers are on record. */
const RECORDED = '<h2 id="status-title">Recorded</h2>';

/** The first volunteer in the demo whose monitoring answers are on record. */
async function firstMonitoredVolunteer(client: Client) {
  for (let id = 1; id <= 40; id++) {
    const page = await open(client, `/volunteers/${id}/monitoring`);
    if (page.status === 200 && page.html.includes(RECORDED)) return id;
  }
  throw new Error("No volunteer in the demo has monitoring answers.");
}
