import { Link } from "@remix-run/react";
import type { AssessmentStatus } from "~db/enums";
import { useCanEdit } from "~/utils/app-user";
import { formatDate } from "~/utils/dates";

/** What `assessmentOverview()` in app/models/assessment.server.ts returns. */
export type AssessmentOverview = {
  latest: {
    id: number;
    title: string;
    heldOn: string;
    status: AssessmentStatus;
    yes: number;
    openActions: number;
  } | null;
  inProgress: number;
  lines: number;
};

/** The dashboard's self-assessment card: the newest assessment and where to go next. */
export function AssessmentCard({ overview }: { overview: AssessmentOverview }) {
  const canEdit = useCanEdit();
  const { latest } = overview;
  return (
    <section className="card" aria-labelledby="assessment-card-title">
      <h2 id="assessment-card-title">Self-assessment</h2>
      {latest === null ? (
        <>
          <p className="muted">No self-assessment yet. Each one opens pre-filled from your evidence.</p>
          {canEdit ? (
            <p>
              <Link to="/assessments/new">Start an assessment</Link>
            </p>
          ) : null}
        </>
      ) : (
        <>
          <p>
            {latest.status === "finished" || canEdit ? (
              <Link to={`/assessments/${latest.id}`}>{latest.title}</Link>
            ) : (
              latest.title
            )}{" "}
            <span className="muted">({formatDate(latest.heldOn)})</span>:{" "}
            {latest.status === "finished" ? "finished" : "in progress"}, {latest.yes} of {overview.lines}{" "}
            lines answered Yes
            {latest.openActions > 0
              ? `; ${latest.openActions} action${latest.openActions === 1 ? "" : "s"} in its plan still open`
              : ""}
            .
          </p>
          <p>
            <Link to="/assessments">All self-assessments</Link>
            {latest.status === "finished" ? (
              <>
                {" · "}
                <Link to={`/assessments/${latest.id}/report`}>Its report</Link>
              </>
            ) : null}
          </p>
        </>
      )}
    </section>
  );
}
