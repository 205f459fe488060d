import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatHours, volunteerStatusBadge } from "~/components/fields/volunteer-fields";
import { SelectField, TextField } from "~/components/form";
import { CsvLink, FilterForm, Pagination, ResultCount, SortHeader } from "~/components/list";
import { PageHeader } from "~/components/page-header";
import { PageNotice } from "~/components/page-notice";
import { volunteerListQuery } from "~/forms/volunteer-list.server";
import { listVolunteers } from "~/models/volunteer.server";
import { useCanEdit } from "~/utils/app-user";
import { requireUser } from "~/utils/auth.server";
import { formatDate } from "~/utils/dates";
import {
  optionsOf,
  volunteerFocusLabels,
  volunteerProgrammeLabels,
  volunteerStatusLabels,
} from "~/utils/labels";
import { readListQuery } from "~/utils/list-query.server";
import { cachedList } from "~/utils/list-page.server";

export const meta: MetaFunction = () => [{ title: "Volunteers · Partnership tracker" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const query = readListQuery(request, volunteerListQuery);
  return { query, ...cachedList("volunteers", query, () => listVolunteers(query)) };
}

export default function Volunteers() {
  const { query, rows, total } = useLoaderData<typeof loader>();
  const canEdit = useCanEdit();
  const dir = query.dir ?? (query.sort === "updated" ? "desc" : "asc");
  const filtered = Boolean(
    query.q || query.programme || query.status || query.focus || query.activeFrom || query.activeTo,
  );
  return (
    <>
      <PageHeader
        title="Volunteers"
        actions={
          <>
            {canEdit ? (
              <Link to="/volunteers/new" className="button">
                Add a volunteer
              </Link>
            ) : null}
            <CsvLink to="/volunteers.csv" />
          </>
        }
      >
        <p className="lede">
          Volunteers, work experience students, interns, friends groups, pupil librarians and others who take
          part in your work (checklist 3.3.1), with their training and the hours they give.
        </p>
      </PageHeader>
      <PageNotice messages={{ deleted: "The volunteer has been deleted." }} />
      <FilterForm label="Search and filter volunteers">
        <TextField name="q" label="Name, role or skill" type="search" defaultValue={query.q} />
        <SelectField
          name="programme"
          label="Programme"
          options={optionsOf(volunteerProgrammeLabels)}
          defaultValue={query.programme}
          placeholder="Any programme"
        />
        <SelectField
          name="status"
          label="Status"
          options={optionsOf(volunteerStatusLabels)}
          defaultValue={query.status}
          placeholder="Any status"
        />
        <SelectField
          name="focus"
          label="Focus"
          options={optionsOf(volunteerFocusLabels)}
          defaultValue={query.focus}
          placeholder="Any focus"
        />
        <TextField name="activeFrom" label="Active from" type="date" defaultValue={query.activeFrom} />
        <TextField name="activeTo" label="Active until" type="date" defaultValue={query.activeTo} />
        <input type="hidden" name="sort" value={query.sort} />
        {query.dir ? <input type="hidden" name="dir" value={query.dir} /> : null}
      </FilterForm>
      <ResultCount total={total} page={query.page} noun={["volunteer", "volunteers"]} />
      {rows.length === 0 ? (
        <div className="empty-state">
          {filtered ? (
            <p>No volunteers match these filters. Try fewer filters, or clear them.</p>
          ) : (
            <>
              <p>
                No volunteers yet. Record the volunteers, work experience students, interns and group members
                who take part in your work, with their training and the hours they give.
              </p>
              {canEdit ? (
                <p>
                  <Link to="/volunteers/new">Add your first volunteer</Link>
                </p>
              ) : null}
            </>
          )}
        </div>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Volunteers</caption>
            <thead>
              <tr>
                <SortHeader label="Name" sortKey="name" current={query.sort} dir={dir} />
                <SortHeader label="Programme" sortKey="programme" current={query.sort} dir={dir} />
                <SortHeader label="Status" sortKey="status" current={query.sort} dir={dir} />
                <SortHeader label="Started" sortKey="start" current={query.sort} dir={dir} />
                <th scope="col" className="number">
                  Hours given
                </th>
                <th scope="col" className="number">
                  Training records
                </th>
                <SortHeader
                  label="Last changed"
                  sortKey="updated"
                  current={query.sort}
                  dir={dir}
                  defaultDir="desc"
                />
              </tr>
            </thead>
            <tbody>
              {rows.map((volunteer) => (
                <tr key={volunteer.id}>
                  <td>
                    <Link to={`/volunteers/${volunteer.id}`}>{volunteer.name}</Link>
                    {volunteer.roles ? (
                      <>
                        <br />
                        <span className="muted small-link">{volunteer.roles}</span>
                      </>
                    ) : null}
                  </td>
                  <td>{volunteerProgrammeLabels[volunteer.programme]}</td>
                  <td>
                    <span className={volunteerStatusBadge(volunteer.status)}>
                      {volunteerStatusLabels[volunteer.status]}
                    </span>
                  </td>
                  <td>{formatDate(volunteer.startDate)}</td>
                  <td className="number">{formatHours(volunteer.totalMinutes)}</td>
                  <td className="number">{volunteer.trainingCount}</td>
                  <td>{formatDate(volunteer.updatedAt)}</td>
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
