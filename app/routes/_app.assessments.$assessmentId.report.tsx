import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ReportElement } from "~/components/assessments/report";
import { PlanTable, ReportIntro } from "~/components/assessments/report-document";
import { PageHeader } from "~/components/page-header";
import { ELEMENTS, LINES } from "~/checklist/section3";
import { requireAssessmentReader } from "~/models/assessment-access.server";
import { getAssessment } from "~/models/assessment.server";
import { getSettings } from "~/models/settings.server";
import { formatDate, todayIso } from "~/utils/dates";
import { notFound } from "~/utils/http.server";
import { withNotice } from "~/utils/notice";
import assessmentStyles from "~/styles/assessments.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: assessmentStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Report: ${data?.assessment.title ?? "Self-assessment"} · Partnership tracker` },
];

/** Items of evidence listed under each line here; the downloaded file lists them all. */
const PER_LINE = 25;

/** The printable report of a finished assessment, from the copy of the evidence it kept. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { id, assessment } = await requireAssessmentReader(request, params.assessmentId);
  if (assessment.status !== "finished") throw redirect(withNotice(`/assessments/${id}`, "report-later"));
  const page = getAssessment(id, { perLine: PER_LINE }) ?? notFound();
  return {
    assessment: page.assessment,
    answers: page.answers,
    evidence: page.evidence,
    plan: page.plan,
    organisation: getSettings().organisationName,
    today: todayIso(),
  };
}

export default function AssessmentReport() {
  const { assessment, answers, evidence, plan, organisation, today } = useLoaderData<typeof loader>();
  const changed = Object.values(answers).filter((a) => a.answer !== a.supported).length;
  return (
    <article className="assessment-report">
      <PageHeader
        title={`Self-assessment report: ${assessment.title}`}
        crumbs={[
          { to: "/assessments", label: "Self-assessments" },
          { to: `/assessments/${assessment.id}`, label: assessment.title },
        ]}
        actions={
          <a href={`/assessments/${assessment.id}/report.html`} className="button" download>
            Download the report (HTML file)
          </a>
        }
      >
        <p className="lede no-print">
          Laid out like the toolkit’s own tables. Print this page (it leaves out the menus), or download it as
          a single file to send to a board, funder or accreditation assessor.
        </p>
      </PageHeader>
      <ReportIntro
        assessment={assessment}
        organisation={organisation}
        answers={answers}
        lines={LINES}
        changed={changed}
      />
      {ELEMENTS.map((element) => (
        <ReportElement
          key={element.code}
          element={element}
          data={{
            answers,
            evidence,
            moreNote: (hidden) => <>…and {hidden.toLocaleString("en-GB")} more in the downloaded report.</>,
          }}
        />
      ))}
      <section className="report-plan" aria-labelledby="report-plan-title">
        <h2 id="report-plan-title">Action plan</h2>
        {plan.length === 0 ? <p>No actions have been planned.</p> : <PlanTable plan={plan} />}
      </section>
      <p className="muted report-footer">
        Made with the partnership tracker on {formatDate(today)}. The assessment was finished and locked; this
        report does not change when the evidence does.
      </p>
    </article>
  );
}
