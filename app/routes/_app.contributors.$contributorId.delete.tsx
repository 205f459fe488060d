import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DeletePage } from "~/components/delete-page";
import { contributorDependants, deleteContributor, getContributor } from "~/models/contributor.server";
import { requireUser } from "~/utils/auth.server";
import { notFound, parseId } from "~/utils/http.server";
import { withNotice } from "~/utils/notice";

export const meta: MetaFunction = () => [{ title: "Delete contributor · Partnership tracker" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "editor");
  const id = parseId(params.contributorId);
  const contributor = getContributor(id) ?? notFound();
  return { contributor: { id, name: contributor.name }, dependants: contributorDependants(id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const id = parseId(params.contributorId);
  if (!getContributor(id)) notFound();
  if (contributorDependants(id).length > 0) return redirect(`/contributors/${id}/delete`);
  deleteContributor(id, user.id);
  return redirect(withNotice("/contributors", "deleted"));
}

export default function DeleteContributor() {
  const { contributor, dependants } = useLoaderData<typeof loader>();
  return (
    <DeletePage
      title={`Delete ${contributor.name}`}
      name={contributor.name}
      crumbs={[
        { to: "/contributors", label: "Contributors" },
        { to: `/contributors/${contributor.id}`, label: contributor.name },
      ]}
      backTo={`/contributors/${contributor.id}`}
      dependants={dependants}
      instead="To keep the record of their work with you, give them an “Active to” date instead (edit the contributor)."
    />
  );
}
