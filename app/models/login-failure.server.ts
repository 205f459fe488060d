import { and, count, eq, gt, lt, min } from "drizzle-orm";
import { loginFailures } from "~db/schema";
import { db } from "~/utils/db.server";
import { getConfig } from "~/utils/env.server";

/** One address may fail this many times more than one account before it is blocked too. */
const ADDRESS_FACTOR = 5;

export function recordLoginFailure(email: string, address: string, now = new Date()) {
  const { loginWindowMinutes } = getConfig();
  db.insert(loginFailures).values({ email: email.trim().toLowerCase(), address, at: now }).run();
  // Keep the table small: failures older than the window no longer count.
  db.delete(loginFailures)
    .where(lt(loginFailures.at, new Date(now.getTime() - loginWindowMinutes * 60_000)))
    .run();
}

export function clearLoginFailures(email: string) {
  db.delete(loginFailures).where(eq(loginFailures.email, email.trim().toLowerCase())).run();
}

/**
 * Whether sign-in is blocked for this email or address, and for how many more minutes: after
 * LOGIN_MAX_FAILURES failures for one email within LOGIN_WINDOW_MINUTES (and five times that for
 * one address), until the oldest of those failures leaves the window.
 */
export function loginBlock(email: string, address: string, now = new Date()) {
  const { loginMaxFailures, loginWindowMinutes } = getConfig();
  const windowStart = new Date(now.getTime() - loginWindowMinutes * 60_000);
  const check = (condition: ReturnType<typeof eq>, limit: number) => {
    const row = db
      .select({ failures: count(), oldest: min(loginFailures.at) })
      .from(loginFailures)
      .where(and(condition, gt(loginFailures.at, windowStart)))
      .get();
    if (!row || row.failures < limit || !row.oldest) return 0;
    const unblockAt = new Date(row.oldest).getTime() + loginWindowMinutes * 60_000;
    return Math.max(1, Math.ceil((unblockAt - now.getTime()) / 60_000));
  };
  const minutes = Math.max(
    check(eq(loginFailures.email, email.trim().toLowerCase()), loginMaxFailures),
    check(eq(loginFailures.address, address), loginMaxFailures * ADDRESS_FACTOR),
  );
  return minutes > 0 ? { blocked: true as const, minutes } : { blocked: false as const };
}
