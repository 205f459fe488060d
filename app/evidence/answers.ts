import type { ActionAnswer, ChecklistLine, PromptAnswer } from "~/checklist/section3";

/** What the confirmed evidence says about one line. */
export type LineEvidence = {
  confirmed: number;
  recent: number;
  newest: string | null;
  kinds: string[];
  suggested: number;
};

export const NO_EVIDENCE: LineEvidence = { confirmed: 0, recent: 0, newest: null, kinds: [], suggested: 0 };

/**
 * The answer the evidence supports, by a rule a person can read:
 * - an action line: no evidence → No; only evidence older than the recency period → Have started;
 *   recent evidence → Yes;
 * - an evidence prompt (Yes or No only): recent evidence → Yes; otherwise No.
 */
export function supportedAnswer(line: ChecklistLine, evidence: LineEvidence): ActionAnswer | PromptAnswer {
  if (line.kind === "prompt") return evidence.recent > 0 ? "yes" : "no";
  if (evidence.confirmed === 0) return "no";
  return evidence.recent > 0 ? "yes" : "started";
}

/** An action answered in parts: Yes when every part is Yes, No when every part is No, otherwise Have started. */
export function combinedAnswer(parts: ActionAnswer[]): ActionAnswer {
  if (parts.every((a) => a === "yes")) return "yes";
  if (parts.every((a) => a === "no")) return "no";
  return "started";
}

export const answerLabels: Record<ActionAnswer, string> = { yes: "Yes", started: "Have started", no: "No" };

export function answerRuleText(recencyMonths: number) {
  return `Actions: recent evidence (dated in the last ${recencyMonths} months) supports Yes; only older evidence supports Have started; none supports No. Evidence prompts: recent evidence supports Yes, otherwise No. An action answered in parts is Yes when every part is, No when none is, and Have started otherwise.`;
}
