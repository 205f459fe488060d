import crypto from "node:crypto";
import { and, eq, lt } from "drizzle-orm";
import { sessions, users } from "~db/schema";
import { cached } from "~/utils/cache.server";
import { db } from "~/utils/db.server";
import { getConfig } from "~/utils/env.server";

export type SessionUser = {
  id: number;
  email: string;
  name: string;
  role: "admin" | "editor" | "viewer";
  canViewEquality: boolean;
};

export const hashToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

/** Starts a new session (a new id at every sign-in) and returns its secret token. */
export function createSession(userId: number, now = new Date()) {
  const token = crypto.randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + getConfig().sessionMaxAgeSeconds * 1000);
  db.insert(sessions)
    .values({ idHash: hashToken(token), userId, createdAt: now, expiresAt })
    .run();
  return { token, expiresAt };
}

/**
 * The signed-in, still active user behind a session token, or null. Every signed-in request asks
 * (twice: the app's layout and the page), so the answer is kept until the data next changes:
 * signing out, a password change, deactivation or a new role all change the data and are seen at
 * once, and expiry is checked on every call.
 */
export function findSessionUser(token: string, now = new Date()): SessionUser | null {
  const idHash = hashToken(token);
  const found = cached(`session:${idHash}`, () => sessionWithUser(idHash));
  if (!found || found.expiresAt <= now) return null;
  const { expiresAt: _expiresAt, ...user } = found;
  return user;
}

function sessionWithUser(idHash: string) {
  return (
    db
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        canViewEquality: users.canViewEquality,
        expiresAt: sessions.expiresAt,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.idHash, idHash), eq(users.active, true)))
      .get() ?? null
  );
}

export function deleteSession(token: string) {
  db.delete(sessions)
    .where(eq(sessions.idHash, hashToken(token)))
    .run();
}

export function deleteExpiredSessions(now = new Date()) {
  db.delete(sessions).where(lt(sessions.expiresAt, now)).run();
}
