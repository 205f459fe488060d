import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { assessmentStatusLabels } from "~/components/assessments/words";
import { SelectField } from "~/components/form";
import { Pagination, ResultCount } from "~/components/list";
import { PageHeader } from "~/components/page-header";
import { PageNotice } from "~/components/page-notice";
import { SECTION } from "~/checklist/section3";
import { assessmentListQuery } from "~/forms/assessments.server";
import { finishedAssessmentOptions, listAssessments } from "~/models/assessment.server";
import { useCanEdit } from "~/utils/app-user";
import { requireUser } from "~/utils/auth.server";
import { formatDate } from "~/utils/dates";
import { readListQuery } from "~/utils/list-query.server";
import assessmentStyles from "~/styles/assessments.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: assessmentStyles }];

export const meta: MetaFunction = () => [{ title: "Self-assessments · Partnership tracker" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const query = readListQuery(request, assessmentListQuery);
  return { page: query.page, ...listAssessments(query.page), finished: finishedAssessmentOptions() };
}

export default function Assessments() {
  const { page, rows, total, lines, finished } = useLoaderData<typeof loader>();
  const canEdit = useCanEdit();
  const options = finished.map((a) => ({
    value: String(a.id),
    label: `${a.title} (${formatDate(a.heldOn)})`,
  }));
  return (
    <>
      <PageHeader
        title="Self-assessments"
        actions={
          canEdit ? (
            <Link to="/assessments/new" className="button">
              Start an assessment
            </Link>
          ) : null
        }
      >
        <p className="lede">
          Work through Section 3 of the toolkit, “{SECTION.subtitle}”, as a team: every line opens with the
          answer your evidence supports. Finish it to keep a dated copy, plan improvements, and compare with
          last time.
        </p>
      </PageHeader>
      <PageNotice messages={{ missing: "That assessment could not be found." }} />

      <ResultCount total={total} page={page} noun={["assessment", "assessments"]} />
      {rows.length === 0 ? (
        <div className="empty-state">
          <p>
            No self-assessments yet. An assessment takes the team through the 13 actions and 29 evidence
            prompts of Section 3, each pre-filled from the evidence your records already provide.
          </p>
          {canEdit ? (
            <p>
              <Link to="/assessments/new">Start your first assessment</Link>
            </p>
          ) : (
            <p>An editor can start one; you can read it here once it is finished.</p>
          )}
        </div>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Self-assessments, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Assessment</th>
                <th scope="col">Held on</th>
                <th scope="col">Status</th>
                <th scope="col">Who took part</th>
                <th scope="col" className="number">
                  Lines answered Yes
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const readable = canEdit || row.status === "finished";
                return (
                  <tr key={row.id}>
                    <td>
                      {readable ? <Link to={`/assessments/${row.id}`}>{row.title}</Link> : row.title}
                      {!readable ? (
                        <span className="muted small-print"> (readable once finished)</span>
                      ) : null}
                    </td>
                    <td>{formatDate(row.heldOn)}</td>
                    <td>
                      <span className={row.status === "finished" ? "badge badge--ok" : "badge badge--warn"}>
                        {assessmentStatusLabels[row.status]}
                      </span>
                      {row.finishedAt ? (
                        <span className="muted small-print">
                          {" "}
                          on {formatDate(row.finishedAt)}
                          {row.finishedByName ? ` by ${row.finishedByName}` : ""}
                        </span>
                      ) : null}
                    </td>
                    <td className="pre-line">{row.participants}</td>
                    <td className="number">
                      {row.yes} of {lines}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pagination total={total} page={page} />

      <section className="card" aria-labelledby="compare-title">
        <h2 id="compare-title">Compare two assessments</h2>
        {finished.length < 2 ? (
          <p className="muted">
            Once two assessments are finished you can compare them here, line by line: what improved, what
            slipped and what is still a gap.
          </p>
        ) : (
          <Form method="get" action="/assessments/compare" className="form compare-form">
            <SelectField
              name="a"
              label="Earlier assessment"
              options={options}
              defaultValue={finished[1].id}
              required
            />
            <SelectField
              name="b"
              label="Later assessment"
              options={options}
              defaultValue={finished[0].id}
              required
            />
            <button type="submit" className="button">
              Compare
            </button>
          </Form>
        )}
      </section>
    </>
  );
}
