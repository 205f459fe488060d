import { eq } from "drizzle-orm";
import { fundingLines, projects } from "~db/schema";
import type { FundingInput } from "~/forms/projects.server";
import { db, write } from "~/utils/db.server";
import { auditCreate, auditDelete, auditUpdate } from "./audit.server";
import { removeEvidenceFor } from "./evidence.server";
import { FUNDING, refreshProjectEvidence } from "./project.server";

/** A funding line with its project's title, or undefined when it does not exist. */
export function getFundingLine(id: number) {
  return db
    .select({
      id: fundingLines.id,
      projectId: fundingLines.projectId,
      projectTitle: projects.title,
      source: fundingLines.source,
      amountPence: fundingLines.amountPence,
      status: fundingLines.status,
      date: fundingLines.date,
    })
    .from(fundingLines)
    .innerJoin(projects, eq(projects.id, fundingLines.projectId))
    .where(eq(fundingLines.id, id))
    .get();
}

/** A project's funding line; undefined when it does not exist or belongs to another project. */
export function getProjectFundingLine(projectId: number, id: number) {
  const line = getFundingLine(id);
  return line && line.projectId === projectId ? line : undefined;
}

function values(input: FundingInput) {
  return {
    source: input.source,
    amountPence: input.amount,
    status: input.status,
    date: input.date ?? null,
  };
}

export function addFundingLine(projectId: number, input: FundingInput, actorId: number) {
  return write((tx) => {
    const row = { projectId, ...values(input) };
    const { id } = tx.insert(fundingLines).values(row).returning({ id: fundingLines.id }).get();
    auditCreate(tx, actorId, { type: FUNDING, id }, row);
    refreshProjectEvidence(tx, projectId);
    return id;
  });
}

export function updateFundingLine(id: number, input: FundingInput, actorId: number) {
  return write((tx) => {
    const before = tx.select().from(fundingLines).where(eq(fundingLines.id, id)).get();
    if (!before) return false;
    const row = values(input);
    tx.update(fundingLines)
      .set({ ...row, updatedAt: new Date() })
      .where(eq(fundingLines.id, id))
      .run();
    auditUpdate(tx, actorId, { type: FUNDING, id }, before, row);
    refreshProjectEvidence(tx, before.projectId);
    return true;
  });
}

export function deleteFundingLine(id: number, actorId: number) {
  return write((tx) => {
    const before = tx.select().from(fundingLines).where(eq(fundingLines.id, id)).get();
    if (!before) return false;
    tx.delete(fundingLines).where(eq(fundingLines.id, id)).run();
    removeEvidenceFor(tx, { type: FUNDING, id });
    auditDelete(tx, actorId, { type: FUNDING, id }, before);
    refreshProjectEvidence(tx, before.projectId);
    return true;
  });
}
