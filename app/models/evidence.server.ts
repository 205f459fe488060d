import { and, asc, count, desc, eq, gt, inArray, notInArray, sql } from "drizzle-orm";
import { subMonths } from "date-fns";
import { evidenceLineCounts, evidenceLineMonths, evidenceLinks, users } from "~db/schema";
import { getLine, lineLabel, LINES } from "~/checklist/section3";
import { NO_EVIDENCE, type LineEvidence } from "~/evidence/answers";
import { RULES, ruleReason } from "~/evidence/rules.server";
import { db, sqlite, write, type Tx } from "~/utils/db.server";
import { cached } from "~/utils/cache.server";
import { todayIso } from "~/utils/dates";
import { offsetOf, PAGE_SIZE } from "~/utils/list-query.server";
import { auditCreate, auditDelete, auditUpdate } from "./audit.server";
import { describeRecords, recordKey, type RecordRef } from "./records.server";
import { getSetting } from "./settings.server";

export const EVIDENCE = "evidence";

/**
 * Re-runs the suggestion rules for one record, inside the transaction that changed it: suggests
 * the lines whose rules now apply, withdraws pending suggestions whose rules no longer apply, and
 * never touches links a person has confirmed or dismissed (a dismissed line is never suggested again).
 */
export function suggestEvidence(tx: Tx, ref: RecordRef, now = new Date()) {
  const recordRules = RULES[ref.type];
  if (!recordRules) return;
  const facts = recordRules.load(tx, ref.id);
  const wanted = new Map<string, { rule: string; date: string }>();
  if (facts) {
    const today = todayIso(now);
    for (const rule of recordRules.rules) {
      if (!rule.applies(facts)) continue;
      const date = (rule.date?.(facts) ?? recordRules.date(facts)) || today;
      for (const line of rule.lines) if (!wanted.has(line)) wanted.set(line, { rule: rule.id, date });
    }
  }
  for (const [lineCode, { rule, date }] of wanted) {
    tx.insert(evidenceLinks)
      .values({
        lineCode,
        recordType: ref.type,
        recordId: ref.id,
        status: "suggested",
        evidenceDate: date,
        rule,
        createdAt: now,
      })
      .onConflictDoUpdate({
        target: [evidenceLinks.lineCode, evidenceLinks.recordType, evidenceLinks.recordId],
        set: { evidenceDate: date, rule },
        setWhere: eq(evidenceLinks.status, "suggested"),
      })
      .run();
  }
  const stale = [
    eq(evidenceLinks.recordType, ref.type),
    eq(evidenceLinks.recordId, ref.id),
    eq(evidenceLinks.status, "suggested"),
  ];
  if (wanted.size > 0) stale.push(notInArray(evidenceLinks.lineCode, [...wanted.keys()]));
  tx.delete(evidenceLinks)
    .where(and(...stale))
    .run();
}

/** A deleted record takes its evidence links with it. */
export function removeEvidenceFor(tx: Tx, ref: RecordRef) {
  tx.delete(evidenceLinks)
    .where(and(eq(evidenceLinks.recordType, ref.type), eq(evidenceLinks.recordId, ref.id)))
    .run();
}

const linkColumns = {
  id: evidenceLinks.id,
  lineCode: evidenceLinks.lineCode,
  recordType: evidenceLinks.recordType,
  recordId: evidenceLinks.recordId,
  status: evidenceLinks.status,
  note: evidenceLinks.note,
  evidenceDate: evidenceLinks.evidenceDate,
  rule: evidenceLinks.rule,
  createdAt: evidenceLinks.createdAt,
  decidedAt: evidenceLinks.decidedAt,
  decidedByName: users.name,
};

/** A record's evidence links (confirmed and awaiting review), for its page. */
export function evidenceForRecord(ref: RecordRef) {
  return db
    .select(linkColumns)
    .from(evidenceLinks)
    .leftJoin(users, eq(users.id, evidenceLinks.decidedBy))
    .where(
      and(
        eq(evidenceLinks.recordType, ref.type),
        eq(evidenceLinks.recordId, ref.id),
        inArray(evidenceLinks.status, ["confirmed", "suggested"]),
      ),
    )
    .orderBy(asc(evidenceLinks.lineCode))
    .all()
    .map((link) => {
      const line = getLine(link.lineCode);
      return { ...link, lineLabel: line ? lineLabel(line) : link.lineCode, reason: ruleReason(link.rule) };
    });
}

export class UnknownLineError extends Error {}

/**
 * A person links a record to lines by hand: each becomes confirmed evidence (a pending or
 * dismissed suggestion for the same line is confirmed instead, with this note and date).
 */
export function linkEvidence(
  ref: RecordRef,
  lineCodes: string[],
  note: string | null,
  evidenceDate: string,
  actorId: number,
) {
  for (const code of lineCodes) if (!getLine(code)) throw new UnknownLineError(code);
  return write((tx) => {
    const now = new Date();
    for (const lineCode of lineCodes) {
      const existing = tx
        .select({
          id: evidenceLinks.id,
          status: evidenceLinks.status,
          note: evidenceLinks.note,
          evidenceDate: evidenceLinks.evidenceDate,
        })
        .from(evidenceLinks)
        .where(
          and(
            eq(evidenceLinks.lineCode, lineCode),
            eq(evidenceLinks.recordType, ref.type),
            eq(evidenceLinks.recordId, ref.id),
          ),
        )
        .get();
      const decided = {
        status: "confirmed" as const,
        note,
        evidenceDate,
        decidedAt: now,
        decidedBy: actorId,
      };
      if (existing) {
        tx.update(evidenceLinks).set(decided).where(eq(evidenceLinks.id, existing.id)).run();
        auditUpdate(tx, actorId, { type: EVIDENCE, id: existing.id }, existing, {
          status: "confirmed",
          note,
          evidenceDate,
        });
      } else {
        const values = {
          lineCode,
          recordType: ref.type,
          recordId: ref.id,
          createdAt: now,
          createdBy: actorId,
          ...decided,
        };
        const { id } = tx.insert(evidenceLinks).values(values).returning({ id: evidenceLinks.id }).get();
        auditCreate(
          tx,
          actorId,
          { type: EVIDENCE, id },
          { lineCode, record: recordKey(ref), status: "confirmed", note, evidenceDate },
        );
      }
    }
  });
}

export function getEvidenceLink(id: number) {
  return db
    .select(linkColumns)
    .from(evidenceLinks)
    .leftJoin(users, eq(users.id, evidenceLinks.decidedBy))
    .where(eq(evidenceLinks.id, id))
    .get();
}

/** Removes a link. A removed suggestion is dismissed instead, so it is not suggested again. */
export function removeEvidenceLink(id: number, actorId: number) {
  return write((tx) => {
    const before = tx.select().from(evidenceLinks).where(eq(evidenceLinks.id, id)).get();
    if (!before) return false;
    if (before.rule) {
      tx.update(evidenceLinks)
        .set({ status: "dismissed", decidedAt: new Date(), decidedBy: actorId })
        .where(eq(evidenceLinks.id, id))
        .run();
      auditUpdate(tx, actorId, { type: EVIDENCE, id }, { status: before.status }, { status: "dismissed" });
    } else {
      tx.delete(evidenceLinks).where(eq(evidenceLinks.id, id)).run();
      auditDelete(
        tx,
        actorId,
        { type: EVIDENCE, id },
        { lineCode: before.lineCode, record: `${before.recordType}:${before.recordId}`, note: before.note },
      );
    }
    return true;
  });
}

/** Confirms or dismisses pending suggestions; returns how many were decided. */
export function decideSuggestions(ids: number[], decision: "confirmed" | "dismissed", actorId: number) {
  if (ids.length === 0) return 0;
  return write((tx) => {
    const now = new Date();
    let decided = 0;
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const pending = tx
        .select({ id: evidenceLinks.id })
        .from(evidenceLinks)
        .where(and(inArray(evidenceLinks.id, chunk), eq(evidenceLinks.status, "suggested")))
        .all();
      if (pending.length === 0) continue;
      tx.update(evidenceLinks)
        .set({ status: decision, decidedAt: now, decidedBy: actorId })
        .where(
          inArray(
            evidenceLinks.id,
            pending.map((p) => p.id),
          ),
        )
        .run();
      for (const { id } of pending)
        auditUpdate(tx, actorId, { type: EVIDENCE, id }, { status: "suggested" }, { status: decision });
      decided += pending.length;
    }
    return decided;
  });
}

export type SuggestionFilters = { line?: string; type?: string; page: number };

/**
 * The review queue: pending suggestions, oldest first, with the record and the reason. A page is
 * kept until the data changes (any decision changes it), and how many there are is read from the
 * counts the database keeps by trigger rather than by counting tens of thousands of links.
 */
export function listSuggestions(filters: SuggestionFilters) {
  const { line, type, page } = filters;
  return cached(`suggestions:${JSON.stringify([line, type, page])}`, () =>
    suggestionsPage({ line, type, page }),
  );
}

function suggestionsPage(filters: SuggestionFilters) {
  const conditions = [eq(evidenceLinks.status, "suggested")];
  if (filters.line) conditions.push(eq(evidenceLinks.lineCode, filters.line));
  if (filters.type) conditions.push(eq(evidenceLinks.recordType, filters.type));
  const rows = db
    .select({
      id: evidenceLinks.id,
      lineCode: evidenceLinks.lineCode,
      recordType: evidenceLinks.recordType,
      recordId: evidenceLinks.recordId,
      evidenceDate: evidenceLinks.evidenceDate,
      rule: evidenceLinks.rule,
      createdAt: evidenceLinks.createdAt,
    })
    .from(evidenceLinks)
    .where(and(...conditions))
    .orderBy(asc(evidenceLinks.createdAt), asc(evidenceLinks.id))
    .limit(PAGE_SIZE)
    .offset(offsetOf(filters.page))
    .all();
  const counted = [eq(evidenceLineCounts.status, "suggested")];
  if (filters.line) counted.push(eq(evidenceLineCounts.lineCode, filters.line));
  if (filters.type) counted.push(eq(evidenceLineCounts.recordType, filters.type));
  const total = db
    .select({ n: sql<number>`coalesce(sum(${evidenceLineCounts.n}), 0)` })
    .from(evidenceLineCounts)
    .where(and(...counted))
    .get()!.n;
  const records = describeRecords(rows.map((r) => ({ type: r.recordType, id: r.recordId })));
  return {
    total,
    rows: rows.map((row) => ({
      ...row,
      record: records.get(recordKey({ type: row.recordType, id: row.recordId })) ?? null,
      reason: ruleReason(row.rule),
    })),
  };
}

export function pendingSuggestionCount() {
  return db.select({ n: count() }).from(evidenceLinks).where(eq(evidenceLinks.status, "suggested")).get()!.n;
}

/** The first day that counts as recent, given the organisation's recency period. */
export function recentSince(now = new Date(), months = getSetting("evidenceRecencyMonths")) {
  return todayIso(subMonths(now, months));
}

/**
 * For every line: confirmed evidence, how much is recent, the newest date, the kinds; and pending
 * suggestions. Read from the counts the database keeps by trigger (a few hundred rows) plus two
 * index look-ups per line, and kept until the data changes.
 */
export function lineCoverage(now = new Date()): Map<string, LineEvidence> {
  const since = recentSince(now);
  return cached(`line-coverage:${since}`, () => computeLineCoverage(since));
}

function computeLineCoverage(since: string): Map<string, LineEvidence> {
  const coverage = new Map<string, LineEvidence>(
    LINES.map((line) => [line.code, { ...NO_EVIDENCE, kinds: [] }]),
  );
  const counts = db
    .select({
      lineCode: evidenceLineCounts.lineCode,
      status: evidenceLineCounts.status,
      recordType: evidenceLineCounts.recordType,
      n: evidenceLineCounts.n,
    })
    .from(evidenceLineCounts)
    .where(gt(evidenceLineCounts.n, 0))
    .all();
  for (const row of counts) {
    const line = coverage.get(row.lineCode);
    if (!line) continue;
    if (row.status === "suggested") line.suggested += row.n;
    if (row.status === "confirmed") {
      line.confirmed += row.n;
      line.kinds.push(row.recordType);
    }
  }
  // Recent: whole months after the one the period starts in, from the monthly counts; that month
  // itself, day by day, from the links (a short range of the index).
  const boundaryMonth = since.slice(0, 7);
  const laterMonths = db
    .select({ lineCode: evidenceLineMonths.lineCode, n: sql<number>`sum(${evidenceLineMonths.n})` })
    .from(evidenceLineMonths)
    .where(gt(evidenceLineMonths.month, boundaryMonth))
    .groupBy(evidenceLineMonths.lineCode)
    .all();
  for (const row of laterMonths) {
    const line = coverage.get(row.lineCode);
    if (line) line.recent += Number(row.n);
  }
  const newest = sqlite.prepare(
    `SELECT max(evidence_date) FROM evidence_links WHERE status = 'confirmed' AND line_code = ?`,
  );
  const inBoundaryMonth = sqlite.prepare(
    `SELECT count(*) FROM evidence_links WHERE status = 'confirmed' AND line_code = ? AND evidence_date >= ? AND evidence_date <= ?`,
  );
  for (const [code, line] of coverage) {
    line.kinds.sort();
    if (line.confirmed === 0) continue;
    line.newest = newest.pluck().get(code) as string | null;
    line.recent += inBoundaryMonth.pluck().get(code, since, `${boundaryMonth}-31`) as number;
  }
  return coverage;
}

/**
 * The newest of a line's confirmed evidence, with what its page shows of each: kept until the
 * data changes, as the coverage is, so opening a line reads no evidence and no records until
 * something changes.
 */
export function newestEvidenceForLine(lineCode: string, limit: number) {
  return cached(`line-evidence:${lineCode}:${limit}`, () =>
    evidenceForLine(lineCode, limit).map((item) => ({
      id: item.id,
      recordType: item.recordType,
      record: item.record && { label: item.record.label, href: item.record.href },
      evidenceDate: item.evidenceDate,
      note: item.note,
      reason: item.reason,
    })),
  );
}

/** A line's confirmed evidence, newest first, with each record's name and page. */
export function evidenceForLine(lineCode: string, limit = 500, offset = 0) {
  const rows = db
    .select(linkColumns)
    .from(evidenceLinks)
    .leftJoin(users, eq(users.id, evidenceLinks.decidedBy))
    .where(and(eq(evidenceLinks.lineCode, lineCode), eq(evidenceLinks.status, "confirmed")))
    .orderBy(desc(evidenceLinks.evidenceDate), desc(evidenceLinks.id))
    .limit(limit)
    .offset(offset)
    .all();
  const records = describeRecords(rows.map((r) => ({ type: r.recordType, id: r.recordId })));
  return rows.map((row) => ({
    ...row,
    reason: ruleReason(row.rule),
    record: records.get(recordKey({ type: row.recordType, id: row.recordId })) ?? null,
  }));
}
