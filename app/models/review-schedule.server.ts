import { TZDate } from "@date-fns/tz";
import { addDays, addMonths, format } from "date-fns";

/**
 * The date maths of partnership reviews, on calendar days (ISO strings). Days are read and
 * written in UTC so the server's own time zone, and the clock changes, never move a day.
 */

/** How many days ahead a review counts as due soon. */
export const DUE_SOON_DAYS = 30;

export type ReviewStatus = "overdue" | "due-soon" | "later" | "none";

function toDay(iso: string) {
  return new TZDate(`${iso}T00:00:00Z`, "UTC");
}

function toIso(date: Date) {
  return format(date, "yyyy-MM-dd");
}

/**
 * The review after one held (or a partnership started) on `base`, `cadenceMonths` later. date-fns
 * keeps month ends: 31 Jan + 3 months is 30 Apr, 31 Aug + 6 months is the end of February.
 * A partnership not reviewed on a cycle (0) has no next review.
 */
export function nextReviewDate(base: string, cadenceMonths: number): string | null {
  if (!cadenceMonths || cadenceMonths <= 0) return null;
  return toIso(addMonths(toDay(base), cadenceMonths));
}

/** The last day that still counts as "due soon", from today. */
export function dueSoonLimit(today: string, days = DUE_SOON_DAYS): string {
  return toIso(addDays(toDay(today), days));
}

/** Overdue once the day has passed; due soon on the day and up to 30 days ahead; later after that. */
export function reviewStatus(
  nextDate: string | null | undefined,
  today: string,
  days = DUE_SOON_DAYS,
): ReviewStatus {
  if (!nextDate) return "none";
  if (nextDate < today) return "overdue";
  if (nextDate <= dueSoonLimit(today, days)) return "due-soon";
  return "later";
}
