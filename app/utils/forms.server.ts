import { z } from "zod";
import { isCommonPassword, PASSWORD_MAX, PASSWORD_MIN } from "./password-policy";

export type FieldErrors = Record<string, string[] | undefined>;
export type FormValues = Record<string, string | string[]>;

/** What an action returns when a form is not valid: the messages and everything typed, kept. */
export type FormFailure = { errors: FieldErrors; values: FormValues };

export type ParsedForm<T> = { ok: true; data: T } | ({ ok: false } & FormFailure);

/** Never sent back to the page, even on error. */
const NEVER_ECHOED = /password/i;

/** Reads a form: every field as a string, or as a list when it appears more than once. */
export function formValues(formData: FormData): FormValues {
  const values: FormValues = {};
  for (const [key, raw] of formData.entries()) {
    if (typeof raw !== "string") continue;
    const existing = values[key];
    if (existing === undefined) values[key] = raw;
    else values[key] = Array.isArray(existing) ? [...existing, raw] : [existing, raw];
  }
  return values;
}

/**
 * The one way forms are checked: one zod schema per form. On failure, field messages keyed by field
 * name (the form-wide ones under "form") and the submitted values, minus passwords.
 */
export function parseForm<S extends z.ZodTypeAny>(formData: FormData, schema: S): ParsedForm<z.infer<S>> {
  const values = formValues(formData);
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, ...failure(values, result.error) };
}

export function failure(values: FormValues, error?: z.ZodError, extra: FieldErrors = {}): FormFailure {
  const errors: FieldErrors = {};
  for (const issue of error?.issues ?? []) {
    const key = issue.path.length > 0 ? issue.path.join(".") : "form";
    (errors[key] ??= []).push(issue.message);
  }
  for (const [key, messages] of Object.entries(extra)) {
    if (messages) (errors[key] ??= []).push(...messages);
  }
  const kept: FormValues = {};
  for (const [key, value] of Object.entries(values)) {
    if (!NEVER_ECHOED.test(key)) kept[key] = value;
  }
  return { errors, values: kept };
}

// Field helpers, so every form reads blank, dates and checkboxes alike.

/** Text a person typed, trimmed; blank becomes undefined. */
export const optionalText = (max = 2000) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v),
    z.string().max(max, `Use at most ${max} characters.`).optional(),
  );

export const requiredText = (what: string, max = 200) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z
      .string({ required_error: `Enter ${what}.`, invalid_type_error: `Enter ${what}.` })
      .min(1, `Enter ${what}.`)
      .max(max, `Use at most ${max} characters.`),
  );

export const email = (what = "an email address") =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toLowerCase() : v),
    z
      .string({ required_error: `Enter ${what}.`, invalid_type_error: `Enter ${what}.` })
      .min(1, `Enter ${what}.`)
      .max(254, "Use at most 254 characters.")
      .email("Enter an email address in the right form, like name@example.org."),
  );

export const checkbox = () => z.preprocess((v) => v === "on" || v === "true" || v === "1", z.boolean());

export function oneOf<const T extends readonly [string, ...string[]]>(options: T, message: string) {
  return z.enum(options, { errorMap: () => ({ message }) });
}

/** No composition rules (NIST 800-63B): length, and not a common password; pasting is allowed. */
export const newPassword = z
  .string({ required_error: "Enter a password.", invalid_type_error: "Enter a password." })
  .min(1, "Enter a password.")
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`)
  .refine((p) => !isCommonPassword(p), "This password is too common. Choose one that is harder to guess.");
