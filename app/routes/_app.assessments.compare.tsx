import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ComparisonBars, type BarRow } from "~/components/assessments/comparison-bars";
import {
  lineChangeHints,
  lineChangeLabels,
  lineChanges,
  type LineChange,
} from "~/components/assessments/line-changes";
import { assessmentAnswerLabels } from "~/components/assessments/words";
import { SelectField } from "~/components/form";
import { PageHeader } from "~/components/page-header";
import { ELEMENTS, getLine, lineLabel } from "~/checklist/section3";
import { compareQuery } from "~/forms/assessments.server";
import { compareAssessments, finishedAssessmentOptions } from "~/models/assessment.server";
import { requireUser } from "~/utils/auth.server";
import { formatDate } from "~/utils/dates";
import assessmentStyles from "~/styles/assessments.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: assessmentStyles }];

export const meta: MetaFunction = () => [{ title: "Compare self-assessments · Partnership tracker" }];

/** Two finished assessments, line by line. Anyone signed in may compare finished ones. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const { a, b } = compareQuery.parse(params);
  const options = finishedAssessmentOptions();
  const finished = new Set(options.map((o) => o.id));
  let problem: string | null = null;
  let comparison = null;
  if (a === undefined || b === undefined) {
    problem = options.length < 2 ? "Two assessments must be finished before they can be compared." : null;
  } else if (a === b) {
    problem = "Choose two different assessments.";
  } else if (!finished.has(a) || !finished.has(b)) {
    problem = "Only finished assessments can be compared. Choose two from the lists.";
  } else {
    comparison = compareAssessments(a, b);
  }
  return { options, a: a ?? options[1]?.id ?? null, b: b ?? options[0]?.id ?? null, problem, comparison };
}

const changeBadge: Record<LineChange, string> = {
  improved: "badge badge--ok",
  slipped: "badge badge--danger",
  gap: "badge badge--warn",
  unchanged: "badge badge--muted",
};

export default function CompareAssessments() {
  const { options, a, b, problem, comparison } = useLoaderData<typeof loader>();
  const choices = options.map((o) => ({
    value: String(o.id),
    label: `${o.title} (${formatDate(o.heldOn)})`,
  }));
  const rows: BarRow[] = comparison
    ? [
        { label: "Whole section", counts: comparison.counts, total: comparison.total },
        ...ELEMENTS.map((element) => {
          const lines = comparison.rows.filter((r) => getLine(r.lineCode)?.elementCode === element.code);
          return {
            label: `Element ${element.code}`,
            total: lines.length,
            counts: Object.fromEntries(
              lineChanges.map((c) => [c, lines.filter((r) => r.change === c).length]),
            ) as Record<LineChange, number>,
          };
        }),
      ]
    : [];
  return (
    <>
      <PageHeader
        title="Compare self-assessments"
        crumbs={[{ to: "/assessments", label: "Self-assessments" }]}
      >
        <p className="lede">What improved, what slipped and what is still a gap, line by line.</p>
      </PageHeader>

      {options.length >= 2 ? (
        <Form method="get" className="form compare-form card" aria-label="Choose two assessments">
          <SelectField name="a" label="Earlier assessment" options={choices} defaultValue={a} required />
          <SelectField name="b" label="Later assessment" options={choices} defaultValue={b} required />
          <button type="submit" className="button">
            Compare
          </button>
        </Form>
      ) : null}

      {problem ? (
        <div className="notice notice--warning" role="alert">
          {problem} <Link to="/assessments">Back to the assessments</Link>
        </div>
      ) : null}

      {comparison ? (
        <>
          <section className="card" aria-labelledby="summary-title">
            <h2 id="summary-title">
              From {comparison.earlier.title} ({formatDate(comparison.earlier.heldOn)}) to{" "}
              {comparison.later.title} ({formatDate(comparison.later.heldOn)})
            </h2>
            <p>
              Of {comparison.total} lines: <strong>{comparison.counts.improved}</strong> improved,{" "}
              <strong>{comparison.counts.slipped}</strong> slipped, <strong>{comparison.counts.gap}</strong>{" "}
              still a gap, <strong>{comparison.counts.unchanged}</strong> unchanged.
            </p>
            <ComparisonBars
              rows={rows}
              title={`How the answers changed from ${comparison.earlier.title} to ${comparison.later.title}`}
            />
            <ul className="hint plain-list">
              {lineChanges.map((change) => (
                <li key={change}>
                  <strong>{lineChangeLabels[change]}</strong>: {lineChangeHints[change]}
                </li>
              ))}
            </ul>
          </section>

          {ELEMENTS.map((element) => (
            <section key={element.code} aria-labelledby={`compare-${element.code}`}>
              <h2 id={`compare-${element.code}`}>
                {element.code} {element.question}
              </h2>
              <div className="table-wrap">
                <table className="compare-table">
                  <caption className="visually-hidden">
                    Answers in element {element.code}, earlier and later
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Line</th>
                      <th scope="col">
                        Earlier<span className="visually-hidden">: {comparison.earlier.title}</span>
                        <span className="muted compare-table__date">
                          {" "}
                          {formatDate(comparison.earlier.heldOn)}
                        </span>
                      </th>
                      <th scope="col">
                        Later<span className="visually-hidden">: {comparison.later.title}</span>
                        <span className="muted compare-table__date">
                          {" "}
                          {formatDate(comparison.later.heldOn)}
                        </span>
                      </th>
                      <th scope="col">Change</th>
                    </tr>
                  </thead>
                  <tbody>
                    {comparison.rows
                      .filter((row) => getLine(row.lineCode)?.elementCode === element.code)
                      .map((row) => {
                        const line = getLine(row.lineCode)!;
                        return (
                          <tr key={row.lineCode}>
                            <th scope="row">
                              <Link to={`/checklist/${row.lineCode}`}>{lineLabel(line)}</Link>
                            </th>
                            <td>{row.earlier ? assessmentAnswerLabels[row.earlier] : "Not answered"}</td>
                            <td>{row.later ? assessmentAnswerLabels[row.later] : "Not answered"}</td>
                            <td>
                              <span className={changeBadge[row.change]}>{lineChangeLabels[row.change]}</span>
                            </td>
                          </tr>
                        );
                      })}
                  </tbody>
                </table>
              </div>
            </section>
          ))}
          <p>
            <Link to={`/assessments/${comparison.earlier.id}`}>Open {comparison.earlier.title}</Link> ·{" "}
            <Link to={`/assessments/${comparison.later.id}`}>Open {comparison.later.title}</Link>
          </p>
        </>
      ) : null}
    </>
  );
}
