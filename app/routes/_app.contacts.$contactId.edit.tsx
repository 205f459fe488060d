import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ContactFields } from "~/components/fields/contact-fields";
import { ErrorSummary, FormState } from "~/components/form";
import { PageHeader } from "~/components/page-header";
import { contactForm } from "~/forms/partners.server";
import { getContact, updateContact } from "~/models/contact.server";
import { requireUser } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms.server";
import { notFound, parseId, readFormData } from "~/utils/http.server";
import { withNotice } from "~/utils/notice";

export const meta: MetaFunction = () => [{ title: "Edit contact · Partnership tracker" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "editor");
  const contact = getContact(parseId(params.contactId)) ?? notFound();
  return { contact };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const id = parseId(params.contactId);
  const contact = getContact(id) ?? notFound();
  const parsed = parseForm(await readFormData(request), contactForm);
  if (!parsed.ok) return data(parsed, { status: 400 });
  updateContact(id, parsed.data, user.id);
  return redirect(withNotice(`/partners/${contact.partnerId}`, "contact-saved"));
}

export default function EditContact() {
  const { contact } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title={`Edit ${contact.name}`}
        crumbs={[
          { to: "/partners", label: "Partners" },
          { to: `/partners/${contact.partnerId}`, label: contact.partnerName },
        ]}
      />
      <FormState failure={actionData}>
        <ErrorSummary />
        <Form method="post" className="form">
          <ContactFields contact={contact} />
          <div className="button-row">
            <button type="submit" className="button">
              Save changes
            </button>
            <Link to={`/partners/${contact.partnerId}`}>Cancel</Link>
          </div>
        </Form>
      </FormState>
      <p className="form-section">
        <Link to={`/contacts/${contact.id}/delete`}>Delete this contact</Link>
      </p>
    </>
  );
}
