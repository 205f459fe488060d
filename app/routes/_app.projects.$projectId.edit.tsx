import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ProjectFields } from "~/components/fields/project-fields";
import { ErrorSummary, FormState } from "~/components/form";
import { PageHeader } from "~/components/page-header";
import { projectForm } from "~/forms/projects.server";
import { getProject, updateProject } from "~/models/project.server";
import { requireUser } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms.server";
import { notFound, parseId, readFormData } from "~/utils/http.server";
import { withNotice } from "~/utils/notice";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Edit ${data?.project.title ?? "project"} · Partnership tracker` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "editor");
  const project = getProject(parseId(params.projectId)) ?? notFound();
  return { project };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const id = parseId(params.projectId);
  const parsed = parseForm(await readFormData(request), projectForm);
  if (!parsed.ok) return data(parsed, { status: 400 });
  if (!updateProject(id, parsed.data, user.id)) notFound();
  return redirect(withNotice(`/projects/${id}`, "saved"));
}

export default function EditProject() {
  const { project } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title={`Edit ${project.title}`}
        crumbs={[
          { to: "/projects", label: "Projects" },
          { to: `/projects/${project.id}`, label: project.title },
        ]}
      />
      <p>
        Partners, contributors, volunteers, funding and user groups are changed on the project&rsquo;s page.
      </p>
      <FormState failure={actionData}>
        <ErrorSummary />
        <Form method="post" className="form">
          <ProjectFields project={project} />
          <div className="button-row">
            <button type="submit" className="button">
              Save changes
            </button>
            <Link to={`/projects/${project.id}`}>Cancel</Link>
          </div>
        </Form>
      </FormState>
      <p className="form-section">
        <Link to={`/projects/${project.id}/delete`}>Delete this project</Link>
      </p>
    </>
  );
}
