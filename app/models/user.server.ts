import { and, asc, count, eq, ne } from "drizzle-orm";
import { sessions, users, type Role } from "~db/schema";
import { db, write, type Tx } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";
import { auditCreate, auditUpdate } from "./audit.server";

export const USER_RECORD = "user";

export function hasAnyUser(): boolean {
  return db.select({ id: users.id }).from(users).limit(1).get() !== undefined;
}

export function findUserForLogin(email: string) {
  return db
    .select({ id: users.id, passwordHash: users.passwordHash, active: users.active })
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()))
    .get();
}

export function listUsers() {
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      canViewEquality: users.canViewEquality,
      active: users.active,
    })
    .from(users)
    .orderBy(asc(users.name))
    .all();
}

/** People who can own actions or attend meetings: active users, by name. */
export function listActiveUserNames() {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(eq(users.active, true))
    .orderBy(asc(users.name))
    .all();
}

export function getUser(id: number) {
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      canViewEquality: users.canViewEquality,
      active: users.active,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, id))
    .get();
}

export function emailTaken(email: string, exceptUserId?: number) {
  const conditions = [eq(users.email, email.trim().toLowerCase())];
  if (exceptUserId) conditions.push(ne(users.id, exceptUserId));
  return (
    db
      .select({ id: users.id })
      .from(users)
      .where(and(...conditions))
      .get() !== undefined
  );
}

export type NewUser = {
  email: string;
  name: string;
  role: Role;
  password: string;
  canViewEquality?: boolean;
};

export class DuplicateEmailError extends Error {
  constructor() {
    super("A user with this email address already exists.");
  }
}

export async function createUser(input: NewUser, actorId: number | null) {
  const passwordHash = await hashPassword(input.password);
  return write((tx) => insertUser(tx, input, passwordHash, actorId));
}

/**
 * The first administrator, created only while there are no users at all: the check and the insert
 * share one transaction, so two people racing through /setup cannot both succeed.
 */
export async function createFirstAdmin(input: Omit<NewUser, "role">) {
  const passwordHash = await hashPassword(input.password);
  return write((tx) => {
    if (tx.select({ id: users.id }).from(users).limit(1).get()) return null;
    return insertUser(tx, { ...input, role: "admin", canViewEquality: true }, passwordHash, null);
  });
}

function insertUser(tx: Tx, input: NewUser, passwordHash: string, actorId: number | null) {
  const email = input.email.trim().toLowerCase();
  if (tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) {
    throw new DuplicateEmailError();
  }
  const values = {
    email,
    name: input.name.trim(),
    role: input.role,
    canViewEquality: input.canViewEquality ?? false,
  };
  const { id } = tx
    .insert(users)
    .values({ ...values, passwordHash })
    .returning({ id: users.id })
    .get();
  auditCreate(tx, actorId ?? id, { type: USER_RECORD, id }, values);
  return { id };
}

export class LastAdminError extends Error {
  constructor() {
    super("This is the only active administrator. Make someone else an administrator first.");
  }
}

function activeAdminCount(tx: Tx) {
  return tx
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.active, true)))
    .get()!.n;
}

/**
 * Changes a user's role, equality-data permission and active flag. Refuses to leave the
 * organisation without an active administrator. Deactivating ends the user's sessions at once.
 */
export function updateUserAccess(
  id: number,
  change: { role?: Role; canViewEquality?: boolean; active?: boolean },
  actorId: number,
) {
  return write((tx) => {
    const before = tx
      .select({ role: users.role, canViewEquality: users.canViewEquality, active: users.active })
      .from(users)
      .where(eq(users.id, id))
      .get();
    if (!before) return null;
    const after = { ...before, ...change };
    const wasActiveAdmin = before.role === "admin" && before.active;
    const staysActiveAdmin = after.role === "admin" && after.active;
    if (wasActiveAdmin && !staysActiveAdmin && activeAdminCount(tx) <= 1) throw new LastAdminError();
    tx.update(users)
      .set({ ...after, updatedAt: new Date() })
      .where(eq(users.id, id))
      .run();
    if (!after.active) tx.delete(sessions).where(eq(sessions.userId, id)).run();
    auditUpdate(tx, actorId, { type: USER_RECORD, id }, before, after);
    return after;
  });
}

/** Sets a new password and ends every session of that user (except, optionally, the current one). */
export async function setPassword(id: number, password: string, actorId: number, keepSessionIdHash?: string) {
  const passwordHash = await hashPassword(password);
  write((tx) => {
    tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, id)).run();
    const mine = eq(sessions.userId, id);
    tx.delete(sessions)
      .where(keepSessionIdHash ? and(mine, ne(sessions.idHash, keepSessionIdHash)) : mine)
      .run();
    auditUpdate(tx, actorId, { type: USER_RECORD, id }, { password: "old" }, { password: "new" });
  });
}

/** True while the first administrator is the only user: the dashboard then suggests adding colleagues. */
export function hasOnlyOneUser(): boolean {
  return db.select({ n: count() }).from(users).get()!.n <= 1;
}
