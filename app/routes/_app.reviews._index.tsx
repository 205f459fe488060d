import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { cadenceLabel, relevanceLabels, reviewDecisionLabels, satisfactionLabels } from "~/utils/labels";
import { FilterForm, ResultCount, useQueryWith } from "~/components/list";
import { PageHeader } from "~/components/page-header";
import { RecordFilter } from "~/components/record-filter";
import { reviewListQuery } from "~/forms/review-list.server";
import {
  listCompletedReviews,
  listReviewSchedule,
  SCHEDULE_PAGE_SIZES,
  type ScheduledReview,
} from "~/models/review.server";
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
    schedulePageSizes: SCHEDULE_PAGE_SIZES,
    schedule: listReviewSchedule(today, query),
    completed: listCompletedReviews(query),
    query,
    chosen: { partner: chosenPartner(query.partnerId) },
  };
}

const number = new Intl.NumberFormat("en-GB");

/** The query-string parameter each part of the schedule pages with. */
type SchedulePageParam = "overduePage" | "dueSoonPage" | "laterPage";

/**
 * Previous and next pages of one section of this page, each section paging on its own
 * (`overduePage`, `dueSoonPage` and `laterPage` for the schedule, `page` for completed reviews);
 * the links return to its heading.
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
  param: "page" | SchedulePageParam;
  /** The completed reviews' page, kept while a part of the schedule pages on. */
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

/**
 * One part of the schedule, a page at a time: how many there are in its heading, the page's rows,
 * and below them which ones are shown and the pages.
 */
function ScheduleSection({
  id,
  title,
  rows,
  total,
  page,
  param,
  pageSize,
  completedPage,
  name,
  empty,
}: {
  id: string;
  title: string;
  rows: ScheduledReview[];
  total: number;
  page: number;
  param: SchedulePageParam;
  pageSize: number;
  /** The completed reviews' page, kept while this part pages on. */
  completedPage: number;
  /** What the rows are, for a page past the end: "overdue reviews". */
  name: string;
  empty: ReactNode;
}) {
  const canEdit = useCanEdit();
  const queryWith = useQueryWith();
  const first = (page - 1) * pageSize + 1;
  const keptPage = completedPage > 1 ? completedPage : undefined;
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        {title} <span className="muted">({number.format(total)})</span>
      </h2>
      {rows.length === 0 ? (
        <div className="empty-state">
          {total > 0 ? (
            <p>
              There are no more {name}.{" "}
              <Link to={`${queryWith({ [param]: undefined, page: keptPage })}#${id}-title`}>
                Back to the first page
              </Link>
            </p>
          ) : (
            empty
          )}
        </div>
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
          {total > pageSize ? (
            <>
              <p className="muted">
                Showing {number.format(first)}–{number.format(first + rows.length - 1)} of{" "}
                {number.format(total)}, soonest first.
              </p>
              <SectionPages
                total={total}
                page={page}
                pageSize={pageSize}
                param={param}
                otherPage={completedPage}
                label={`Pages of ${name}`}
                section={`${id}-title`}
              />
            </>
          ) : null}
        </>
      )}
    </section>
  );
}

export default function Reviews() {
  const { today, dueSoonDays, pageSize, schedulePageSizes, schedule, completed, query, chosen } =
    useLoaderData<typeof loader>();
  const canEdit = useCanEdit();
  const nothingScheduled = schedule.totals.overdue + schedule.totals.dueSoon + schedule.totals.later === 0;
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
        page={query.overduePage}
        param="overduePage"
        pageSize={schedulePageSizes.overdue}
        completedPage={query.page}
        name="overdue reviews"
        empty={<p>No reviews are overdue.</p>}
      />
      <ScheduleSection
        id="due-soon"
        title={`Due in the next ${dueSoonDays} days`}
        rows={schedule.dueSoon}
        total={schedule.totals.dueSoon}
        page={query.dueSoonPage}
        param="dueSoonPage"
        pageSize={schedulePageSizes.dueSoon}
        completedPage={query.page}
        name="reviews due soon"
        empty={<p>No reviews are due in the next {dueSoonDays} days.</p>}
      />
      <ScheduleSection
        id="later"
        title="Later"
        rows={schedule.later}
        total={schedule.totals.later}
        page={query.laterPage}
        param="laterPage"
        pageSize={schedulePageSizes.later}
        completedPage={query.page}
        name="later reviews"
        empty={<p>No reviews are scheduled after the next {dueSoonDays} days.</p>}
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
