import type { ActionFunction, ServerBuild } from "@remix-run/node";
import { getConfig } from "./env.server";
import { sqlite } from "./db.server";
import { clientAddress } from "./http.server";

// Limits on writes (every request that is not a GET): per signed-in user, checked in
// `requireUser`, and per client address, checked in front of every action of the server build
// (`withWriteLimits`, applied by server.js). The hits are counted in the database (`write_hits`),
// so every server process (server.js runs one per core) counts the same ones.

const MINUTE = 60_000;

export type Verdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export type RateLimiter = {
  /** Counts one hit for `key` if it is allowed; a refused hit is not counted. */
  hit(key: string): Verdict;
};

/**
 * At most `limit` hits per key in any window of `windowMs` (a sliding window: the times of the
 * hits in the last window are kept, so a burst at the end of one minute and another at the start
 * of the next are counted together). A limit of 0 or less lets everything through. `name` keeps
 * one limiter's keys apart from another's. Counting and recording a hit is one IMMEDIATE
 * transaction, so two processes cannot both take the last place in a window.
 */
export function slidingWindowLimiter({
  name,
  limit,
  windowMs = MINUTE,
  now = Date.now,
}: {
  name: string;
  limit: number;
  windowMs?: number;
  now?: () => number;
}): RateLimiter {
  const forget = sqlite.prepare("DELETE FROM write_hits WHERE key = ? AND at <= ?");
  const inWindow = sqlite.prepare<[string], { hits: number; first: number | null }>(
    "SELECT count(*) AS hits, min(at) AS first FROM write_hits WHERE key = ?",
  );
  const record = sqlite.prepare("INSERT INTO write_hits (key, at) VALUES (?, ?)");
  /** Forgets every key's expired hits now and then, so the table does not grow with every address ever seen. */
  const sweep = sqlite.prepare("DELETE FROM write_hits WHERE at <= ? AND substr(key, 1, ?) = ?");
  let sweptAt = now();

  const hit = sqlite.transaction((key: string, time: number): Verdict => {
    const stored = `${name}:${key}`;
    if (time - sweptAt >= windowMs) {
      sweep.run(time - windowMs, name.length + 1, `${name}:`);
      sweptAt = time;
    }
    forget.run(stored, time - windowMs);
    const { hits, first } = inWindow.get(stored)!;
    if (hits >= limit) {
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil((first! + windowMs - time) / 1000)),
      };
    }
    record.run(stored, time);
    return { allowed: true };
  });

  return {
    hit(key) {
      if (limit <= 0) return { allowed: true };
      return hit.immediate(key, now());
    },
  };
}

/** A refused write: the shared error page's 429 says to wait a minute; the body says which limit. */
export function tooManyWrites(retryAfterSeconds: number, reason: string): never {
  throw new Response(reason, {
    status: 429,
    statusText: "Too Many Requests",
    headers: { "Retry-After": String(retryAfterSeconds), "Cache-Control": "no-store" },
  });
}

const isWrite = (request: Request) => request.method !== "GET" && request.method !== "HEAD";

let perUser: RateLimiter | undefined;
let perAddress: RateLimiter | undefined;
/** A request is counted once, however many times its action asks who is signed in. */
const countedForUser = new WeakSet<Request>();

/** Per signed-in user: `WRITE_LIMIT_PER_USER` writes a minute. Called by `requireUser`. */
export function limitWritesByUser(request: Request, userId: number) {
  if (!isWrite(request) || countedForUser.has(request)) return;
  countedForUser.add(request);
  perUser ??= slidingWindowLimiter({ name: "user", limit: getConfig().writeLimitPerUser });
  const verdict = perUser.hit(String(userId));
  if (!verdict.allowed) {
    tooManyWrites(
      verdict.retryAfterSeconds,
      `You have made more than ${getConfig().writeLimitPerUser} changes in a minute.`,
    );
  }
}

/** Per client address: `WRITE_LIMIT_PER_ADDRESS` writes a minute, signed in or not. */
export function limitWritesByAddress(request: Request, address: string) {
  if (!isWrite(request)) return;
  perAddress ??= slidingWindowLimiter({ name: "address", limit: getConfig().writeLimitPerAddress });
  const verdict = perAddress.hit(address);
  if (!verdict.allowed) {
    tooManyWrites(
      verdict.retryAfterSeconds,
      `More than ${getConfig().writeLimitPerAddress} changes a minute have come from your network address.`,
    );
  }
}

/**
 * Deletes hits older than a minute, whichever limiter counted them: they hold client addresses,
 * so they must not outlast their use when no further writes come to push them out. The main
 * process runs this every minute (lifecycle.server.ts).
 */
export function forgetExpiredWriteHits(now = Date.now()) {
  return sqlite.prepare("DELETE FROM write_hits WHERE at <= ?").run(now - MINUTE).changes;
}

/** For tests: forget every hit (the limits are read from the settings again). */
export function resetWriteLimits() {
  sqlite.prepare("DELETE FROM write_hits").run();
  perUser = undefined;
  perAddress = undefined;
}

/**
 * The server build with the per-address limit in front of every route's action, so it covers the
 * public forms (sign-in, feedback, self-fill monitoring) too. A refused write is a thrown 429, so
 * Remix shows the shared error page (or hands the error to the page's scripts); as Remix keeps a
 * thrown response's headers only for routes that pass them on, its `Retry-After` is put back on
 * the page's answer here.
 */
export function withWriteLimits(build: ServerBuild): ServerBuild {
  const retryAfter = new WeakMap<object, string>();

  const guard =
    (action: ActionFunction): ActionFunction =>
    async (args) => {
      try {
        limitWritesByAddress(args.request, clientAddress(args.context));
        return await action(args);
      } catch (thrown) {
        const seconds =
          thrown instanceof Response && thrown.status === 429 && thrown.headers.get("Retry-After");
        if (seconds && typeof args.context === "object" && args.context)
          retryAfter.set(args.context, seconds);
        throw thrown;
      }
    };

  const putBack = (status: number, headers: Headers, context: unknown) => {
    if (status !== 429 || headers.has("Retry-After") || typeof context !== "object" || !context) return;
    const seconds = retryAfter.get(context);
    if (seconds) headers.set("Retry-After", seconds);
  };

  const entry = build.entry.module;
  return {
    ...build,
    entry: {
      module: {
        ...entry,
        default: (request, status, headers, remixContext, loadContext) => {
          putBack(status, headers, loadContext);
          return entry.default(request, status, headers, remixContext, loadContext);
        },
        handleDataRequest: async (response, args) => {
          const answer = entry.handleDataRequest ? await entry.handleDataRequest(response, args) : response;
          putBack(answer.status, answer.headers, args.context);
          return answer;
        },
      },
    },
    routes: Object.fromEntries(
      Object.entries(build.routes).map(([id, route]) => [
        id,
        route.module.action
          ? { ...route, module: { ...route.module, action: guard(route.module.action) } }
          : route,
      ]),
    ),
  };
}
