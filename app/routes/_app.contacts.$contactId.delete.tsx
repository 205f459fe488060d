import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DeletePage } from "~/components/delete-page";
import { contactDependants, deleteContact, getContact } from "~/models/contact.server";
import { requireUser } from "~/utils/auth.server";
import { notFound, parseId } from "~/utils/http.server";
import { withNotice } from "~/utils/notice";

export const meta: MetaFunction = () => [{ title: "Delete contact · Partnership tracker" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "editor");
  const id = parseId(params.contactId);
  const contact = getContact(id) ?? notFound();
  return { contact, dependants: contactDependants(id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const id = parseId(params.contactId);
  const contact = getContact(id) ?? notFound();
  if (contactDependants(id).length > 0) return redirect(`/contacts/${id}/delete`);
  deleteContact(id, user.id);
  return redirect(withNotice(`/partners/${contact.partnerId}`, "contact-deleted"));
}

export default function DeleteContact() {
  const { contact, dependants } = useLoaderData<typeof loader>();
  return (
    <DeletePage
      title={`Delete ${contact.name}`}
      name={contact.name}
      crumbs={[
        { to: "/partners", label: "Partners" },
        { to: `/partners/${contact.partnerId}`, label: contact.partnerName },
      ]}
      backTo={`/partners/${contact.partnerId}`}
      dependants={dependants}
    />
  );
}
