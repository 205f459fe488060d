import crypto from "node:crypto";
import { and, eq, gt, lt } from "drizzle-orm";
import { sessions, users } from "~db/schema";
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

/** The signed-in, still active user behind a session token, or null. */
export function findSessionUser(token: string, now = new Date()): SessionUser | null {
  const row = db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      canViewEquality: users.canViewEquality,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, hashToken(token)), gt(sessions.expiresAt, now), eq(users.active, true)))
    .get();
  return row ?? null;
}

export function deleteSession(token: string) {
  db.delete(sessions)
    .where(eq(sessions.idHash, hashToken(token)))
    .run();
}

export function deleteExpiredSessions(now = new Date()) {
  db.delete(sessions).where(lt(sessions.expiresAt, now)).run();
}
