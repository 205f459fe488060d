import type { ReactNode } from "react";
import type { AssessmentAnswer } from "~db/enums";
import {
  FOOTNOTES,
  SECTION,
  type Action,
  type ChecklistLine,
  type Element,
  type PromptGroup,
} from "~/checklist/section3";
import { formatDate } from "~/utils/dates";
import { assessmentAnswerLabels } from "./words";

// The assessment laid out like the toolkit's own tables, read-only: the answer ticked in its
// column, areas for improvement, and under each line the evidence it relied on and the comments.
// Shared by the finished assessment's page, the printable report and the downloaded file, so it
// uses plain links (no router) and takes an `origin` to make them absolute in the file.

export type ReportAnswer = {
  answer: AssessmentAnswer | null;
  areasForImprovement: string | null;
  comments: string | null;
};

export type ReportItem = {
  key: string;
  kind: string;
  label: string;
  href: string | null;
  evidenceDate: string;
  note: string | null;
};

export type ReportEvidence = { count: number; items: ReportItem[] };

type LineData = {
  answers: Record<string, ReportAnswer>;
  evidence: Record<string, ReportEvidence>;
  origin?: string;
  /** Said under a line whose evidence is not all listed. */
  moreNote?: (hidden: number) => ReactNode;
};

const ACTION_CHOICES: AssessmentAnswer[] = ["yes", "started", "no"];
const PROMPT_CHOICES: AssessmentAnswer[] = ["yes", "no"];

function Tick({ chosen, answer }: { chosen: boolean; answer: AssessmentAnswer }) {
  return (
    <td className="tick">
      {chosen ? (
        <>
          <span aria-hidden="true">✓</span>
          <span className="visually-hidden">{assessmentAnswerLabels[answer]}</span>
        </>
      ) : null}
    </td>
  );
}

function Footnote({ number }: { number?: number }) {
  if (!number) return null;
  return (
    <sup>
      <a href={`#report-footnote-${number}`} aria-label={`footnote ${number}`}>
        {number}
      </a>
    </sup>
  );
}

/** The evidence a line relied on (kind, name, date) and the team's comments, under the line. */
function References({ line, colSpan, data }: { line: ChecklistLine; colSpan: number; data: LineData }) {
  const evidence = data.evidence[line.code] ?? { count: 0, items: [] };
  const comments = data.answers[line.code]?.comments;
  const hidden = evidence.count - evidence.items.length;
  return (
    <tr className="report-refs">
      <td colSpan={colSpan}>
        <p className="report-refs__title">
          Evidence for {line.code}
          {evidence.count > 0
            ? ` (${evidence.count.toLocaleString("en-GB")} item${evidence.count === 1 ? "" : "s"})`
            : ""}
          :
        </p>
        {evidence.items.length === 0 ? (
          <p className="muted">None recorded.</p>
        ) : (
          <ul className="report-refs__list">
            {evidence.items.map((item) => (
              <li key={item.key}>
                {item.kind}:{" "}
                {item.href ? <a href={`${data.origin ?? ""}${item.href}`}>{item.label}</a> : item.label},{" "}
                {formatDate(item.evidenceDate)}
                {item.note ? <span className="muted"> — {item.note}</span> : null}
              </li>
            ))}
          </ul>
        )}
        {hidden > 0 && data.moreNote ? <p className="muted">{data.moreNote(hidden)}</p> : null}
        {comments ? (
          <p className="report-refs__comments">
            <strong>Comments:</strong> {comments}
          </p>
        ) : null}
      </td>
    </tr>
  );
}

export function ActionsHead() {
  return (
    <thead>
      <tr>
        <th scope="col">{SECTION.actionsHeading}</th>
        <th scope="col" className="tick">
          Yes
        </th>
        <th scope="col" className="tick">
          Have started
        </th>
        <th scope="col" className="tick">
          No
        </th>
      </tr>
    </thead>
  );
}

/** One action: its question, then each line (the action itself, or its parts) with the answer ticked. */
export function ActionBody({ action, data }: { action: Action; data: LineData }) {
  const parts = action.lines[0].part !== null;
  return (
    <tbody>
      {parts ? (
        <tr className="report-question">
          <th scope="colgroup" colSpan={4}>
            {action.code} {action.question}
            <Footnote number={action.footnote} />
          </th>
        </tr>
      ) : null}
      {action.lines.flatMap((line) => {
        const answer = data.answers[line.code]?.answer ?? null;
        return [
          <tr key={line.code}>
            <th scope="row" className={parts ? "report-part" : undefined}>
              {parts ? (
                <>
                  <span className="visually-hidden">{line.code} </span>
                  {line.part}
                </>
              ) : (
                <>
                  {action.code} {action.question}
                  <Footnote number={action.footnote} />
                </>
              )}
            </th>
            {ACTION_CHOICES.map((choice) => (
              <Tick key={choice} chosen={answer === choice} answer={choice} />
            ))}
          </tr>,
          <References key={`${line.code}-refs`} line={line} colSpan={4} data={data} />,
        ];
      })}
    </tbody>
  );
}

export function PromptsHead() {
  return (
    <thead>
      <tr>
        <th scope="col">{SECTION.evidenceHeading}</th>
        <th scope="col" className="tick">
          Yes
        </th>
        <th scope="col" className="tick">
          No
        </th>
        <th scope="col">{SECTION.areasForImprovement}</th>
      </tr>
    </thead>
  );
}

/** A lead-in ("Have you:") and its prompts, each with Yes or No ticked and its areas for improvement. */
export function PromptGroupBody({ group, data }: { group: PromptGroup; data: LineData }) {
  return (
    <tbody>
      <tr className="lead-in">
        <th scope="colgroup" colSpan={4}>
          <em>{group.leadIn}</em>
        </th>
      </tr>
      {group.lines.flatMap((line) => {
        const answer = data.answers[line.code];
        return [
          <tr key={line.code}>
            <th scope="row">
              <span className="visually-hidden">{line.code} </span>
              {line.text}
            </th>
            {PROMPT_CHOICES.map((choice) => (
              <Tick key={choice} chosen={answer?.answer === choice} answer={choice} />
            ))}
            <td className="report-areas">{answer?.areasForImprovement ?? ""}</td>
          </tr>,
          <References key={`${line.code}-refs`} line={line} colSpan={4} data={data} />,
        ];
      })}
    </tbody>
  );
}

export function ElementFootnotes({ element }: { element: Element }) {
  const numbers = element.actions.flatMap((a) => (a.footnote ? [a.footnote] : []));
  if (numbers.length === 0) return null;
  return (
    <ol className="footnotes" aria-label={`Footnotes to ${element.code}`}>
      {numbers.map((n) => (
        <li key={n} id={`report-footnote-${n}`} value={n}>
          {FOOTNOTES[n]}
        </li>
      ))}
    </ol>
  );
}

/** One element as the toolkit lays it out: its question, the actions table, the evidence table. */
export function ReportElement({
  element,
  data,
  headingLevel = 2,
}: {
  element: Element;
  data: LineData;
  headingLevel?: 2 | 3;
}) {
  const Heading = `h${headingLevel}` as "h2" | "h3";
  return (
    <section className="report-element" aria-labelledby={`report-element-${element.code}`}>
      <Heading id={`report-element-${element.code}`}>
        {element.code} {element.question}
      </Heading>
      <div className="table-wrap">
        <table className="report-table">
          <caption className="visually-hidden">
            {SECTION.actionsHeading} for {element.code}
          </caption>
          <ActionsHead />
          {element.actions.map((action) => (
            <ActionBody key={action.code} action={action} data={data} />
          ))}
        </table>
      </div>
      <div className="table-wrap">
        <table className="report-table">
          <caption className="visually-hidden">
            {SECTION.evidenceHeading} for {element.code}
          </caption>
          <PromptsHead />
          {element.promptGroups.map((group) => (
            <PromptGroupBody key={group.leadIn} group={group} data={data} />
          ))}
        </table>
      </div>
      <ElementFootnotes element={element} />
    </section>
  );
}

/** Counts of the answers, for the report's opening summary. */
export function answerCounts(answers: Record<string, ReportAnswer>, lines: ChecklistLine[]) {
  const count = (kind: ChecklistLine["kind"], answer: AssessmentAnswer) =>
    lines.filter((l) => l.kind === kind && answers[l.code]?.answer === answer).length;
  return {
    actions: { yes: count("action", "yes"), started: count("action", "started"), no: count("action", "no") },
    prompts: { yes: count("prompt", "yes"), no: count("prompt", "no") },
    actionLines: lines.filter((l) => l.kind === "action").length,
    promptLines: lines.filter((l) => l.kind === "prompt").length,
  };
}
