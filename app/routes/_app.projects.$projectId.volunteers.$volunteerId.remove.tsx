import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { RemoveFromProject } from "~/components/fields/project-fields";
import { getProjectVolunteerLink, removeProjectVolunteer } from "~/models/project-links.server";
import { getProject } from "~/models/project.server";
import { requireUser } from "~/utils/auth.server";
import { notFound, parseId } from "~/utils/http.server";
import { withNotice } from "~/utils/notice";

export const meta: MetaFunction = () => [
  { title: "Remove a volunteer from a project · Partnership tracker" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "editor");
  const projectId = parseId(params.projectId);
  const project = getProject(projectId) ?? notFound();
  const link = getProjectVolunteerLink(projectId, parseId(params.volunteerId)) ?? notFound();
  return { project: { id: project.id, title: project.title }, link };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const projectId = parseId(params.projectId);
  if (!removeProjectVolunteer(projectId, parseId(params.volunteerId), user.id)) notFound();
  return redirect(withNotice(`/projects/${projectId}`, "volunteer-removed"));
}

export default function RemoveProjectVolunteer() {
  const { project, link } = useLoaderData<typeof loader>();
  return <RemoveFromProject name={link.name} what="a volunteer" project={project} />;
}
