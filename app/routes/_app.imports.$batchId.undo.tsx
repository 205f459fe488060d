import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { listInWords } from "~/components/delete-page";
import { PageHeader } from "~/components/page-header";
import { countOf, importKindLabels } from "~/imports/fields";
import { getBatch, undoBatch, undoBlockers } from "~/models/import.server";
import { requireUser } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/dates";
import { notFound, parseId } from "~/utils/http.server";
import { withNotice } from "~/utils/notice";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Undo the import of ${data?.batch.filename ?? "a file"} · Imports · Partnership tracker` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "editor");
  const id = parseId(params.batchId);
  const batch = getBatch(id) ?? notFound();
  return {
    batch: {
      id,
      kind: batch.kind,
      filename: batch.filename,
      status: batch.status,
      importedCount: batch.importedCount,
      importedAt: batch.importedAt,
    },
    blockers: batch.status === "imported" ? undoBlockers(id) : { dependants: [], records: [] },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const id = parseId(params.batchId);
  if (!getBatch(id)) notFound();
  const result = await undoBatch(id, user.id);
  if (!result.ok) return data({ message: result.message }, { status: 409 });
  return redirect(withNotice("/imports", "undone"));
}

export default function UndoImport() {
  const { batch, blockers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const undoing = navigation.state === "submitting";
  const words = importKindLabels[batch.kind];
  const title = `Undo the import of ${batch.filename}`;
  const crumbs = [
    { to: "/imports", label: "Imports" },
    { to: `/imports/${batch.id}`, label: batch.filename },
  ];
  if (batch.status !== "imported") {
    return (
      <>
        <PageHeader title={title} crumbs={crumbs} />
        <div className="card">
          <p>
            {batch.status === "undone"
              ? "This import has already been undone: the records it added are no longer in the tracker."
              : batch.status === "importing" || batch.status === "undoing"
                ? "This file is being imported or undone right now. Wait a moment, then look at the file again."
                : "This file has not been imported, so there is nothing to undo."}
          </p>
          <p>
            <Link to={`/imports/${batch.id}`}>Go back to the file</Link>
          </p>
        </div>
      </>
    );
  }
  return (
    <>
      <PageHeader title={title} crumbs={crumbs} />
      {actionData?.message ? (
        <div className="error-summary" role="alert">
          <p>{actionData.message}</p>
        </div>
      ) : null}
      {blockers.dependants.length > 0 ? (
        <div className="card">
          <p>
            This import cannot be undone, because some of the {words.many} it added are now used elsewhere:{" "}
            {listInWords(blockers.dependants)}.
          </p>
          {blockers.records.length > 0 ? (
            <p>The records concerned: {listInWords(blockers.records)}.</p>
          ) : null}
          <p>
            Undoing would lose that work. Remove those links first, or delete the records you do not want one
            by one from their pages.
          </p>
          <p>
            <Link to={`/imports/${batch.id}`}>Go back to the import</Link>
          </p>
        </div>
      ) : (
        <div className="card">
          <p>
            Undo this import? The <strong>{countOf(batch.kind, batch.importedCount)}</strong> it added
            {batch.importedAt ? ` on ${formatDateTime(batch.importedAt)}` : ""} will be deleted
            {batch.kind === "partners" ? ", with the contacts it added" : ""}, together with their suggested
            and confirmed evidence links
            {batch.kind === "volunteers" ? " and any equality monitoring answers" : ""}. Changes made to them
            since the import are lost too. Each deletion stays in the audit trail.
          </p>
          <p>The rows stay here, so you can fix them and import them again.</p>
          <Form method="post" className="button-row">
            <button type="submit" className="button button--danger" disabled={undoing}>
              {undoing ? "Undoing…" : "Yes, undo the import"}
            </button>
            <Link to={`/imports/${batch.id}`}>No, go back</Link>
          </Form>
        </div>
      )}
    </>
  );
}
