import { and, asc, count, desc, eq, inArray, isNull, notInArray, sql } from "drizzle-orm";
import { alias, type SQLiteColumn, type SQLiteTable } from "drizzle-orm/sqlite-core";
import {
  auditEvents,
  benefits,
  contacts,
  contributors,
  equalityMonitoring,
  evidenceLinks,
  feedbackLinks,
  importBatches,
  importBatchRecords,
  meetingAttendees,
  meetingPartners,
  monitoringFormLinks,
  partners,
  projectContributors,
  projectPartners,
  projectVolunteers,
  reviews,
  trainingRecords,
  users,
  volunteerFocuses,
  volunteerFocusLinks,
  volunteerHours,
  volunteers,
  type ImportKind,
  type ImportStatus,
  type MonitoredPersonType,
  type VolunteerFocus,
} from "~db/schema";
import { RULES } from "~/evidence/rules.server";
import { autoMapping, countOf, IMPORT_FIELDS, importKindLabels } from "~/imports/fields";
import {
  checkRows,
  loadLookups,
  nameKey,
  type BatchContent,
  type CheckedRow,
  type CheckOptions,
  type ParsedRecord,
} from "~/imports/validate.server";
import { todayIso } from "~/utils/dates";
import { db, write, type Tx } from "~/utils/db.server";
import { volunteerFocusLabels } from "~/utils/labels";
import { offsetOf, PAGE_SIZE } from "~/utils/list-query.server";
import { auditCreate, auditDelete } from "./audit.server";
import { dependantsInWords } from "./dependants.server";
import { monitoringRecord } from "./monitoring.server";
import { contributorValues } from "./contributor.server";
import { partnerSchedule, partnerValues } from "./partner.server";
import { volunteerValues } from "./volunteer.server";

// Imports from spreadsheets: a batch keeps the uploaded rows while a person matches columns to
// fields and fixes or skips rows; importing makes every record in one transaction (all or
// nothing), as the add forms would (the same checks, the same audit trail, the same evidence
// suggestions), and lists each record made, so the whole batch can be undone.

export const PREVIEW_PAGE_SIZE = 50;

export type Batch = NonNullable<ReturnType<typeof getBatch>>;

/** Drafts can be changed and imported; so can an undone batch, to import it again. */
export const isEditable = (status: ImportStatus) => status === "draft" || status === "undone";

export function createBatch(
  input: { kind: ImportKind; filename: string; headers: string[]; rows: string[][] },
  actorId: number,
): number {
  return write((tx) => {
    const { id } = tx
      .insert(importBatches)
      .values({
        kind: input.kind,
        filename: input.filename.slice(0, 200) || "upload.csv",
        status: "draft",
        headers: input.headers,
        rows: input.rows,
        mapping: autoMapping(input.kind, input.headers),
        skipped: [],
        edits: {},
        createdBy: actorId,
        createdAt: new Date(),
      })
      .returning({ id: importBatches.id })
      .get();
    return id;
  });
}

const creator = alias(users, "creator");
const undoer = alias(users, "undoer");

export function getBatch(id: number) {
  return db
    .select({
      id: importBatches.id,
      kind: importBatches.kind,
      filename: importBatches.filename,
      status: importBatches.status,
      headers: importBatches.headers,
      rows: importBatches.rows,
      mapping: importBatches.mapping,
      skipped: importBatches.skipped,
      edits: importBatches.edits,
      importedCount: importBatches.importedCount,
      createdAt: importBatches.createdAt,
      importedAt: importBatches.importedAt,
      undoneAt: importBatches.undoneAt,
      createdByName: creator.name,
      undoneByName: undoer.name,
    })
    .from(importBatches)
    .leftJoin(creator, eq(creator.id, importBatches.createdBy))
    .leftJoin(undoer, eq(undoer.id, importBatches.undoneBy))
    .where(eq(importBatches.id, id))
    .get();
}

/** Past batches, newest first, with their row counts (counted in SQL: the rows themselves stay put). */
export function listBatches(page: number) {
  const rows = db
    .select({
      id: importBatches.id,
      kind: importBatches.kind,
      filename: importBatches.filename,
      status: importBatches.status,
      rowCount: sql<number>`json_array_length(${importBatches.rows})`,
      importedCount: importBatches.importedCount,
      createdAt: importBatches.createdAt,
      importedAt: importBatches.importedAt,
      undoneAt: importBatches.undoneAt,
      createdByName: creator.name,
      undoneByName: undoer.name,
    })
    .from(importBatches)
    .leftJoin(creator, eq(creator.id, importBatches.createdBy))
    .leftJoin(undoer, eq(undoer.id, importBatches.undoneBy))
    .orderBy(desc(importBatches.createdAt), desc(importBatches.id))
    .limit(PAGE_SIZE)
    .offset(offsetOf(page))
    .all();
  const total = db.select({ n: count() }).from(importBatches).get()!.n;
  return { rows, total };
}

// ---------------------------------------------------------------------------------------------
// Matching columns, fixing and skipping rows

export type ChangeResult = { ok: true } | { ok: false; reason: "not-found" | "locked" | "no-such-row" };

/** Reads the parts of a batch a change needs, and refuses a batch that is imported (undo it first). */
function editableBatch(tx: Tx, id: number) {
  const batch = tx
    .select({
      status: importBatches.status,
      kind: importBatches.kind,
      rowCount: sql<number>`json_array_length(${importBatches.rows})`,
      headerCount: sql<number>`json_array_length(${importBatches.headers})`,
      skipped: importBatches.skipped,
      edits: importBatches.edits,
    })
    .from(importBatches)
    .where(eq(importBatches.id, id))
    .get();
  if (!batch) return { ok: false as const, reason: "not-found" as const };
  if (!isEditable(batch.status)) return { ok: false as const, reason: "locked" as const };
  return { ok: true as const, batch };
}

/** Which column feeds each field; fields left out are not in the file. */
export function setMapping(id: number, mapping: Record<string, number>): ChangeResult {
  return write((tx) => {
    const found = editableBatch(tx, id);
    if (!found.ok) return found;
    const known = new Set(IMPORT_FIELDS[found.batch.kind].map((field) => field.key));
    const clean = Object.fromEntries(
      Object.entries(mapping).filter(
        ([field, column]) =>
          known.has(field) && Number.isInteger(column) && column >= 0 && column < found.batch.headerCount,
      ),
    );
    tx.update(importBatches).set({ mapping: clean }).where(eq(importBatches.id, id)).run();
    return { ok: true };
  });
}

/**
 * A person's corrections to one row: each field's text as they want it imported. Fields given
 * the same text as their cell are not kept as corrections.
 */
export function setRowEdit(id: number, index: number, values: Record<string, string>): ChangeResult {
  return write((tx) => {
    const found = editableBatch(tx, id);
    if (!found.ok) return found;
    if (!Number.isInteger(index) || index < 0 || index >= found.batch.rowCount) {
      return { ok: false, reason: "no-such-row" };
    }
    const batch = tx
      .select({ rows: importBatches.rows, mapping: importBatches.mapping })
      .from(importBatches)
      .where(eq(importBatches.id, id))
      .get()!;
    const row = batch.rows[index];
    // Fields not sent (equality answers the person may not see) keep any correction they had.
    const corrections: Record<string, string> = { ...found.batch.edits[String(index)] };
    for (const field of IMPORT_FIELDS[found.batch.kind]) {
      if (!(field.key in values)) continue;
      const column = batch.mapping[field.key];
      const cell = (column === undefined ? "" : (row[column] ?? "")).trim();
      const value = values[field.key].trim();
      if (value !== cell) corrections[field.key] = value;
      else delete corrections[field.key];
    }
    const edits = { ...found.batch.edits };
    if (Object.keys(corrections).length > 0) edits[String(index)] = corrections;
    else delete edits[String(index)];
    tx.update(importBatches).set({ edits }).where(eq(importBatches.id, id)).run();
    return { ok: true };
  });
}

function setSkipped(id: number, index: number, skip: boolean): ChangeResult {
  return write((tx) => {
    const found = editableBatch(tx, id);
    if (!found.ok) return found;
    if (!Number.isInteger(index) || index < 0 || index >= found.batch.rowCount) {
      return { ok: false, reason: "no-such-row" };
    }
    const skipped = new Set(found.batch.skipped);
    if (skip) skipped.add(index);
    else skipped.delete(index);
    tx.update(importBatches)
      .set({ skipped: [...skipped].sort((a, b) => a - b) })
      .where(eq(importBatches.id, id))
      .run();
    return { ok: true };
  });
}

export const skipRow = (id: number, index: number) => setSkipped(id, index, true);
export const unskipRow = (id: number, index: number) => setSkipped(id, index, false);

// ---------------------------------------------------------------------------------------------
// The preview

export type PreviewCounts = { rows: number; ready: number; problems: number; skipped: number; notes: number };

function countsOf(checked: CheckedRow[]): PreviewCounts {
  const counts = { rows: checked.length, ready: 0, problems: 0, skipped: 0, notes: 0 };
  for (const row of checked) {
    if (row.skipped) counts.skipped += 1;
    else if (row.problems.length > 0) counts.problems += 1;
    else counts.ready += 1;
    if (!row.skipped && row.notes.length > 0) counts.notes += 1;
  }
  return counts;
}

/**
 * The rows of a batch as they would import now: rows with problems first, then rows ready to
 * import, then skipped rows (each group in file order), 50 to a page; or only the rows with
 * problems. `fix` also returns one row wherever it falls, for its correction form.
 */
export async function previewBatch(
  batch: BatchContent,
  view: { page: number; problemsOnly: boolean; fix?: number },
  options: CheckOptions,
) {
  const checked = await checkRows(batch, loadLookups(db, batch.kind), options);
  await letOthersIn();
  const counts = countsOf(checked);
  const withProblems = checked.filter((row) => !row.skipped && row.problems.length > 0);
  const list = view.problemsOnly
    ? withProblems
    : [
        ...withProblems,
        ...checked.filter((row) => !row.skipped && row.problems.length === 0),
        ...checked.filter((row) => row.skipped),
      ];
  const pages = Math.max(1, Math.ceil(list.length / PREVIEW_PAGE_SIZE));
  const page = Math.min(Math.max(1, view.page), pages);
  return {
    counts,
    total: list.length,
    page,
    pages,
    rows: list.slice((page - 1) * PREVIEW_PAGE_SIZE, page * PREVIEW_PAGE_SIZE),
    fixRow: view.fix === undefined ? null : (checked[view.fix] ?? null),
  };
}

// ---------------------------------------------------------------------------------------------
// Importing

export type ImportResult = { ok: true; count: number } | { ok: false; message: string };

const versionOf = (b: Pick<BatchContent, "mapping" | "skipped" | "edits">) =>
  JSON.stringify([b.mapping, b.skipped, b.edits]);

const recordTypeOf: Record<ImportKind, string> = {
  partners: "partner",
  contributors: "contributor",
  volunteers: "volunteer",
};

/** How many rows one step of an import or undo writes: a step holds the server a few tens of ms. */
export const STEP_ROWS = 250;

/** Lets other people's requests in between two steps. */
const letOthersIn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Imports every row not skipped, all or nothing. The rows are checked first, a chunk at a time;
 * then what the tracker may have gained in the meantime is checked again, the batch is marked as
 * importing, and the records are made a step of `STEP_ROWS` at a time with other requests let in
 * between (`importedCount` says how far it has got, for the progress bar). If a step fails, every
 * record made so far is taken away again, and the error is passed on; if the server stops half-way,
 * `finishInterruptedWork` takes them away when it starts. Refused, with nothing made, while any
 * row has a problem.
 */
export async function importBatch(id: number, actorId: number, options: CheckOptions): Promise<ImportResult> {
  const batch = getBatch(id);
  if (!batch) return { ok: false, message: "There is no such import." };
  if (!isEditable(batch.status)) return { ok: false, message: "These rows have already been imported." };
  const checked = await checkRows(batch, loadLookups(db, batch.kind), options);
  const counts = countsOf(checked);
  if (counts.problems > 0) {
    return {
      ok: false,
      message: `${counts.problems === 1 ? "1 row has" : `${counts.problems} rows have`} problems. Fix or skip ${counts.problems === 1 ? "it" : "them"}, then import.`,
    };
  }
  const records = checked.filter((row) => !row.skipped).map((row) => row.record!);
  if (records.length === 0)
    return { ok: false, message: "Every row is skipped, so there is nothing to import." };
  const version = versionOf(batch);
  await letOthersIn();

  const refusal = write((tx): ImportResult | null => {
    const current = tx
      .select({
        status: importBatches.status,
        mapping: importBatches.mapping,
        skipped: importBatches.skipped,
        edits: importBatches.edits,
      })
      .from(importBatches)
      .where(eq(importBatches.id, id))
      .get();
    if (!current || !isEditable(current.status) || versionOf(current) !== version) {
      return {
        ok: false,
        message:
          "The rows changed while they were being imported (perhaps someone else is working on them). Check them and import again.",
      };
    }
    const clash = clashWithTracker(tx, batch.kind, records);
    if (clash) return { ok: false, message: clash };
    tx.update(importBatches)
      .set({ status: "importing", importedCount: 0 })
      .where(eq(importBatches.id, id))
      .run();
    return null;
  });
  if (refusal) return refusal;

  try {
    for (let done = 0; done < records.length; done += STEP_ROWS) {
      await letOthersIn();
      const step = records.slice(done, done + STEP_ROWS);
      write((tx) => {
        const make = recordMaker(tx, id, actorId);
        for (const record of step) make(record);
        tx.update(importBatches)
          .set({ importedCount: done + step.length })
          .where(eq(importBatches.id, id))
          .run();
      });
    }
  } catch (error) {
    await takeBackUnfinishedImport(id, actorId);
    throw error;
  }
  write((tx) =>
    tx
      .update(importBatches)
      .set({
        status: "imported",
        importedCount: records.length,
        importedAt: new Date(),
        undoneAt: null,
        undoneBy: null,
      })
      .where(eq(importBatches.id, id))
      .run(),
  );
  return { ok: true, count: records.length };
}

export type BatchProgress = { status: ImportStatus; done: number; total: number };

/** How far an import or undo has got, for its progress bar: records made, or taken away, of how many. */
export function batchProgress(id: number): BatchProgress | null {
  const batch = db
    .select({
      kind: importBatches.kind,
      status: importBatches.status,
      importedCount: importBatches.importedCount,
      toImport: sql<number>`json_array_length(${importBatches.rows}) - json_array_length(${importBatches.skipped})`,
    })
    .from(importBatches)
    .where(eq(importBatches.id, id))
    .get();
  if (!batch) return null;
  if (batch.status !== "undoing") {
    return { status: batch.status, done: batch.importedCount, total: batch.toImport };
  }
  const { left } = db
    .select({ left: count() })
    .from(importBatchRecords)
    .where(
      and(eq(importBatchRecords.batchId, id), eq(importBatchRecords.recordType, recordTypeOf[batch.kind])),
    )
    .get()!;
  return { status: batch.status, done: Math.max(0, batch.importedCount - left), total: batch.importedCount };
}

/**
 * Takes away every record an unfinished import made, a step at a time, and returns the batch to
 * where it was before (a draft, or undone), so it can be imported again.
 */
async function takeBackUnfinishedImport(id: number, actorId: number | null) {
  const batch = db
    .select({ kind: importBatches.kind, undoneAt: importBatches.undoneAt })
    .from(importBatches)
    .where(eq(importBatches.id, id))
    .get();
  if (!batch) return;
  await removeMade(id, batch.kind, actorId);
  write((tx) =>
    tx
      .update(importBatches)
      .set({ status: batch.undoneAt ? "undone" : "draft", importedCount: 0 })
      .where(eq(importBatches.id, id))
      .run(),
  );
}

/**
 * Run when the server starts: an import the server stopped half-way through is taken away (all
 * or nothing), and an undo it stopped half-way through is finished.
 */
export async function finishInterruptedWork() {
  const unfinished = db
    .select({
      id: importBatches.id,
      status: importBatches.status,
      kind: importBatches.kind,
      createdBy: importBatches.createdBy,
      undoneBy: importBatches.undoneBy,
    })
    .from(importBatches)
    .where(inArray(importBatches.status, ["importing", "undoing"]))
    .all();
  for (const batch of unfinished) {
    if (batch.status === "importing") {
      await takeBackUnfinishedImport(batch.id, batch.createdBy);
      console.log(
        `Import ${batch.id} was interrupted when the server stopped: the records it had made were taken away.`,
      );
    } else {
      await removeMade(batch.id, batch.kind, batch.undoneBy);
      markUndone(batch.id);
      console.log(
        `The undo of import ${batch.id} was interrupted when the server stopped: it has been finished.`,
      );
    }
  }
}

/** A record added since the rows were checked, with a name, email address or partner that no longer fits. */
function clashWithTracker(tx: Tx, kind: ImportKind, records: ParsedRecord[]): string | null {
  const fresh = loadLookups(tx, kind);
  const one = importKindLabels[kind].one;
  for (const record of records) {
    const existing = fresh.names.get(nameKey(record.input.name));
    if (existing !== undefined) {
      return `A ${one} called '${existing}' was added while the rows were being checked. Check the rows and import again.`;
    }
    if (
      record.kind !== "partners" &&
      record.input.email &&
      fresh.emails.has(record.input.email.toLowerCase())
    ) {
      return `A ${one} with the email address '${record.input.email}' was added while the rows were being checked. Check the rows and import again.`;
    }
    if (
      record.kind === "contributors" &&
      record.input.partnerId &&
      !fresh.partnerIds.has(record.input.partnerId)
    ) {
      return "A partner named in the file was deleted while the rows were being checked. Check the rows and import again.";
    }
  }
  return null;
}

/**
 * Makes one row's records inside the import's transaction, as the add forms do (the same stored
 * values, the same audit entries, the same evidence rules) but with statements prepared once for
 * the whole batch, so 20,000 rows take seconds. Each record made is listed against the batch.
 */
function recordMaker(tx: Tx, batchId: number, actorId: number) {
  const p = sql.placeholder;
  const listRecord = tx
    .insert(importBatchRecords)
    .values({ batchId, recordType: p("recordType"), recordId: p("recordId") })
    .prepare();
  const insertPartner = tx
    .insert(partners)
    .values({
      name: p("name"),
      type: p("type"),
      status: p("status"),
      startDate: p("startDate"),
      endDate: p("endDate"),
      endReason: p("endReason"),
      addsValue: p("addsValue"),
      isAdvocate: p("isAdvocate"),
      extendsOnsite: p("extendsOnsite"),
      extendsOffsite: p("extendsOffsite"),
      website: p("website"),
      area: p("area"),
      notes: p("notes"),
      reviewCadenceMonths: p("reviewCadenceMonths"),
      nextReviewDate: p("nextReviewDate"),
    })
    .returning({ id: partners.id })
    .prepare();
  const insertContact = tx
    .insert(contacts)
    .values({
      partnerId: p("partnerId"),
      name: p("name"),
      role: p("role"),
      email: p("email"),
      phone: p("phone"),
      notes: p("notes"),
    })
    .returning({ id: contacts.id })
    .prepare();
  const insertContributor = tx
    .insert(contributors)
    .values({
      name: p("name"),
      kind: p("kind"),
      partnerId: p("partnerId"),
      skills: p("skills"),
      email: p("email"),
      phone: p("phone"),
      website: p("website"),
      activeFrom: p("activeFrom"),
      activeTo: p("activeTo"),
      notes: p("notes"),
    })
    .returning({ id: contributors.id })
    .prepare();
  const insertVolunteer = tx
    .insert(volunteers)
    .values({
      name: p("name"),
      programme: p("programme"),
      status: p("status"),
      startDate: p("startDate"),
      endDate: p("endDate"),
      roles: p("roles"),
      skills: p("skills"),
      email: p("email"),
      phone: p("phone"),
      notes: p("notes"),
    })
    .returning({ id: volunteers.id })
    .prepare();
  const insertFocus = tx
    .insert(volunteerFocusLinks)
    .values({ volunteerId: p("volunteerId"), focus: p("focus") })
    .prepare();
  const insertMonitoring = tx
    .insert(equalityMonitoring)
    .values({
      personType: "volunteer",
      personId: p("personId"),
      consentGivenOn: p("consentGivenOn"),
      consentMethod: p("consentMethod"),
      consentRecordedBy: actorId,
      ageBand: p("ageBand"),
      sex: p("sex"),
      genderIdentity: p("genderIdentity"),
      ethnicGroup: p("ethnicGroup"),
      disability: p("disability"),
      socioEconomic: p("socioEconomic"),
      area: p("area"),
      createdAt: p("now"),
      updatedAt: p("now"),
    })
    .prepare();
  const suggest = evidenceSuggester(tx);
  const audit = auditWriter(tx);

  const made = (recordType: string, recordId: number) => listRecord.run({ recordType, recordId });

  return (record: ParsedRecord) => {
    switch (record.kind) {
      case "partners": {
        // As createPartner: the form's values, and the review schedule a new partner gets.
        const input = record.input;
        const row = { ...partnerValues(input), ...partnerSchedule(input, null) };
        const { id } = insertPartner.get(row)!;
        audit.create(actorId, { type: "partner", id }, row);
        suggest("partner", id, { ...row, addsValue: Boolean(row.addsValue?.trim()) });
        made("partner", id);
        if (record.contact) {
          // As createContact.
          const contact = {
            partnerId: id,
            name: record.contact.name,
            role: record.contact.role ?? null,
            email: record.contact.email ?? null,
            phone: record.contact.phone ?? null,
            notes: record.contact.notes ?? null,
          };
          const { id: contactId } = insertContact.get(contact)!;
          audit.create(actorId, { type: "contact", id: contactId }, contact);
          made("contact", contactId);
        }
        return;
      }
      case "contributors": {
        // As createContributor.
        const input = record.input;
        const row = contributorValues(input);
        const { id } = insertContributor.get(row)!;
        audit.create(actorId, { type: "contributor", id }, row);
        suggest("contributor", id, row);
        made("contributor", id);
        return;
      }
      case "volunteers": {
        // As createVolunteer, with its focuses.
        const input = record.input;
        const row = volunteerValues(input);
        const { id } = insertVolunteer.get(row)!;
        for (const focus of input.focuses) insertFocus.run({ volunteerId: id, focus });
        audit.create(actorId, { type: "volunteer", id }, { ...row, focuses: focusWords(input.focuses) });
        suggest("volunteer", id, { startDate: row.startDate, focuses: input.focuses });
        made("volunteer", id);
        if (record.monitoring) {
          // As saveMonitoring for a first record: the answers are kept, and the audit trail
          // says which were recorded, never what they were.
          const { consentGivenOn, consentMethod, answers } = record.monitoring;
          const values = {
            consentGivenOn,
            consentMethod,
            consentRecordedBy: actorId,
            ageBand: answers.ageBand ?? null,
            sex: answers.sex ?? null,
            genderIdentity: answers.genderIdentity ?? null,
            ethnicGroup: answers.ethnicGroup ?? null,
            disability: answers.disability ?? null,
            socioEconomic: answers.socioEconomic ?? null,
            area: answers.area ?? null,
          };
          insertMonitoring.run({ ...values, personId: id, now: new Date() });
          audit.create(actorId, monitoringRecord({ type: "volunteer", id }), {
            personType: "volunteer",
            ...Object.fromEntries(
              Object.entries(values).map(([field, value]) => [field, value === null ? null : "(recorded)"]),
            ),
          });
        }
        return;
      }
    }
  };
}

/**
 * The audit trail's own entries (auditCreate and auditDelete decide what an entry says: which
 * fields, how values are written, what is hidden), written with one statement prepared for the
 * whole batch instead of one built per record: with 20,000 records that is seconds saved.
 */
function auditWriter(tx: Tx) {
  const entries: (typeof auditEvents.$inferInsert)[] = [];
  // Stands in for the transaction where the audit functions only insert their entry: it keeps it.
  const keeper = {
    insert: () => ({
      values: (entry: typeof auditEvents.$inferInsert) => ({ run: () => entries.push(entry) }),
    }),
  } as unknown as Tx;
  const insert = tx
    .insert(auditEvents)
    .values({
      at: sql.placeholder("at"),
      userId: sql.placeholder("userId"),
      action: sql.placeholder("action"),
      recordType: sql.placeholder("recordType"),
      recordId: sql.placeholder("recordId"),
      changes: sql.placeholder("changes"),
    })
    .prepare();
  const flush = () => {
    for (const entry of entries.splice(0)) insert.run(entry);
  };
  return {
    create(actorId: number | null, ref: { type: string; id: number }, values: Record<string, unknown>) {
      auditCreate(keeper, actorId, ref, values);
      flush();
    },
    delete(actorId: number | null, ref: { type: string; id: number }, values: Record<string, unknown>) {
      auditDelete(keeper, actorId, ref, values);
      flush();
    },
  };
}

/** Focuses as the volunteer's audit trail records them: a readable list, in the checklist's order. */
function focusWords(focuses: readonly VolunteerFocus[]) {
  return volunteerFocuses
    .filter((focus) => focuses.includes(focus))
    .map((focus) => volunteerFocusLabels[focus])
    .join(", ");
}

/**
 * `suggestEvidence` for records made a moment ago: the same rules, with the insert prepared once.
 * The facts the rules read are the ones the record's loader in `~/evidence/rules.server` reads,
 * taken from the values just stored rather than read back a record at a time (the tests compare
 * the result with `suggestEvidence`'s). A new record has no links yet, so nothing is withdrawn.
 */
function evidenceSuggester(tx: Tx) {
  const now = new Date();
  const today = todayIso(now);
  const insert = tx
    .insert(evidenceLinks)
    .values({
      lineCode: sql.placeholder("lineCode"),
      recordType: sql.placeholder("recordType"),
      recordId: sql.placeholder("recordId"),
      status: "suggested",
      evidenceDate: sql.placeholder("evidenceDate"),
      rule: sql.placeholder("rule"),
      createdAt: now,
    })
    .onConflictDoNothing()
    .prepare();
  return (type: string, id: number, facts: unknown) => {
    const recordRules = RULES[type];
    if (!recordRules) return;
    const suggested = new Set<string>();
    for (const rule of recordRules.rules) {
      if (!rule.applies(facts)) continue;
      const evidenceDate = (rule.date?.(facts) ?? recordRules.date(facts)) || today;
      for (const lineCode of rule.lines) {
        if (suggested.has(lineCode)) continue;
        suggested.add(lineCode);
        insert.run({ lineCode, recordType: type, recordId: id, evidenceDate, rule: rule.id });
      }
    }
  };
}

// ---------------------------------------------------------------------------------------------
// What an import made, and undoing it

/** The ids of one kind of record a batch made, as a subquery. */
const madeBy = (tx: Pick<Tx, "select">, batchId: number, recordType: string) =>
  tx
    .select({ id: importBatchRecords.recordId })
    .from(importBatchRecords)
    .where(and(eq(importBatchRecords.batchId, batchId), eq(importBatchRecords.recordType, recordType)));

/** What an imported batch made: its records, their contacts, and the evidence suggested for them. */
export function batchResult(batchId: number, kind: ImportKind) {
  const type = recordTypeOf[kind];
  const made = Object.fromEntries(
    db
      .select({ type: importBatchRecords.recordType, n: count() })
      .from(importBatchRecords)
      .where(eq(importBatchRecords.batchId, batchId))
      .groupBy(importBatchRecords.recordType)
      .all()
      .map((row) => [row.type, row.n]),
  );
  const suggestions = db
    .select({ n: count() })
    .from(evidenceLinks)
    .where(
      and(
        eq(evidenceLinks.recordType, type),
        eq(evidenceLinks.status, "suggested"),
        inArray(evidenceLinks.recordId, madeBy(db, batchId, type)),
      ),
    )
    .get()!.n;
  return { records: made[type] ?? 0, contacts: made.contact ?? 0, suggestions };
}

/** How many of a batch's volunteers have equality answers: only after `canSeeEquality`. */
export function batchMonitoringCount(batchId: number) {
  return db
    .select({ n: count() })
    .from(equalityMonitoring)
    .where(
      and(
        eq(equalityMonitoring.personType, "volunteer"),
        inArray(equalityMonitoring.personId, madeBy(db, batchId, "volunteer")),
      ),
    )
    .get()!.n;
}

type Reference = { recordId: number; otherId: number };

/**
 * What has come to depend on the batch's records since they were imported (a project, a meeting,
 * a review, training…): in words, and the records concerned by name, so a refused undo explains
 * itself. Contacts added to an imported partner since count too; the batch's own do not.
 */
export function undoBlockers(batchId: number, tx: Pick<Tx, "select"> = db) {
  const batch = tx
    .select({ kind: importBatches.kind })
    .from(importBatches)
    .where(eq(importBatches.id, batchId))
    .get();
  if (!batch) return { dependants: [], records: [] };
  const found: { noun: string; refs: Reference[]; type: string }[] = [];
  const add = (type: string, noun: string, refs: Reference[]) => found.push({ type, noun, refs });
  /** The rows of `table` whose `record` column holds one of the batch's ids, as (record, other) pairs. */
  const linked = (
    table: SQLiteTable,
    record: SQLiteColumn,
    other: SQLiteColumn,
    ids: ReturnType<typeof madeBy>,
  ): Reference[] =>
    tx
      .select({ recordId: sql<number>`${record}`, otherId: sql<number>`${other}` })
      .from(table)
      .where(inArray(record, ids))
      .all();
  const attended = (type: "contact" | "contributor" | "volunteer") =>
    tx
      .select({ recordId: meetingAttendees.attendeeId, otherId: meetingAttendees.meetingId })
      .from(meetingAttendees)
      .where(
        and(
          eq(meetingAttendees.attendeeType, type),
          inArray(meetingAttendees.attendeeId, madeBy(tx, batchId, type)),
        ),
      )
      .all();

  if (batch.kind === "partners") {
    const ours = madeBy(tx, batchId, "partner");
    add(
      "partner",
      "contact added since",
      tx
        .select({ recordId: contacts.partnerId, otherId: contacts.id })
        .from(contacts)
        .where(
          and(inArray(contacts.partnerId, ours), notInArray(contacts.id, madeBy(tx, batchId, "contact"))),
        )
        .all(),
    );
    add(
      "partner",
      "project",
      linked(projectPartners, projectPartners.partnerId, projectPartners.projectId, ours),
    );
    add("partner", "contributor", linked(contributors, contributors.partnerId, contributors.id, ours));
    add("partner", "benefit", linked(benefits, benefits.partnerId, benefits.id, ours));
    add(
      "partner",
      "meeting",
      linked(meetingPartners, meetingPartners.partnerId, meetingPartners.meetingId, ours),
    );
    add("partner", "review", linked(reviews, reviews.partnerId, reviews.id, ours));
    add("partner", "feedback link", linked(feedbackLinks, feedbackLinks.partnerId, feedbackLinks.id, ours));
    add("contact", "meeting", attended("contact"));
  } else if (batch.kind === "contributors") {
    const ours = madeBy(tx, batchId, "contributor");
    add(
      "contributor",
      "project",
      linked(projectContributors, projectContributors.contributorId, projectContributors.projectId, ours),
    );
    add("contributor", "meeting", attended("contributor"));
  } else {
    const ours = madeBy(tx, batchId, "volunteer");
    add(
      "volunteer",
      "project",
      linked(projectVolunteers, projectVolunteers.volunteerId, projectVolunteers.projectId, ours),
    );
    add("volunteer", "meeting", attended("volunteer"));
    add(
      "volunteer",
      "training record",
      linked(trainingRecords, trainingRecords.volunteerId, trainingRecords.id, ours),
    );
    add(
      "volunteer",
      "record of hours",
      linked(volunteerHours, volunteerHours.volunteerId, volunteerHours.id, ours),
    );
  }

  // One meeting attended by two imported people is one meeting.
  const byNoun = new Map<string, Set<number>>();
  const concerned = new Map<string, Set<number>>();
  for (const { type, noun, refs } of found) {
    for (const ref of refs) {
      if (!byNoun.has(noun)) byNoun.set(noun, new Set());
      byNoun.get(noun)!.add(ref.otherId);
      if (!concerned.has(type)) concerned.set(type, new Set());
      concerned.get(type)!.add(ref.recordId);
    }
  }
  const dependants = dependantsInWords([...byNoun].map(([noun, ids]) => [ids.size, noun]));
  return { dependants, records: namesOf(tx, concerned) };
}

const NAMES_SHOWN = 10;

/** The names of the records concerned, the first few of each kind. */
function namesOf(tx: Pick<Tx, "select">, concerned: Map<string, Set<number>>): string[] {
  const names: string[] = [];
  for (const [type, ids] of concerned) {
    const list = [...ids].slice(0, NAMES_SHOWN);
    const table =
      type === "partner"
        ? partners
        : type === "contact"
          ? contacts
          : type === "contributor"
            ? contributors
            : volunteers;
    names.push(
      ...tx
        .select({ name: table.name })
        .from(table)
        .where(inArray(table.id, list))
        .orderBy(asc(table.name))
        .all()
        .map((row) => row.name),
    );
    if (ids.size > NAMES_SHOWN) names.push(`${ids.size - NAMES_SHOWN} more`);
  }
  return names;
}

export type UndoResult = { ok: true; count: number } | { ok: false; message: string; dependants?: string[] };

/**
 * Deletes exactly the records the batch made, with their evidence links, equality answers and
 * (for partners) the contacts it made, a step at a time with other requests let in between; each
 * deletion is in the audit trail. Refused while any record has gained something that depends on
 * it. Should a record gain one in the moments the undo runs, the undo stops there: what was
 * deleted stays deleted, the rest stays imported and can be undone once it is free.
 */
export async function undoBatch(batchId: number, actorId: number): Promise<UndoResult> {
  const begun = write((tx): UndoResult | { ok: true; kind: ImportKind } => {
    const batch = tx
      .select({ kind: importBatches.kind, status: importBatches.status })
      .from(importBatches)
      .where(eq(importBatches.id, batchId))
      .get();
    if (!batch) return { ok: false, message: "There is no such import." };
    if (batch.status !== "imported")
      return { ok: false, message: "This import is not in the tracker, so there is nothing to undo." };
    const { dependants } = undoBlockers(batchId, tx);
    if (dependants.length > 0) {
      return { ok: false, message: "Some of the records are now used elsewhere.", dependants };
    }
    tx.update(importBatches)
      .set({ status: "undoing", undoneBy: actorId })
      .where(eq(importBatches.id, batchId))
      .run();
    return { ok: true, kind: batch.kind };
  });
  if (!begun.ok || !("kind" in begun)) return begun;
  let count = 0;
  try {
    count = await removeMade(batchId, begun.kind, actorId, (removed) => (count = removed));
  } catch (error) {
    console.error(`The undo of import ${batchId} stopped part-way`, error);
    write((tx) =>
      tx
        .update(importBatches)
        .set({ status: "imported", undoneBy: null })
        .where(eq(importBatches.id, batchId))
        .run(),
    );
    return {
      ok: false,
      message: `The undo stopped part-way: ${countOf(begun.kind, count)} taken away, but the rest are now used elsewhere, so they stay in the tracker. Undo again to see what uses them.`,
    };
  }
  markUndone(batchId);
  return { ok: true, count };
}

function markUndone(batchId: number) {
  write((tx) =>
    tx
      .update(importBatches)
      .set({ status: "undone", undoneAt: new Date() })
      .where(eq(importBatches.id, batchId))
      .run(),
  );
}

/**
 * Deletes the records a batch made, `STEP_ROWS` at a time (for partners, with the contacts the
 * batch made for them), letting other requests in between steps. Returns how many it deleted.
 */
async function removeMade(
  batchId: number,
  kind: ImportKind,
  actorId: number | null,
  onStep?: (removed: number) => void,
): Promise<number> {
  const type = recordTypeOf[kind];
  let removed = 0;
  for (;;) {
    await letOthersIn();
    const step = write((tx) => {
      const ids = tx
        .select({ id: importBatchRecords.recordId })
        .from(importBatchRecords)
        .where(and(eq(importBatchRecords.batchId, batchId), eq(importBatchRecords.recordType, type)))
        .limit(STEP_ROWS)
        .all()
        .map((row) => row.id);
      if (ids.length === 0) return null;
      if (kind === "partners") {
        const contactIds = tx
          .select({ id: importBatchRecords.recordId })
          .from(importBatchRecords)
          .innerJoin(contacts, eq(contacts.id, importBatchRecords.recordId))
          .where(
            and(
              eq(importBatchRecords.batchId, batchId),
              eq(importBatchRecords.recordType, "contact"),
              inArray(contacts.partnerId, ids),
            ),
          )
          .all()
          .map((row) => row.id);
        deleteMade(tx, batchId, "contact", contacts, contactIds, actorId);
      }
      return deleteMade(tx, batchId, type, tableOf[kind], ids, actorId);
    });
    if (step === null) break;
    removed += step;
    onStep?.(removed);
  }
  // What is left on the list: contacts of the batch's partners deleted by hand since.
  write((tx) => tx.delete(importBatchRecords).where(eq(importBatchRecords.batchId, batchId)).run());
  return removed;
}

type MadeTable = typeof partners | typeof contacts | typeof contributors | typeof volunteers;

const tableOf: Record<ImportKind, MadeTable> = {
  partners,
  contributors,
  volunteers,
};

/**
 * As each model's delete does, for the given records of one type the batch made; they are struck
 * off the batch's list (including any deleted by hand since). Returns how many were deleted.
 */
function deleteMade(
  tx: Tx,
  batchId: number,
  type: string,
  table: MadeTable,
  ids: number[],
  actorId: number | null,
): number {
  if (ids.length === 0) return 0;
  const audit = auditWriter(tx);
  const before = tx.select().from(table).where(inArray(table.id, ids)).all() as Record<string, unknown>[];
  const focuses = new Map<number, VolunteerFocus[]>();
  if (type === "volunteer") {
    for (const row of tx
      .select({ volunteerId: volunteerFocusLinks.volunteerId, focus: volunteerFocusLinks.focus })
      .from(volunteerFocusLinks)
      .where(inArray(volunteerFocusLinks.volunteerId, ids))
      .all()) {
      focuses.set(row.volunteerId, [...(focuses.get(row.volunteerId) ?? []), row.focus]);
    }
  }
  tx.delete(evidenceLinks)
    .where(and(eq(evidenceLinks.recordType, type), inArray(evidenceLinks.recordId, ids)))
    .run();
  if (type === "volunteer" || type === "contributor") eraseMonitoring(tx, type, ids, audit, actorId);
  tx.delete(table).where(inArray(table.id, ids)).run();
  tx.delete(importBatchRecords)
    .where(
      and(
        eq(importBatchRecords.batchId, batchId),
        eq(importBatchRecords.recordType, type),
        inArray(importBatchRecords.recordId, ids),
      ),
    )
    .run();
  for (const row of before) {
    const id = row.id as number;
    const values = type === "volunteer" ? { ...row, focuses: focusWords(focuses.get(id) ?? []) } : row;
    audit.delete(actorId, { type, id }, values);
  }
  return before.length;
}

const monitoringFields = [
  "consentGivenOn",
  "consentMethod",
  "consentRecordedBy",
  "ageBand",
  "sex",
  "genderIdentity",
  "ethnicGroup",
  "disability",
  "socioEconomic",
  "area",
] as const;

/**
 * Equality answers and open self-fill links go with the person, as `eraseMonitoringFor` does
 * when one is deleted: the audit trail says which answers were erased, never what they were.
 */
function eraseMonitoring(
  tx: Tx,
  type: MonitoredPersonType,
  ids: number[],
  audit: ReturnType<typeof auditWriter>,
  actorId: number | null,
) {
  tx.delete(monitoringFormLinks)
    .where(
      and(
        eq(monitoringFormLinks.personType, type),
        inArray(monitoringFormLinks.personId, ids),
        isNull(monitoringFormLinks.usedAt),
      ),
    )
    .run();
  const ofBatch = and(eq(equalityMonitoring.personType, type), inArray(equalityMonitoring.personId, ids));
  const erased = tx.select().from(equalityMonitoring).where(ofBatch).all();
  tx.delete(equalityMonitoring).where(ofBatch).run();
  for (const row of erased) {
    audit.delete(actorId, monitoringRecord({ type, id: row.personId }), {
      personType: type,
      ...Object.fromEntries(
        monitoringFields.map((field) => [field, row[field] === null ? null : "(erased)"]),
      ),
    });
  }
}
