// Limits on writes: the sliding window itself (on an injected clock), the per-user limit every
// action gets through requireUser, and the per-address limit server.js puts in front of every
// action (withWriteLimits), each answered with 429, Retry-After and the shared error page.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import type { ServerBuild } from "@remix-run/node";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// Read once by getConfig(), which nothing has called yet in this file's process.
vi.hoisted(() => {
  process.env.WRITE_LIMIT_PER_USER = "3";
  process.env.WRITE_LIMIT_PER_ADDRESS = "5";
});

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { parseConfig } from "~/utils/env.server";
import {
  forgetExpiredWriteHits,
  limitWritesByAddress,
  resetWriteLimits,
  slidingWindowLimiter,
  tooManyWrites,
  withWriteLimits,
} from "~/utils/rate-limit.server";
import { action as newPartner, loader as newPartnerLoader } from "~/routes/_app.partners.new";
import { action as profileAction } from "~/routes/_app.profile";
import { sqlite } from "~/utils/db.server";
import { signedInUser } from "./support/factories";
import { partnerFormData } from "./support/forms";
import { load, submit } from "./support/requests";

const T0 = new Date("2026-06-15T09:00:00Z");

beforeEach(() => {
  resetWriteLimits();
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(T0);
});
afterEach(() => vi.useRealTimers());

describe("the sliding window", () => {
  function clock(start = 0) {
    let now = start;
    return { now: () => now, at: (ms: number) => (now = ms) };
  }

  it("allows `limit` hits in any window, refuses the next with the seconds until one expires, and does not count refusals", () => {
    const time = clock();
    const limiter = slidingWindowLimiter({ name: "t1", limit: 3, windowMs: 60_000, now: time.now });
    for (const at of [0, 10_000, 20_000]) {
      time.at(at);
      expect(limiter.hit("ann")).toEqual({ allowed: true });
    }
    time.at(30_000);
    expect(limiter.hit("ann")).toEqual({ allowed: false, retryAfterSeconds: 30 });
    time.at(59_500);
    expect(limiter.hit("ann")).toEqual({ allowed: false, retryAfterSeconds: 1 });
    // The first hit leaves the window at 60 s; the refused ones were never counted.
    time.at(60_000);
    expect(limiter.hit("ann")).toEqual({ allowed: true });
    expect(limiter.hit("ann")).toEqual({ allowed: false, retryAfterSeconds: 10 });
    time.at(80_000);
    expect(limiter.hit("ann")).toEqual({ allowed: true });
  });

  it("slides: a burst at the end of one minute and one at the start of the next are counted together", () => {
    const time = clock();
    const limiter = slidingWindowLimiter({ name: "t2", limit: 4, windowMs: 60_000, now: time.now });
    time.at(58_000);
    expect(limiter.hit("k").allowed && limiter.hit("k").allowed && limiter.hit("k").allowed).toBe(true);
    time.at(61_000);
    expect(limiter.hit("k").allowed).toBe(true);
    expect(limiter.hit("k")).toEqual({ allowed: false, retryAfterSeconds: 57 });
  });

  it("counts each key apart, lets everything through with a limit of 0, and forgets idle keys", () => {
    const time = clock();
    const limiter = slidingWindowLimiter({ name: "t3", limit: 1, windowMs: 1000, now: time.now });
    expect(limiter.hit("a").allowed).toBe(true);
    expect(limiter.hit("b").allowed).toBe(true);
    expect(limiter.hit("a").allowed).toBe(false);
    time.at(5000);
    expect(limiter.hit("a").allowed).toBe(true);
    const off = slidingWindowLimiter({ name: "t4", limit: 0, now: time.now });
    for (let i = 0; i < 10_000; i++) expect(off.hit("x").allowed).toBe(true);
    // Only "a"'s latest hit is still kept; "b"'s went when the window had passed.
    expect(sqlite.prepare("SELECT key FROM write_hits WHERE key LIKE 't3:%'").pluck().all()).toEqual([
      "t3:a",
    ]);
  });

  it("deletes every limiter's hits once they are a minute old, so no client address outlasts its use", () => {
    const time = clock(1_000_000);
    slidingWindowLimiter({ name: "address", limit: 5, now: time.now }).hit("203.0.113.7");
    time.at(1_030_000);
    slidingWindowLimiter({ name: "user", limit: 5, now: time.now }).hit("42");
    const kept = () => sqlite.prepare("SELECT key FROM write_hits ORDER BY key").pluck().all();
    expect(forgetExpiredWriteHits(1_059_999)).toBe(0);
    expect(forgetExpiredWriteHits(1_060_000)).toBe(1);
    expect(kept()).toEqual(["user:42"]);
    expect(forgetExpiredWriteHits(1_090_000)).toBe(1);
    expect(kept()).toEqual([]);
  });

  it("counts the same hits in every server process: limiters of one name share the database's count", () => {
    const time = clock();
    const inOneProcess = slidingWindowLimiter({ name: "shared", limit: 3, now: time.now });
    const inAnother = slidingWindowLimiter({ name: "shared", limit: 3, now: time.now });
    const otherLimit = slidingWindowLimiter({ name: "other", limit: 3, now: time.now });
    expect(inOneProcess.hit("ann").allowed).toBe(true);
    expect(inAnother.hit("ann").allowed).toBe(true);
    expect(inOneProcess.hit("ann").allowed).toBe(true);
    time.at(1_000);
    expect(inAnother.hit("ann")).toEqual({ allowed: false, retryAfterSeconds: 59 });
    expect(otherLimit.hit("ann").allowed).toBe(true);
  });
});

describe("the settings", () => {
  it("reads WRITE_LIMIT_PER_USER and WRITE_LIMIT_PER_ADDRESS a minute, 0 for no limit, with defaults", () => {
    const base = { DATABASE_PATH: "tests/.tmp/limits.db", SESSION_SECRET: "x".repeat(40) };
    expect(parseConfig({ ...base, NODE_ENV: "production" })).toMatchObject({
      writeLimitPerUser: 120,
      writeLimitPerAddress: 300,
    });
    expect(parseConfig({ ...base, NODE_ENV: "test" })).toMatchObject({
      writeLimitPerUser: 0,
      writeLimitPerAddress: 0,
    });
    expect(
      parseConfig({ ...base, NODE_ENV: "test", WRITE_LIMIT_PER_USER: "7", WRITE_LIMIT_PER_ADDRESS: "0" }),
    ).toMatchObject({ writeLimitPerUser: 7, writeLimitPerAddress: 0 });
    expect(() => parseConfig({ ...base, WRITE_LIMIT_PER_USER: "lots" })).toThrow(
      /WRITE_LIMIT_PER_USER: must be a whole number of writes a minute \(0 for no limit\)/,
    );
    expect(() => parseConfig({ ...base, WRITE_LIMIT_PER_ADDRESS: "-1" })).toThrow(/WRITE_LIMIT_PER_ADDRESS/);
  });
});

const partnerCount = () => sqlite.prepare("SELECT count(*) FROM partners").pluck().get() as number;

describe("the limit per user (WRITE_LIMIT_PER_USER=3 here)", () => {
  it("refuses a user's fourth change in a minute with 429, Retry-After and a plain reason, and saves nothing", async () => {
    const editor = await signedInUser("editor");
    const post = () =>
      submit(newPartner, {
        path: "/partners/new",
        cookie: editor.cookie,
        form: partnerFormData({ name: `P${Date.now()}` }),
      });
    for (let i = 0; i < 3; i++) {
      vi.setSystemTime(T0.getTime() + i * 10_000);
      expect((await post()).status).toBe(302);
    }
    vi.setSystemTime(T0.getTime() + 30_000);
    const refused = await post();
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toBe("30");
    expect(refused.data).toBe("You have made more than 3 changes in a minute.");
    expect(partnerCount()).toBe(3);

    // Reading is not limited; another user is not held up; a minute after the first write, one more.
    expect((await load(newPartnerLoader, { path: "/partners/new", cookie: editor.cookie })).status).toBe(200);
    const colleague = await signedInUser("editor");
    expect(
      (await submit(newPartner, { path: "/partners/new", cookie: colleague.cookie, form: partnerFormData() }))
        .status,
    ).toBe(302);
    vi.setSystemTime(T0.getTime() + 60_000);
    expect((await post()).status).toBe(302);
    expect((await post()).status).toBe(429);
  });

  it("counts every kind of change, a viewer's own calendar feed included, but not refused ones", async () => {
    const viewer = await signedInUser("viewer");
    const denied = await submit(newPartner, {
      path: "/partners/new",
      cookie: viewer.cookie,
      form: partnerFormData(),
    });
    expect(denied.status).toBe(403);
    const feed = () =>
      submit(profileAction, { path: "/profile", cookie: viewer.cookie, form: { intent: "renew-calendar" } });
    for (let i = 0; i < 3; i++) expect((await feed()).status).toBe(302);
    expect((await feed()).status).toBe(429);
  });
});

describe("the limit per address (WRITE_LIMIT_PER_ADDRESS=5 here), in front of every action", () => {
  function fakeBuild(action: (args: { request: Request }) => unknown) {
    const handleRequest = vi.fn(
      (_request: Request, status: number, headers: Headers) => new Response("page", { status, headers }),
    );
    const build = {
      entry: { module: { default: handleRequest } },
      routes: {
        "routes/form": { id: "routes/form", path: "form", module: { action } },
        "routes/page": { id: "routes/page", path: "page", module: {} },
      },
    } as unknown as ServerBuild;
    return { build: withWriteLimits(build), handleRequest };
  }

  const post = async (build: ServerBuild, context: object) =>
    build.routes["routes/form"]!.module.action!({
      request: new Request("http://localhost/form", { method: "POST", body: "a=1" }),
      params: {},
      context: context as never,
    });

  it("lets 5 writes a minute through from an address, refuses the sixth, and counts other addresses apart", async () => {
    const action = vi.fn(async () => "done");
    const { build } = fakeBuild(action);
    for (let i = 0; i < 5; i++) expect(await post(build, { clientAddress: "203.0.113.1" })).toBe("done");
    const refused = await post(build, { clientAddress: "203.0.113.1" }).catch((thrown: unknown) => thrown);
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(429);
    expect((refused as Response).headers.get("Retry-After")).toBe("60");
    expect(await (refused as Response).text()).toBe(
      "More than 5 changes a minute have come from your network address.",
    );
    expect(action).toHaveBeenCalledTimes(5);
    expect(await post(build, { clientAddress: "203.0.113.2" })).toBe("done");
    vi.setSystemTime(T0.getTime() + 60_000);
    expect(await post(build, { clientAddress: "203.0.113.1" })).toBe("done");
    // Routes without an action are left as they were.
    expect(build.routes["routes/page"]!.module).toEqual({});
  });

  it("does not count reads", () => {
    for (let i = 0; i < 20; i++) {
      limitWritesByAddress(new Request("http://localhost/page"), "203.0.113.3");
      limitWritesByAddress(new Request("http://localhost/page", { method: "HEAD" }), "203.0.113.3");
    }
  });

  it("puts the refusal's Retry-After back on the page Remix renders for it", async () => {
    const { build, handleRequest } = fakeBuild(async () => tooManyWrites(42, "Too many."));
    const context = { clientAddress: "203.0.113.4" };
    await expect(post(build, context)).rejects.toBeInstanceOf(Response);
    const headers = new Headers();
    const page = (await build.entry.module.default(
      new Request("http://localhost/form", { method: "POST" }),
      429,
      headers,
      {} as never,
      context,
    )) as Response;
    expect(handleRequest).toHaveBeenCalledOnce();
    expect(page.headers.get("Retry-After")).toBe("42");
    // And on answers to the page's scripts (single fetch).
    const data = await build.entry.module.handleDataRequest!(new Response("x", { status: 429 }), {
      request: new Request("http://localhost/form.data", { method: "POST" }),
      params: {},
      context,
    });
    expect(data.headers.get("Retry-After")).toBe("42");
    // Another request's page is left alone.
    const other = await build.entry.module.handleDataRequest!(new Response("x", { status: 429 }), {
      request: new Request("http://localhost/form.data", { method: "POST" }),
      params: {},
      context: {},
    });
    expect(other.headers.get("Retry-After")).toBeNull();
  });
});

describe("the page a refused write shows", () => {
  it("is the shared error page, saying in plain words to wait a minute", async () => {
    const routes = [
      {
        id: "page",
        path: "/",
        loader: () => tooManyWrites(60, "You have made more than 120 changes in a minute."),
        Component: () => null,
        ErrorBoundary: GeneralErrorBoundary,
      },
    ];
    const handler = createStaticHandler(routes);
    const context = await handler.query(new Request("http://localhost/"));
    if (context instanceof Response) throw new Error("unexpected response");
    expect(context.statusCode).toBe(429);
    const html = renderToStaticMarkup(
      createElement(StaticRouterProvider, {
        router: createStaticRouter(handler.dataRoutes, context),
        context,
      }),
    );
    expect(html).toContain("Too many changes in a short time");
    expect(html).toContain("wait a minute, then try again");
    expect(html).toContain("You have made more than 120 changes in a minute.");
    expect(html).toContain("Error 429");
  });
});
