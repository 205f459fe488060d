import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SelectField, TextField } from "~/components/form";
import { CsvLink, FilterForm, Pagination, ResultCount, SortHeader } from "~/components/list";
import { PageHeader } from "~/components/page-header";
import { PageNotice } from "~/components/page-notice";
import { meetingListQuery } from "~/forms/meeting-list.server";
import { RecordFilter } from "~/components/record-filter";
import { listMeetings, meetingKindOptions } from "~/models/meeting.server";
import { useCanEdit } from "~/utils/app-user";
import { requireUser } from "~/utils/auth.server";
import { formatDateTime, isoInstant } from "~/utils/dates";
import { chosenPartner, chosenProject } from "~/utils/list-page.server";
import { readListQuery } from "~/utils/list-query.server";
import { cachedList } from "~/utils/list-page.server";

export const meta: MetaFunction = () => [{ title: "Meetings · Partnership tracker" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const query = readListQuery(request, meetingListQuery);
  return {
    query,
    ...cachedList("meetings", query, () => listMeetings(query)),
    chosen: { partner: chosenPartner(query.partnerId), project: chosenProject(query.projectId) },
    kindOptions: meetingKindOptions,
  };
}

export default function Meetings() {
  const { query, rows, total, chosen, kindOptions } = useLoaderData<typeof loader>();
  const canEdit = useCanEdit();
  const dir = query.dir ?? (query.sort === "date" ? "desc" : "asc");
  const filtered = Boolean(
    query.q ||
    query.partnerId ||
    query.projectId ||
    query.partner ||
    query.project ||
    query.kind ||
    query.from ||
    query.to,
  );
  return (
    <>
      <PageHeader
        title="Meetings"
        actions={
          <>
            {canEdit ? (
              <Link to="/meetings/new" className="button">
                Log a meeting
              </Link>
            ) : null}
            <CsvLink to="/meetings.csv" />
          </>
        }
      >
        <p className="lede">
          Meetings, calls, visits and events with partners: who was there, what was agreed and what happens
          next.
        </p>
      </PageHeader>
      <PageNotice messages={{ deleted: "The meeting and its follow-up actions have been deleted." }} />
      <FilterForm label="Search and filter meetings">
        <TextField name="q" label="Title or summary" type="search" defaultValue={query.q} />
        <RecordFilter kind="partner" text={query.partner} chosen={chosen.partner} />
        <RecordFilter kind="project" text={query.project} chosen={chosen.project} />
        <SelectField
          name="kind"
          label="Kind"
          options={kindOptions}
          defaultValue={query.kind}
          placeholder="Any kind"
        />
        <TextField name="from" label="Held from" type="date" defaultValue={query.from} />
        <TextField name="to" label="Held by" type="date" defaultValue={query.to} />
        <input type="hidden" name="sort" value={query.sort} />
        {query.dir ? <input type="hidden" name="dir" value={query.dir} /> : null}
      </FilterForm>
      <ResultCount total={total} page={query.page} noun={["meeting", "meetings"]} />
      {rows.length === 0 ? (
        <div className="empty-state">
          {filtered ? (
            <p>No meetings match these filters. Try fewer filters, or clear them.</p>
          ) : (
            <>
              <p>
                No meetings logged yet. Log meetings, calls, visits and events with partners as they happen:
                they become evidence that you exchange information and plan learning together.
              </p>
              {canEdit ? (
                <p>
                  <Link to="/meetings/new">Log your first meeting</Link>
                </p>
              ) : null}
            </>
          )}
        </div>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Meetings</caption>
            <thead>
              <tr>
                <SortHeader label="Date" sortKey="date" current={query.sort} dir={dir} defaultDir="desc" />
                <SortHeader label="Kind" sortKey="kind" current={query.sort} dir={dir} />
                <SortHeader label="Title" sortKey="title" current={query.sort} dir={dir} />
                <th scope="col">Partners</th>
                <th scope="col">Projects</th>
                <th scope="col">Follow-up actions</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((meeting) => (
                <tr key={meeting.id}>
                  <td className="nowrap">
                    <time dateTime={isoInstant(meeting.heldAt)}>{formatDateTime(meeting.heldAt)}</time>
                  </td>
                  <td>{meeting.kindLabel}</td>
                  <td>
                    <Link to={`/meetings/${meeting.id}`}>{meeting.title}</Link>
                  </td>
                  <td>
                    {meeting.partners.map((p, i) => (
                      <span key={p.id}>
                        {i > 0 ? ", " : null}
                        <Link to={`/partners/${p.id}`}>{p.name}</Link>
                      </span>
                    ))}
                  </td>
                  <td>
                    {meeting.projects.map((p, i) => (
                      <span key={p.id}>
                        {i > 0 ? ", " : null}
                        <Link to={`/projects/${p.id}`}>{p.title}</Link>
                      </span>
                    ))}
                  </td>
                  <td>
                    {meeting.actions.all === 0
                      ? "None"
                      : `${meeting.actions.all} (${meeting.actions.open} open)`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination total={total} page={query.page} />
    </>
  );
}
