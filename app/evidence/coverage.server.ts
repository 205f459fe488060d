import { ELEMENTS, LINES, type ActionAnswer } from "~/checklist/section3";
import { lineCoverage } from "~/models/evidence.server";
import { getSettings } from "~/models/settings.server";
import { combinedAnswer, supportedAnswer, type LineEvidence } from "./answers";

/** The whole section's evidence and supported answers, ready for a page: one grouped query. */
export function checklistCoverage(now = new Date()) {
  const coverage = lineCoverage(now);
  const lines: Record<string, LineEvidence & { answer: ActionAnswer }> = {};
  for (const line of LINES) {
    const evidence = coverage.get(line.code)!;
    lines[line.code] = { ...evidence, answer: supportedAnswer(line, evidence) };
  }
  const actions: Record<string, ActionAnswer> = {};
  for (const action of ELEMENTS.flatMap((e) => e.actions)) {
    actions[action.code] = combinedAnswer(action.lines.map((l) => lines[l.code].answer));
  }
  const evidenced = LINES.filter((l) => lines[l.code].confirmed > 0).length;
  const gaps = LINES.filter((l) => lines[l.code].confirmed === 0).map((l) => l.code);
  const suggested = LINES.reduce((sum, l) => sum + lines[l.code].suggested, 0);
  return {
    lines,
    actions,
    evidenced,
    total: LINES.length,
    gaps,
    suggested,
    recencyMonths: getSettings().evidenceRecencyMonths,
  };
}
