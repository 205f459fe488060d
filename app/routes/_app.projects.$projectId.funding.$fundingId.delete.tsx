import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DeletePage } from "~/components/delete-page";
import { deleteFundingLine, getProjectFundingLine } from "~/models/funding.server";
import { requireUser } from "~/utils/auth.server";
import { notFound, parseId } from "~/utils/http.server";
import { formatPence } from "~/utils/money";
import { withNotice } from "~/utils/notice";

export const meta: MetaFunction = () => [{ title: "Delete a funding line · Partnership tracker" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "editor");
  return { line: getProjectFundingLine(parseId(params.projectId), parseId(params.fundingId)) ?? notFound() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const line = getProjectFundingLine(parseId(params.projectId), parseId(params.fundingId)) ?? notFound();
  deleteFundingLine(line.id, user.id);
  return redirect(withNotice(`/projects/${line.projectId}`, "funding-deleted"));
}

export default function DeleteFundingLine() {
  const { line } = useLoaderData<typeof loader>();
  const back = `/projects/${line.projectId}`;
  const name = `${formatPence(line.amountPence)} from ${line.source}`;
  return (
    <DeletePage
      title="Delete a funding line"
      name={name}
      crumbs={[
        { to: "/projects", label: "Projects" },
        { to: back, label: line.projectTitle },
      ]}
      backTo={back}
      dependants={[]}
      instead="If the application was turned down, you can keep the line as a record and set its status to Declined instead."
    />
  );
}
