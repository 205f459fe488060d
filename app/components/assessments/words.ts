import type { AssessmentAnswer, AssessmentStatus } from "~db/enums";

/** Words for self-assessments. Plain data, safe in the browser (the model uses them too). */

export const assessmentStatusLabels: Record<AssessmentStatus, string> = {
  in_progress: "In progress",
  finished: "Finished",
};

export const assessmentAnswerLabels: Record<AssessmentAnswer, string> = {
  yes: "Yes",
  started: "Have started",
  no: "No",
};

/** "Section 3 self-assessment November 2026". */
export function defaultAssessmentTitle(monthYear: string) {
  return `Section 3 self-assessment ${monthYear}`;
}
