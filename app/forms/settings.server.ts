import { z } from "zod";
import { defineForm, optionalText } from "~/utils/forms.server";

export const settingsForm = defineForm({
  organisationName: optionalText(200),
  evidenceRecencyMonths: z.coerce
    .number({ invalid_type_error: "Enter a whole number of months, like 12." })
    .int("Enter a whole number of months, like 12.")
    .min(1, "Enter at least 1 month.")
    .max(120, "Enter at most 120 months."),
  /**
   * Months after involvement ends before equality monitoring is deleted (the retention rule).
   * Left out of a submission altogether, the setting stays as it is; left blank, it is an error.
   */
  monitoringRetentionMonths: z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? "" : Number(v.trim())) : v),
    z
      .number({ invalid_type_error: "Enter a whole number of months, like 12." })
      .int("Enter a whole number of months, like 12.")
      .min(1, "Enter at least 1 month.")
      .max(120, "Enter at most 120 months.")
      .optional(),
  ),
});
