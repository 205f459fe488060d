import { z } from "zod";
import { importKinds, type ImportKind } from "~db/enums";
import { IMPORT_FIELDS, isEqualityField } from "~/imports/fields";
import { defineForm, formValues, type FieldErrors, type FormValues, oneOf } from "~/utils/forms.server";
import { MAX_CELL_CHARS } from "~/imports/read-file.server";

export const uploadForm = defineForm({
  kind: oneOf(importKinds, "Choose what the file holds: partners, contributors or volunteers."),
});

/** A row of the preview, by its place in the file (0 is the first row of data). */
export const rowForm = defineForm({
  row: z.coerce
    .number({ invalid_type_error: "Choose a row." })
    .int("Choose a row.")
    .min(0, "Choose a row.")
    .max(1_000_000, "Choose a row."),
});

/** The name of the select that matches a field to a column. */
import { mappingFieldName } from "~/imports/fields";

export type MappingResult =
  { ok: true; mapping: Record<string, number> } | { ok: false; errors: FieldErrors; values: FormValues };

/**
 * The matching step: for each field, one of the file's columns or none. A column can feed one
 * field only. Fields the person may not see (equality monitoring without the permission) keep
 * the match they had.
 */
export function parseMapping(
  formData: FormData,
  kind: ImportKind,
  headers: readonly string[],
  kept: Record<string, number>,
  canSeeEquality: boolean,
): MappingResult {
  const values = formValues(formData);
  const errors: FieldErrors = {};
  const mapping: Record<string, number> = {};
  const usedBy = new Map<number, string>();
  for (const field of IMPORT_FIELDS[kind]) {
    if (isEqualityField(field) && !canSeeEquality) {
      if (field.key in kept) mapping[field.key] = kept[field.key];
      continue;
    }
    const name = mappingFieldName(field.key);
    const raw = values[name];
    if (raw === undefined || raw === "") continue;
    const column = typeof raw === "string" && /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
    if (!(column >= 0 && column < headers.length)) {
      errors[name] = ["Choose one of the file's columns, or “Not in the file”."];
      continue;
    }
    const other = usedBy.get(column);
    if (other) {
      errors[name] = [
        `The column “${headers[column]}” is already matched to ${other}. Choose another column, or “Not in the file”.`,
      ];
      continue;
    }
    usedBy.set(column, field.label);
    mapping[field.key] = column;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, values };
  return { ok: true, mapping };
}

/** A row's corrections: each field's text as the person wants it read (checked in the preview). */
export function parseRowFix(
  formData: FormData,
  kind: ImportKind,
  canSeeEquality: boolean,
): { ok: true; values: Record<string, string> } | { ok: false; errors: FieldErrors; values: FormValues } {
  const posted = formValues(formData);
  const values: Record<string, string> = {};
  const errors: FieldErrors = {};
  for (const field of IMPORT_FIELDS[kind]) {
    if (isEqualityField(field) && !canSeeEquality) continue;
    const raw = posted[field.key];
    if (typeof raw !== "string") continue;
    if (raw.length > MAX_CELL_CHARS) {
      errors[field.key] = [`Use at most ${MAX_CELL_CHARS.toLocaleString("en-GB")} characters.`];
    }
    values[field.key] = raw;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, values: posted };
  return { ok: true, values };
}
