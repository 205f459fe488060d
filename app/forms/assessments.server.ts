import { z } from "zod";
import { ELEMENTS, LINES, getElement, type ChecklistLine, type Element } from "~/checklist/section3";
import {
  defineForm,
  type FormOutput,
  type FormSchema,
  oneOf,
  optionalDay,
  optionalId,
  optionalText,
  requiredDay,
  requiredText,
} from "~/utils/forms.server";
import { listQuery, optionalId as optionalQueryId } from "~/utils/list-query.server";

/** Starting an assessment, or correcting its title, date and who took part while it is in progress. */
export const assessmentForm = defineForm({
  title: requiredText("a title for the assessment", 200),
  heldOn: requiredDay("the date of the assessment"),
  participants: optionalText(2000),
});
export type AssessmentInput = FormOutput<typeof assessmentForm>;

// ---------------------------------------------------------------------------------------------
// Answering: one form per element, every line's fields named after its code.

export const answerField = (code: string) => `answer-${code}`;
export const areasField = (code: string) => `areas-${code}`;
export const commentsField = (code: string) => `comments-${code}`;
/** What the line looked like when the form was loaded, so only lines a person changed are written. */
export const seenField = (code: string) => `seen-${code}`;

const actionAnswers = ["yes", "started", "no"] as const;
const promptAnswers = ["yes", "no"] as const;

function lineFields(line: ChecklistLine): Record<string, z.ZodTypeAny> {
  const fields: Record<string, z.ZodTypeAny> = {
    [answerField(line.code)]:
      line.kind === "action"
        ? oneOf(actionAnswers, `Choose Yes, Have started or No for ${line.code}.`)
        : oneOf(promptAnswers, `Choose Yes or No for ${line.code}.`),
    [commentsField(line.code)]: optionalText(5000),
    [seenField(line.code)]: z.string().max(100).optional(),
  };
  if (line.kind === "prompt") fields[areasField(line.code)] = optionalText(5000);
  return fields;
}

const elementLines = (element: Element): ChecklistLine[] => [
  ...element.actions.flatMap((a) => a.lines),
  ...element.promptGroups.flatMap((g) => g.lines),
];

const elementForms = new Map<string, FormSchema<Record<string, z.ZodTypeAny>>>(
  ELEMENTS.map((element) => [
    element.code,
    defineForm(Object.assign({}, ...elementLines(element).map(lineFields)) as Record<string, z.ZodTypeAny>),
  ]),
);

/** The form for one element's answers (3.1, 3.2 or 3.3), or undefined for an unknown element. */
export function elementAnswersForm(elementCode: string) {
  return elementForms.get(elementCode);
}

export type AnswerInput = {
  lineCode: string;
  answer: "yes" | "started" | "no";
  areasForImprovement: string | null;
  comments: string | null;
  /** The fingerprint of the line as the person saw it; undefined when the form did not say. */
  seen: string | undefined;
};

/** The element form's values as one answer per line. */
export function elementAnswers(elementCode: string, form: Record<string, unknown>): AnswerInput[] {
  const element = getElement(elementCode);
  if (!element) return [];
  return elementLines(element).map((line) => ({
    lineCode: line.code,
    answer: form[answerField(line.code)] as AnswerInput["answer"],
    areasForImprovement:
      line.kind === "prompt" ? ((form[areasField(line.code)] as string | undefined) ?? null) : null,
    comments: (form[commentsField(line.code)] as string | undefined) ?? null,
    seen: form[seenField(line.code)] as string | undefined,
  }));
}

// ---------------------------------------------------------------------------------------------
// The action plan: an action for one line, its fields named after the form's key (a line's code,
// or "any" for the form where the line is chosen from a list).

export const planFields = (key: string) => ({
  description: `description-${key}`,
  owner: `owner-${key}`,
  due: `due-${key}`,
  line: `line-${key}`,
});

const lineCodes = LINES.map((l) => l.code) as [string, ...string[]];

export type PlanActionInput = {
  lineCode: string;
  description: string;
  ownerId: number;
  dueDate: string | null;
};

/**
 * The form adding one action to the plan. `key` is the line's code, or "any" (then the line is a
 * field). The owner must be one of `ownerIds`, the active users.
 */
export function planActionForm(key: string, ownerIds: readonly number[]) {
  const names = planFields(key);
  const allowed = new Set(ownerIds);
  const shape: Record<string, z.ZodTypeAny> = {
    [names.description]: requiredText("what needs to be done", 1000),
    [names.owner]: optionalId("Choose who will do it from the list."),
    [names.due]: optionalDay(),
  };
  if (key === "any") shape[names.line] = oneOf(lineCodes, "Choose the checklist line it improves.");
  return defineForm(shape, (form, addError) => {
    const owner = form[names.owner] as number | undefined;
    if (owner === undefined) addError(names.owner, "Choose who will do it.");
    else if (!allowed.has(owner))
      addError(names.owner, "Choose who will do it from the list of active users.");
  });
}

export function planAction(key: string, form: Record<string, unknown>): PlanActionInput {
  const names = planFields(key);
  return {
    lineCode: key === "any" ? (form[names.line] as string) : key,
    description: form[names.description] as string,
    ownerId: form[names.owner] as number,
    dueDate: (form[names.due] as string | undefined) ?? null,
  };
}

/** `/assessments/compare?a=1&b=2`: anything not an id is ignored. */
export const compareQuery = z.object({
  a: optionalQueryId(),
  b: optionalQueryId(),
});

/** The list of assessments: newest first, a page at a time. */
export const assessmentListQuery = listQuery({}, ["held"] as const);
