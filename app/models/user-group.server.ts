import { eq } from "drizzle-orm";
import { projects, userGroups } from "~db/schema";
import type { UserGroupInput } from "~/forms/projects.server";
import { db, write } from "~/utils/db.server";
import { auditCreate, auditDelete, auditUpdate } from "./audit.server";
import { removeEvidenceFor } from "./evidence.server";
import { USER_GROUP, refreshProjectEvidence } from "./project.server";

/** A user group reached by a project, with the project's title, or undefined. */
export function getUserGroup(id: number) {
  return db
    .select({
      id: userGroups.id,
      projectId: userGroups.projectId,
      projectTitle: projects.title,
      description: userGroups.description,
      number: userGroups.number,
      newOrInfrequent: userGroups.newOrInfrequent,
    })
    .from(userGroups)
    .innerJoin(projects, eq(projects.id, userGroups.projectId))
    .where(eq(userGroups.id, id))
    .get();
}

/** A project's user group; undefined when it does not exist or belongs to another project. */
export function getProjectUserGroup(projectId: number, id: number) {
  const group = getUserGroup(id);
  return group && group.projectId === projectId ? group : undefined;
}

function values(input: UserGroupInput) {
  return {
    description: input.description,
    number: input.number ?? null,
    newOrInfrequent: input.newOrInfrequent,
  };
}

export function addUserGroup(projectId: number, input: UserGroupInput, actorId: number) {
  return write((tx) => {
    const row = { projectId, ...values(input) };
    const { id } = tx.insert(userGroups).values(row).returning({ id: userGroups.id }).get();
    auditCreate(tx, actorId, { type: USER_GROUP, id }, row);
    refreshProjectEvidence(tx, projectId);
    return id;
  });
}

export function updateUserGroup(id: number, input: UserGroupInput, actorId: number) {
  return write((tx) => {
    const before = tx.select().from(userGroups).where(eq(userGroups.id, id)).get();
    if (!before) return false;
    const row = values(input);
    tx.update(userGroups)
      .set({ ...row, updatedAt: new Date() })
      .where(eq(userGroups.id, id))
      .run();
    auditUpdate(tx, actorId, { type: USER_GROUP, id }, before, row);
    refreshProjectEvidence(tx, before.projectId);
    return true;
  });
}

export function deleteUserGroup(id: number, actorId: number) {
  return write((tx) => {
    const before = tx.select().from(userGroups).where(eq(userGroups.id, id)).get();
    if (!before) return false;
    tx.delete(userGroups).where(eq(userGroups.id, id)).run();
    removeEvidenceFor(tx, { type: USER_GROUP, id });
    auditDelete(tx, actorId, { type: USER_GROUP, id }, before);
    refreshProjectEvidence(tx, before.projectId);
    return true;
  });
}
