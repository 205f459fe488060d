import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { cadenceLabel, relevanceLabels, reviewDecisionLabels, satisfactionLabels } from "~/utils/labels";
import { FilterForm, ResultCount, useQueryWith } from "~/components/list";
import { PageHeader } from "~/components/page-header";
import { RecordFilter } from "~/components/record-filter";
import { reviewListQuery } from "~/forms/review-list.server";
import { listCompletedReviews, listReviewSchedule, type ScheduledReview } from "~/models/review.server";
import { DUE_SOON_DAYS } from "~/models/review-schedule.server";
import { useCanEdit } from "~/utils/app-user";
import { requireUser } from "~/utils/auth.server";
import { formatDate, todayIso } from "~/utils/dates";
import { chosenPartner } from "~/utils/list-page.server";
import { PAGE_SIZE, readListQuery } from "~/utils/list-query.server";

export const meta: MetaFunction = () => [{ title: "Reviews · Partnership tracker" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const query = readListQuery(request, reviewListQuery);
  const today = todayIso();
  return {
    today,
    dueSoonDays: DUE_SOON_DAYS,
    pageSize: PAGE_SIZE,
    schedule: listReviewSchedule(today, { laterPage: query.laterPage }),
    completed: listCompletedReviews(query),
    query,
    chosen: { partner: chosenPartner(query.partnerId) },
  };
}

const number = new Intl.NumberFormat("en-GB");

/**
 * Previous and next pages of one section of this page, each section paging on its own
 * (`laterPage` for later reviews, `page` for completed ones); the links return to its heading.
 */
function SectionPages({
  total,
  page,
  pageSize,
  param,
  otherPage,
  label,
  section,
}: {
  total: number;
  page: number;
  pageSize: number;
  param: "page" | "laterPage";
  /** The completed reviews' page, kept while the later reviews page on. */
  otherPage?: number;
  /** Names the navigation: "Pages of later reviews". */
  label: string;
  section: string;
}) {
  const queryWith = useQueryWith();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const to = (n: number) => {
    const changes: Record<string, number | undefined> = { [param]: n > 1 ? n : undefined };
    if (param !== "page") changes.page = otherPage && otherPage > 1 ? otherPage : undefined;
    return `${queryWith(changes)}#${section}`;
  };
  return (
    <nav className="pagination" aria-label={label}>
      <ul>
        {page > 1 ? (
          <li>
            <Link to={to(page - 1)} rel="prev">
              ‹ Previous<span className="visually-hidden"> page</span>
            </Link>
          </li>
        ) : null}
        <li>
          <span aria-current="page">
            Page {number.format(page)} of {number.format(pages)}
          </span>
        </li>
        {page < pages ? (
          <li>
            <Link to={to(page + 1)} rel="next">
              Next<span className="visually-hidden"> page</span> ›
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

function ScheduleSection({
  id,
  title,
  rows,
  total,
  empty,
  after,
}: {
  id: string;
  title: string;
  rows: ScheduledReview[];
  total: number;
  empty: ReactNode;
  /** Below the table: how many more there are, or pages. */
  after: ReactNode;
}) {
  const canEdit = useCanEdit();
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        {title} <span className="muted">({number.format(total)})</span>
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
          {after}
        </>
      )}
    </section>
  );
}

/** Below a short list (overdue, due soon): how many more there are than it shows. */
function AndMore({ shown, total }: { shown: number; total: number }) {
  if (total <= shown) return null;
  return (
    <p className="muted">
      The first {number.format(shown)} are shown, soonest first, and {number.format(total - shown)} more.
    </p>
  );
}

export default function Reviews() {
  const { today, dueSoonDays, pageSize, schedule, completed, query, chosen } = useLoaderData<typeof loader>();
  const canEdit = useCanEdit();
  const queryWith = useQueryWith();
  const nothingScheduled = schedule.totals.overdue + schedule.totals.dueSoon + schedule.totals.later === 0;
  const laterFirst = (query.laterPage - 1) * pageSize + 1;
  const laterLast = laterFirst + schedule.later.length - 1;
  const partnerFiltered = Boolean(query.partnerId || query.partner);
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
        after={<AndMore shown={schedule.overdue.length} total={schedule.totals.overdue} />}
      />
      <ScheduleSection
        id="due-soon"
        title={`Due in the next ${dueSoonDays} days`}
        rows={schedule.dueSoon}
        total={schedule.totals.dueSoon}
        empty={<p>No reviews are due in the next {dueSoonDays} days.</p>}
        after={<AndMore shown={schedule.dueSoon.length} total={schedule.totals.dueSoon} />}
      />
      <ScheduleSection
        id="later"
        title="Later"
        rows={schedule.later}
        total={schedule.totals.later}
        empty={
          schedule.totals.later > 0 ? (
            <p>
              There are no more later reviews.{" "}
              <Link to={`${queryWith({ page: query.page > 1 ? query.page : undefined })}#later-title`}>
                Back to the first page
              </Link>
            </p>
          ) : (
            <p>No reviews are scheduled after the next {dueSoonDays} days.</p>
          )
        }
        after={
          schedule.totals.later > pageSize ? (
            <>
              <p className="muted">
                Showing {number.format(laterFirst)}–{number.format(laterLast)} of{" "}
                {number.format(schedule.totals.later)}, soonest first.
              </p>
              <SectionPages
                total={schedule.totals.later}
                page={query.laterPage}
                pageSize={pageSize}
                param="laterPage"
                otherPage={query.page}
                label="Pages of later reviews"
                section="later-title"
              />
            </>
          ) : null
        }
      />

      <section aria-labelledby="completed-title">
        <h2 id="completed-title">Completed reviews</h2>
        {completed.total > 0 || partnerFiltered ? (
          <FilterForm label="Filter completed reviews">
            <RecordFilter kind="partner" text={query.partner} chosen={chosen.partner} />
          </FilterForm>
        ) : null}
        <ResultCount total={completed.total} page={query.page} noun={["review", "reviews"]} />
        {completed.rows.length === 0 ? (
          <div className="empty-state">
            {partnerFiltered ? (
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
        <SectionPages
          total={completed.total}
          page={query.page}
          pageSize={pageSize}
          param="page"
          label="Pages of completed reviews"
          section="completed-title"
        />
      </section>
    </>
  );
}
