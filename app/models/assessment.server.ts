import { createHash } from "node:crypto";
import { and, asc, count, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import {
  assessmentAnswers,
  assessmentEvidence,
  assessments,
  evidenceLinks,
  users,
  type AssessmentAnswer,
  type AssessmentStatus,
} from "~db/schema";
import { CHECKLIST_VERSION, LINES } from "~/checklist/section3";
import { lineChange, lineChanges, type LineChange } from "~/components/assessments/line-changes";
import { checklistCoverage } from "~/evidence/coverage.server";
import { ruleReason } from "~/evidence/rules.server";
import type { AnswerInput, AssessmentInput, PlanActionInput } from "~/forms/assessments.server";
import { cached } from "~/utils/cache.server";
import { db, write, type Tx } from "~/utils/db.server";
import { offsetOf, PAGE_SIZE } from "~/utils/list-query.server";
import { actionsFrom, addActions } from "./action.server";
import { auditCreate, auditUpdate } from "./audit.server";
import { recentSince } from "./evidence.server";
import { describeRecords, recordKey, recordKindLabels } from "./records.server";
import { getSetting } from "./settings.server";

export const ASSESSMENT = "assessment";

const lineCodes = LINES.map((line) => line.code);
const finisher = alias(users, "finisher");
const starter = alias(users, "starter");

// ---------------------------------------------------------------------------------------------
// Starting

/**
 * Starts an assessment: one answer per checklist line (13 action lines and 29 evidence prompts),
 * each pre-filled with the answer the confirmed evidence supports today, all in one transaction.
 */
export function startAssessment(input: AssessmentInput, actorId: number, now = new Date()) {
  return write((tx) => {
    const coverage = checklistCoverage(now);
    const row = {
      title: input.title,
      heldOn: input.heldOn,
      participants: input.participants ?? null,
      status: "in_progress" as const,
      checklistVersion: CHECKLIST_VERSION,
      createdBy: actorId,
      createdAt: now,
      updatedAt: now,
    };
    const { id } = tx.insert(assessments).values(row).returning({ id: assessments.id }).get();
    tx.insert(assessmentAnswers)
      .values(
        LINES.map((line) => ({
          assessmentId: id,
          lineCode: line.code,
          supported: coverage.lines[line.code].answer,
          answer: coverage.lines[line.code].answer,
        })),
      )
      .run();
    const supportedYes = LINES.filter((l) => coverage.lines[l.code].answer === "yes").length;
    auditCreate(
      tx,
      actorId,
      { type: ASSESSMENT, id },
      {
        title: row.title,
        heldOn: row.heldOn,
        participants: row.participants,
        status: row.status,
        checklistVersion: row.checklistVersion,
        prefilled: `${supportedYes} of ${LINES.length} lines supported Yes by the evidence`,
      },
    );
    return id;
  });
}

/** Corrects the title, date and who took part, while the assessment is in progress. */
export function updateAssessmentDetails(id: number, input: AssessmentInput, actorId: number) {
  return write((tx): "saved" | "locked" | "missing" => {
    const before = tx
      .select({
        title: assessments.title,
        heldOn: assessments.heldOn,
        participants: assessments.participants,
        status: assessments.status,
      })
      .from(assessments)
      .where(eq(assessments.id, id))
      .get();
    if (!before) return "missing";
    if (before.status === "finished") return "locked";
    const row = { title: input.title, heldOn: input.heldOn, participants: input.participants ?? null };
    tx.update(assessments)
      .set({ ...row, updatedAt: new Date() })
      .where(eq(assessments.id, id))
      .run();
    auditUpdate(tx, actorId, { type: ASSESSMENT, id }, before, row);
    return "saved";
  });
}

// ---------------------------------------------------------------------------------------------
// Lists

export function listAssessments(page: number) {
  const rows = db
    .select({
      id: assessments.id,
      title: assessments.title,
      heldOn: assessments.heldOn,
      participants: assessments.participants,
      status: assessments.status,
      finishedAt: assessments.finishedAt,
      finishedByName: finisher.name,
    })
    .from(assessments)
    .leftJoin(finisher, eq(finisher.id, assessments.finishedBy))
    .orderBy(desc(assessments.heldOn), desc(assessments.id))
    .limit(PAGE_SIZE)
    .offset(offsetOf(page))
    .all();
  const total = db.select({ n: count() }).from(assessments).get()!.n;
  const ids = rows.map((r) => r.id);
  const yes = new Map(
    ids.length
      ? db
          .select({ id: assessmentAnswers.assessmentId, n: count() })
          .from(assessmentAnswers)
          .where(and(inArray(assessmentAnswers.assessmentId, ids), eq(assessmentAnswers.answer, "yes")))
          .groupBy(assessmentAnswers.assessmentId)
          .all()
          .map((r) => [r.id, r.n])
      : [],
  );
  return {
    rows: rows.map((row) => ({ ...row, yes: yes.get(row.id) ?? 0 })),
    total,
    lines: LINES.length,
  };
}

/** Finished assessments, newest first, for choosing two to compare. */
export function finishedAssessmentOptions() {
  return db
    .select({ id: assessments.id, title: assessments.title, heldOn: assessments.heldOn })
    .from(assessments)
    .where(eq(assessments.status, "finished"))
    .orderBy(desc(assessments.heldOn), desc(assessments.id))
    .all();
}

// ---------------------------------------------------------------------------------------------
// One assessment

/** A line as it was when a person loaded the form, so a save writes only the lines they changed. */
export function answerFingerprint(line: {
  answer: string | null;
  areasForImprovement: string | null;
  comments: string | null;
}) {
  return createHash("sha256")
    .update(JSON.stringify([line.answer ?? "", tidy(line.areasForImprovement), tidy(line.comments)]))
    .digest("base64url")
    .slice(0, 16);
}

/** Browsers send a textarea's line breaks as CRLF; compare text without caring. */
const tidy = (text: string | null) => (text ?? "").replace(/\r\n?/g, "\n").trim();

/** Looked up for every request about an assessment (who may see it): kept until the data changes. */
export function getAssessmentHeader(id: number) {
  return cached(`assessment-header:${id}`, () => readAssessmentHeader(id));
}

function readAssessmentHeader(id: number) {
  return db
    .select({
      id: assessments.id,
      title: assessments.title,
      heldOn: assessments.heldOn,
      participants: assessments.participants,
      status: assessments.status,
      checklistVersion: assessments.checklistVersion,
      finishedAt: assessments.finishedAt,
      finishedByName: finisher.name,
      createdByName: starter.name,
      createdAt: assessments.createdAt,
    })
    .from(assessments)
    .leftJoin(finisher, eq(finisher.id, assessments.finishedBy))
    .leftJoin(starter, eq(starter.id, assessments.createdBy))
    .where(eq(assessments.id, id))
    .get();
}

export type AnswerView = {
  lineCode: string;
  supported: AssessmentAnswer;
  answer: AssessmentAnswer | null;
  areasForImprovement: string | null;
  comments: string | null;
  updatedAt: Date | null;
  updatedByName: string | null;
  fingerprint: string;
};

function answersOf(id: number): Record<string, AnswerView> {
  const rows = db
    .select({
      lineCode: assessmentAnswers.lineCode,
      supported: assessmentAnswers.supported,
      answer: assessmentAnswers.answer,
      areasForImprovement: assessmentAnswers.areasForImprovement,
      comments: assessmentAnswers.comments,
      updatedAt: assessmentAnswers.updatedAt,
      updatedByName: users.name,
    })
    .from(assessmentAnswers)
    .leftJoin(users, eq(users.id, assessmentAnswers.updatedBy))
    .where(eq(assessmentAnswers.assessmentId, id))
    .all();
  return Object.fromEntries(
    rows.map((row) => [row.lineCode, { ...row, fingerprint: answerFingerprint(row) }]),
  );
}

/** One piece of evidence under a line: live while in progress, from the stored copy once finished. */
export type EvidenceItem = {
  key: string;
  kind: string;
  label: string;
  href: string | null;
  evidenceDate: string;
  note: string | null;
};

export type LineEvidenceView = {
  count: number;
  newest: string | null;
  /** While in progress: what the evidence supports now (it may have changed since the start). */
  supportedNow: AssessmentAnswer | null;
  suggested: number;
  items: EvidenceItem[];
};

const emptyLine = (): LineEvidenceView => ({
  count: 0,
  newest: null,
  supportedNow: null,
  suggested: 0,
  items: [],
});

/**
 * The confirmed evidence today: counts for every line and the newest few items of each. The same
 * for every assessment in progress and every visit, so it is worked out once and kept until the
 * data changes (or the day moves what counts as recent), like the checklist's coverage.
 */
function liveEvidence(perLine: number, now: Date) {
  return cached(`assessment-live-evidence:${perLine}:${recentSince(now)}`, () =>
    computeLiveEvidence(perLine, now),
  );
}

function computeLiveEvidence(perLine: number, now: Date) {
  const coverage = checklistCoverage(now);
  // The newest few of each line: one short index range per line, as the index holds the date and
  // then the id, the order shown (a window over every link would read them all).
  const newestOfLine = db
    .select({
      id: evidenceLinks.id,
      lineCode: evidenceLinks.lineCode,
      recordType: evidenceLinks.recordType,
      recordId: evidenceLinks.recordId,
      evidenceDate: evidenceLinks.evidenceDate,
      note: evidenceLinks.note,
      rule: evidenceLinks.rule,
    })
    .from(evidenceLinks)
    .where(and(eq(evidenceLinks.status, "confirmed"), eq(evidenceLinks.lineCode, sql.placeholder("line"))))
    .orderBy(desc(evidenceLinks.evidenceDate), desc(evidenceLinks.id))
    .limit(perLine)
    .prepare();
  const rows =
    perLine > 0
      ? LINES.flatMap((line) =>
          coverage.lines[line.code].confirmed > 0
            ? newestOfLine.all({ line: line.code }).map((row, index) => ({ ...row, rank: index + 1 }))
            : [],
        )
      : [];
  const records = describeRecords(rows.map((r) => ({ type: r.recordType, id: r.recordId })));
  const lines: Record<string, LineEvidenceView> = {};
  for (const line of LINES) {
    const c = coverage.lines[line.code];
    lines[line.code] = {
      count: c.confirmed,
      newest: c.newest,
      supportedNow: c.answer,
      suggested: c.suggested,
      items: [],
    };
  }
  for (const row of rows.sort((a, b) => a.rank - b.rank)) {
    const record = records.get(recordKey({ type: row.recordType, id: row.recordId }));
    lines[row.lineCode]?.items.push({
      key: `link-${row.id}`,
      kind: recordKindLabels[row.recordType] ?? row.recordType,
      label: record?.label ?? "A record that no longer exists",
      href: record?.href ?? null,
      evidenceDate: row.evidenceDate,
      note: row.note ?? ruleReason(row.rule),
    });
  }
  return { lines, recencyMonths: coverage.recencyMonths };
}

/**
 * The evidence a finished assessment kept: counts per line and the newest `perLine` items of each.
 * Counting reads the whole copy (600,000 links on a large organisation), so it is kept until the
 * data changes (the copy never does, but the records it links to may be renamed or removed).
 */
function storedEvidence(id: number, perLine: number) {
  return cached(`assessment-stored-evidence:${id}:${perLine}`, () => computeStoredEvidence(id, perLine));
}

function computeStoredEvidence(id: number, perLine: number) {
  const totals = db
    .select({
      lineCode: assessmentEvidence.lineCode,
      n: count(),
      newest: sql<string | null>`max(${assessmentEvidence.evidenceDate})`,
    })
    .from(assessmentEvidence)
    .where(eq(assessmentEvidence.assessmentId, id))
    .groupBy(assessmentEvidence.lineCode)
    .all();
  // The newest few of each line: one short index range per line.
  const newestOfLine = db
    .select({
      id: assessmentEvidence.id,
      lineCode: assessmentEvidence.lineCode,
      recordType: assessmentEvidence.recordType,
      recordId: assessmentEvidence.recordId,
      kind: assessmentEvidence.kind,
      label: assessmentEvidence.label,
      evidenceDate: assessmentEvidence.evidenceDate,
      note: assessmentEvidence.note,
    })
    .from(assessmentEvidence)
    .where(
      and(eq(assessmentEvidence.assessmentId, id), eq(assessmentEvidence.lineCode, sql.placeholder("line"))),
    )
    .orderBy(desc(assessmentEvidence.evidenceDate), desc(assessmentEvidence.id))
    .limit(perLine)
    .prepare();
  const withEvidence = new Set(totals.map((t) => t.lineCode));
  const rows =
    perLine > 0
      ? LINES.flatMap((line) =>
          withEvidence.has(line.code)
            ? newestOfLine.all({ line: line.code }).map((row, index) => ({ ...row, rank: index + 1 }))
            : [],
        )
      : [];
  const lines: Record<string, LineEvidenceView> = Object.fromEntries(
    LINES.map((line) => [line.code, emptyLine()]),
  );
  for (const total of totals) {
    const line = lines[total.lineCode];
    if (!line) continue;
    line.count = total.n;
    line.newest = total.newest;
  }
  const items = storedItems(rows.sort((a, b) => a.rank - b.rank));
  items.forEach((item, i) => lines[rows[i].lineCode]?.items.push(item));
  return { lines };
}

type StoredRow = {
  id: number;
  recordType: string;
  recordId: number;
  kind: string;
  label: string;
  evidenceDate: string;
  note: string | null;
};

/** Stored items as shown: the words kept at the time, and a link while the record still exists. */
function storedItems(rows: StoredRow[]): EvidenceItem[] {
  const records = describeRecords(rows.map((r) => ({ type: r.recordType, id: r.recordId })));
  return rows.map((row) => ({
    key: `copy-${row.id}`,
    kind: row.kind,
    label: row.label,
    href: records.get(recordKey({ type: row.recordType, id: row.recordId }))?.href ?? null,
    evidenceDate: row.evidenceDate,
    note: row.note,
  }));
}

/** A long line's stored evidence, a chunk at a time, newest first (for the downloaded report). */
export function storedEvidenceChunk(id: number, lineCode: string, limit: number, offset: number) {
  const rows = db
    .select({
      id: assessmentEvidence.id,
      recordType: assessmentEvidence.recordType,
      recordId: assessmentEvidence.recordId,
      kind: assessmentEvidence.kind,
      label: assessmentEvidence.label,
      evidenceDate: assessmentEvidence.evidenceDate,
      note: assessmentEvidence.note,
    })
    .from(assessmentEvidence)
    .where(and(eq(assessmentEvidence.assessmentId, id), eq(assessmentEvidence.lineCode, lineCode)))
    .orderBy(desc(assessmentEvidence.evidenceDate), desc(assessmentEvidence.id))
    .limit(limit)
    .offset(offset)
    .all();
  return storedItems(rows);
}

export type AssessmentProgress = { total: number; answered: number; changed: number };

function progressOf(answers: Record<string, AnswerView>): AssessmentProgress {
  const rows = Object.values(answers);
  return {
    total: LINES.length,
    answered: rows.filter((a) => a.updatedAt !== null).length,
    changed: rows.filter((a) => a.answer !== a.supported).length,
  };
}

/**
 * Everything an assessment's page shows, in a handful of queries: the assessment, every line's
 * answer with who last changed it, each line's evidence (live while in progress, the stored copy
 * once finished: counts and the newest `perLine` items), progress and the action plan.
 */
export function getAssessment(id: number, { perLine = 3, now = new Date() } = {}) {
  const assessment = getAssessmentHeader(id);
  if (!assessment) return null;
  const answers = answersOf(id);
  const live = assessment.status === "finished" ? null : liveEvidence(perLine, now);
  return {
    assessment,
    answers,
    evidence: live ? live.lines : storedEvidence(id, perLine).lines,
    progress: progressOf(answers),
    plan: actionsFrom("assessment", id),
    recencyMonths: live ? live.recencyMonths : getSetting("evidenceRecencyMonths"),
  };
}

export type AssessmentPage = NonNullable<ReturnType<typeof getAssessment>>;

// ---------------------------------------------------------------------------------------------
// Answering

export type SaveResult = "saved" | "locked" | "missing";

/**
 * Saves answers, comments and areas for improvement. Only lines the person changed (their values
 * differ from what they saw, by `seen`) are written, so two people saving the same element at once
 * do not undo each other's work on other lines; on the same line the last save wins. A line saved
 * unchanged for the first time is marked as gone through by this person. Refused once finished.
 */
export function saveAnswers(id: number, changes: AnswerInput[], actorId: number, now = new Date()) {
  return write((tx): SaveResult => {
    const head = tx
      .select({ status: assessments.status })
      .from(assessments)
      .where(eq(assessments.id, id))
      .get();
    if (!head) return "missing";
    if (head.status === "finished") return "locked";
    const codes = changes.map((c) => c.lineCode).filter((code) => lineCodes.includes(code));
    if (codes.length === 0) return "saved";
    const current = new Map(
      tx
        .select({
          lineCode: assessmentAnswers.lineCode,
          answer: assessmentAnswers.answer,
          areasForImprovement: assessmentAnswers.areasForImprovement,
          comments: assessmentAnswers.comments,
          updatedAt: assessmentAnswers.updatedAt,
        })
        .from(assessmentAnswers)
        .where(and(eq(assessmentAnswers.assessmentId, id), inArray(assessmentAnswers.lineCode, codes)))
        .all()
        .map((row) => [row.lineCode, row]),
    );
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const change of changes) {
      const row = current.get(change.lineCode);
      if (!row) continue;
      const submitted = {
        answer: change.answer,
        areasForImprovement: change.areasForImprovement,
        comments: change.comments,
      };
      const edited = change.seen === undefined || answerFingerprint(submitted) !== change.seen;
      const differs = answerFingerprint(submitted) !== answerFingerprint(row);
      const where = and(
        eq(assessmentAnswers.assessmentId, id),
        eq(assessmentAnswers.lineCode, change.lineCode),
      );
      if (edited && differs) {
        tx.update(assessmentAnswers)
          .set({ ...submitted, updatedBy: actorId, updatedAt: now })
          .where(where)
          .run();
        const fields = [
          ["answer", "answer"],
          ["areasForImprovement", "areas for improvement"],
          ["comments", "comments"],
        ] as const;
        for (const [field, words] of fields) {
          if (tidy(row[field]) === tidy(submitted[field])) continue;
          before[`${change.lineCode} ${words}`] = row[field];
          after[`${change.lineCode} ${words}`] = submitted[field];
        }
      } else if (row.updatedAt === null) {
        tx.update(assessmentAnswers).set({ updatedBy: actorId, updatedAt: now }).where(where).run();
      }
    }
    if (Object.keys(after).length > 0) {
      tx.update(assessments).set({ updatedAt: now }).where(eq(assessments.id, id)).run();
      auditUpdate(tx, actorId, { type: ASSESSMENT, id }, before, after);
    }
    return "saved";
  });
}

// ---------------------------------------------------------------------------------------------
// Finishing

/** How many evidence links one step of finishing copies: a step holds the server a few tens of ms. */
export const COPY_STEP = 500;

/** Lets other people's requests in between two steps. */
const letOthersIn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Finishes and locks an assessment. Every line's confirmed evidence is copied, so the assessment
 * keeps what it relied on, whatever happens to the evidence later. A large organisation has
 * hundreds of thousands of links, so they are copied `COPY_STEP` at a time, line by line and newest
 * first, with other requests served between steps (while they are copied the assessment is still
 * in progress, and reads the live evidence); the last step locks it. If a step fails, the copies
 * made so far are deleted and the assessment stays in progress; copies left by a server stopped
 * half-way are deleted when it is next finished. Finishing twice changes nothing, and a second
 * press while it is being finished (in this server process or another) is "busy": the first
 * claims the assessment (`finishingSince`) before it copies anything.
 */
export async function finishAssessment(
  id: number,
  actorId: number,
  now = new Date(),
): Promise<"finished" | "already" | "missing" | "busy"> {
  const claim = write((tx) => {
    const head = tx
      .select({ status: assessments.status, finishingSince: assessments.finishingSince })
      .from(assessments)
      .where(eq(assessments.id, id))
      .get();
    if (!head) return "missing";
    if (head.status === "finished") return "already";
    if (head.finishingSince) return "busy";
    tx.update(assessments).set({ finishingSince: now }).where(eq(assessments.id, id)).run();
    return "claimed";
  });
  if (claim !== "claimed") return claim;
  try {
    await deleteCopies(id);
    let copied = 0;
    try {
      for (const lineCode of lineCodes) {
        let after: { evidenceDate: string; id: number } | undefined;
        for (;;) {
          await letOthersIn();
          const step = write((tx) => copyStep(tx, id, lineCode, after));
          copied += step.copied;
          if (!step.last) break;
          after = step.last;
        }
      }
      await letOthersIn();
      return write((tx) => {
        const current = tx
          .select({ status: assessments.status })
          .from(assessments)
          .where(eq(assessments.id, id))
          .get();
        if (!current) return "missing";
        tx.update(assessments)
          .set({
            status: "finished",
            finishedAt: now,
            finishedBy: actorId,
            updatedAt: now,
            finishingSince: null,
          })
          .where(eq(assessments.id, id))
          .run();
        auditUpdate(
          tx,
          actorId,
          { type: ASSESSMENT, id },
          { status: "in_progress", evidenceKept: null },
          { status: "finished", evidenceKept: `${copied} evidence links copied` },
        );
        return "finished";
      });
    } catch (error) {
      await deleteCopies(id);
      throw error;
    }
  } finally {
    write((tx) => tx.update(assessments).set({ finishingSince: null }).where(eq(assessments.id, id)).run());
  }
}

/**
 * Forgets claims left by a server process stopped while it finished an assessment: called when no
 * server process is running (at start-up), so none of them is still copying. The copies it made
 * are deleted when the assessment is next finished.
 */
export function releaseInterruptedFinishing() {
  const released = db
    .update(assessments)
    .set({ finishingSince: null })
    .where(isNotNull(assessments.finishingSince))
    .run().changes;
  if (released > 0) {
    console.log(
      `${released} assessment(s) were being finished when the server stopped: they are still in progress and can be finished again.`,
    );
  }
}

/**
 * Copies the next `COPY_STEP` of a line's confirmed evidence (newest first, after the link last
 * copied) with the records' names as they are today. Returns how many it copied and the last one,
 * or no last one when the line is done.
 */
function copyStep(
  tx: Tx,
  id: number,
  lineCode: string,
  after: { evidenceDate: string; id: number } | undefined,
) {
  const rows = tx
    .select({
      id: evidenceLinks.id,
      lineCode: evidenceLinks.lineCode,
      recordType: evidenceLinks.recordType,
      recordId: evidenceLinks.recordId,
      evidenceDate: evidenceLinks.evidenceDate,
      note: evidenceLinks.note,
      rule: evidenceLinks.rule,
    })
    .from(evidenceLinks)
    .where(
      and(
        eq(evidenceLinks.status, "confirmed"),
        eq(evidenceLinks.lineCode, lineCode),
        after
          ? sql`(${evidenceLinks.evidenceDate}, ${evidenceLinks.id}) < (${after.evidenceDate}, ${after.id})`
          : undefined,
      ),
    )
    .orderBy(desc(evidenceLinks.evidenceDate), desc(evidenceLinks.id))
    .limit(COPY_STEP)
    .all();
  if (rows.length === 0) return { copied: 0, last: undefined };
  const records = describeRecords(rows.map((r) => ({ type: r.recordType, id: r.recordId })));
  tx.insert(assessmentEvidence)
    .values(
      rows.map((row) => ({
        assessmentId: id,
        lineCode: row.lineCode,
        recordType: row.recordType,
        recordId: row.recordId,
        kind: recordKindLabels[row.recordType] ?? row.recordType,
        label:
          records.get(recordKey({ type: row.recordType, id: row.recordId }))?.label ??
          "A record that no longer exists",
        evidenceDate: row.evidenceDate,
        note: row.note ?? ruleReason(row.rule),
      })),
    )
    .run();
  const last = rows[rows.length - 1];
  return {
    copied: rows.length,
    last: rows.length < COPY_STEP ? undefined : { evidenceDate: last.evidenceDate, id: last.id },
  };
}

/** Deletes an unfinished assessment's copies of evidence, a step at a time. */
async function deleteCopies(id: number) {
  for (;;) {
    const deleted = write(
      (tx) =>
        tx
          .delete(assessmentEvidence)
          .where(
            inArray(
              assessmentEvidence.id,
              tx
                .select({ id: assessmentEvidence.id })
                .from(assessmentEvidence)
                .where(eq(assessmentEvidence.assessmentId, id))
                .limit(COPY_STEP * 5),
            ),
          )
          .run().changes,
    );
    if (deleted === 0) return;
    await letOthersIn();
  }
}

// ---------------------------------------------------------------------------------------------
// Comparing

export type ComparedAssessment = { id: number; title: string; heldOn: string; status: AssessmentStatus };

/**
 * Two assessments line by line, the earlier (by date held) first: for every line its two answers
 * and whether it improved, slipped, is still a gap (No both times) or is unchanged; with counts.
 */
export function compareAssessments(aId: number, bId: number) {
  if (aId === bId) return null;
  const heads = db
    .select({
      id: assessments.id,
      title: assessments.title,
      heldOn: assessments.heldOn,
      status: assessments.status,
    })
    .from(assessments)
    .where(inArray(assessments.id, [aId, bId]))
    .all();
  if (heads.length !== 2) return null;
  const [earlier, later] = heads.sort((x, y) => x.heldOn.localeCompare(y.heldOn) || x.id - y.id);
  const answers = new Map(
    db
      .select({
        assessmentId: assessmentAnswers.assessmentId,
        lineCode: assessmentAnswers.lineCode,
        answer: assessmentAnswers.answer,
      })
      .from(assessmentAnswers)
      .where(inArray(assessmentAnswers.assessmentId, [aId, bId]))
      .all()
      .map((row) => [`${row.assessmentId}:${row.lineCode}`, row.answer]),
  );
  const rows = LINES.map((line) => {
    const before = answers.get(`${earlier.id}:${line.code}`) ?? null;
    const after = answers.get(`${later.id}:${line.code}`) ?? null;
    return { lineCode: line.code, earlier: before, later: after, change: lineChange(before, after) };
  });
  const counts = Object.fromEntries(
    lineChanges.map((change) => [change, rows.filter((r) => r.change === change).length]),
  ) as Record<LineChange, number>;
  return { earlier, later, rows, counts, total: rows.length };
}

// ---------------------------------------------------------------------------------------------
// The action plan

/**
 * Adds an action to an assessment's plan, linked to the line it improves; it then appears in the
 * actions list and its owner's calendar. Allowed after finishing: the plan is worked on afterwards.
 */
export function addPlanAction(
  assessmentId: number,
  lineCode: string,
  description: string,
  ownerId: number,
  dueDate: string | null,
  actorId: number,
) {
  if (!lineCodes.includes(lineCode)) return null;
  return write((tx) => {
    const exists = tx
      .select({ id: assessments.id })
      .from(assessments)
      .where(eq(assessments.id, assessmentId))
      .get();
    if (!exists) return null;
    return addActions(
      tx,
      [{ description, ownerId, dueDate, lineCode }],
      "assessment",
      assessmentId,
      actorId,
    )[0];
  });
}

export function addPlanActionFrom(assessmentId: number, input: PlanActionInput, actorId: number) {
  return addPlanAction(
    assessmentId,
    input.lineCode,
    input.description,
    input.ownerId,
    input.dueDate,
    actorId,
  );
}

// ---------------------------------------------------------------------------------------------
// For the dashboard and navigation

/**
 * The newest assessment (by date held), with how many lines it answered Yes and how many of its
 * plan's actions are still open; and how many assessments are in progress. Three small queries.
 */
export function assessmentOverview() {
  const latest = db
    .select({
      id: assessments.id,
      title: assessments.title,
      heldOn: assessments.heldOn,
      status: assessments.status,
      finishedAt: assessments.finishedAt,
    })
    .from(assessments)
    .orderBy(desc(assessments.heldOn), desc(assessments.id))
    .limit(1)
    .get();
  const inProgress = db
    .select({ n: count() })
    .from(assessments)
    .where(eq(assessments.status, "in_progress"))
    .get()!.n;
  if (!latest) return { latest: null, inProgress, lines: LINES.length };
  const yes = db
    .select({ n: count() })
    .from(assessmentAnswers)
    .where(and(eq(assessmentAnswers.assessmentId, latest.id), eq(assessmentAnswers.answer, "yes")))
    .get()!.n;
  const openActions = actionsFrom("assessment", latest.id).filter((a) => a.status === "open").length;
  return { latest: { ...latest, yes, openActions }, inProgress, lines: LINES.length };
}

/** Lines answered by the team and lines changed from the evidence, for the finish confirmation. */
export function assessmentProgress(id: number): AssessmentProgress {
  const row = db
    .select({
      answered: sql<number>`sum(${assessmentAnswers.updatedAt} IS NOT NULL)`,
      changed: sql<number>`sum(${assessmentAnswers.answer} IS NOT ${assessmentAnswers.supported})`,
    })
    .from(assessmentAnswers)
    .where(eq(assessmentAnswers.assessmentId, id))
    .get();
  return { total: LINES.length, answered: Number(row?.answered ?? 0), changed: Number(row?.changed ?? 0) };
}

/**
 * The action plan's page: the lines with areas for improvement (in checklist order), and the
 * actions planned so far, with owners and status.
 */
export function getPlanPage(id: number) {
  const assessment = getAssessmentHeader(id);
  if (!assessment) return null;
  const rows = db
    .select({
      lineCode: assessmentAnswers.lineCode,
      answer: assessmentAnswers.answer,
      areasForImprovement: assessmentAnswers.areasForImprovement,
    })
    .from(assessmentAnswers)
    .where(
      and(
        eq(assessmentAnswers.assessmentId, id),
        sql`trim(coalesce(${assessmentAnswers.areasForImprovement}, '')) <> ''`,
      ),
    )
    .all();
  const byCode = new Map(rows.map((row) => [row.lineCode, row]));
  return {
    assessment,
    areas: LINES.flatMap((line) => {
      const row = byCode.get(line.code);
      return row ? [{ ...row, areasForImprovement: row.areasForImprovement! }] : [];
    }),
    plan: actionsFrom("assessment", id),
  };
}
