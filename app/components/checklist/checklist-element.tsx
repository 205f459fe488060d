import { Link } from "@remix-run/react";
import { SECTION, type ActionAnswer, type Element } from "~/checklist/section3";
import type { LineEvidence } from "~/evidence/answers";
import { AnswerBadge } from "./answer-badge";
import { CoverageCell } from "./coverage-cell";
import { FootnoteRef, Footnotes } from "./footnote";

export type LineCoverage = Record<string, LineEvidence & { answer: ActionAnswer }>;

/** One element of the section, laid out like the toolkit: the actions table, then the evidence table. */
export function ChecklistElement({
  element,
  lines,
  headingLevel = 2,
}: {
  element: Element;
  lines: LineCoverage;
  headingLevel?: 2 | 3;
}) {
  const Heading = `h${headingLevel}` as "h2" | "h3";
  return (
    <section aria-labelledby={`element-${element.code}`} className="checklist-element">
      <Heading id={`element-${element.code}`}>
        <Link to={`/checklist/${element.code}`}>{element.code}</Link> {element.question}
      </Heading>
      <div className="table-wrap">
        <table className="checklist-table">
          <caption className="visually-hidden">
            {SECTION.actionsHeading} for {element.code}
          </caption>
          <thead>
            <tr>
              <th scope="col">{SECTION.actionsHeading}</th>
              <th scope="col">Evidence</th>
              <th scope="col">Supported answer</th>
            </tr>
          </thead>
          <tbody>
            {element.actions.flatMap((action) =>
              action.lines.map((line, index) => (
                <tr key={line.code}>
                  <th scope="row">
                    {index === 0 ? (
                      <span className="checklist-question">
                        <Link to={`/checklist/${action.code}`}>{action.code}</Link> {action.question}
                        <FootnoteRef number={action.footnote} />
                      </span>
                    ) : null}
                    {line.part ? (
                      <span className="checklist-part">
                        <Link to={`/checklist/${line.code}`}>{line.part}</Link>
                      </span>
                    ) : null}
                  </th>
                  <td>
                    <CoverageCell evidence={lines[line.code]} />
                  </td>
                  <td>
                    <AnswerBadge answer={lines[line.code].answer} />
                  </td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </div>
      <div className="table-wrap">
        <table className="checklist-table">
          <caption className="visually-hidden">
            {SECTION.evidenceHeading} for {element.code}
          </caption>
          <thead>
            <tr>
              <th scope="col">{SECTION.evidenceHeading}</th>
              <th scope="col">Evidence</th>
              <th scope="col">Supported answer</th>
            </tr>
          </thead>
          {element.promptGroups.map((group) => (
            <tbody key={group.leadIn}>
              <tr className="lead-in">
                <th scope="colgroup" colSpan={3}>
                  <em>{group.leadIn}</em>
                </th>
              </tr>
              {group.lines.map((line) => (
                <tr key={line.code}>
                  <th scope="row">
                    <Link to={`/checklist/${line.code}`}>
                      <span className="visually-hidden">{line.code} </span>
                      {line.text}
                    </Link>
                  </th>
                  <td>
                    <CoverageCell evidence={lines[line.code]} />
                  </td>
                  <td>
                    <AnswerBadge answer={lines[line.code].answer} />
                  </td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
      <Footnotes numbers={element.actions.flatMap((a) => (a.footnote ? [a.footnote] : []))} />
    </section>
  );
}
