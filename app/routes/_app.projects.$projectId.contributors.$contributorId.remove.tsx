import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { RemoveFromProject } from "~/components/fields/project-fields";
import { getProjectContributorLink, removeProjectContributor } from "~/models/project-links.server";
import { getProject } from "~/models/project.server";
import { requireUser } from "~/utils/auth.server";
import { notFound, parseId } from "~/utils/http.server";
import { withNotice } from "~/utils/notice";

export const meta: MetaFunction = () => [
  { title: "Remove a contributor from a project · Partnership tracker" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "editor");
  const projectId = parseId(params.projectId);
  const project = getProject(projectId) ?? notFound();
  const link = getProjectContributorLink(projectId, parseId(params.contributorId)) ?? notFound();
  return { project: { id: project.id, title: project.title }, link };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const projectId = parseId(params.projectId);
  if (!removeProjectContributor(projectId, parseId(params.contributorId), user.id)) notFound();
  return redirect(withNotice(`/projects/${projectId}`, "contributor-removed"));
}

export default function RemoveProjectContributor() {
  const { project, link } = useLoaderData<typeof loader>();
  return <RemoveFromProject name={link.name} what="a contributor" project={project} />;
}
