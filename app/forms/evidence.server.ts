import { z } from "zod";
import { isLineCode } from "~/checklist/section3";
import { defineForm, optionalText, requiredDay } from "~/utils/forms.server";
import { listQuery, optionalEnum } from "~/utils/list-query.server";
import { recordTypes } from "~db/enums";

export const suggestionQuery = listQuery(
  {
    line: z.string().refine(isLineCode).optional().catch(undefined),
    type: optionalEnum(recordTypes),
  },
  ["oldest"] as const,
);

const ids = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.coerce.number().int().positive()).max(10_000),
);

export const decideForm = defineForm({
  intent: z.enum(["confirm", "dismiss"], { errorMap: () => ({ message: "Choose confirm or dismiss." }) }),
  id: ids,
});

export const linkForm = defineForm(
  {
    lines: z.preprocess(
      (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
      z.array(z.string().refine(isLineCode, "Choose lines from the checklist.")),
    ),
    note: optionalText(2000),
    evidenceDate: requiredDay("the date the evidence is from"),
  },
  (form, addError) => {
    if (form.lines && form.lines.length === 0) addError("lines", "Choose at least one checklist line.");
  },
);

export const attachForm = defineForm({
  recordType: z.enum(recordTypes, { errorMap: () => ({ message: "Choose a record." }) }),
  recordId: z.coerce.number({ invalid_type_error: "Choose a record." }).int().positive("Choose a record."),
  note: optionalText(2000),
  evidenceDate: requiredDay("the date the evidence is from"),
});
