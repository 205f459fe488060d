import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { projectStatusBadge } from "~/components/fields/project-fields";
import { SelectField, TextField } from "~/components/form";
import { CsvLink, FilterForm, Pagination, ResultCount, SortHeader } from "~/components/list";
import { PageHeader } from "~/components/page-header";
import { PageNotice } from "~/components/page-notice";
import { projectListQuery } from "~/forms/project-list.server";
import { RecordFilter } from "~/components/record-filter";
import { listProjects } from "~/models/project.server";
import { useCanEdit } from "~/utils/app-user";
import { requireUser } from "~/utils/auth.server";
import { formatDate } from "~/utils/dates";
import { optionsOf, projectStatusLabels } from "~/utils/labels";
import { chosenPartner } from "~/utils/list-page.server";
import { readListQuery } from "~/utils/list-query.server";
import { formatPence } from "~/utils/money";
import { cachedList } from "~/utils/list-page.server";

export const meta: MetaFunction = () => [{ title: "Projects · Partnership tracker" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const query = readListQuery(request, projectListQuery);
  return {
    query,
    chosen: { partner: chosenPartner(query.partnerId) },
    ...cachedList("projects", query, () => listProjects(query)),
  };
}

export default function Projects() {
  const { query, rows, total, chosen } = useLoaderData<typeof loader>();
  const canEdit = useCanEdit();
  const dir = query.dir ?? (query.sort === "updated" ? "desc" : "asc");
  const filtered = Boolean(
    query.q || query.status || query.partnerId || query.partner || query.startedFrom || query.startedTo,
  );
  return (
    <>
      <PageHeader
        title="Projects"
        actions={
          <>
            {canEdit ? (
              <Link to="/projects/new" className="button">
                Add a project
              </Link>
            ) : null}
            <CsvLink to="/projects.csv" />
          </>
        }
      >
        <p className="lede">Learning work you plan and deliver with partners (checklist 3.2).</p>
      </PageHeader>
      <PageNotice messages={{ deleted: "The project has been deleted." }} />
      <FilterForm label="Search and filter projects">
        <TextField name="q" label="Title or description" type="search" defaultValue={query.q} />
        <SelectField
          name="status"
          label="Status"
          options={optionsOf(projectStatusLabels)}
          defaultValue={query.status}
          placeholder="Any status"
        />
        <RecordFilter kind="partner" text={query.partner} chosen={chosen.partner} />
        <TextField name="startedFrom" label="Started from" type="date" defaultValue={query.startedFrom} />
        <TextField name="startedTo" label="Started by" type="date" defaultValue={query.startedTo} />
        <input type="hidden" name="sort" value={query.sort} />
        {query.dir ? <input type="hidden" name="dir" value={query.dir} /> : null}
      </FilterForm>
      <ResultCount total={total} page={query.page} noun={["project", "projects"]} />
      {rows.length === 0 ? (
        <div className="empty-state">
          {filtered ? (
            <p>No projects match these filters. Try fewer filters, or clear them.</p>
          ) : (
            <>
              <p>
                No projects yet. A project is a piece of learning work, usually with partners: a course, a
                festival, a reminiscence programme…
              </p>
              {canEdit ? (
                <p>
                  <Link to="/projects/new">Add your first project</Link>
                </p>
              ) : null}
            </>
          )}
        </div>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Projects</caption>
            <thead>
              <tr>
                <SortHeader label="Title" sortKey="title" current={query.sort} dir={dir} />
                <SortHeader label="Status" sortKey="status" current={query.sort} dir={dir} />
                <SortHeader label="Dates" sortKey="start" current={query.sort} dir={dir} />
                <th scope="col">Partners</th>
                <th scope="col" className="number">
                  Secured funding
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
              {rows.map((project) => (
                <tr key={project.id}>
                  <td>
                    <Link to={`/projects/${project.id}`}>{project.title}</Link>
                  </td>
                  <td>
                    <span className={projectStatusBadge[project.status]}>
                      {projectStatusLabels[project.status]}
                    </span>
                  </td>
                  <td>
                    {formatDate(project.startDate)}
                    {project.endDate ? ` – ${formatDate(project.endDate)}` : ""}
                  </td>
                  <td>
                    {project.partners.length === 0 ? (
                      <span className="muted">None yet</span>
                    ) : (
                      project.partners.map((partner, i) => (
                        <span key={partner.id}>
                          {i > 0 ? ", " : null}
                          <Link to={`/partners/${partner.id}`}>{partner.name}</Link>
                        </span>
                      ))
                    )}
                  </td>
                  <td className="number">{formatPence(project.securedPence)}</td>
                  <td>{formatDate(project.updatedAt)}</td>
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
