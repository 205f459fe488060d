// How the demographics report lays out each monitoring question: its rows, in order, with the
// ethnic groups nested under their census categories and the socio-economic answers under the
// Social Mobility Commission's backgrounds. Plain data, safe in the browser. The words themselves
// come from `~/utils/equality-labels`, shared with the monitoring form.
import {
  ageBands,
  disabilityAnswers,
  genderIdentities,
  monitoringQuestions,
  sexes,
  type MonitoringQuestion,
} from "~db/enums";
import {
  ethnicCategories,
  ethnicCategoryLabels,
  ethnicGroupsByCategory,
  ethnicGroupShortLabels,
  answerShortLabels,
  PREFER_NOT_TO_SAY,
  questionShortLabels,
  socioEconomicAnswersByGroup,
  socioEconomicGroupLabels,
  socioEconomicGroups,
  socioEconomicShortLabels,
} from "~/utils/equality-labels";

export { monitoringQuestions, type MonitoringQuestion };

/** The row for people with no monitoring record, or no answer to this question. */
export const NOT_RECORDED = "not_recorded";
export const PREFER_NOT = "prefer_not";

export const reportQuestionLabels: Record<MonitoringQuestion, string> = questionShortLabels;

/** A row of the report; a row with children is a category, its count the sum of theirs. */
export type LayoutRow = { key: string; label: string; children?: LayoutRow[] };

function answers(question: MonitoringQuestion, values: readonly string[]): LayoutRow[] {
  const labels = answerShortLabels[question] as Record<string, string>;
  return values.filter((v) => v !== PREFER_NOT).map((key) => ({ key, label: labels[key] ?? key }));
}

/** The categories a community profile can give a percentage for (no "prefer not to say" in a census). */
export const communityLayout: Record<MonitoringQuestion, LayoutRow[]> = {
  age_band: answers("age_band", ageBands),
  sex: answers("sex", sexes),
  gender_identity: answers("gender_identity", genderIdentities),
  ethnic_group: ethnicCategories.map((category) => ({
    key: category,
    label: ethnicCategoryLabels[category],
    children: ethnicGroupsByCategory[category].map((group) => ({
      key: group,
      label: ethnicGroupShortLabels[group],
    })),
  })),
  disability: answers("disability", disabilityAnswers),
  // A background with a single answer ("Other") is shown as that answer alone: a category with
  // one child would give the child's count away.
  socio_economic: socioEconomicGroups.map((group) => {
    const members = socioEconomicAnswersByGroup[group];
    if (members.length === 1) return { key: members[0], label: socioEconomicShortLabels[members[0]] };
    return {
      key: group,
      label: socioEconomicGroupLabels[group],
      children: members.map((answer) => ({ key: answer, label: socioEconomicShortLabels[answer] })),
    };
  }),
};

/** Every row of a question in the report: the community categories, then the two honest extras. */
export const reportLayout: Record<MonitoringQuestion, LayoutRow[]> = Object.fromEntries(
  monitoringQuestions.map((question) => [
    question,
    [
      ...communityLayout[question],
      { key: PREFER_NOT, label: PREFER_NOT_TO_SAY },
      { key: NOT_RECORDED, label: "Not recorded" },
    ],
  ]),
) as Record<MonitoringQuestion, LayoutRow[]>;

/** The community profile form's field for one row's percentage, e.g. "ethnic_group__asian_indian". */
export function percentField(question: MonitoringQuestion, key: string) {
  return `${question}__${key}`;
}

/** Every key a question's rows use (categories and answers), for checking a profile's values. */
export function layoutKeys(rows: LayoutRow[]): string[] {
  return rows.flatMap((row) => [row.key, ...layoutKeys(row.children ?? [])]);
}

/** The words for any row key of a question. */
export function rowLabel(question: MonitoringQuestion, key: string): string {
  const find = (rows: LayoutRow[]): string | undefined => {
    for (const row of rows) {
      if (row.key === key) return row.label;
      const inner = find(row.children ?? []);
      if (inner) return inner;
    }
    return undefined;
  };
  return find(reportLayout[question]) ?? key;
}
