import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DeletePage } from "~/components/delete-page";
import { deleteAction, getAction } from "~/models/action.server";
import { requireUser } from "~/utils/auth.server";
import { notFound, parseId } from "~/utils/http.server";
import { withNotice } from "~/utils/notice";

export const meta: MetaFunction = () => [{ title: "Delete action · Partnership tracker" }];

/** A long description, shortened for the title and the button. */
function shortName(description: string) {
  return description.length > 60 ? `${description.slice(0, 57).trimEnd()}…` : description;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "editor");
  const id = parseId(params.actionId);
  const item = getAction(id) ?? notFound();
  return { item: { id, name: shortName(item.description) } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const id = parseId(params.actionId);
  if (!deleteAction(id, user.id)) notFound();
  return redirect(withNotice("/actions", "deleted"));
}

export default function DeleteAction() {
  const { item } = useLoaderData<typeof loader>();
  return (
    <DeletePage
      title="Delete action"
      name={`“${item.name}”`}
      crumbs={[
        { to: "/actions", label: "Actions" },
        { to: `/actions/${item.id}/edit`, label: "Edit action" },
      ]}
      backTo={`/actions/${item.id}/edit`}
      dependants={[]}
      instead="If the action is finished, mark it as done instead: that keeps a record of it."
    />
  );
}
