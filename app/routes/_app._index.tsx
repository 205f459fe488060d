import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/page-header";
import { PageNotice } from "~/components/page-notice";
import { checklistCoverage } from "~/evidence/coverage.server";
import { assessmentOverview } from "~/models/assessment.server";
import { AssessmentCard } from "~/components/assessments/dashboard-card";
import { openActionsFor, overdueActions } from "~/models/action.server";
import { recentMeetingCount } from "~/models/meeting.server";
import { overdueReviews, reviewsDueSoon } from "~/models/review.server";
import { getSettings } from "~/models/settings.server";
import { hasOnlyOneUser } from "~/models/user.server";
import { useAppUser, useCanEdit } from "~/utils/app-user";
import { requireUser } from "~/utils/auth.server";
import { cached } from "~/utils/cache.server";
import { formatDate, todayIso } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "Dashboard · Partnership tracker" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const now = new Date();
  const today = todayIso(now);
  // Everyone opens the dashboard all day: its figures are worked out once per change to the data
  // (and once an hour, for "meetings in the last 30 days").
  const hour = `${today}T${now.getUTCHours()}`;
  const shared = cached(`dashboard:${hour}`, () => {
    const coverage = checklistCoverage();
    return {
      organisation: getSettings().organisationName,
      overdue: overdueReviews(today, 5),
      dueSoon: reviewsDueSoon(today, 30, 5),
      lateActions: overdueActions(today, 5),
      checklist: { evidenced: coverage.evidenced, total: coverage.total, suggested: coverage.suggested },
      meetingsThisMonth: recentMeetingCount(30, now),
      assessment: assessmentOverview(),
      onlyOneUser: hasOnlyOneUser(),
    };
  });
  const { onlyOneUser, ...figures } = shared;
  return {
    today,
    ...figures,
    myActions: cached(`dashboard-actions:${user.id}:${today}`, () => openActionsFor(user.id, today, 5)),
    onlyUser: user.role === "admin" && onlyOneUser,
  };
}

const number = new Intl.NumberFormat("en-GB");

export default function Dashboard() {
  const data = useLoaderData<typeof loader>();
  const user = useAppUser();
  const canEdit = useCanEdit();
  return (
    <>
      <PageHeader
        title={`Hello, ${user.name}`}
        actions={
          canEdit ? (
            <>
              <Link to="/meetings/new" className="button">
                Log a meeting
              </Link>
              <Link to="/partners/new" className="button button--secondary">
                Add a partner
              </Link>
              <Link to="/benefits/new" className="button button--secondary">
                Record a benefit
              </Link>
            </>
          ) : null
        }
      >
        <p className="lede">
          {data.organisation ? `${data.organisation}. ` : ""}Today is {formatDate(data.today)}.
        </p>
      </PageHeader>
      <PageNotice messages={{ "action-done": "Marked as done.", "action-reopened": "Reopened." }} />

      {data.onlyUser ? (
        <section className="notice notice--info" aria-labelledby="start-title">
          <h2 id="start-title">Getting started</h2>
          <p>
            <Link to="/users/new">Add your colleagues</Link> as editors (they keep records) or viewers (they
            read), then add your <Link to="/partners/new">partners</Link>. Evidence for the checklist is
            suggested as you go.
          </p>
        </section>
      ) : null}

      <div className="grid grid--2">
        <section className="card" aria-labelledby="reviews-title">
          <div className="section-header">
            <h2 id="reviews-title">Partnership reviews</h2>
            <Link to="/reviews">All reviews</Link>
          </div>
          <h3>Overdue ({number.format(data.overdue.total)})</h3>
          {data.overdue.rows.length === 0 ? (
            <p className="muted">None overdue.</p>
          ) : (
            <ul className="plain-list">
              {data.overdue.rows.map((row) => (
                <li key={row.partnerId}>
                  <Link to={`/partners/${row.partnerId}`}>{row.name}</Link>{" "}
                  <span className="badge badge--danger">Overdue since {formatDate(row.nextReviewDate)}</span>
                  {canEdit ? (
                    <>
                      {" "}
                      <Link to={`/partners/${row.partnerId}/reviews/new`} className="small-link">
                        Hold the review<span className="visually-hidden"> of {row.name}</span>
                      </Link>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          <h3>Due in the next 30 days ({number.format(data.dueSoon.total)})</h3>
          {data.dueSoon.rows.length === 0 ? (
            <p className="muted">None due soon.</p>
          ) : (
            <ul className="plain-list">
              {data.dueSoon.rows.map((row) => (
                <li key={row.partnerId}>
                  <Link to={`/partners/${row.partnerId}`}>{row.name}</Link>{" "}
                  <span className="muted">due {formatDate(row.nextReviewDate)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section className="card" aria-labelledby="actions-title">
          <div className="section-header">
            <h2 id="actions-title">Your actions ({number.format(data.myActions.total)})</h2>
            <Link to="/actions?view=mine">All your actions</Link>
          </div>
          {data.myActions.rows.length === 0 ? (
            <p className="muted">You have no open actions.</p>
          ) : (
            <ul className="plain-list">
              {data.myActions.rows.map((row) => (
                <li key={row.id} className="action-row">
                  <span>
                    {row.description}
                    <br />
                    <span className="muted">
                      {row.dueDate ? `Due ${formatDate(row.dueDate)}` : "No due date"}
                      {row.from ? (
                        <>
                          {" · "}
                          {row.from.href ? <Link to={row.from.href}>{row.from.label}</Link> : row.from.label}
                        </>
                      ) : null}
                    </span>{" "}
                    {row.overdue ? <span className="badge badge--danger">Overdue</span> : null}
                  </span>
                  {canEdit ? (
                    <Form method="post" action="/actions?index" className="inline-form">
                      <input type="hidden" name="intent" value="done" />
                      <input type="hidden" name="actionId" value={row.id} />
                      <input type="hidden" name="returnTo" value="/" />
                      <button type="submit" className="button button--small button--secondary">
                        Mark as done<span className="visually-hidden">: {row.description}</span>
                      </button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          <h3>Overdue for everyone ({number.format(data.lateActions.total)})</h3>
          {data.lateActions.rows.length === 0 ? (
            <p className="muted">No actions are overdue.</p>
          ) : (
            <ul className="plain-list">
              {data.lateActions.rows.map((row) => (
                <li key={row.id}>
                  {row.description}{" "}
                  <span className="muted">
                    · {row.ownerName}, due {formatDate(row.dueDate)}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <p>
            <Link to="/calendar">See the calendar</Link>
          </p>
        </section>

        <section className="card" aria-labelledby="checklist-title">
          <div className="section-header">
            <h2 id="checklist-title">Checklist evidence</h2>
            <Link to="/checklist">The checklist</Link>
          </div>
          <p className="summary__figure">
            <strong>
              {data.checklist.evidenced} of {data.checklist.total}
            </strong>{" "}
            lines have evidence
          </p>
          <meter
            min={0}
            max={data.checklist.total}
            value={data.checklist.evidenced}
            aria-label="Lines with evidence"
          >
            {data.checklist.evidenced} of {data.checklist.total}
          </meter>
          {data.checklist.suggested > 0 ? (
            <p>
              <Link to="/evidence/suggestions">
                {number.format(data.checklist.suggested)} suggestion
                {data.checklist.suggested === 1 ? "" : "s"} to review
              </Link>
            </p>
          ) : (
            <p className="muted">No suggestions waiting.</p>
          )}
        </section>

        <AssessmentCard overview={data.assessment} />

        <section className="card" aria-labelledby="activity-title">
          <h2 id="activity-title">Recent work</h2>
          <p>
            <strong>{number.format(data.meetingsThisMonth)}</strong> meeting
            {data.meetingsThisMonth === 1 ? "" : "s"} logged in the last 30 days.{" "}
            <Link to="/meetings">See meetings</Link>
          </p>
        </section>
      </div>
    </>
  );
}
