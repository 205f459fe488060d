// Showing dates the UK way. Formatting uses the platform's Intl (no library in the browser
// bundle); date arithmetic on the server uses date-fns.

/** The organisation's time zone: instants are stored in UTC and shown in UK time. */
export const TIME_ZONE = "Europe/London";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

type DateInput = Date | string | number;

const ukParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

const HOUR_MS = 3_600_000;
/** UK time's offset from UTC for each UTC hour asked about: it only ever changes on the hour. */
const ukOffsetByHour = new Map<number, number>();

function ukOffsetMs(instant: number) {
  const hour = Math.floor(instant / HOUR_MS);
  let offset = ukOffsetByHour.get(hour);
  if (offset === undefined) {
    const parts: Record<string, number> = {};
    for (const part of ukParts.formatToParts(hour * HOUR_MS)) {
      if (part.type !== "literal") parts[part.type] = Number(part.value);
    }
    offset = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute) - hour * HOUR_MS;
    if (ukOffsetByHour.size >= 10_000) ukOffsetByHour.clear();
    ukOffsetByHour.set(hour, offset);
  }
  return offset;
}

/** An instant's calendar day and clock time in the UK. */
function inUk(value: DateInput) {
  const instant = value instanceof Date ? value.getTime() : new Date(value).getTime();
  const uk = new Date(instant + ukOffsetMs(instant));
  return {
    year: uk.getUTCFullYear(),
    month: uk.getUTCMonth() + 1,
    day: uk.getUTCDate(),
    hour: uk.getUTCHours(),
    minute: uk.getUTCMinutes(),
  };
}

const pad = (n: number) => String(n).padStart(2, "0");
const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day or instant as UK readers expect it: 23 Nov 2026. */
export function formatDate(value: DateInput | null | undefined): string {
  if (value === null || value === undefined || value === "") return "";
  const day = typeof value === "string" ? CALENDAR_DAY.exec(value) : null;
  if (day) return `${Number(day[3])} ${MONTHS[Number(day[2]) - 1]} ${day[1]}`;
  const uk = inUk(value);
  return `${uk.day} ${MONTHS[uk.month - 1]} ${uk.year}`;
}

/** An instant in UK time: 23 Nov 2026, 14:05. */
export function formatDateTime(value: DateInput | null | undefined): string {
  if (value === null || value === undefined || value === "") return "";
  const uk = inUk(value);
  return `${uk.day} ${MONTHS[uk.month - 1]} ${uk.year}, ${pad(uk.hour)}:${pad(uk.minute)}`;
}

/** An instant as the machine-readable value of a <time> element. */
export function isoInstant(value: DateInput): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

/** Today's date in the UK, as an ISO calendar day. */
export function todayIso(now: Date = new Date()): string {
  const uk = inUk(now);
  return `${uk.year}-${pad(uk.month)}-${pad(uk.day)}`;
}
