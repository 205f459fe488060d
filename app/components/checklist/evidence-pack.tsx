import type { ReactNode } from "react";
import { getAction, type ChecklistLine, type Element } from "~/checklist/section3";
import { answerLabels, type LineEvidence } from "~/evidence/answers";
import { formatDate } from "~/utils/dates";
import type { ActionAnswer } from "~/checklist/section3";

export type PackItem = {
  id: number;
  kind: string;
  label: string;
  href: string | null;
  evidenceDate: string;
  note: string | null;
  reason: string | null;
  decidedByName: string | null;
};

/** One line of the pack: its wording, the supported answer, and its evidence as a table. */
export function PackLine({
  line,
  coverage,
  items,
  linkRecords = true,
  more = 0,
}: {
  line: ChecklistLine;
  coverage: LineEvidence & { answer: ActionAnswer };
  items: PackItem[];
  linkRecords?: boolean;
  more?: number;
}) {
  const action = line.kind === "action" ? getAction(line.actionCode)! : null;
  return (
    <section className="pack-line" aria-labelledby={`pack-${line.code}`}>
      <h3 id={`pack-${line.code}`}>
        {line.code}{" "}
        {line.kind === "prompt" ? (
          <>
            <em>{line.leadIn}</em> {line.text}
          </>
        ) : (
          <>
            {action!.question}
            {line.part ? <> — {line.part}</> : null}
          </>
        )}
      </h3>
      <p>
        Supported answer: <strong>{answerLabels[coverage.answer]}</strong> ·{" "}
        {coverage.confirmed === 0
          ? "no evidence"
          : `${coverage.confirmed.toLocaleString("en-GB")} item${coverage.confirmed === 1 ? "" : "s"} of evidence, ${coverage.recent.toLocaleString("en-GB")} recent`}
      </p>
      {items.length > 0 ? (
        <table className="pack-table">
          <thead>
            <tr>
              <th scope="col">Evidence</th>
              <th scope="col">Kind</th>
              <th scope="col">Dated</th>
              <th scope="col">How it shows this</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td>{linkRecords && item.href ? <a href={item.href}>{item.label}</a> : item.label}</td>
                <td>{item.kind}</td>
                <td>{formatDate(item.evidenceDate)}</td>
                <td>
                  {item.note ?? item.reason ?? ""}
                  {item.decidedByName ? (
                    <span className="muted"> (confirmed by {item.decidedByName})</span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {more > 0 ? (
        <p className="muted">…and {more.toLocaleString("en-GB")} more in the downloaded pack.</p>
      ) : null}
    </section>
  );
}

/** An element's heading, then its action lines, then its evidence prompts under their lead-ins. */
export function PackElement({
  element,
  children,
}: {
  element: Element;
  children: (line: ChecklistLine) => ReactNode;
}) {
  return (
    <section className="pack-element" aria-labelledby={`pack-element-${element.code}`}>
      <h2 id={`pack-element-${element.code}`}>
        {element.code} {element.question}
      </h2>
      <h3 className="pack-subheading">Actions</h3>
      {element.actions.flatMap((action) => action.lines).map((line) => children(line))}
      <h3 className="pack-subheading">Evidence of good practice processes and outcomes</h3>
      {element.promptGroups.flatMap((group) => group.lines).map((line) => children(line))}
    </section>
  );
}
