import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { AssessmentAnswer } from "~db/enums";
import { SECTION, lineLabel, type ChecklistLine, type Element } from "~/checklist/section3";
import { AnswerBadge } from "~/components/checklist/answer-badge";
import { FootnoteRef, Footnotes } from "~/components/checklist/footnote";
import { ErrorSummary, FormState, MarkOptional, TextAreaField } from "~/components/form";
import { formatDate, formatDateTime } from "~/utils/dates";
import type { FormFailure } from "~/utils/forms.server";
import { assessmentAnswerLabels } from "./words";

// One element of an assessment in progress, as a form laid out like the toolkit: the actions
// table with Yes / Have started / No per line, the evidence table under its lead-ins with Yes / No
// and Areas for Improvement, a comments box under every line, and beside each line what the
// evidence supports. The field names follow app/forms/assessments.server.ts.

export type EditableAnswer = {
  supported: AssessmentAnswer;
  answer: AssessmentAnswer | null;
  areasForImprovement: string | null;
  comments: string | null;
  updatedAt: Date | string | null;
  updatedByName: string | null;
  fingerprint: string;
};

export type LineEvidence = {
  count: number;
  newest: string | null;
  supportedNow: AssessmentAnswer | null;
  suggested: number;
  items: {
    key: string;
    kind: string;
    label: string;
    href: string | null;
    evidenceDate: string;
  }[];
};

type Props = {
  element: Element;
  answers: Record<string, EditableAnswer>;
  evidence: Record<string, LineEvidence>;
  failure?: FormFailure;
  /** The element after this one, for "Save and go on". */
  next?: Element;
};

const ACTION_CHOICES: AssessmentAnswer[] = ["yes", "started", "no"];
const PROMPT_CHOICES: AssessmentAnswer[] = ["yes", "no"];

export function AnswerElementForm({ element, answers, evidence, failure, next }: Props) {
  const headingId = `element-${element.code}`;
  return (
    <section className="assessment-element" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {element.code} {element.question}
      </h2>
      <FormState failure={failure}>
        <ErrorSummary />
        <MarkOptional value={false}>
          <Form method="post" aria-labelledby={headingId} className="assessment-form">
            <div className="table-wrap">
              <table className="answer-table">
                <caption className="visually-hidden">
                  {SECTION.actionsHeading} for {element.code}: answer Yes, Have started or No
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{SECTION.actionsHeading}</th>
                    <th scope="col" className="answer-table__choice">
                      Yes
                    </th>
                    <th scope="col" className="answer-table__choice">
                      Have started
                    </th>
                    <th scope="col" className="answer-table__choice">
                      No
                    </th>
                    <th scope="col">What the evidence supports</th>
                  </tr>
                </thead>
                {element.actions.map((action) => {
                  const parts = action.lines[0].part !== null;
                  return (
                    <tbody key={action.code}>
                      {parts ? (
                        <tr className="answer-table__question">
                          <th scope="colgroup" colSpan={5}>
                            {action.code} {action.question}
                            <FootnoteRef number={action.footnote} />
                          </th>
                        </tr>
                      ) : null}
                      {action.lines.map((line) => (
                        <LineRows
                          key={line.code}
                          line={line}
                          heading={
                            parts ? (
                              <span className="checklist-part">
                                <span className="visually-hidden">{line.code} </span>
                                {line.part}
                              </span>
                            ) : (
                              <span className="checklist-question">
                                {action.code} {action.question}
                                <FootnoteRef number={action.footnote} />
                              </span>
                            )
                          }
                          choices={ACTION_CHOICES}
                          answer={answers[line.code]}
                          evidence={evidence[line.code]}
                          failure={failure}
                        />
                      ))}
                    </tbody>
                  );
                })}
              </table>
            </div>

            <div className="table-wrap">
              <table className="answer-table">
                <caption className="visually-hidden">
                  {SECTION.evidenceHeading} for {element.code}: answer Yes or No, with areas for improvement
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{SECTION.evidenceHeading}</th>
                    <th scope="col" className="answer-table__choice">
                      Yes
                    </th>
                    <th scope="col" className="answer-table__choice">
                      No
                    </th>
                    <th scope="col">{SECTION.areasForImprovement}</th>
                    <th scope="col">What the evidence supports</th>
                  </tr>
                </thead>
                {element.promptGroups.map((group) => (
                  <tbody key={group.leadIn}>
                    <tr className="lead-in">
                      <th scope="colgroup" colSpan={5}>
                        <em>{group.leadIn}</em>
                      </th>
                    </tr>
                    {group.lines.map((line) => (
                      <LineRows
                        key={line.code}
                        line={line}
                        heading={
                          <>
                            <span className="visually-hidden">{line.code} </span>
                            {line.text}
                          </>
                        }
                        choices={PROMPT_CHOICES}
                        answer={answers[line.code]}
                        evidence={evidence[line.code]}
                        failure={failure}
                      />
                    ))}
                  </tbody>
                ))}
              </table>
            </div>
            <Footnotes numbers={element.actions.flatMap((a) => (a.footnote ? [a.footnote] : []))} />
            <div className="button-row">
              <button type="submit" name="intent" value={`save-${element.code}`} className="button">
                Save element {element.code}
              </button>
              {next ? (
                <button
                  type="submit"
                  name="intent"
                  value={`save-${element.code}:next`}
                  className="button button--secondary"
                >
                  Save and go on to {next.code}
                </button>
              ) : null}
              <span className="hint">Saves the answers, areas for improvement and comments above.</span>
            </div>
          </Form>
        </MarkOptional>
      </FormState>
    </section>
  );
}

function submittedText(failure: FormFailure | undefined, name: string): string | undefined {
  const value = failure?.values[name];
  return typeof value === "string" ? value : undefined;
}

/** A line's row (its words, the answer radios, areas for improvement, the evidence) and its comments row. */
function LineRows({
  line,
  heading,
  choices,
  answer,
  evidence,
  failure,
}: {
  line: ChecklistLine;
  heading: ReactNode;
  choices: AssessmentAnswer[];
  answer: EditableAnswer;
  evidence: LineEvidence;
  failure?: FormFailure;
}) {
  const name = `answer-${line.code}`;
  const chosen = failure ? (submittedText(failure, name) ?? "") : (answer.answer ?? "");
  const error = failure?.errors[name]?.[0];
  const label = lineLabel(line);
  return (
    <>
      <tr className={error ? "answer-table__line answer-table__line--error" : "answer-table__line"}>
        <th scope="row" id={`field-${name}`}>
          {heading}
          {error ? (
            <p className="field-error" id={`field-${name}-error`}>
              <span className="visually-hidden">Error: </span>
              {error}
            </p>
          ) : null}
        </th>
        {choices.map((choice) => {
          const id = `field-${name}-${choice}`;
          return (
            <td key={choice} className="answer-table__choice">
              <input
                type="radio"
                id={id}
                name={name}
                value={choice}
                defaultChecked={chosen === choice}
                aria-describedby={error ? `field-${name}-error` : undefined}
              />
              <label htmlFor={id}>
                <span className="visually-hidden">{label}: </span>
                <span className="answer-choice__word">{assessmentAnswerLabels[choice]}</span>
              </label>
            </td>
          );
        })}
        {line.kind === "prompt" ? (
          <td className="answer-table__areas">
            <TextAreaField
              name={`areas-${line.code}`}
              label={
                <span className="visually-hidden">
                  {SECTION.areasForImprovement}: {label}
                </span>
              }
              defaultValue={answer.areasForImprovement}
              rows={3}
            />
          </td>
        ) : null}
        <td className="answer-table__evidence">
          <EvidenceSummary line={line} answer={answer} evidence={evidence} />
        </td>
      </tr>
      <tr className="answer-table__notes">
        <td colSpan={5}>
          <TextAreaField
            name={`comments-${line.code}`}
            label={
              <>
                Comments<span className="visually-hidden"> on {label}</span>
              </>
            }
            defaultValue={answer.comments}
            rows={2}
          />
          <input
            type="hidden"
            name={`seen-${line.code}`}
            value={submittedText(failure, `seen-${line.code}`) ?? answer.fingerprint}
          />
          <p className="muted answer-table__who">
            {answer.updatedAt ? (
              <>
                Last changed by {answer.updatedByName ?? "a former user"} on{" "}
                {formatDateTime(answer.updatedAt)}
              </>
            ) : (
              "Pre-filled from the evidence; not yet saved by the team."
            )}
          </p>
        </td>
      </tr>
    </>
  );
}

/** What the evidence supports, how much there is and how new, the newest items, and where to see it all. */
export function EvidenceSummary({
  line,
  answer,
  evidence,
}: {
  line: ChecklistLine;
  answer: Pick<EditableAnswer, "supported" | "answer">;
  evidence: LineEvidence;
}) {
  const changed = answer.answer !== null && answer.answer !== answer.supported;
  return (
    <div className="line-evidence">
      <p>
        Supports: <AnswerBadge answer={answer.supported} />
        {changed ? (
          <>
            {" "}
            <span className="badge badge--warn">Changed from the evidence</span>
          </>
        ) : null}
      </p>
      {evidence.supportedNow && evidence.supportedNow !== answer.supported ? (
        <p className="hint">
          Since the assessment started, the evidence now supports{" "}
          <strong>{assessmentAnswerLabels[evidence.supportedNow]}</strong>.
        </p>
      ) : null}
      <p className="line-evidence__count">
        {evidence.count === 0
          ? "No evidence yet"
          : `${evidence.count.toLocaleString("en-GB")} item${evidence.count === 1 ? "" : "s"}${
              evidence.newest ? `, newest ${formatDate(evidence.newest)}` : ""
            }`}
        {evidence.suggested > 0 ? <span className="muted"> · {evidence.suggested} suggested</span> : null}
      </p>
      {evidence.items.length > 0 ? (
        <ul className="line-evidence__items">
          {evidence.items.map((item) => (
            <li key={item.key}>
              {item.href ? <Link to={item.href}>{item.label}</Link> : item.label}{" "}
              <span className="muted">
                ({item.kind}, {formatDate(item.evidenceDate)})
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="line-evidence__links">
        <Link to={`/checklist/${line.code}`}>
          All evidence<span className="visually-hidden"> for {line.code}</span>
        </Link>
        {" · "}
        <Link to={`/checklist/${line.code}/attach`}>
          Attach a record<span className="visually-hidden"> to {line.code}</span>
        </Link>
      </p>
    </div>
  );
}
