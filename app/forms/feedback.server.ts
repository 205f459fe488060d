import { addDays, addYears, format, parseISO } from "date-fns";
import { z } from "zod";
import { relevanceAnswers, type Outcome } from "~db/enums";
import { formatDate, todayIso } from "~/utils/dates";
import type { ParticipantFeedbackAnswers, PartnerFeedbackAnswers } from "~/utils/feedback-answers";
import {
  checkbox,
  defineForm,
  failure,
  formValues,
  type FormOutput,
  manyOf,
  optionalText,
  type ParsedForm,
  parseForm,
  requiredDay,
  requiredId,
} from "~/utils/forms.server";

// ---------------------------------------------------------------------------------------------
// Staff: making and revoking links

/** A new link works for this many days unless the person chooses otherwise. */
export const LINK_DEFAULT_DAYS = 30;

const dayAfter = (isoDay: string, days: number) => format(addDays(parseISO(isoDay), days), "yyyy-MM-dd");

/** The expiry a new link is offered with, and the latest allowed: a year from today. */
export function linkExpiryBounds(today = todayIso()) {
  return {
    today,
    suggested: dayAfter(today, LINK_DEFAULT_DAYS),
    latest: format(addYears(parseISO(today), 1), "yyyy-MM-dd"),
  };
}

export const createLinkForm = defineForm(
  { expiresOn: requiredDay("the last day the link works") },
  (form, addError) => {
    if (typeof form.expiresOn !== "string") return;
    const { today, latest } = linkExpiryBounds();
    if (form.expiresOn < today) {
      addError("expiresOn", "The last day the link works cannot be in the past.");
    } else if (form.expiresOn > latest) {
      addError("expiresOn", `A link can work for at most a year: choose ${formatDate(latest)} or earlier.`);
    }
  },
);
export type CreateLinkInput = FormOutput<typeof createLinkForm>;

export const revokeLinkForm = defineForm(
  { linkId: requiredId("Choose the link to revoke."), confirmRevoke: checkbox() },
  (form, addError) => {
    if (form.confirmRevoke !== true) {
      addError("confirmRevoke", "Tick the box to confirm that the link should stop working.");
    }
  },
);

// ---------------------------------------------------------------------------------------------
// The public forms: every question optional, but an empty form is not worth keeping.

/** A radio group nobody has to answer: left blank it is simply not recorded. */
const optionalChoice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.enum(values, { errorMap: () => ({ message: "Choose one of the answers listed." }) }).optional(),
  );

const ANSWER_MAX = 4000;

/** The five Generic Learning Outcomes, the ones a participant is asked about. */
export const learningOutcomes = [
  "glo_knowledge",
  "glo_skills",
  "glo_enjoyment",
  "glo_activity",
  "glo_attitudes",
] as const satisfies readonly Outcome[];

export const partnerFeedbackForm = defineForm({
  satisfaction: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .enum(["1", "2", "3", "4", "5"], {
        errorMap: () => ({ message: "Choose one of the answers listed, from 1 to 5." }),
      })
      .transform(Number)
      .optional(),
  ),
  relevance: optionalChoice(relevanceAnswers),
  valueAdded: optionalText(ANSWER_MAX),
  gained: optionalText(ANSWER_MAX),
  changes: optionalText(ANSWER_MAX),
});

export const participantFeedbackForm = defineForm({
  gotOutOfIt: optionalText(ANSWER_MAX),
  outcomes: manyOf(learningOutcomes, "Choose from the descriptions listed."),
  otherOpportunities: optionalChoice(["yes", "no"] as const),
  otherOpportunitiesText: optionalText(ANSWER_MAX),
});

/** Only the answers given: a question left blank leaves no key behind. */
function given<T extends Record<string, unknown>>(answers: T): T {
  return Object.fromEntries(
    Object.entries(answers).filter(
      ([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0),
    ),
  ) as T;
}

export const NOTHING_ANSWERED =
  "Answer at least one question before sending, or close this page if you would rather not.";

function notEmpty<T extends Record<string, unknown>>(formData: FormData, answers: T): ParsedForm<T> {
  if (Object.keys(answers).length > 0) return { ok: true, data: answers };
  return { ok: false, ...failure(formValues(formData), undefined, { form: [NOTHING_ANSWERED] }) };
}

/** A partner's answers, in the shape the evidence rules read. */
export function parsePartnerFeedback(formData: FormData): ParsedForm<PartnerFeedbackAnswers> {
  const parsed = parseForm(formData, partnerFeedbackForm);
  if (!parsed.ok) return parsed;
  return notEmpty(formData, given<PartnerFeedbackAnswers>(parsed.data));
}

/**
 * A participant's answers, in the shape the evidence rules read. Naming the other opportunities
 * found answers "yes" when the yes/no question was left blank: the box asks "If yes, which?".
 */
export function parseParticipantFeedback(formData: FormData): ParsedForm<ParticipantFeedbackAnswers> {
  const parsed = parseForm(formData, participantFeedbackForm);
  if (!parsed.ok) return parsed;
  const { otherOpportunities, otherOpportunitiesText } = parsed.data;
  return notEmpty(
    formData,
    given<ParticipantFeedbackAnswers>({
      ...parsed.data,
      otherOpportunities: otherOpportunities ?? (otherOpportunitiesText ? "yes" : undefined),
    }),
  );
}
