import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AnswerBadge } from "~/components/checklist/answer-badge";
import { ChecklistElement } from "~/components/checklist/checklist-element";
import { CoverageCell } from "~/components/checklist/coverage-cell";
import { FootnoteRef, Footnotes } from "~/components/checklist/footnote";
import { PageHeader } from "~/components/page-header";
import { PageNotice } from "~/components/page-notice";
import { getAction, getElement, getLine, lineLabel } from "~/checklist/section3";
import { answerRuleText } from "~/evidence/answers";
import { checklistCoverage } from "~/evidence/coverage.server";
import { rulesForLine } from "~/evidence/rules.server";
import { newestEvidenceForLine } from "~/models/evidence.server";
import { recordKindLabels } from "~/utils/record-kinds";
import { useCanEdit } from "~/utils/app-user";
import { requireUser } from "~/utils/auth.server";
import { formatDate } from "~/utils/dates";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.code ?? "Checklist"} · Checklist · Partnership tracker` },
];

const SHOWN = 50;

/** A page for each element (3.1), action (3.1.2) and answerable line (3.1.2a, 3.1.3, 3.1.E3). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const code = params.code ?? "";
  const coverage = checklistCoverage();
  if (getElement(code)) return { kind: "element" as const, code, coverage };
  const line = getLine(code);
  const action = getAction(code);
  if (action && !line) return { kind: "action" as const, code, coverage };
  if (!line) notFound();
  return {
    kind: "line" as const,
    code,
    // Only this line's part of the coverage: the page shows nothing of the other lines.
    coverage: coverage.lines[code],
    recencyMonths: coverage.recencyMonths,
    evidence: newestEvidenceForLine(code, SHOWN),
    hints: rulesForLine(code),
  };
}

export default function ChecklistCodePage() {
  const data = useLoaderData<typeof loader>();
  const crumbs = [{ to: "/checklist", label: "Checklist" }];
  if (data.kind === "element") {
    const element = getElement(data.code)!;
    return (
      <>
        <PageHeader title={`Element ${element.code}`} crumbs={crumbs} />
        <ChecklistElement element={element} lines={data.coverage.lines} />
      </>
    );
  }
  if (data.kind === "action") {
    const action = getAction(data.code)!;
    return (
      <>
        <PageHeader
          title={`Action ${action.code}`}
          crumbs={[...crumbs, { to: `/checklist/${action.elementCode}`, label: action.elementCode }]}
        >
          <p className="lede">
            {action.question}
            <FootnoteRef number={action.footnote} />
          </p>
        </PageHeader>
        <p>
          This action is answered in parts. Together they support:{" "}
          <AnswerBadge answer={data.coverage.actions[action.code]} />
        </p>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Part</th>
                <th scope="col">Evidence</th>
                <th scope="col">Supported answer</th>
              </tr>
            </thead>
            <tbody>
              {action.lines.map((line) => (
                <tr key={line.code}>
                  <th scope="row">
                    <Link to={`/checklist/${line.code}`}>
                      {line.code} {line.part}
                    </Link>
                  </th>
                  <td>
                    <CoverageCell evidence={data.coverage.lines[line.code]} />
                  </td>
                  <td>
                    <AnswerBadge answer={data.coverage.lines[line.code].answer} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Footnotes numbers={action.footnote ? [action.footnote] : []} />
      </>
    );
  }
  return <LinePage />;
}

function LinePage() {
  const data = useLoaderData<typeof loader>();
  const canEdit = useCanEdit();
  if (data.kind !== "line") return null;
  const line = getLine(data.code)!;
  const action = line.kind === "action" ? getAction(line.actionCode)! : null;
  const coverage = data.coverage;
  const byKind = new Map<string, typeof data.evidence>();
  for (const item of data.evidence) {
    const list = byKind.get(item.recordType) ?? [];
    list.push(item);
    byKind.set(item.recordType, list);
  }
  const crumbs = [
    { to: "/checklist", label: "Checklist" },
    { to: `/checklist/${line.elementCode}`, label: line.elementCode },
    ...(action && action.lines.length > 1 ? [{ to: `/checklist/${action.code}`, label: action.code }] : []),
  ];
  return (
    <>
      <PageHeader
        title={lineLabel(line)}
        crumbs={crumbs}
        actions={
          canEdit ? (
            <Link to={`/checklist/${line.code}/attach`} className="button">
              Attach a record
            </Link>
          ) : null
        }
      >
        <div className="card wording">
          {line.kind === "prompt" ? (
            <p>
              <em>{line.leadIn}</em> {line.text}
            </p>
          ) : (
            <p>
              {action!.code} {action!.question}
              <FootnoteRef number={action!.footnote} />
              {line.part ? (
                <>
                  <br />
                  <strong>Part: {line.part}</strong>
                </>
              ) : null}
            </p>
          )}
          <p className="muted">
            {line.kind === "prompt"
              ? "Answered Yes or No, with areas for improvement."
              : "Answered Yes, Have started or No."}
          </p>
        </div>
      </PageHeader>
      {action?.footnote ? <Footnotes numbers={[action.footnote]} /> : null}
      <PageNotice messages={{ attached: "The record has been attached as evidence for this line." }} />

      <section className="card" aria-labelledby="support-title">
        <h2 id="support-title">What the evidence supports</h2>
        <p>
          <AnswerBadge answer={coverage.answer} /> <CoverageCell evidence={coverage} />
        </p>
        {coverage.suggested > 0 ? (
          <p>
            <Link to={`/evidence/suggestions?line=${encodeURIComponent(line.code)}`}>
              Review {coverage.suggested} suggested record{coverage.suggested === 1 ? "" : "s"} for this line
            </Link>
          </p>
        ) : null}
        <p className="hint">{answerRuleText(data.recencyMonths)}</p>
      </section>

      {coverage.recent === 0 ? (
        <section className="card" aria-labelledby="missing-title">
          <h2 id="missing-title">What is missing</h2>
          <p>
            {coverage.confirmed === 0
              ? "There is no confirmed evidence for this line yet."
              : `There is no evidence dated in the last ${data.recencyMonths} months.`}
          </p>
          {data.hints.length > 0 ? (
            <>
              <p>Records like these are suggested for it as you work:</p>
              <ul>
                {data.hints.map((hint) => (
                  <li key={`${hint.recordType}-${hint.why}`}>
                    <strong>{recordKindLabels[hint.recordType] ?? hint.recordType}</strong>: {hint.why}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>
              Attach a record that shows it (a meeting, a review, a project, a benefit…), with a note saying
              how.
            </p>
          )}
        </section>
      ) : null}

      <section aria-labelledby="evidence-title">
        <h2 id="evidence-title">Evidence</h2>
        {data.evidence.length === 0 ? (
          <p className="muted">No confirmed evidence.</p>
        ) : (
          [...byKind.entries()].map(([type, items]) => (
            <section key={type} aria-labelledby={`kind-${type}`}>
              <h3 id={`kind-${type}`}>
                {recordKindLabels[type] ?? type} ({items.length})
              </h3>
              <ul className="plain-list evidence-list">
                {items.map((item) => (
                  <li key={item.id}>
                    {item.record ? (
                      <Link to={item.record.href}>{item.record.label}</Link>
                    ) : (
                      <span className="muted">A record that no longer exists</span>
                    )}{" "}
                    <span className="muted">· {formatDate(item.evidenceDate)}</span>
                    {item.note ? (
                      <p className="evidence-note">{item.note}</p>
                    ) : item.reason ? (
                      <p className="evidence-note muted">{item.reason}</p>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          ))
        )}
        {coverage.confirmed > data.evidence.length ? (
          <p className="muted">
            Showing the newest {data.evidence.length.toLocaleString("en-GB")} of{" "}
            {coverage.confirmed.toLocaleString("en-GB")} items. The{" "}
            <Link to={`/checklist/pack?element=${line.elementCode}`}>evidence pack</Link> lists them for
            handing to an assessor.
          </p>
        ) : null}
      </section>
    </>
  );
}
