import { z } from "zod";
import { PASSWORD_MAX, PASSWORD_MIN } from "./password-policy";
import { passwordProblem } from "./password-policy.server";

export type FieldErrors = Record<string, string[] | undefined>;
export type FormValues = Record<string, string | string[]>;

/** What an action returns when a form is not valid: the messages and everything typed, kept. */
export type FormFailure = { errors: FieldErrors; values: FormValues };

export type ParsedForm<T> = { ok: true; data: T } | ({ ok: false } & FormFailure);

/** Never sent back to the page, even on error. */
const NEVER_ECHOED = /password/i;

/**
 * Sets a field's value as an own property, so a posted field called "__proto__" or "constructor"
 * is a field like any other, never the object's prototype or one of its inherited members.
 */
function setField(values: FormValues, key: string, value: string | string[]) {
  Object.defineProperty(values, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Reads a form: every field as a string, or as a list when it appears more than once. */
export function formValues(formData: FormData): FormValues {
  const values: FormValues = {};
  for (const [key, raw] of formData.entries()) {
    if (typeof raw !== "string") continue;
    const existing = Object.hasOwn(values, key) ? values[key] : undefined;
    if (existing === undefined) setField(values, key, raw);
    else setField(values, key, Array.isArray(existing) ? [...existing, raw] : [existing, raw]);
  }
  return values;
}

/** A check across fields; it sees the fields that are valid so far and reports problems by field. */
export type CrossCheck<T> = (
  form: Partial<T>,
  addError: (field: keyof T & string, message: string) => void,
) => void;

/**
 * A form: a zod object of its fields, plus checks across fields. Unlike zod's refinements, the
 * checks run even when some other field is invalid, so a person sees every problem at once.
 */
export type FormSchema<Shape extends z.ZodRawShape> = {
  fields: z.ZodObject<Shape>;
  checks: CrossCheck<z.infer<z.ZodObject<Shape>>>[];
};

export function defineForm<Shape extends z.ZodRawShape>(
  shape: Shape,
  ...checks: CrossCheck<z.infer<z.ZodObject<Shape>>>[]
): FormSchema<Shape> {
  return { fields: z.object(shape), checks };
}

export type FormOutput<F> = F extends FormSchema<infer Shape> ? z.infer<z.ZodObject<Shape>> : never;

/**
 * The one way forms are checked. On failure: messages keyed by field name (form-wide ones under
 * "form") and the submitted values, minus passwords, so nothing typed is lost.
 */
export function parseForm<Shape extends z.ZodRawShape>(
  formData: FormData,
  form: FormSchema<Shape>,
): ParsedForm<z.infer<z.ZodObject<Shape>>> {
  type T = z.infer<z.ZodObject<Shape>>;
  const values = formValues(formData);
  const errors: FieldErrors = {};
  const partial: Record<string, unknown> = {};
  for (const [field, schema] of Object.entries(form.fields.shape)) {
    const result = (schema as z.ZodTypeAny).safeParse(values[field]);
    if (result.success) partial[field] = result.data;
    else errors[field] = [result.error.issues[0]?.message ?? "This is not valid."];
  }
  for (const check of form.checks) {
    check(partial as Partial<T>, (field, message) => {
      if (!errors[field]) errors[field] = [message];
    });
  }
  if (Object.keys(errors).length > 0) return { ok: false, ...failure(values, undefined, errors) };
  return { ok: true, data: partial as T };
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
    if (!NEVER_ECHOED.test(key)) setField(kept, key, value);
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
  .superRefine((password, ctx) => {
    const problem = passwordProblem(password);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/** A calendar day from a date input (YYYY-MM-DD) or typed the UK way (23/11/2026). */
function toIsoDay(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const text = value.trim();
  if (text === "") return undefined;
  const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (uk) return `${uk[3]}-${uk[2].padStart(2, "0")}-${uk[1].padStart(2, "0")}`;
  return text;
}

function isRealDay(iso: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso;
}

const dayMessage = "Enter a real date, like 23/11/2026.";

export const optionalDay = () => z.preprocess(toIsoDay, z.string().refine(isRealDay, dayMessage).optional());

export const requiredDay = (what: string) =>
  z.preprocess(
    toIsoDay,
    z
      .string({ required_error: `Enter ${what}.`, invalid_type_error: `Enter ${what}.` })
      .refine(isRealDay, dayMessage),
  );

/** An optional web address; "museum.org.uk" gains https://. */
export const optionalUrl = () =>
  z.preprocess(
    (v) => {
      if (typeof v !== "string" || v.trim() === "") return undefined;
      const text = v.trim();
      return /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
    },
    z
      .string()
      .max(500, "Use at most 500 characters.")
      .url("Enter a web address, like https://example.org.")
      .refine((u) => /^https?:\/\//i.test(u), "Enter a web address starting with http:// or https://.")
      .optional(),
  );

export const optionalEmail = () =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v),
    z
      .string()
      .max(254, "Use at most 254 characters.")
      .email("Enter an email address in the right form, like name@example.org.")
      .optional(),
  );

export const optionalPhone = () =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v),
    z
      .string()
      .max(40, "Use at most 40 characters.")
      .regex(/^[0-9+() .\-ext]{5,}$/i, "Enter a phone number, like 01632 960123.")
      .optional(),
  );

/** A whole number of people, things… within bounds. */
export const optionalCount = (max = 10_000_000) =>
  z.preprocess(
    (v) =>
      typeof v === "string" && v.trim() === ""
        ? undefined
        : typeof v === "string"
          ? v.replace(/,/g, "").trim()
          : v,
    z.coerce
      .number({ invalid_type_error: "Enter a whole number, like 25." })
      .int("Enter a whole number, like 25.")
      .min(0, "Enter 0 or more.")
      .max(max, `Enter at most ${max.toLocaleString("en-GB")}.`)
      .optional(),
  );

/** An amount of money in pounds ("£1,250.50"), stored as whole pence. */
export const moneyInPence = (what: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.replace(/[£,\s]/g, "") : v),
    z
      .string({ required_error: `Enter ${what}.`, invalid_type_error: `Enter ${what}.` })
      .min(1, `Enter ${what}.`)
      .regex(/^\d{1,10}(\.\d{1,2})?$/, "Enter an amount in pounds, like 1250 or 1250.50.")
      .transform((v) => Math.round(Number(v) * 100)),
  );

/** Hours given ("2.5" or "2:30"), stored as whole minutes. */
export const hoursInMinutes = () =>
  z.preprocess(
    (v) => {
      if (typeof v !== "string") return v;
      const text = v.trim();
      const clock = /^(\d{1,2}):([0-5]\d)$/.exec(text);
      // Two decimals are enough: the result is rounded back to whole minutes.
      if (clock) return (Number(clock[1]) + Number(clock[2]) / 60).toFixed(2);
      return text;
    },
    z
      .string({ required_error: "Enter the hours given.", invalid_type_error: "Enter the hours given." })
      .min(1, "Enter the hours given.")
      .regex(/^\d{1,3}(\.\d{1,2})?$/, "Enter hours as a number, like 2.5 or 2:30.")
      .transform((v) => Math.round(Number(v) * 60))
      .refine((m) => m > 0, "Enter more than 0 hours.")
      .refine((m) => m <= 24 * 60, "Enter at most 24 hours for one day."),
  );

/** Several checkbox values under one name, each one of the allowed values. */
export const manyOf = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(values, { errorMap: () => ({ message }) })).transform((list) => [...new Set(list)]),
  );

/** An optional id chosen from a list. */
export const optionalId = (message: string) =>
  z.preprocess(
    (v) => (v === "" || v === undefined ? undefined : v),
    z.coerce.number({ invalid_type_error: message }).int(message).positive(message).optional(),
  );

/** An id that must be chosen from a list. */
export const requiredId = (message: string) =>
  z.preprocess(
    (v) => (v === "" || v === undefined ? undefined : v),
    z.coerce.number({ required_error: message, invalid_type_error: message }).int(message).positive(message),
  );

/** The end must not be before the start. */
export function endNotBeforeStart<T>(start: keyof T & string, end: keyof T & string): CrossCheck<T> {
  return (form, addError) => {
    const a = form[start];
    const b = form[end];
    if (typeof a === "string" && typeof b === "string" && b < a) {
      addError(end, "The end date must be on or after the start date.");
    }
  };
}
