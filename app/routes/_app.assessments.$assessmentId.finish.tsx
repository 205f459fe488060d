import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { PageHeader } from "~/components/page-header";
import { assessmentProgress, finishAssessment, getAssessmentHeader } from "~/models/assessment.server";
import { requireUser } from "~/utils/auth.server";
import { formatDate } from "~/utils/dates";
import { notFound, parseId } from "~/utils/http.server";
import { withNotice } from "~/utils/notice";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Finish ${data?.assessment.title ?? "the assessment"} · Self-assessments · Partnership tracker` },
];

/** The confirmation before an assessment is finished and locked: it cannot be undone. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "editor");
  const id = parseId(params.assessmentId);
  const assessment = getAssessmentHeader(id) ?? notFound();
  if (assessment.status === "finished") throw redirect(withNotice(`/assessments/${id}`, "finished"));
  return { assessment, progress: assessmentProgress(id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const id = parseId(params.assessmentId);
  const result = await finishAssessment(id, user.id);
  if (result === "missing") notFound();
  return redirect(withNotice(`/assessments/${id}`, result === "busy" ? "finishing" : "finished"));
}

export default function FinishAssessment() {
  const { assessment, progress } = useLoaderData<typeof loader>();
  const unsaved = progress.total - progress.answered;
  // With years of evidence the copy takes a few seconds.
  const copying = useNavigation().state === "submitting";
  return (
    <>
      <PageHeader
        title="Finish and lock the assessment"
        crumbs={[
          { to: "/assessments", label: "Self-assessments" },
          { to: `/assessments/${assessment.id}`, label: assessment.title },
        ]}
      />
      <div className="card">
        <p>
          Finish <strong>{assessment.title}</strong> ({formatDate(assessment.heldOn)})? Once finished it is
          locked: nobody can change its answers, areas for improvement or comments, and it keeps a copy of the
          evidence it relied on today, so it reads the same in years to come. This cannot be undone.
        </p>
        <ul>
          <li>
            {progress.answered} of {progress.total} lines have been answered by the team.
            {unsaved > 0 ? ` The other ${unsaved} keep the answer the evidence supports.` : ""}
          </li>
          <li>
            {progress.changed} line{progress.changed === 1 ? "" : "s"} changed from the answer the evidence
            supports.
          </li>
        </ul>
        <p>The action plan can still be worked on after finishing.</p>
        <Form method="post" className="button-row">
          <button type="submit" className="button" disabled={copying}>
            {copying ? "Finishing: copying the evidence…" : "Yes, finish and lock it"}
          </button>
          <Link to={`/assessments/${assessment.id}`}>No, go back</Link>
        </Form>
      </div>
    </>
  );
}
