import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { History } from "~/components/history";
import { PageHeader } from "~/components/page-header";
import { listHistory } from "~/models/audit.server";
import { describableTypes, describeRecord, recordKindLabels } from "~/models/records.server";
import { requireUser } from "~/utils/auth.server";
import { notFound, parseId } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `History of ${data?.label ?? "a record"} · Partnership tracker` },
];

/** Any record's audit trail, for administrators: also that of deleted records, by type and id. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "admin");
  const type = params.recordType ?? "";
  if (!describableTypes.includes(type)) notFound();
  const id = parseId(params.recordId);
  const history = listHistory({ type, id });
  const record = describeRecord({ type, id });
  if (!record && history.length === 0) notFound();
  const kind = recordKindLabels[type] ?? type;
  return {
    kind,
    label: record?.label ?? `${kind.toLowerCase()} ${id} (deleted)`,
    href: record?.href ?? null,
    history,
  };
}

export default function RecordHistory() {
  const { kind, label, href, history } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={`History of ${label}`}>
        <p className="lede">
          {kind}. Every change, who made it and when. {href ? <Link to={href}>Go to the record</Link> : null}
        </p>
      </PageHeader>
      <History events={history} />
    </>
  );
}
