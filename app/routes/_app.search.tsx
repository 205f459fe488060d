import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/page-header";
import { searchRecords } from "~/models/search.server";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.q ? `“${data.q}” · Search · Partnership tracker` : "Search · Partnership tracker" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, 200);
  return { q, groups: q ? searchRecords(q) : [] };
}

export default function Search() {
  const { q, groups } = useLoaderData<typeof loader>();
  const found = groups.filter((g) => g.total > 0);
  return (
    <>
      <PageHeader title="Search" />
      <Form method="get" className="filters" role="search" aria-label="Search everything">
        <div className="field">
          <label htmlFor="search-q">
            Partners, contacts, contributors, volunteers, projects and benefits
          </label>
          <input id="search-q" type="search" name="q" defaultValue={q} />
        </div>
        <div className="filters__buttons">
          <button type="submit" className="button">
            Search
          </button>
        </div>
      </Form>
      {q === "" ? (
        <p className="muted">Type a name, a title or a few words of a description.</p>
      ) : found.length === 0 ? (
        <p role="status">Nothing matches “{q}”. Check the spelling, or try part of the name.</p>
      ) : (
        <>
          <p role="status" className="result-count">
            {found.reduce((sum, g) => sum + g.total, 0).toLocaleString("en-GB")} results for “{q}”
          </p>
          <div className="grid grid--2">
            {found.map((group) => (
              <section key={group.type} className="card" aria-labelledby={`results-${group.type}`}>
                <h2 id={`results-${group.type}`}>
                  {group.title} <span className="muted">({group.total.toLocaleString("en-GB")})</span>
                </h2>
                <ul className="plain-list">
                  {group.hits.map((hit) => (
                    <li key={hit.id}>
                      <Link to={hit.href}>{hit.label}</Link>
                      {hit.detail ? <span className="muted"> · {hit.detail}</span> : null}
                    </li>
                  ))}
                </ul>
                {group.total > group.hits.length && group.listHref ? (
                  <p>
                    <Link to={group.listHref}>
                      See all {group.total.toLocaleString("en-GB")} {group.title.toLowerCase()}
                    </Link>
                  </p>
                ) : null}
              </section>
            ))}
          </div>
        </>
      )}
    </>
  );
}
