import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ChecklistElement } from "~/components/checklist/checklist-element";
import { PageHeader } from "~/components/page-header";
import { ELEMENTS, getLine, SECTION } from "~/checklist/section3";
import { answerRuleText } from "~/evidence/answers";
import { checklistCoverage } from "~/evidence/coverage.server";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Checklist · Partnership tracker" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return checklistCoverage();
}

export default function Checklist() {
  const { lines, evidenced, total, gaps, suggested, recencyMonths } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title={
          <>
            {SECTION.title}: <em>{SECTION.subtitle}</em>
          </>
        }
        actions={
          <>
            <Link to="/checklist/pack" className="button button--secondary">
              Evidence pack
            </Link>
            {suggested > 0 ? (
              <Link to="/evidence/suggestions" className="button">
                Review {suggested.toLocaleString("en-GB")} suggestion{suggested === 1 ? "" : "s"}
              </Link>
            ) : null}
          </>
        }
      >
        <p className="lede">
          Inspiring Learning for All, detailed checklist. Every line shows the evidence your records provide
          and the answer it supports.
        </p>
      </PageHeader>

      <section className="card summary" aria-labelledby="summary-title">
        <h2 id="summary-title" className="visually-hidden">
          Summary
        </h2>
        <p className="summary__figure">
          <strong>
            {evidenced} of {total}
          </strong>{" "}
          lines have evidence
        </p>
        <meter min={0} max={total} value={evidenced} aria-label="Lines with evidence">
          {evidenced} of {total}
        </meter>
        {gaps.length > 0 ? (
          <details>
            <summary>
              {gaps.length} gap{gaps.length === 1 ? "" : "s"}: lines with no evidence
            </summary>
            <ul className="plain-list">
              {gaps.map((code) => {
                const line = getLine(code)!;
                return (
                  <li key={code}>
                    <Link to={`/checklist/${code}`}>{code}</Link>{" "}
                    {line.kind === "prompt" ? `${line.leadIn} ${line.text}` : (line.part ?? "")}
                  </li>
                );
              })}
            </ul>
          </details>
        ) : (
          <p>Every line has evidence.</p>
        )}
        <p className="hint">{answerRuleText(recencyMonths)}</p>
      </section>

      {ELEMENTS.map((element) => (
        <ChecklistElement key={element.code} element={element} lines={lines} />
      ))}
      <p className="muted">{SECTION.note}</p>
    </>
  );
}
