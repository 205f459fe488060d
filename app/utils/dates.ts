import { TZDate } from "@date-fns/tz";
import { format, parseISO } from "date-fns";

/** The organisation's time zone: instants are stored in UTC and shown in UK time. */
export const TIME_ZONE = "Europe/London";

type DateInput = Date | string | number;

function toDate(value: DateInput): Date {
  if (value instanceof Date) return value;
  if (typeof value === "number") return new Date(value);
  return parseISO(value);
}

/** A calendar day or instant as UK readers expect it: 23 Nov 2026. */
export function formatDate(value: DateInput | null | undefined): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return format(parseISO(value), "d MMM yyyy");
  return format(new TZDate(toDate(value).getTime(), TIME_ZONE), "d MMM yyyy");
}

/** An instant in UK time: 23 Nov 2026, 14:05. */
export function formatDateTime(value: DateInput | null | undefined): string {
  if (value === null || value === undefined || value === "") return "";
  return format(new TZDate(toDate(value).getTime(), TIME_ZONE), "d MMM yyyy, HH:mm");
}

/** An instant as the machine-readable value of a <time> element. */
export function isoInstant(value: DateInput): string {
  return toDate(value).toISOString();
}

/** Today's date in the UK, as an ISO calendar day. */
export function todayIso(now: Date = new Date()): string {
  return format(new TZDate(now.getTime(), TIME_ZONE), "yyyy-MM-dd");
}
