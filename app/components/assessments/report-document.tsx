import { SECTION, type ChecklistLine } from "~/checklist/section3";
import { formatDate } from "~/utils/dates";
import { answerCounts, type ReportAnswer } from "./report";

// The printable report's own parts, around the toolkit's tables (report.tsx): its opening and the
// action plan. Kept apart so that the assessment's page, which shows the tables, does not load them.

export type PlanRow = {
  id: number;
  description: string;
  ownerName: string;
  dueDate: string | null;
  status: "open" | "done";
  lineCode: string | null;
};

/** The action plan: what will be done, by whom, by when, for which line, and whether it is done. */
export function PlanTable({ plan, origin = "" }: { plan: PlanRow[]; origin?: string }) {
  return (
    <div className="table-wrap">
      <table className="report-table">
        <caption className="visually-hidden">The action plan</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Action</th>
            <th scope="col">Owner</th>
            <th scope="col">Due</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {plan.map((row) => (
            <tr key={row.id}>
              <td>
                {row.lineCode ? <a href={`${origin}/checklist/${row.lineCode}`}>{row.lineCode}</a> : null}
              </td>
              <td>{row.description}</td>
              <td>{row.ownerName}</td>
              <td>{row.dueDate ? formatDate(row.dueDate) : "No date"}</td>
              <td>{row.status === "done" ? "Done" : "Open"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export type ReportHeader = {
  title: string;
  heldOn: string;
  participants: string | null;
  finishedAt: Date | string | null;
  finishedByName: string | null;
  checklistVersion: string;
};

/** The report's opening: the toolkit and section, the organisation, the assessment and its answers in figures. */
export function ReportIntro({
  assessment,
  organisation,
  answers,
  lines,
  changed,
}: {
  assessment: ReportHeader;
  organisation: string;
  answers: Record<string, ReportAnswer>;
  lines: ChecklistLine[];
  changed: number;
}) {
  const counts = answerCounts(answers, lines);
  return (
    <div className="report-intro">
      <p className="report-intro__toolkit">
        {SECTION.toolkit}: {SECTION.toolkitSubtitle}. {SECTION.checklistTitle}.
      </p>
      <p className="report-intro__section">
        <strong>{SECTION.title}</strong>: {SECTION.subtitle}
      </p>
      <dl className="details report-intro__details">
        {organisation ? (
          <div className="details__row">
            <dt>Organisation</dt>
            <dd>{organisation}</dd>
          </div>
        ) : null}
        <div className="details__row">
          <dt>Assessment</dt>
          <dd>{assessment.title}</dd>
        </div>
        <div className="details__row">
          <dt>Held on</dt>
          <dd>{formatDate(assessment.heldOn)}</dd>
        </div>
        <div className="details__row">
          <dt>Who took part</dt>
          <dd className="report-intro__participants">{assessment.participants || "Not recorded"}</dd>
        </div>
        <div className="details__row">
          <dt>Finished</dt>
          <dd>
            {assessment.finishedAt ? formatDate(assessment.finishedAt) : "Not finished"}
            {assessment.finishedByName ? ` by ${assessment.finishedByName}` : ""}
          </dd>
        </div>
      </dl>
      <p>
        Actions ({counts.actionLines} lines): {counts.actions.yes} Yes, {counts.actions.started} Have started,{" "}
        {counts.actions.no} No. Evidence prompts ({counts.promptLines}): {counts.prompts.yes} Yes,{" "}
        {counts.prompts.no} No. {changed} line{changed === 1 ? "" : "s"} answered differently from what the
        evidence supported.
      </p>
      <p className="muted">
        The evidence listed under each line is the copy kept when the assessment was finished. {SECTION.note}
      </p>
    </div>
  );
}
