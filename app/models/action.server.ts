import { and, asc, eq } from "drizzle-orm";
import { actions, users, type ActionSource } from "~db/schema";
import { db, write, type Tx } from "~/utils/db.server";
import { auditCreate, auditUpdate } from "./audit.server";

export const ACTION = "action";

export type NewAction = {
  description: string;
  ownerId: number;
  dueDate: string | null;
  lineCode?: string | null;
};

/**
 * Adds follow-up actions inside the caller's transaction (a meeting, a review or an assessment
 * saving its actions with itself), each linked back to where it came from.
 */
export function addActions(
  tx: Tx,
  list: NewAction[],
  source: ActionSource,
  sourceId: number | null,
  actorId: number,
) {
  const now = new Date();
  return list.map((item) => {
    const row = {
      description: item.description,
      ownerId: item.ownerId,
      dueDate: item.dueDate,
      status: "open" as const,
      source,
      sourceId,
      lineCode: item.lineCode ?? null,
      createdBy: actorId,
      createdAt: now,
      updatedAt: now,
    };
    const { id } = tx.insert(actions).values(row).returning({ id: actions.id }).get();
    auditCreate(
      tx,
      actorId,
      { type: ACTION, id },
      {
        description: row.description,
        ownerId: row.ownerId,
        dueDate: row.dueDate,
        source,
        sourceId,
        lineCode: row.lineCode,
      },
    );
    return id;
  });
}

/** Marks an action done (or open again): one click, recorded with who and when. */
export function setActionStatus(id: number, status: "open" | "done", actorId: number) {
  return write((tx) => {
    const before = tx.select({ status: actions.status }).from(actions).where(eq(actions.id, id)).get();
    if (!before) return false;
    const now = new Date();
    tx.update(actions)
      .set({
        status,
        completedAt: status === "done" ? now : null,
        completedBy: status === "done" ? actorId : null,
        updatedAt: now,
      })
      .where(eq(actions.id, id))
      .run();
    auditUpdate(tx, actorId, { type: ACTION, id }, before, { status });
    return true;
  });
}

/** The actions that came from one meeting, review or assessment, with their owners. */
export function actionsFrom(source: ActionSource, sourceId: number) {
  return db
    .select({
      id: actions.id,
      description: actions.description,
      ownerId: actions.ownerId,
      ownerName: users.name,
      dueDate: actions.dueDate,
      status: actions.status,
      lineCode: actions.lineCode,
    })
    .from(actions)
    .innerJoin(users, eq(users.id, actions.ownerId))
    .where(and(eq(actions.source, source), eq(actions.sourceId, sourceId)))
    .orderBy(asc(actions.dueDate), asc(actions.id))
    .all();
}
