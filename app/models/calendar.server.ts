import crypto from "node:crypto";
import { addDays, format, parseISO } from "date-fns";
import { and, eq } from "drizzle-orm";
import ical from "ical-generator";
import { users } from "~db/schema";
import { db, write } from "~/utils/db.server";
import { upcomingDates } from "./action.server";
import { auditUpdate } from "./audit.server";
import { USER_RECORD } from "./user.server";

/**
 * Each person's calendar feed has a secret address, /calendar/<token>.ics, that calendar apps
 * fetch without signing in. The token is kept as it is (not hashed) because the profile shows the
 * full address again whenever the person needs it; making a new one or turning the feed off
 * stops the old address working at once.
 */

/** 32 random bytes, base64url: 43 characters of A–Z, a–z, 0–9, - and _. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

function newToken() {
  return crypto.randomBytes(32).toString("base64url");
}

export function calendarTokenOf(userId: number): string | null {
  return (
    db.select({ token: users.calendarToken }).from(users).where(eq(users.id, userId)).get()?.token ?? null
  );
}

function setToken(userId: number, token: string | null, actorId: number, keepExisting: boolean) {
  return write((tx) => {
    const before = tx
      .select({ calendarToken: users.calendarToken })
      .from(users)
      .where(eq(users.id, userId))
      .get();
    if (!before) return null;
    if (keepExisting && before.calendarToken) return before.calendarToken;
    tx.update(users).set({ calendarToken: token, updatedAt: new Date() }).where(eq(users.id, userId)).run();
    // The audit trail shows that the address changed, never the secret itself.
    auditUpdate(tx, actorId, { type: USER_RECORD, id: userId }, before, { calendarToken: token });
    return token;
  });
}

/** Gives the person a calendar address; if they already have one, it is kept (a second click changes nothing). */
export function createCalendarToken(userId: number) {
  return setToken(userId, newToken(), userId, true);
}

/** A new address; the old one stops working. */
export function regenerateCalendarToken(userId: number) {
  return setToken(userId, newToken(), userId, false);
}

/** Turns the feed off; the address stops working. */
export function revokeCalendarToken(userId: number) {
  setToken(userId, null, userId, false);
}

/** The full address of a token's feed on this site. */
export function calendarAddress(origin: string, token: string) {
  return `${origin}/calendar/${token}.ics`;
}

/** The active user a feed address belongs to, if any. */
export function findCalendarUser(token: string) {
  if (!TOKEN_PATTERN.test(token)) return undefined;
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.calendarToken, token), eq(users.active, true)))
    .get();
}

const nextDay = (isoDay: string) => format(addDays(parseISO(isoDay), 1), "yyyy-MM-dd");

/** How often calendar apps are asked to fetch the feed again (Outlook and Apple honour it; Google decides itself). */
export const REFRESH_HOURS = 1;

/**
 * The feed, as RFC 5545 text: one all-day event (a date without time or time zone) for each
 * scheduled partnership review and each of the person's open actions with a due date, with stable
 * UIDs so that a changed date moves the event rather than adding another.
 */
export function calendarFeed(user: { id: number; name: string }, origin: string, today: string): string {
  const calendar = ical({
    name: `Partnership tracker (${user.name})`,
    description: `Partnership review dates, and the follow-up actions ${user.name} owns, from the partnership tracker.`,
    prodId: { company: "Partnership tracker", product: "Calendar feed", language: "EN" },
    url: `${origin}/calendar`,
    ttl: REFRESH_HOURS * 60 * 60,
  });
  for (const item of upcomingDates(user.id, today)) {
    const address = `${origin}${item.href}`;
    const description =
      item.kind === "review"
        ? `The partnership review of ${item.subject} is due. ` +
          `See the partner and record the review in the partnership tracker: ${address}`
        : `${item.subject}\n` +
          (item.detail ? `From: ${item.detail}\n` : "") +
          `Mark it as done in the partnership tracker: ${address}`;
    calendar.createEvent({
      id: item.uid,
      allDay: true,
      // A string day is read as midnight UTC, and an all-day event without a time zone is written
      // from its UTC date: so the event falls on exactly this day, whatever the server's zone.
      start: item.date,
      end: nextDay(item.date),
      summary: item.title,
      description,
      url: address,
      lastModified: item.updatedAt,
    });
  }
  return calendar.toString();
}
