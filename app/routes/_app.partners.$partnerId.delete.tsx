import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DeletePage } from "~/components/delete-page";
import { deletePartner, getPartner, partnerDependants } from "~/models/partner.server";
import { requireUser } from "~/utils/auth.server";
import { notFound, parseId } from "~/utils/http.server";
import { withNotice } from "~/utils/notice";

export const meta: MetaFunction = () => [{ title: "Delete partner · Partnership tracker" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "editor");
  const id = parseId(params.partnerId);
  const partner = getPartner(id) ?? notFound();
  return { partner: { id, name: partner.name }, dependants: partnerDependants(id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const id = parseId(params.partnerId);
  if (!getPartner(id)) notFound();
  if (partnerDependants(id).length > 0) return redirect(`/partners/${id}/delete`);
  deletePartner(id, user.id);
  return redirect(withNotice("/partners", "deleted"));
}

export default function DeletePartner() {
  const { partner, dependants } = useLoaderData<typeof loader>();
  return (
    <DeletePage
      title={`Delete ${partner.name}`}
      name={partner.name}
      crumbs={[
        { to: "/partners", label: "Partners" },
        { to: `/partners/${partner.id}`, label: partner.name },
      ]}
      backTo={`/partners/${partner.id}`}
      dependants={dependants}
      instead="To keep the record of the partnership, mark it as Ended instead (edit the partner and give the end date and reason)."
    />
  );
}
