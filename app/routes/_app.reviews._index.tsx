import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { cadenceLabel, relevanceLabels, reviewDecisionLabels, satisfactionLabels } from "~/utils/labels";
import { SelectField } from "~/components/form";
import { FilterForm, Pagination, ResultCount } from "~/components/list";
import { PageHeader } from "~/components/page-header";
import { reviewListQuery } from "~/forms/reviews.server";
import {
  listCompletedReviews,
  listReviewSchedule,
  reviewedPartners,
  type ScheduledReview,
} from "~/models/review.server";
import { DUE_SOON_DAYS } from "~/models/review-schedule.server";
import { useCanEdit } from "~/utils/app-user";
import { requireUser } from "~/utils/auth.server";
import { formatDate, todayIso } from "~/utils/dates";
import { readListQuery } from "~/utils/list-query.server";

export const meta: MetaFunction = () => [{ title: "Reviews · Partnership tracker" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const query = readListQuery(request, reviewListQuery);
  const today = todayIso();
  return {
    today,
    dueSoonDays: DUE_SOON_DAYS,
    schedule: listReviewSchedule(today),
    completed: listCompletedReviews({ page: query.page, partnerId: query.partnerId }),
    query,
    reviewedPartners: reviewedPartners(),
  };
}

function ScheduleSection({
  id,
  title,
  rows,
  total,
  empty,
}: {
  id: string;
  title: string;
  rows: ScheduledReview[];
  total: number;
  empty: ReactNode;
}) {
  const canEdit = useCanEdit();
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        {title} <span className="muted">({total})</span>
      </h2>
      {rows.length === 0 ? (
        <div className="empty-state">{empty}</div>
      ) : (
        <>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">Partner</th>
                  <th scope="col">Review due</th>
                  <th scope="col">Last review</th>
                  <th scope="col">How often</th>
                  {canEdit ? (
                    <th scope="col">
                      <span className="visually-hidden">Hold the review</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.partnerId}>
                    <td>
                      <Link to={`/partners/${row.partnerId}`}>{row.name}</Link>
                      {row.status === "paused" ? (
                        <span className="badge badge--status-paused"> Paused</span>
                      ) : null}
                    </td>
                    <td>{formatDate(row.nextReviewDate)}</td>
                    <td>
                      {row.lastReviewOn ? formatDate(row.lastReviewOn) : <span className="muted">Never</span>}
                    </td>
                    <td>{cadenceLabel(row.reviewCadenceMonths)}</td>
                    {canEdit ? (
                      <td className="nowrap">
                        <Link to={`/partners/${row.partnerId}/reviews/new`}>
                          Hold the review<span className="visually-hidden"> of {row.name}</span>
                        </Link>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {total > rows.length ? (
            <p className="muted">
              Showing the first {rows.length} of {total}, soonest first.
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}

export default function Reviews() {
  const { today, dueSoonDays, schedule, completed, query, reviewedPartners } = useLoaderData<typeof loader>();
  const canEdit = useCanEdit();
  const nothingScheduled = schedule.totals.overdue + schedule.totals.dueSoon + schedule.totals.later === 0;
  return (
    <>
      <PageHeader title="Reviews">
        <p className="lede">
          Partnership reviews: is each partnership still relevant, is the partner satisfied, and do you
          continue, change or withdraw (checklist 3.1.3)? Today is {formatDate(today)}.
        </p>
      </PageHeader>

      {nothingScheduled ? (
        <div className="notice notice--info">
          <p>
            No reviews are scheduled. Active and paused partners get a next review from how often they are
            reviewed, set on each partner&apos;s Edit page. <Link to="/partners">See the partners</Link>
          </p>
        </div>
      ) : null}

      <ScheduleSection
        id="overdue"
        title="Overdue"
        rows={schedule.overdue}
        total={schedule.totals.overdue}
        empty={<p>No reviews are overdue.</p>}
      />
      <ScheduleSection
        id="due-soon"
        title={`Due in the next ${dueSoonDays} days`}
        rows={schedule.dueSoon}
        total={schedule.totals.dueSoon}
        empty={<p>No reviews are due in the next {dueSoonDays} days.</p>}
      />
      <ScheduleSection
        id="later"
        title="Later"
        rows={schedule.later}
        total={schedule.totals.later}
        empty={<p>No reviews are scheduled after the next {dueSoonDays} days.</p>}
      />

      <section aria-labelledby="completed-title">
        <h2 id="completed-title">Completed reviews</h2>
        {reviewedPartners.length > 1 || query.partnerId ? (
          <FilterForm label="Filter completed reviews">
            <SelectField
              name="partnerId"
              label="Partner"
              options={reviewedPartners.map((p) => ({ value: String(p.id), label: p.name }))}
              defaultValue={query.partnerId}
              placeholder="Any partner"
            />
          </FilterForm>
        ) : null}
        <ResultCount total={completed.total} page={query.page} noun={["review", "reviews"]} />
        {completed.rows.length === 0 ? (
          <div className="empty-state">
            {query.partnerId ? (
              <p>No reviews of this partner match. Clear the filter to see every review.</p>
            ) : (
              <p>
                No reviews have been held yet.{" "}
                {canEdit
                  ? "Hold one from the lists above, or from the partner's page."
                  : "They appear here once an editor records one."}
              </p>
            )}
          </div>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Completed reviews</caption>
              <thead>
                <tr>
                  <th scope="col">Held on</th>
                  <th scope="col">Partner</th>
                  <th scope="col">Still relevant</th>
                  <th scope="col">Satisfaction</th>
                  <th scope="col">Decision</th>
                  <th scope="col">Next review</th>
                </tr>
              </thead>
              <tbody>
                {completed.rows.map((row) => (
                  <tr key={row.id}>
                    <td>
                      <Link to={`/reviews/${row.id}`}>
                        {formatDate(row.heldOn)}
                        <span className="visually-hidden">: review of {row.partnerName}</span>
                      </Link>
                    </td>
                    <td>
                      <Link to={`/partners/${row.partnerId}`}>{row.partnerName}</Link>
                    </td>
                    <td>{relevanceLabels[row.stillRelevant]}</td>
                    <td>
                      {row.satisfaction ? (
                        `${row.satisfaction} of 5: ${satisfactionLabels[row.satisfaction]}`
                      ) : (
                        <span className="muted">Not given</span>
                      )}
                    </td>
                    <td>{reviewDecisionLabels[row.decision]}</td>
                    <td>
                      {row.decision === "withdraw" ? (
                        <span className="muted">None: ended</span>
                      ) : row.nextReviewDate ? (
                        formatDate(row.nextReviewDate)
                      ) : (
                        <span className="muted">None</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination total={completed.total} page={query.page} />
      </section>
    </>
  );
}
