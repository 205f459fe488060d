import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { addMonths, eachDayOfInterval, endOfMonth, endOfWeek, format, parseISO, startOfWeek } from "date-fns";
import { PageHeader } from "~/components/page-header";
import { upcomingDates, type CalendarItem } from "~/models/action.server";
import { calendarTokenOf } from "~/models/calendar.server";
import calendarStyles from "~/styles/calendar.css";
import { requireUser } from "~/utils/auth.server";
import { todayIso } from "~/utils/dates";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: calendarStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.label ?? "Calendar"} · Calendar · Partnership tracker` },
];

const MONTH = /^(19|20|21)\d\d-(0[1-9]|1[0-2])$/;

type Day = { date: string; day: number; items: CalendarItem[] };

/** The month's weeks, Monday first (as in the UK); days of the months either side are null. */
function monthWeeks(month: string, items: CalendarItem[]): (Day | null)[][] {
  const first = parseISO(`${month}-01`);
  const days = eachDayOfInterval({
    start: startOfWeek(first, { weekStartsOn: 1 }),
    end: endOfWeek(endOfMonth(first), { weekStartsOn: 1 }),
  });
  const weeks: (Day | null)[][] = [];
  for (let i = 0; i < days.length; i += 7) {
    weeks.push(
      days.slice(i, i + 7).map((d) => {
        const date = format(d, "yyyy-MM-dd");
        if (!date.startsWith(month)) return null;
        return { date, day: d.getDate(), items: items.filter((item) => item.date === date) };
      }),
    );
  }
  return weeks;
}

/** One month of review dates and the user's own actions (`?month=2026-11`; this month in the UK by default). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const today = todayIso();
  const asked = new URL(request.url).searchParams.get("month") ?? "";
  const month = MONTH.test(asked) ? asked : today.slice(0, 7);
  const first = parseISO(`${month}-01`);
  const items = upcomingDates(user.id, today, {
    from: `${month}-01`,
    to: format(endOfMonth(first), "yyyy-MM-dd"),
  });
  const monthOf = (date: Date) => ({ month: format(date, "yyyy-MM"), label: format(date, "MMMM yyyy") });
  return {
    month,
    label: format(first, "MMMM yyyy"),
    previous: monthOf(addMonths(first, -1)),
    next: monthOf(addMonths(first, 1)),
    isThisMonth: month === today.slice(0, 7),
    today,
    weeks: monthWeeks(month, items),
    items,
    hasFeed: calendarTokenOf(user.id) !== null,
  };
}

const weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

function ItemLink({ item }: { item: Pick<CalendarItem, "href" | "title" | "overdue"> }) {
  return (
    <>
      <Link to={item.href}>{item.title}</Link>
      {item.overdue ? (
        <>
          {" "}
          <span className="badge badge--danger">Overdue</span>
        </>
      ) : null}
    </>
  );
}

export default function Calendar() {
  const { month, label, previous, next, isThisMonth, today, weeks, items, hasFeed } =
    useLoaderData<typeof loader>();
  const agenda = [...new Set(items.map((item) => item.date))].map((date) => ({
    date,
    items: items.filter((item) => item.date === date),
  }));
  return (
    <>
      <PageHeader
        title="Calendar"
        actions={
          <Link to="/actions?view=mine" className="button button--secondary">
            My actions
          </Link>
        }
      >
        <p className="lede">
          When partnership reviews are due, and when your own open actions are due. Done actions and held
          reviews drop off.
        </p>
      </PageHeader>

      <h2 id="month-title">{label}</h2>
      <nav className="calendar-nav" aria-label="Months">
        <ul>
          <li>
            <Link to={`/calendar?month=${previous.month}`} rel="prev">
              ‹ {previous.label}
            </Link>
          </li>
          {isThisMonth ? null : (
            <li>
              <Link to="/calendar">This month</Link>
            </li>
          )}
          <li>
            <Link to={`/calendar?month=${next.month}`} rel="next">
              {next.label} ›
            </Link>
          </li>
        </ul>
      </nav>

      <div className="table-wrap calendar-month">
        <table>
          <caption className="visually-hidden">{label}, a week to a row</caption>
          <thead>
            <tr>
              {weekdays.map((name) => (
                <th scope="col" key={name}>
                  <span aria-hidden="true">{name.slice(0, 3)}</span>
                  <span className="visually-hidden">{name}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={week.find(Boolean)!.date}>
                {week.map((day, index) =>
                  day ? (
                    <td
                      key={day.date}
                      className={`calendar-day${day.date === today ? " calendar-day--today" : ""}`}
                      aria-current={day.date === today ? "date" : undefined}
                    >
                      <span className="calendar-day__number">
                        <time dateTime={day.date}>{day.day}</time>
                        {day.date === today ? <span className="visually-hidden"> (today)</span> : null}
                      </span>
                      {day.items.length > 0 ? (
                        <ul className="calendar-items">
                          {day.items.map((item) => (
                            <li key={item.uid}>
                              <ItemLink item={item} />
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </td>
                  ) : (
                    <td key={`outside-${month}-${index}`} className="calendar-day calendar-day--outside" />
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <section aria-labelledby="agenda-title">
        <h2 id="agenda-title">Agenda for {label}</h2>
        {agenda.length === 0 ? (
          <div className="empty-state">
            <p>
              Nothing is due in {label}: no partnership reviews, and none of your open actions.{" "}
              <Link to={`/calendar?month=${next.month}`}>See {next.label}</Link>.
            </p>
          </div>
        ) : (
          <ol className="agenda">
            {agenda.map((day) => (
              <li key={day.date}>
                <h3>
                  <time dateTime={day.date}>{format(parseISO(day.date), "EEEE d MMMM yyyy")}</time>
                  {day.date === today ? " (today)" : ""}
                </h3>
                <ul>
                  {day.items.map((item) => (
                    <li key={item.uid}>
                      <ItemLink item={item} />
                      {item.detail ? <span className="agenda-item__detail">From: {item.detail}</span> : null}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="card" aria-labelledby="feed-title">
        <h2 id="feed-title">In Outlook or Google Calendar</h2>
        <p>
          {hasFeed
            ? "You have a calendar feed: these dates also appear in the calendar you subscribed with. "
            : "Subscribe once and these dates appear in your own calendar, kept up to date. "}
          <Link to="/profile#calendar-feed">
            {hasFeed ? "Manage your calendar feed" : "Set up your calendar feed"}
          </Link>
          .
        </p>
      </section>
    </>
  );
}
