import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DeletePage } from "~/components/delete-page";
import { deleteUserGroup, getProjectUserGroup } from "~/models/user-group.server";
import { requireUser } from "~/utils/auth.server";
import { notFound, parseId } from "~/utils/http.server";
import { withNotice } from "~/utils/notice";

export const meta: MetaFunction = () => [{ title: "Delete a user group · Partnership tracker" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "editor");
  return { group: getProjectUserGroup(parseId(params.projectId), parseId(params.groupId)) ?? notFound() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const group = getProjectUserGroup(parseId(params.projectId), parseId(params.groupId)) ?? notFound();
  deleteUserGroup(group.id, user.id);
  return redirect(withNotice(`/projects/${group.projectId}`, "user-group-deleted"));
}

export default function DeleteUserGroup() {
  const { group } = useLoaderData<typeof loader>();
  const back = `/projects/${group.projectId}`;
  return (
    <DeletePage
      title="Delete a user group"
      name={group.description}
      crumbs={[
        { to: "/projects", label: "Projects" },
        { to: back, label: group.projectTitle },
      ]}
      backTo={back}
      dependants={[]}
    />
  );
}
