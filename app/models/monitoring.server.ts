import crypto from "node:crypto";
import { addDays } from "date-fns";
import { and, desc, eq, gt, isNull, lte } from "drizzle-orm";
import {
  contributors,
  equalityMonitoring,
  monitoringFormLinks,
  users,
  volunteers,
  type ConsentMethod,
  type MonitoredPersonType,
} from "~db/schema";
import type { MonitoringAnswers } from "~/forms/monitoring.server";
import { todayIso } from "~/utils/dates";
import { db, write, type Tx } from "~/utils/db.server";
import { auditCreate, auditDelete, auditUpdate } from "./audit.server";
import { hashToken, type SessionUser } from "./session.server";

// Equality monitoring is special category data (UK GDPR). Every function that returns answers or
// whether a person has any may only be called after `canSeeEquality(user)`; the audit trail
// records which fields changed, never what they were.

/** The audit trail's record type for one person's monitoring: unambiguous between volunteers and contributors. */
export function monitoringRecord(person: MonitoredPerson) {
  return { type: `${person.type}_monitoring`, id: person.id };
}

export type MonitoredPerson = { type: MonitoredPersonType; id: number };

/** Admins, and users given the equality data permission, see and edit individual answers. */
export function canSeeEquality(user: Pick<SessionUser, "role" | "canViewEquality">): boolean {
  return user.role === "admin" || user.canViewEquality === true;
}

/** The volunteer or contributor, by name, or null when there is no such person. */
export function getMonitoredPerson(person: MonitoredPerson) {
  const table = person.type === "volunteer" ? volunteers : contributors;
  const row = db.select({ id: table.id, name: table.name }).from(table).where(eq(table.id, person.id)).get();
  return row ? { type: person.type, id: row.id, name: row.name } : null;
}

function personExists(tx: Tx, person: MonitoredPerson) {
  const table = person.type === "volunteer" ? volunteers : contributors;
  return Boolean(tx.select({ id: table.id }).from(table).where(eq(table.id, person.id)).get());
}

const ofPerson = (person: MonitoredPerson) =>
  and(eq(equalityMonitoring.personType, person.type), eq(equalityMonitoring.personId, person.id));

/** A person's consent and answers, with who recorded the consent. Only after `canSeeEquality`. */
export function getMonitoring(person: MonitoredPerson) {
  return (
    db
      .select({
        consentGivenOn: equalityMonitoring.consentGivenOn,
        consentMethod: equalityMonitoring.consentMethod,
        consentRecordedBy: users.name,
        ageBand: equalityMonitoring.ageBand,
        sex: equalityMonitoring.sex,
        genderIdentity: equalityMonitoring.genderIdentity,
        ethnicGroup: equalityMonitoring.ethnicGroup,
        disability: equalityMonitoring.disability,
        socioEconomic: equalityMonitoring.socioEconomic,
        area: equalityMonitoring.area,
        updatedAt: equalityMonitoring.updatedAt,
      })
      .from(equalityMonitoring)
      .leftJoin(users, eq(users.id, equalityMonitoring.consentRecordedBy))
      .where(ofPerson(person))
      .get() ?? null
  );
}
export type Monitoring = NonNullable<ReturnType<typeof getMonitoring>>;

export type MonitoringStatus = "recorded" | "not recorded";

/** Whether a person has given their answers. Only after `canSeeEquality`: even this is personal. */
export function monitoringStatus(person: MonitoredPerson): MonitoringStatus {
  const row = db
    .select({ id: equalityMonitoring.personId })
    .from(equalityMonitoring)
    .where(ofPerson(person))
    .get();
  return row ? "recorded" : "not recorded";
}

// ---------------------------------------------------------------------------------------------
// Recording and erasing

/** What a person agreed to, when, and which member of staff recorded it. */
export type Consent = { givenOn: string; method: ConsentMethod; recordedBy: number | null };

export type MonitoringInput = MonitoringAnswers & {
  consentGiven: boolean;
  consentGivenOn?: string;
  consentMethod?: ConsentMethod;
};

export class ConsentRequiredError extends Error {
  constructor() {
    super(
      "Equality monitoring answers are kept only once consent is recorded, with its date and how it was given.",
    );
    this.name = "ConsentRequiredError";
  }
}

const answerFields = [
  "ageBand",
  "sex",
  "genderIdentity",
  "ethnicGroup",
  "disability",
  "socioEconomic",
  "area",
] as const;
const consentFields = ["consentGivenOn", "consentMethod", "consentRecordedBy"] as const;
const auditedFields = [...consentFields, ...answerFields] as const;
type AuditedField = (typeof auditedFields)[number];
type StoredValues = Record<AuditedField, string | number | null>;

const RECORDED = "(recorded)";
const CHANGED = "(changed)";
const ERASED = "(erased)";

/** For the audit trail: a marker for each field that has a value, never the value itself. */
function markers(row: StoredValues, marker: string) {
  return Object.fromEntries(auditedFields.map((field) => [field, row[field] === null ? null : marker]));
}

function changeMarker(before: unknown, after: unknown) {
  if (before === null) return after === null ? null : RECORDED;
  if (after === null) return ERASED;
  return before === after ? RECORDED : CHANGED;
}

function saveInTx(
  tx: Tx,
  person: MonitoredPerson,
  consent: Consent,
  answers: MonitoringAnswers,
  actorId: number | null,
): boolean {
  if (!personExists(tx, person)) return false;
  const before = tx.select().from(equalityMonitoring).where(ofPerson(person)).get();
  const sameConsent =
    before && before.consentGivenOn === consent.givenOn && before.consentMethod === consent.method;
  const row = {
    consentGivenOn: consent.givenOn,
    consentMethod: consent.method,
    // The consent stays credited to whoever recorded it, until it is given anew.
    consentRecordedBy: sameConsent ? before.consentRecordedBy : consent.recordedBy,
    ageBand: answers.ageBand ?? null,
    sex: answers.sex ?? null,
    genderIdentity: answers.genderIdentity ?? null,
    ethnicGroup: answers.ethnicGroup ?? null,
    disability: answers.disability ?? null,
    socioEconomic: answers.socioEconomic ?? null,
    area: answers.area ?? null,
  } satisfies StoredValues;
  const ref = monitoringRecord(person);
  if (before) {
    tx.update(equalityMonitoring)
      .set({ ...row, updatedAt: new Date() })
      .where(ofPerson(person))
      .run();
    const after = Object.fromEntries(
      auditedFields.map((field) => [field, changeMarker(before[field], row[field])]),
    );
    auditUpdate(tx, actorId, ref, markers(before, RECORDED), after);
  } else {
    const now = new Date();
    tx.insert(equalityMonitoring)
      .values({ ...row, personType: person.type, personId: person.id, createdAt: now, updatedAt: now })
      .run();
    auditCreate(tx, actorId, ref, { personType: person.type, ...markers(row, RECORDED) });
  }
  return true;
}

/**
 * Records or changes a person's answers. Refuses (ConsentRequiredError) without confirmed consent,
 * its date and how it was given; every answer is optional. False when the person does not exist.
 */
export function saveMonitoring(person: MonitoredPerson, input: MonitoringInput, actorId: number): boolean {
  if (!input.consentGiven || !input.consentGivenOn || !input.consentMethod) throw new ConsentRequiredError();
  const consent = { givenOn: input.consentGivenOn, method: input.consentMethod, recordedBy: actorId };
  return write((tx) => saveInTx(tx, person, consent, input, actorId));
}

/**
 * Erases a person's monitoring record and any self-fill link still open for them, inside the
 * caller's transaction. Deleting a volunteer or contributor should call this too.
 */
export function eraseMonitoringFor(tx: Tx, person: MonitoredPerson, actorId: number | null): boolean {
  tx.delete(monitoringFormLinks)
    .where(
      and(
        eq(monitoringFormLinks.personType, person.type),
        eq(monitoringFormLinks.personId, person.id),
        isNull(monitoringFormLinks.usedAt),
      ),
    )
    .run();
  const before = tx.select().from(equalityMonitoring).where(ofPerson(person)).get();
  if (!before) return false;
  tx.delete(equalityMonitoring).where(ofPerson(person)).run();
  auditDelete(tx, actorId, monitoringRecord(person), {
    personType: person.type,
    ...markers(before, ERASED),
  });
  return true;
}

/** Consent withdrawn: the whole monitoring record goes; the rest of the person's record stays. */
export function withdrawConsent(person: MonitoredPerson, actorId: number): boolean {
  return write((tx) => eraseMonitoringFor(tx, person, actorId));
}

// ---------------------------------------------------------------------------------------------
// Links for filling in one's own form: the raw token is shown once; only its SHA-256 is kept.

export const LINK_DAYS = 14;

export type FormLink = {
  id: number;
  person: MonitoredPerson;
  expiresAt: Date;
  createdBy: number | null;
};

/**
 * A new link for the person, valid for `days` days; any earlier link not yet used stops working.
 * Returns the token, which is never stored and cannot be shown again.
 */
export function createFormLink(
  person: MonitoredPerson,
  actorId: number,
  days = LINK_DAYS,
  now = new Date(),
): { token: string; expiresAt: Date } {
  const token = crypto.randomBytes(32).toString("base64url");
  const expiresAt = addDays(now, days);
  write((tx) => {
    tx.delete(monitoringFormLinks).where(lte(monitoringFormLinks.expiresAt, now)).run();
    tx.delete(monitoringFormLinks)
      .where(
        and(
          eq(monitoringFormLinks.personType, person.type),
          eq(monitoringFormLinks.personId, person.id),
          isNull(monitoringFormLinks.usedAt),
        ),
      )
      .run();
    tx.insert(monitoringFormLinks)
      .values({
        personType: person.type,
        personId: person.id,
        tokenHash: hashToken(token),
        expiresAt,
        createdBy: actorId,
        createdAt: now,
      })
      .run();
  });
  return { token, expiresAt };
}

export type FormLinkState = "open" | "used" | "expired" | "unknown";

/** What a token leads to: an open link, or why it no longer works. */
export function formLinkState(
  token: string,
  now = new Date(),
): { state: FormLinkState; link: FormLink | null } {
  if (!token || token.length > 200) return { state: "unknown", link: null };
  const row = db
    .select()
    .from(monitoringFormLinks)
    .where(eq(monitoringFormLinks.tokenHash, hashToken(token)))
    .get();
  if (!row) return { state: "unknown", link: null };
  const link: FormLink = {
    id: row.id,
    person: { type: row.personType, id: row.personId },
    expiresAt: row.expiresAt,
    createdBy: row.createdBy,
  };
  // A link for someone whose record has since been deleted leads nowhere.
  if (!getMonitoredPerson(link.person)) return { state: "unknown", link: null };
  if (row.usedAt) return { state: "used", link };
  if (row.expiresAt.getTime() <= now.getTime()) return { state: "expired", link };
  return { state: "open", link };
}

/** The link behind a token, if it is unexpired and unused. */
export function findFormLink(token: string, now = new Date()): FormLink | null {
  const { state, link } = formLinkState(token, now);
  return state === "open" ? link : null;
}

/** The person's link that is still open, if any, for the staff page (never its token). */
export function openFormLink(person: MonitoredPerson, now = new Date()) {
  return (
    db
      .select({
        createdAt: monitoringFormLinks.createdAt,
        expiresAt: monitoringFormLinks.expiresAt,
        createdBy: users.name,
      })
      .from(monitoringFormLinks)
      .leftJoin(users, eq(users.id, monitoringFormLinks.createdBy))
      .where(
        and(
          eq(monitoringFormLinks.personType, person.type),
          eq(monitoringFormLinks.personId, person.id),
          isNull(monitoringFormLinks.usedAt),
          gt(monitoringFormLinks.expiresAt, now),
        ),
      )
      .orderBy(desc(monitoringFormLinks.createdAt))
      .get() ?? null
  );
}

/**
 * The person's own answers, through their link: consent given online today, credited to the
 * member of staff who made the link. The link then stops working. False when the link is not
 * open (unknown, expired or used) or the person no longer exists.
 */
export function submitSelfFilledForm(
  token: string,
  input: MonitoringAnswers & { consentGiven: boolean },
  now = new Date(),
): boolean {
  if (!input.consentGiven) throw new ConsentRequiredError();
  return write((tx) => {
    const row = tx
      .select()
      .from(monitoringFormLinks)
      .where(
        and(
          eq(monitoringFormLinks.tokenHash, hashToken(token)),
          isNull(monitoringFormLinks.usedAt),
          gt(monitoringFormLinks.expiresAt, now),
        ),
      )
      .get();
    if (!row) return false;
    const person = { type: row.personType, id: row.personId };
    const consent: Consent = { givenOn: todayIso(now), method: "online", recordedBy: row.createdBy };
    if (!saveInTx(tx, person, consent, input, row.createdBy)) return false;
    tx.update(monitoringFormLinks).set({ usedAt: now }).where(eq(monitoringFormLinks.id, row.id)).run();
    return true;
  });
}

/** Removes links past their expiry, used or not: nothing about them is worth keeping. */
export function eraseExpiredLinks(now = new Date()): number {
  return write(
    (tx) => tx.delete(monitoringFormLinks).where(lte(monitoringFormLinks.expiresAt, now)).run().changes,
  );
}
