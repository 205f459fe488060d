import type { ActionAnswer } from "~/checklist/section3";
import { answerLabels } from "~/evidence/answers";

/** The answer the evidence supports, in words, with a colour that is never the only signal. */
export function AnswerBadge({ answer }: { answer: ActionAnswer }) {
  const tone = answer === "yes" ? "ok" : answer === "started" ? "warn" : "danger";
  return <span className={`badge badge--${tone}`}>{answerLabels[answer]}</span>;
}
