import type { AssessmentAnswer } from "~db/enums";

// How a line's answer moved between two assessments, in words, for the comparison. Plain data,
// safe in the browser (the model uses it too).

/** How a line's answer moved between two assessments. */
export const lineChanges = ["improved", "slipped", "gap", "unchanged"] as const;
export type LineChange = (typeof lineChanges)[number];

export const lineChangeLabels: Record<LineChange, string> = {
  improved: "Improved",
  slipped: "Slipped",
  gap: "Still a gap",
  unchanged: "Unchanged",
};

export const lineChangeHints: Record<LineChange, string> = {
  improved: "a better answer than before (No → Have started → Yes)",
  slipped: "a worse answer than before",
  gap: "No both times",
  unchanged: "the same answer both times (Yes or Have started)",
};

const rank: Record<AssessmentAnswer, number> = { no: 0, started: 1, yes: 2 };

/** Improved, slipped, still a gap (No both times) or unchanged. A missing answer counts as No. */
export function lineChange(earlier: AssessmentAnswer | null, later: AssessmentAnswer | null): LineChange {
  const before = rank[earlier ?? "no"];
  const after = rank[later ?? "no"];
  if (after > before) return "improved";
  if (after < before) return "slipped";
  return after === 0 ? "gap" : "unchanged";
}
