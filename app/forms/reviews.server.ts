import { z } from "zod";
import { relevanceAnswers, reviewDecisions } from "~db/enums";
import { followUpFields, followUpRowsComplete } from "./follow-up-actions.server";
import { todayIso } from "~/utils/dates";
import {
  defineForm,
  type FieldErrors,
  type FormOutput,
  oneOf,
  optionalDay,
  optionalId,
  optionalText,
  requiredDay,
} from "~/utils/forms.server";

const satisfaction = () =>
  z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .enum(["1", "2", "3", "4", "5"], {
        errorMap: () => ({ message: "Choose a satisfaction from 1 to 5." }),
      })
      .transform(Number)
      .optional(),
  );

/** The text a person may still correct after the review: what was said and learnt. */
const reviewText = {
  participants: optionalText(2000),
  partnerWords: optionalText(5000),
  valueAdded: optionalText(5000),
  partnerGained: optionalText(5000),
  userBenefits: optionalText(5000),
  lessons: optionalText(5000),
};

export const reviewForm = defineForm(
  {
    heldOn: requiredDay("the date of the review"),
    ...reviewText,
    stillRelevant: oneOf(
      relevanceAnswers,
      "Say whether the partnership is still relevant to your learning aims.",
    ),
    satisfaction: satisfaction(),
    decision: oneOf(reviewDecisions, "Choose what you decided: continue, change or withdraw."),
    changes: optionalText(5000),
    endReason: optionalText(2000),
    nextReviewDate: optionalDay(),
    /** The next review date the form was filled in with, so an untouched one follows the review's date. */
    nextReviewSuggested: optionalDay(),
    ...followUpFields,
  },
  (form, addError) => {
    if (form.heldOn && form.heldOn > todayIso()) {
      addError("heldOn", "The review date cannot be in the future. Record a review once it has been held.");
    }
    if (form.decision === "change" && !form.changes) addError("changes", "Say what will change.");
    if (form.decision === "withdraw" && !form.endReason) {
      addError("endReason", "Say why you are withdrawing from the partnership.");
    }
    if (
      form.decision !== "withdraw" &&
      form.heldOn &&
      form.nextReviewDate &&
      form.nextReviewDate <= form.heldOn
    ) {
      addError("nextReviewDate", "The next review must be after this review.");
    }
  },
  followUpRowsComplete,
);
export type ReviewInput = FormOutput<typeof reviewForm>;

/** What can be corrected after the event: the text, never the date, the answers or the decision. */
export const reviewEditForm = defineForm({
  ...reviewText,
  changes: optionalText(5000),
});
export type ReviewEditInput = FormOutput<typeof reviewEditForm>;

/**
 * The next review date a person chose, or undefined to work it out from the review's date: a date
 * left as the form suggested it follows the review's date if that was changed.
 */
export function chosenNextReview(input: ReviewInput): string | undefined {
  if (!input.nextReviewDate || input.nextReviewDate === input.nextReviewSuggested) return undefined;
  return input.nextReviewDate;
}

