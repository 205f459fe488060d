import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SelectField, TextField } from "~/components/form";
import { CsvLink, FilterForm, Pagination, ResultCount, SortHeader } from "~/components/list";
import { PageHeader } from "~/components/page-header";
import { PageNotice } from "~/components/page-notice";
import { partnerListQuery } from "~/forms/partner-list.server";
import { listPartners } from "~/models/partner.server";
import { useCanEdit } from "~/utils/app-user";
import { requireUser } from "~/utils/auth.server";
import { formatDate } from "~/utils/dates";
import { optionsOf, partnerStatusLabels, partnerTypeLabels } from "~/utils/labels";
import { readListQuery } from "~/utils/list-query.server";
import { cachedList } from "~/utils/list-page.server";

export const meta: MetaFunction = () => [{ title: "Partners · Partnership tracker" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const query = readListQuery(request, partnerListQuery);
  return { query, ...cachedList("partners", query, () => listPartners(query)) };
}

export default function Partners() {
  const { query, rows, total } = useLoaderData<typeof loader>();
  const canEdit = useCanEdit();
  const dir = query.dir ?? (query.sort === "updated" ? "desc" : "asc");
  const filtered = Boolean(
    query.q ||
    query.type ||
    query.status ||
    query.advocate ||
    query.services ||
    query.startedFrom ||
    query.startedTo,
  );
  return (
    <>
      <PageHeader
        title="Partners"
        actions={
          <>
            {canEdit ? (
              <Link to="/partners/new" className="button">
                Add a partner
              </Link>
            ) : null}
            <CsvLink to="/partners.csv" />
          </>
        }
      >
        <p className="lede">Organisations you work with or might work with (checklist 3.1).</p>
      </PageHeader>
      <PageNotice messages={{ deleted: "The partner has been deleted." }} />
      <FilterForm label="Search and filter partners">
        <TextField name="q" label="Name or area" type="search" defaultValue={query.q} />
        <SelectField
          name="type"
          label="Type"
          options={optionsOf(partnerTypeLabels)}
          defaultValue={query.type}
          placeholder="Any type"
        />
        <SelectField
          name="status"
          label="Status"
          options={optionsOf(partnerStatusLabels)}
          defaultValue={query.status}
          placeholder="Any status"
        />
        <SelectField
          name="advocate"
          label="Advocate"
          options={[
            { value: "yes", label: "Advocates" },
            { value: "no", label: "Not advocates" },
          ]}
          defaultValue={query.advocate}
          placeholder="Either"
        />
        <SelectField
          name="services"
          label="Extends our services"
          options={[
            { value: "onsite", label: "On-site" },
            { value: "offsite", label: "Off-site" },
          ]}
          defaultValue={query.services}
          placeholder="Either"
        />
        <TextField name="startedFrom" label="Started from" type="date" defaultValue={query.startedFrom} />
        <TextField name="startedTo" label="Started by" type="date" defaultValue={query.startedTo} />
        <input type="hidden" name="sort" value={query.sort} />
        {query.dir ? <input type="hidden" name="dir" value={query.dir} /> : null}
      </FilterForm>
      <ResultCount total={total} page={query.page} noun={["partner", "partners"]} />
      {rows.length === 0 ? (
        <div className="empty-state">
          {filtered ? (
            <p>No partners match these filters. Try fewer filters, or clear them.</p>
          ) : (
            <>
              <p>
                No partners yet. Partners are the organisations you work with: colleges, schools, community
                groups, health trusts…
              </p>
              {canEdit ? (
                <p>
                  <Link to="/partners/new">Add your first partner</Link>
                </p>
              ) : null}
            </>
          )}
        </div>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Partners</caption>
            <thead>
              <tr>
                <SortHeader label="Name" sortKey="name" current={query.sort} dir={dir} />
                <SortHeader label="Type" sortKey="type" current={query.sort} dir={dir} />
                <SortHeader label="Status" sortKey="status" current={query.sort} dir={dir} />
                <th scope="col">Area</th>
                <SortHeader label="Started" sortKey="start" current={query.sort} dir={dir} />
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
              {rows.map((partner) => (
                <tr key={partner.id}>
                  <td>
                    <Link to={`/partners/${partner.id}`}>{partner.name}</Link>
                    {partner.isAdvocate ? <span className="badge badge--ok"> Advocate</span> : null}
                  </td>
                  <td>{partnerTypeLabels[partner.type]}</td>
                  <td>
                    <span className={`badge badge--status-${partner.status}`}>
                      {partnerStatusLabels[partner.status]}
                    </span>
                  </td>
                  <td>{partner.area}</td>
                  <td>{formatDate(partner.startDate)}</td>
                  <td>{formatDate(partner.updatedAt)}</td>
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
