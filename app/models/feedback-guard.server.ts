import crypto from "node:crypto";
import { getConfig } from "~/utils/env.server";
import { HONEYPOT_FIELD, STAMP_FIELD } from "~/components/feedback/words";
import { responsesFromSenderSince, responsesThroughLinkSince } from "./feedback.server";

// Bot defences for the public feedback forms, without a CAPTCHA: a honeypot field, a minimum time
// between the form being shown and sent, and rate limits counted from the database. A robot caught
// by the first two is thanked as a person would be and nothing is kept, so it learns nothing.

// The field names live with the form's words, so the page can use them in the browser too.
export { HONEYPOT_FIELD, STAMP_FIELD };

/** Faster than this between seeing the form and sending it, no person has read it. */
export const MIN_SECONDS_TO_ANSWER = 3;

export const LIMITS = {
  perLinkPerHour: 5,
  perSenderPerHour: 20,
} as const;

const HOUR_MS = 60 * 60 * 1000;

function sign(purpose: string, ...parts: (string | number)[]) {
  return crypto
    .createHmac("sha256", getConfig().sessionSecret)
    .update([purpose, ...parts].join("\0"))
    .digest("base64url");
}

/**
 * The sender's address as a keyed hash: the same address always gives the same key, so responses
 * can be counted per address, but the address cannot be read back from it.
 */
export function senderKey(address: string) {
  return sign("feedback-sender", address).slice(0, 24);
}

/** The value of the hidden timing field for a form shown now, through this link. */
export function formStamp(linkId: number, now = new Date()) {
  const shownAt = now.getTime();
  return `${shownAt}.${sign("feedback-form", linkId, shownAt)}`;
}

/** Seconds since the form was shown, or null when the stamp is missing, forged or from another link. */
export function secondsSinceShown(stamp: unknown, linkId: number, now = new Date()): number | null {
  if (typeof stamp !== "string" || stamp.length > 200) return null;
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]+)$/.exec(stamp);
  if (!match) return null;
  const expected = Buffer.from(sign("feedback-form", linkId, Number(match[1])));
  const given = Buffer.from(match[2]);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  const seconds = (now.getTime() - Number(match[1])) / 1000;
  return seconds < 0 ? null : seconds;
}

export type Screening =
  | { verdict: "bot" }
  | { verdict: "too-many"; minutes: number; reason: "link" | "sender" }
  | { verdict: "ok"; sender: string };

function minutesUntilFree(oldest: Date | number | null, now: Date) {
  if (oldest === null) return 60;
  return Math.max(1, Math.ceil((new Date(oldest).getTime() + HOUR_MS - now.getTime()) / 60_000));
}

/**
 * Whether to keep a response sent through a link from an address: "bot" (honeypot filled, or sent
 * too fast or without a genuine timing field), "too-many" (5 through this link, or 20 from this
 * address, in the last hour) or "ok" with the sender's key for saving.
 */
export function screenResponse(
  formData: FormData,
  linkId: number,
  address: string,
  now = new Date(),
): Screening {
  const honeypot = formData.get(HONEYPOT_FIELD);
  if (typeof honeypot === "string" && honeypot.trim() !== "") return { verdict: "bot" };
  const seconds = secondsSinceShown(formData.get(STAMP_FIELD), linkId, now);
  if (seconds === null || seconds < MIN_SECONDS_TO_ANSWER) return { verdict: "bot" };

  const since = new Date(now.getTime() - HOUR_MS);
  const throughLink = responsesThroughLinkSince(linkId, since);
  if (throughLink.n >= LIMITS.perLinkPerHour) {
    return { verdict: "too-many", reason: "link", minutes: minutesUntilFree(throughLink.oldest, now) };
  }
  const sender = senderKey(address);
  const fromSender = responsesFromSenderSince(sender, since);
  if (fromSender.n >= LIMITS.perSenderPerHour) {
    return { verdict: "too-many", reason: "sender", minutes: minutesUntilFree(fromSender.oldest, now) };
  }
  return { verdict: "ok", sender };
}
