import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SelectField, TextField } from "~/components/form";
import { CsvLink, FilterForm, Pagination, ResultCount, SortHeader } from "~/components/list";
import { PageHeader } from "~/components/page-header";
import { PageNotice } from "~/components/page-notice";
import { contributorListQuery } from "~/forms/contributor-list.server";
import { RecordFilter } from "~/components/record-filter";
import { listContributors } from "~/models/contributor.server";
import { useCanEdit } from "~/utils/app-user";
import { requireUser } from "~/utils/auth.server";
import { formatDate } from "~/utils/dates";
import { contributorKindLabels, optionsOf } from "~/utils/labels";
import { chosenPartner } from "~/utils/list-page.server";
import { readListQuery } from "~/utils/list-query.server";
import { cachedList } from "~/utils/list-page.server";

export const meta: MetaFunction = () => [{ title: "Contributors · Partnership tracker" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const query = readListQuery(request, contributorListQuery);
  return {
    query,
    chosen: { partner: chosenPartner(query.partnerId) },
    ...cachedList("contributors", query, () => listContributors(query)),
  };
}

export default function Contributors() {
  const { query, chosen, rows, total } = useLoaderData<typeof loader>();
  const canEdit = useCanEdit();
  const dir = query.dir ?? (query.sort === "updated" ? "desc" : "asc");
  const filtered = Boolean(query.q || query.kind || query.partnerId || query.partner || query.active);
  return (
    <>
      <PageHeader
        title="Contributors"
        actions={
          <>
            {canEdit ? (
              <Link to="/contributors/new" className="button">
                Add a contributor
              </Link>
            ) : null}
            <CsvLink to="/contributors.csv" />
          </>
        }
      >
        <p className="lede">
          People from outside who deliver or enrich learning: writers, artists, dancers, musicians, youth
          workers, IT specialists (checklist 3.3.2).
        </p>
      </PageHeader>
      <PageNotice messages={{ deleted: "The contributor has been deleted." }} />
      <FilterForm label="Search and filter contributors">
        <TextField name="q" label="Name or skills" type="search" defaultValue={query.q} />
        <SelectField
          name="kind"
          label="Kind"
          options={optionsOf(contributorKindLabels)}
          defaultValue={query.kind}
          placeholder="Any kind"
        />
        <RecordFilter kind="partner" text={query.partner} chosen={chosen.partner} />
        <SelectField
          name="active"
          label="Active now"
          options={[
            { value: "yes", label: "Active now" },
            { value: "no", label: "Not active now" },
          ]}
          defaultValue={query.active}
          placeholder="Either"
        />
        <input type="hidden" name="sort" value={query.sort} />
        {query.dir ? <input type="hidden" name="dir" value={query.dir} /> : null}
      </FilterForm>
      <ResultCount total={total} page={query.page} noun={["contributor", "contributors"]} />
      {rows.length === 0 ? (
        <div className="empty-state">
          {filtered ? (
            <p>No contributors match these filters. Try fewer filters, or clear them.</p>
          ) : (
            <>
              <p>
                No contributors yet. Contributors are the people from outside who deliver or enrich your
                learning programmes: a writer in residence, a dance artist, a youth worker…
              </p>
              {canEdit ? (
                <p>
                  <Link to="/contributors/new">Add your first contributor</Link>
                </p>
              ) : null}
            </>
          )}
        </div>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Contributors</caption>
            <thead>
              <tr>
                <SortHeader label="Name" sortKey="name" current={query.sort} dir={dir} />
                <SortHeader label="Kind" sortKey="kind" current={query.sort} dir={dir} />
                <th scope="col">Partner</th>
                <SortHeader label="Active" sortKey="activeFrom" current={query.sort} dir={dir} />
                <th scope="col">Projects</th>
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
              {rows.map((contributor) => (
                <tr key={contributor.id}>
                  <td>
                    <Link to={`/contributors/${contributor.id}`}>{contributor.name}</Link>
                    {contributor.skills ? (
                      <>
                        <br />
                        <span className="muted">{contributor.skills}</span>
                      </>
                    ) : null}
                  </td>
                  <td>{contributorKindLabels[contributor.kind]}</td>
                  <td>
                    {contributor.partnerId && contributor.partnerName ? (
                      <Link to={`/partners/${contributor.partnerId}`}>{contributor.partnerName}</Link>
                    ) : null}
                  </td>
                  <td>
                    {contributor.activeNow ? <span className="badge badge--ok">Active now</span> : null}
                    {contributor.activeNow && (contributor.activeFrom || contributor.activeTo) ? (
                      <br />
                    ) : null}
                    <ActiveDates from={contributor.activeFrom} to={contributor.activeTo} />
                  </td>
                  <td>{contributor.projectCount}</td>
                  <td>{formatDate(contributor.updatedAt)}</td>
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

function ActiveDates({ from, to }: { from: string | null; to: string | null }) {
  if (from && to) return <>{`${formatDate(from)} – ${formatDate(to)}`}</>;
  if (from) return <>{`From ${formatDate(from)}`}</>;
  if (to) return <>{`Until ${formatDate(to)}`}</>;
  return null;
}
