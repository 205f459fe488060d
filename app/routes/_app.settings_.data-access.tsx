import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Pagination, ResultCount } from "~/components/list";
import { PageHeader } from "~/components/page-header";
import { dataAccessPage, listMonitoringViews } from "~/models/personal-data.server";
import { requireUser } from "~/utils/auth.server";
import { formatDateTime, isoInstant } from "~/utils/dates";

export const meta: MetaFunction = () => [
  { title: "Who has seen equality data · Settings · Partnership tracker" },
];

/**
 * Every time someone was shown a person's individual equality monitoring answers (their
 * monitoring page, their personal data page or a download of everything held), newest first.
 * Administrators only.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "admin");
  const page = dataAccessPage(request);
  return { page, ...listMonitoringViews(page) };
}

export default function DataAccess() {
  const { page, total, rows } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title="Who has seen equality data" crumbs={[{ to: "/settings", label: "Settings" }]}>
        <p className="lede">
          Equality monitoring answers are special category data. Every time someone is shown a person&rsquo;s
          individual answers, on their monitoring page, their personal data page or in a download, it is
          recorded here: who, whose and when. Reports, which show only totals, are not listed.
        </p>
      </PageHeader>
      {total === 0 ? (
        <div className="empty-state">
          <p>No one has been shown anyone&rsquo;s individual answers yet.</p>
          <p>
            Answers are recorded on a volunteer&rsquo;s or contributor&rsquo;s equality monitoring page,
            reached from their record in <Link to="/volunteers">Volunteers</Link> or{" "}
            <Link to="/contributors">Contributors</Link>.
          </p>
        </div>
      ) : (
        <>
          <ResultCount total={total} page={page} noun={["view", "views"]} />
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">
                Views of individual equality monitoring answers, newest first
              </caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">Whose answers</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id}>
                    <td className="nowrap">
                      <time dateTime={isoInstant(row.at)}>{formatDateTime(row.at)}</time>
                    </td>
                    <td>{row.userName ?? <span className="muted">A removed user</span>}</td>
                    <td>
                      {row.href ? (
                        <Link to={row.href}>{row.personName}</Link>
                      ) : (
                        <span className="muted">
                          A deleted {row.kind} (record {row.personId})
                        </span>
                      )}{" "}
                      <span className="muted">
                        ({row.kind === "volunteer" ? "volunteer" : "contributor"})
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination total={total} page={page} />
        </>
      )}
    </>
  );
}
