import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { UserGroupFields } from "~/components/fields/project-fields";
import { ErrorSummary, FormState } from "~/components/form";
import { PageHeader } from "~/components/page-header";
import { userGroupForm } from "~/forms/projects.server";
import { getProjectUserGroup, updateUserGroup } from "~/models/user-group.server";
import { requireUser } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms.server";
import { notFound, parseId, readFormData } from "~/utils/http.server";
import { withNotice } from "~/utils/notice";

export const meta: MetaFunction = () => [{ title: "Edit a user group · Partnership tracker" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "editor");
  return { group: getProjectUserGroup(parseId(params.projectId), parseId(params.groupId)) ?? notFound() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const group = getProjectUserGroup(parseId(params.projectId), parseId(params.groupId)) ?? notFound();
  const parsed = parseForm(await readFormData(request), userGroupForm);
  if (!parsed.ok) return data(parsed, { status: 400 });
  updateUserGroup(group.id, parsed.data, user.id);
  return redirect(withNotice(`/projects/${group.projectId}`, "user-group-saved"));
}

export default function EditUserGroup() {
  const { group } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const back = `/projects/${group.projectId}`;
  return (
    <>
      <PageHeader
        title={`Edit user group: ${group.description}`}
        crumbs={[
          { to: "/projects", label: "Projects" },
          { to: back, label: group.projectTitle },
        ]}
      />
      <FormState failure={actionData}>
        <ErrorSummary />
        <Form method="post" className="form">
          <UserGroupFields group={group} />
          <div className="button-row">
            <button type="submit" className="button">
              Save changes
            </button>
            <Link to={back}>Cancel</Link>
          </div>
        </Form>
      </FormState>
      <p className="form-section">
        <Link to={`${back}/user-groups/${group.id}/delete`}>Delete this user group</Link>
      </p>
    </>
  );
}
