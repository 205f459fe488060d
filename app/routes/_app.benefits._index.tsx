import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SelectField, TextField } from "~/components/form";
import { CsvLink, FilterForm, Pagination, ResultCount, SortHeader } from "~/components/list";
import { PageHeader } from "~/components/page-header";
import { PageNotice } from "~/components/page-notice";
import { benefitListQuery } from "~/forms/benefit-list.server";
import { RecordFilter } from "~/components/record-filter";
import { defaultDir, listBenefits } from "~/models/benefit.server";
import { useCanEdit } from "~/utils/app-user";
import { requireUser } from "~/utils/auth.server";
import { formatDate } from "~/utils/dates";
import { beneficiaryLabels, benefitSourceLabels, optionsOf, outcomeLabels } from "~/utils/labels";
import { chosenPartner, chosenProject } from "~/utils/list-page.server";
import { readListQuery } from "~/utils/list-query.server";
import { cachedList } from "~/utils/list-page.server";

export const meta: MetaFunction = () => [{ title: "Benefits · Partnership tracker" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const query = readListQuery(request, benefitListQuery);
  return {
    query,
    dir: query.dir ?? defaultDir(query.sort),
    ...cachedList("benefits", query, () => listBenefits(query)),
    chosen: { partner: chosenPartner(query.partnerId), project: chosenProject(query.projectId) },
  };
}

export default function Benefits() {
  const { query, dir, rows, total, chosen } = useLoaderData<typeof loader>();
  const canEdit = useCanEdit();
  const filtered = Boolean(
    query.q ||
    query.beneficiary ||
    query.source ||
    query.outcome ||
    query.partnerId ||
    query.projectId ||
    query.partner ||
    query.project ||
    query.from ||
    query.to,
  );
  return (
    <>
      <PageHeader
        title="Benefits"
        actions={
          <>
            {canEdit ? (
              <Link to="/benefits/new" className="button">
                Record a benefit
              </Link>
            ) : null}
            <CsvLink to="/benefits.csv" />
          </>
        }
      >
        <p className="lede">
          Gains for users, staff, partners and your organisation, tagged with the Generic Learning and Social
          Outcomes.
        </p>
      </PageHeader>
      <PageNotice messages={{ deleted: "The benefit has been deleted." }} />
      <FilterForm label="Search and filter benefits">
        <TextField name="q" label="Description" type="search" defaultValue={query.q} />
        <SelectField
          name="beneficiary"
          label="Who benefits"
          options={optionsOf(beneficiaryLabels)}
          defaultValue={query.beneficiary}
          placeholder="Anyone"
        />
        <SelectField
          name="outcome"
          label="Outcome"
          options={optionsOf(outcomeLabels)}
          defaultValue={query.outcome}
          placeholder="Any outcome"
        />
        <SelectField
          name="source"
          label="How you know"
          options={optionsOf(benefitSourceLabels)}
          defaultValue={query.source}
          placeholder="Any source"
        />
        <RecordFilter kind="partner" text={query.partner} chosen={chosen.partner} />
        <RecordFilter kind="project" text={query.project} chosen={chosen.project} />
        <TextField name="from" label="From" type="date" defaultValue={query.from} />
        <TextField name="to" label="To" type="date" defaultValue={query.to} />
        <input type="hidden" name="sort" value={query.sort} />
        {query.dir ? <input type="hidden" name="dir" value={query.dir} /> : null}
      </FilterForm>
      <ResultCount total={total} page={query.page} noun={["benefit", "benefits"]} />
      {rows.length === 0 ? (
        <div className="empty-state">
          {filtered ? (
            <p>No benefits match these filters. Try fewer filters, or clear them.</p>
          ) : (
            <>
              <p>
                No benefits yet. A benefit is a gain you have seen or been told about: new skills for
                learners, confidence for a volunteer, new visitors for a partner…
              </p>
              {canEdit ? (
                <p>
                  <Link to="/benefits/new">Record your first benefit</Link>
                </p>
              ) : null}
            </>
          )}
        </div>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Benefits</caption>
            <thead>
              <tr>
                <SortHeader label="Date" sortKey="date" current={query.sort} dir={dir} defaultDir="desc" />
                <SortHeader label="Who benefits" sortKey="beneficiary" current={query.sort} dir={dir} />
                <th scope="col">Benefit</th>
                <th scope="col">Partner</th>
                <th scope="col">Project</th>
                <th scope="col">Outcomes</th>
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
              {rows.map((benefit) => (
                <tr key={benefit.id}>
                  <td>{formatDate(benefit.date)}</td>
                  <td>{beneficiaryLabels[benefit.beneficiary]}</td>
                  <td>
                    <Link to={`/benefits/${benefit.id}`}>{benefit.summary}</Link>
                  </td>
                  <td>
                    {benefit.partnerId !== null ? (
                      <Link to={`/partners/${benefit.partnerId}`}>{benefit.partnerName}</Link>
                    ) : null}
                  </td>
                  <td>
                    {benefit.projectId !== null ? (
                      <Link to={`/projects/${benefit.projectId}`}>{benefit.projectTitle}</Link>
                    ) : null}
                  </td>
                  <td>
                    {benefit.outcomes.length > 0 ? (
                      <ul className="tag-list">
                        {benefit.outcomes.map((outcome) => (
                          <li
                            key={outcome}
                            className={outcome.startsWith("gso_") ? "badge badge--ok" : "badge"}
                          >
                            {outcomeLabels[outcome]}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <span className="muted">None</span>
                    )}
                  </td>
                  <td>{formatDate(benefit.updatedAt)}</td>
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
