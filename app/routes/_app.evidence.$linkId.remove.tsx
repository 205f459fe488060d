import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/page-header";
import { getLine, lineLabel } from "~/checklist/section3";
import { getEvidenceLink, removeEvidenceLink } from "~/models/evidence.server";
import { describeRecord } from "~/models/records.server";
import { requireUser } from "~/utils/auth.server";
import { notFound, parseId } from "~/utils/http.server";
import { withNotice } from "~/utils/notice";

export const meta: MetaFunction = () => [{ title: "Remove evidence link · Partnership tracker" }];

function load(linkId: string | undefined) {
  const link = getEvidenceLink(parseId(linkId)) ?? notFound();
  if (link.status !== "confirmed") notFound();
  const record = describeRecord({ type: link.recordType, id: link.recordId });
  return { link, record };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "editor");
  const { link, record } = load(params.linkId);
  const line = getLine(link.lineCode);
  return { link, record, lineText: line ? lineLabel(line) : link.lineCode };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const { link, record } = load(params.linkId);
  removeEvidenceLink(link.id, user.id);
  return redirect(withNotice(record?.href ?? `/checklist/${link.lineCode}`, "evidence-removed"));
}

export default function RemoveEvidence() {
  const { record, lineText, link } = useLoaderData<typeof loader>();
  const back = record?.href ?? `/checklist/${link.lineCode}`;
  return (
    <>
      <PageHeader
        title="Remove an evidence link"
        crumbs={record ? [{ to: record.href, label: record.label }] : []}
      />
      <div className="card">
        <p>
          Stop counting <strong>{record?.label ?? "this record"}</strong> as evidence for{" "}
          <strong>{lineText}</strong>?
        </p>
        {link.rule ? <p>It was suggested by the app; it will not be suggested again.</p> : null}
        <Form method="post" className="button-row">
          <button type="submit" className="button button--danger">
            Yes, remove the link
          </button>
          <Link to={back}>No, go back</Link>
        </Form>
      </div>
    </>
  );
}
