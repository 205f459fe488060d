import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DeletePage, listInWords } from "~/components/delete-page";
import { deleteProject, getProject, projectDependants, projectParts } from "~/models/project.server";
import { requireUser } from "~/utils/auth.server";
import { notFound, parseId } from "~/utils/http.server";
import { withNotice } from "~/utils/notice";

export const meta: MetaFunction = () => [{ title: "Delete project · Partnership tracker" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "editor");
  const id = parseId(params.projectId);
  const project = getProject(id) ?? notFound();
  return {
    project: { id, title: project.title },
    dependants: projectDependants(id),
    parts: projectParts(id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const id = parseId(params.projectId);
  if (!getProject(id)) notFound();
  if (projectDependants(id).length > 0) return redirect(`/projects/${id}/delete`);
  deleteProject(id, user.id);
  return redirect(withNotice("/projects", "deleted"));
}

export default function DeleteProject() {
  const { project, dependants, parts } = useLoaderData<typeof loader>();
  const belongs =
    parts.length > 0
      ? `Its ${listInWords(parts)} belong to the project and are removed with it (the partners, contributors and volunteers themselves stay).`
      : "Its partners, contributors, volunteers, funding lines and user groups belong to the project and are removed with it (the partners, contributors and volunteers themselves stay).";
  return (
    <DeletePage
      title={`Delete ${project.title}`}
      name={project.title}
      crumbs={[
        { to: "/projects", label: "Projects" },
        { to: `/projects/${project.id}`, label: project.title },
      ]}
      backTo={`/projects/${project.id}`}
      dependants={dependants}
      instead={
        dependants.length > 0
          ? "To keep the benefits as evidence, keep the project: mark it as Completed or Cancelled instead."
          : `${belongs} To keep the record of the work, mark it as Completed or Cancelled instead.`
      }
    />
  );
}
