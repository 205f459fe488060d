import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Pagination, ResultCount } from "~/components/list";
import { PageHeader } from "~/components/page-header";
import { PageNotice } from "~/components/page-notice";
import { ImportStatusBadge } from "~/imports/components";
import { countOf, importKindLabels } from "~/imports/fields";
import { listBatches } from "~/models/import.server";
import { requireUser } from "~/utils/auth.server";
import { formatDate, formatDateTime } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "Imports · Partnership tracker" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "editor");
  const raw = Number(new URL(request.url).searchParams.get("page"));
  const page = Number.isInteger(raw) && raw >= 1 && raw <= 100_000 ? raw : 1;
  return { page, ...listBatches(page) };
}

export default function Imports() {
  const { page, rows, total } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Imports"
        actions={
          <Link to="/imports/new" className="button">
            Import a spreadsheet
          </Link>
        }
      >
        <p className="lede">
          Bring partners, contributors and volunteers in from a spreadsheet, and undo an import if it went
          wrong.
        </p>
      </PageHeader>
      <PageNotice messages={{ undone: "The import has been undone." }} />
      <ResultCount total={total} page={page} noun={["import", "imports"]} />
      {rows.length === 0 ? (
        <div className="empty-state">
          <p>
            No imports yet. If you keep partners, contributors or volunteers in a spreadsheet, you can bring
            them in all at once instead of typing each one.
          </p>
          <p>
            <Link to="/imports/new">Import your first spreadsheet</Link>
          </p>
        </div>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Imports, newest first</caption>
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Records</th>
                <th scope="col">Status</th>
                <th scope="col">Uploaded</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((batch) => (
                <tr key={batch.id}>
                  <td>
                    <Link to={`/imports/${batch.id}`}>{batch.filename}</Link>
                    <div className="muted">
                      {batch.rowCount.toLocaleString("en-GB")} {batch.rowCount === 1 ? "row" : "rows"} of{" "}
                      {importKindLabels[batch.kind].many}
                    </div>
                  </td>
                  <td>
                    {batch.status === "draft" ? (
                      <span className="muted">None yet</span>
                    ) : (
                      <>
                        {countOf(batch.kind, batch.importedCount)}
                        {batch.importedAt ? (
                          <div className="muted">Imported {formatDateTime(batch.importedAt)}</div>
                        ) : null}
                      </>
                    )}
                  </td>
                  <td>
                    <ImportStatusBadge status={batch.status} />
                    {batch.status === "undone" && batch.undoneAt ? (
                      <div className="muted">
                        {formatDate(batch.undoneAt)}
                        {batch.undoneByName ? ` by ${batch.undoneByName}` : ""}
                      </div>
                    ) : null}
                  </td>
                  <td>
                    {formatDateTime(batch.createdAt)}
                    {batch.createdByName ? <div className="muted">by {batch.createdByName}</div> : null}
                  </td>
                  <td>
                    {batch.status === "imported" ? (
                      <Link to={`/imports/${batch.id}/undo`} className="small-link">
                        Undo<span className="visually-hidden"> the import of {batch.filename}</span>
                      </Link>
                    ) : (
                      <Link to={`/imports/${batch.id}`} className="small-link">
                        Continue<span className="visually-hidden"> with {batch.filename}</span>
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination total={total} page={page} />
    </>
  );
}
