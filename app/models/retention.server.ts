import { format, parseISO, subMonths } from "date-fns";
import { and, eq, inArray, isNotNull, isNull, lt, or } from "drizzle-orm";
import {
  contributors,
  equalityMonitoring,
  monitoringFormLinks,
  volunteers,
  type MonitoredPersonType,
} from "~db/schema";
import { todayIso } from "~/utils/dates";
import { write, type Tx } from "~/utils/db.server";
import { monitoringRecord } from "./monitoring.server";
import { auditAccess, ERASED } from "./personal-data.server";
import { getSetting } from "./settings.server";

// Equality monitoring is kept only while it is needed: a set number of months (the setting
// "Delete equality monitoring … months after involvement ends", 12 by default) after a person's
// involvement ends, their answers and consent record are deleted, by the retention rule rather
// than a person. Their volunteer or contributor record stays.

/** Who the audit trail says erased the answers: no user, the rule. */
export const RETENTION_RULE = "the retention rule";

const answerFields = [
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

/** The last day of involvement that is now past keeping: involvement that ended before it is deleted. */
export function retentionCutoff(today: string, months: number): string {
  return format(subMonths(parseISO(today), months), "yyyy-MM-dd");
}

/**
 * Those whose monitoring is past keeping: volunteers who have left, with an end date before the
 * cut-off (or, when no end date was recorded, whose record was last changed before it, which is
 * when they were marked as left at the latest); contributors whose "active to" date is before it.
 */
function pastKeeping(tx: Tx, cutoff: string) {
  const cutoffInstant = new Date(`${cutoff}T00:00:00Z`);
  const volunteerIds = tx
    .select({ id: volunteers.id })
    .from(volunteers)
    .innerJoin(
      equalityMonitoring,
      and(eq(equalityMonitoring.personType, "volunteer"), eq(equalityMonitoring.personId, volunteers.id)),
    )
    .where(
      and(
        eq(volunteers.status, "left"),
        or(
          lt(volunteers.endDate, cutoff),
          and(isNull(volunteers.endDate), lt(volunteers.updatedAt, cutoffInstant)),
        ),
      ),
    )
    .all()
    .map((row) => row.id);
  const contributorIds = tx
    .select({ id: contributors.id })
    .from(contributors)
    .innerJoin(
      equalityMonitoring,
      and(eq(equalityMonitoring.personType, "contributor"), eq(equalityMonitoring.personId, contributors.id)),
    )
    .where(and(isNotNull(contributors.activeTo), lt(contributors.activeTo, cutoff)))
    .all()
    .map((row) => row.id);
  return { volunteer: volunteerIds, contributor: contributorIds };
}

export type RetentionResult = { cutoff: string; months: number; volunteers: number; contributors: number };

/**
 * Deletes the equality monitoring of everyone whose involvement ended more than the set number
 * of months before `today`, with any link to fill in the form, in one transaction. Each deletion
 * is audited as an erasure by the retention rule (no user), naming the fields erased, never values.
 */
export function applyMonitoringRetention(
  today: Date | string = new Date(),
  months = getSetting("monitoringRetentionMonths"),
): RetentionResult {
  const day = typeof today === "string" ? today : todayIso(today);
  const cutoff = retentionCutoff(day, months);
  return write((tx) => {
    const due = pastKeeping(tx, cutoff);
    const now = new Date();
    for (const type of ["volunteer", "contributor"] as MonitoredPersonType[]) {
      const ids = due[type];
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        const rows = tx
          .select()
          .from(equalityMonitoring)
          .where(and(eq(equalityMonitoring.personType, type), inArray(equalityMonitoring.personId, chunk)))
          .all();
        tx.delete(equalityMonitoring)
          .where(and(eq(equalityMonitoring.personType, type), inArray(equalityMonitoring.personId, chunk)))
          .run();
        tx.delete(monitoringFormLinks)
          .where(and(eq(monitoringFormLinks.personType, type), inArray(monitoringFormLinks.personId, chunk)))
          .run();
        for (const row of rows) {
          const changes: Record<string, [string | null, string | null]> = {
            erasedBy: [
              null,
              `${RETENTION_RULE}: ${months} month${months === 1 ? "" : "s"} after involvement ended`,
            ],
          };
          for (const field of answerFields) if (row[field] !== null) changes[field] = [ERASED, null];
          auditAccess(tx, null, "erase", monitoringRecord({ type, id: row.personId }), changes, now);
        }
      }
    }
    return { cutoff, months, volunteers: due.volunteer.length, contributors: due.contributor.length };
  });
}

const DAY = 24 * 60 * 60 * 1000;
let timer: ReturnType<typeof setInterval> | undefined;

function runRetention() {
  try {
    const result = applyMonitoringRetention(new Date());
    if (result.volunteers + result.contributors > 0) {
      console.log(
        `Retention: deleted the equality monitoring of ${result.volunteers} volunteer(s) and ${result.contributors} contributor(s) whose involvement ended before ${result.cutoff}.`,
      );
    }
  } catch (error) {
    // A failed run is tried again tomorrow; it must never stop the server.
    console.error("Retention: equality monitoring could not be tidied", error);
  }
}

/** Applies the retention rule now, then every 24 hours while the server runs. */
export function startRetentionSchedule() {
  stopRetentionSchedule();
  runRetention();
  timer = setInterval(runRetention, DAY);
  // The schedule never keeps the process alive on its own (graceful shutdown can finish).
  timer.unref?.();
}

export function stopRetentionSchedule() {
  if (timer) clearInterval(timer);
  timer = undefined;
}
