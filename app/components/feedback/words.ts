// The words of the feedback forms and of the responses as staff read them. Plain data, safe in the
// browser bundle (no server module is imported for a value here).
import type { Outcome } from "~db/enums";
import type { ParticipantFeedbackAnswers, PartnerFeedbackAnswers } from "~/utils/feedback-answers";
import { outcomeLabels, relevanceLabels, satisfactionLabels } from "~/utils/labels";

/**
 * The public form's hidden fields against robots (see feedback-guard.server): a honeypot people
 * never see, and the signed moment the form was shown.
 */
export const HONEYPOT_FIELD = "website";
export const STAMP_FIELD = "shownAt";

export type LearningOutcome = Extract<Outcome, `glo_${string}`>;

/** Each Generic Learning Outcome in plain words, for the public form; the framework's name follows. */
export const learningOutcomeWords: Record<LearningOutcome, string> = {
  glo_knowledge: "I learnt something new, or understood something better",
  glo_skills: "I learnt how to do something, or got better at it",
  glo_enjoyment: "I enjoyed it, it inspired me, or it got me making or creating something",
  glo_activity: "I did something new, or it led me on to do more",
  glo_attitudes: "It changed how I think or feel about something, about other people or about myself",
};

export const learningOutcomeOptions = (Object.keys(learningOutcomeWords) as LearningOutcome[]).map(
  (value) => ({ value, label: `${learningOutcomeWords[value]} (${outcomeLabels[value].toLowerCase()})` }),
);

export const satisfactionOptions = [1, 2, 3, 4, 5].map((n) => ({
  value: String(n),
  label: `${n}: ${satisfactionLabels[n]}`,
}));

export const relevanceOptions = (["yes", "partly", "no"] as const).map((value) => ({
  value,
  label: relevanceLabels[value],
}));

export const yesNoOptions = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];

export const feedbackKindLabels = {
  partner: "Partner feedback",
  participant: "Participant feedback",
} as const;

export const linkStatusLabels = {
  active: "Active",
  expired: "Expired",
  revoked: "Revoked",
} as const;

export function linkStatusBadge(status: keyof typeof linkStatusLabels) {
  return status === "active" ? "badge badge--ok" : "badge badge--muted";
}

/** The questions, as staff read them beside the answers. */
export const partnerQuestions = {
  satisfaction: "Satisfaction with the working arrangements",
  relevance: "Is the partnership still relevant to them?",
  valueAdded: "The value their work adds to ours",
  gained: "What they have gained from working with us",
  changes: "What they would change",
} as const;

export const participantQuestions = {
  gotOutOfIt: "What they got out of it",
  outcomes: "Learning outcomes they recognise",
  otherOpportunities: "Found other learning opportunities through it?",
  otherOpportunitiesText: "Which other learning opportunities",
} as const;

export function satisfactionInWords(n: number | undefined) {
  if (typeof n !== "number" || !satisfactionLabels[n]) return null;
  return `${n} of 5: ${satisfactionLabels[n].toLowerCase()}`;
}

export function outcomesInWords(outcomes: readonly Outcome[] | undefined) {
  return outcomes?.length ? outcomes.map((o) => outcomeLabels[o] ?? o).join(", ") : null;
}

/** Each answer given, as [question, answer in words]: unanswered questions are left out. */
export function answersInWords(
  response:
    | { kind: "partner"; answers: PartnerFeedbackAnswers }
    | { kind: "participant"; answers: ParticipantFeedbackAnswers },
): [string, string][] {
  const rows: [string, string | null | undefined][] =
    response.kind === "partner"
      ? [
          [partnerQuestions.satisfaction, satisfactionInWords(response.answers.satisfaction)],
          [
            partnerQuestions.relevance,
            response.answers.relevance ? relevanceLabels[response.answers.relevance] : null,
          ],
          [partnerQuestions.valueAdded, response.answers.valueAdded],
          [partnerQuestions.gained, response.answers.gained],
          [partnerQuestions.changes, response.answers.changes],
        ]
      : [
          [participantQuestions.gotOutOfIt, response.answers.gotOutOfIt],
          [participantQuestions.outcomes, outcomesInWords(response.answers.outcomes)],
          [
            participantQuestions.otherOpportunities,
            response.answers.otherOpportunities === "yes"
              ? "Yes"
              : response.answers.otherOpportunities === "no"
                ? "No"
                : null,
          ],
          [participantQuestions.otherOpportunitiesText, response.answers.otherOpportunitiesText],
        ];
  return rows.filter((row): row is [string, string] => typeof row[1] === "string" && row[1] !== "");
}
