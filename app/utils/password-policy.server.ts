import { COMMON_PASSWORDS, COMMON_WORDS } from "./common-passwords";
import type { CrossCheck } from "./forms.server";

// Which passwords are refused, beyond the length rule in `password-policy.ts` (NIST SP 800-63B:
// no composition rules, but no common, expected or context-specific passwords). Server only: the
// list of common passwords never reaches the browser.

const commonPasswords = new Set(COMMON_PASSWORDS);
const commonWords = new Set(COMMON_WORDS);

/** This app's name, which a person asked for a password here may well think of first. */
export const APP_NAME = "partnership tracker";

export const TOO_COMMON = "This password is too common. Choose one that is harder to guess.";
export const IS_APP_NAME =
  "This is the name of the app, so it is easy to guess. Choose a password of your own.";
export const HAS_EMAIL_NAME =
  "The password must not contain the name in the email address (the part before the @). Choose something harder to guess.";

/** Lower case, without spaces, dots, dashes or underscores between words: "I love you" is "iloveyou". */
function squeeze(password: string) {
  return password.toLowerCase().replace(/[\s._-]+/g, "");
}

const LEET: Record<string, string> = {
  "0": "o",
  "3": "e",
  "4": "a",
  "5": "s",
  "7": "t",
  "8": "b",
  "@": "a",
  $: "s",
  "!": "i",
  "|": "l",
  "+": "t",
};

/** Common symbol-for-letter swaps undone; "1" may stand for "i" or "l", so both readings come back. */
function unleet(text: string): string[] {
  const swapped = text.replace(/[034578@$!|+]/g, (c) => LEET[c] ?? c);
  return [...new Set([swapped.replace(/1/g, "i"), swapped.replace(/1/g, "l")])];
}

/** The part from the first letter to the last: "1234password!!" and "p@ssw0rd2024" give "password", "p@ssw0rd". */
function core(text: string) {
  const first = text.search(/[a-z]/);
  if (first === -1) return "";
  let last = text.length - 1;
  while (!/[a-z]/.test(text[last])) last -= 1;
  return text.slice(first, last + 1);
}

/** One common word, perhaps said more than once: "football", "qwertyqwerty". */
function isCommonWordRepeated(text: string) {
  if (commonWords.has(text)) return true;
  for (const word of commonWords) {
    if (
      text.length > word.length &&
      text.length % word.length === 0 &&
      text === word.repeat(text.length / word.length)
    ) {
      return true;
    }
  }
  return false;
}

/** "abcdefghijkl", "123456789012", "987654321098": each character one after (or before) the last. */
function isRun(text: string) {
  if (!/^(\d+|[a-z]+)$/.test(text)) return false;
  const step = (a: string, b: string) => {
    if (/\d/.test(a)) return (Number(b) - Number(a) + 10) % 10;
    return b.charCodeAt(0) - a.charCodeAt(0);
  };
  const first = step(text[0], text[1]);
  if (first !== 1 && first !== -1 && first !== 9) return false;
  for (let i = 1; i < text.length - 1; i += 1) {
    if (step(text[i], text[i + 1]) !== first) return false;
  }
  return true;
}

/** A short pattern said over and over: "aaaaaaaaaaaa", "abcabcabcabc", "123412341234". */
function isRepeatedPattern(text: string) {
  return /^(.{1,6})\1+$/s.test(text);
}

function isAppName(password: string) {
  const words = core(squeeze(password));
  return unleet(words).some((w) => /^(the|my)?partnershiptracker(app)?$/.test(w));
}

/**
 * Whether a password is one of the most common breached passwords, or built the way they are:
 * a common word (perhaps with symbol-for-letter swaps) padded only with digits and symbols, a run
 * or a repeated pattern, or this app's name.
 */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  const squeezed = squeeze(password);
  if (commonPasswords.has(lower) || commonPasswords.has(squeezed)) return true;
  if (unleet(squeezed).some((text) => commonPasswords.has(text))) return true;
  if (isRepeatedPattern(lower) || isRepeatedPattern(squeezed) || isRun(squeezed)) return true;
  const words = core(squeezed);
  if (words && unleet(words).some(isCommonWordRepeated)) return true;
  return isAppName(password);
}

/** The name part of an email address, letters and digits only: "Jane.Smith+news@x.org" gives "janesmith". */
function emailName(email: string) {
  const local = email.trim().toLowerCase().split("@")[0].split("+")[0];
  return local.replace(/[^\p{L}\p{N}]+/gu, "");
}

/**
 * Whether the password contains the name in the person's email address. A short name (under 4
 * letters, like "ada") only counts when it is all the password's letters, so that "ada" does not
 * rule out every password with "Canada" in it.
 */
export function containsEmailName(password: string, email: string | null | undefined): boolean {
  if (!email) return false;
  const name = emailName(email);
  if (!name) return false;
  const letters = password.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
  if (name.length >= 4) return letters.includes(name);
  return core(squeeze(password)) === name;
}

/**
 * What is wrong with a new password, beyond its length, in words for the form; null when nothing.
 * Give the email address of the person whose password it is, when there is one.
 */
export function passwordProblem(password: string, person: { email?: string | null } = {}): string | null {
  if (isAppName(password)) return IS_APP_NAME;
  if (isCommonPassword(password)) return TOO_COMMON;
  if (containsEmailName(password, person.email)) return HAS_EMAIL_NAME;
  return null;
}

/** For forms with both an email address and a new password: the password may not contain the email's name. */
export const passwordNotPersonal: CrossCheck<{ email: string; password: string }> = (form, addError) => {
  if (typeof form.password === "string" && typeof form.email === "string") {
    if (containsEmailName(form.password, form.email)) addError("password", HAS_EMAIL_NAME);
  }
};
