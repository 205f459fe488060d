import { and, desc, eq } from "drizzle-orm";
import { auditEvents, users, type AuditChanges } from "~db/schema";
import { db } from "~/utils/db.server";
import type { Tx } from "~/utils/db.server";

/** The kinds of record the audit trail (and later the evidence links) refer to. */
export type RecordRef = { type: string; id: number };

const SECRET_FIELD = /password|token|secret/i;

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value ?? null;
}

function redact(field: string, value: unknown): unknown {
  return SECRET_FIELD.test(field) && value !== null ? "(hidden)" : value;
}

export function auditCreate(
  tx: Tx,
  actorId: number | null,
  record: RecordRef,
  values: Record<string, unknown>,
) {
  const changes: AuditChanges = {};
  for (const [field, value] of Object.entries(values)) {
    const after = normalise(value);
    if (after !== null && after !== "") changes[field] = [null, redact(field, after)];
  }
  insert(tx, actorId, "create", record, changes);
}

/** Records only the fields whose value changed; does nothing when none did. */
export function auditUpdate(
  tx: Tx,
  actorId: number | null,
  record: RecordRef,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
) {
  const changes: AuditChanges = {};
  for (const field of Object.keys(after)) {
    const was = normalise(before[field]);
    const now = normalise(after[field]);
    if (JSON.stringify(was) !== JSON.stringify(now)) {
      changes[field] = [redact(field, was), redact(field, now)];
    }
  }
  if (Object.keys(changes).length > 0) insert(tx, actorId, "update", record, changes);
}

export function auditDelete(
  tx: Tx,
  actorId: number | null,
  record: RecordRef,
  values: Record<string, unknown>,
) {
  const changes: AuditChanges = {};
  for (const [field, value] of Object.entries(values)) {
    const before = normalise(value);
    if (before !== null && before !== "") changes[field] = [redact(field, before), null];
  }
  insert(tx, actorId, "delete", record, changes);
}

function insert(
  tx: Tx,
  actorId: number | null,
  action: "create" | "update" | "delete",
  record: RecordRef,
  changes: AuditChanges,
) {
  tx.insert(auditEvents)
    .values({
      at: new Date(),
      userId: actorId,
      action,
      recordType: record.type,
      recordId: record.id,
      changes,
    })
    .run();
}

/**
 * A record's audit trail for its timeline, which everyone who can see the record sees: who did
 * what and when, and the names of the fields changed, never their old or new values (those are
 * for administrators, on the record's history page).
 */
export function timelineHistory(record: RecordRef) {
  return listHistory(record).map(({ changes, ...event }) => ({
    ...event,
    changedFields: Object.keys(changes ?? {}),
  }));
}

/** A record's whole audit trail, with every change's old and new values: for administrators. */
export function listHistory(record: RecordRef) {
  return db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      changes: auditEvents.changes,
      userName: users.name,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.userId))
    .where(and(eq(auditEvents.recordType, record.type), eq(auditEvents.recordId, record.id)))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .all();
}
