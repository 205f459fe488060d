import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ContactFields } from "~/components/fields/contact-fields";
import { ErrorSummary, FormState } from "~/components/form";
import { PageHeader } from "~/components/page-header";
import { PageNotice } from "~/components/page-notice";
import { contactForm } from "~/forms/partners.server";
import { createContact } from "~/models/contact.server";
import { getPartner } from "~/models/partner.server";
import { requireUser } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms.server";
import { notFound, parseId, readFormData } from "~/utils/http.server";
import { withNotice } from "~/utils/notice";

export const meta: MetaFunction = () => [{ title: "Add a contact · Partnership tracker" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "editor");
  const partner = getPartner(parseId(params.partnerId)) ?? notFound();
  return { partner: { id: partner.id, name: partner.name } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const partnerId = parseId(params.partnerId);
  if (!getPartner(partnerId)) notFound();
  const formData = await readFormData(request);
  const parsed = parseForm(formData, contactForm);
  if (!parsed.ok) return data(parsed, { status: 400 });
  createContact(partnerId, parsed.data, user.id);
  if (formData.get("next") === "another") {
    return redirect(withNotice(`/partners/${partnerId}/contacts/new`, "added"));
  }
  return redirect(withNotice(`/partners/${partnerId}`, "contact-added"));
}

export default function NewContact() {
  const { partner } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title={`Add a contact at ${partner.name}`}
        crumbs={[
          { to: "/partners", label: "Partners" },
          { to: `/partners/${partner.id}`, label: partner.name },
        ]}
      />
      <PageNotice messages={{ added: "Contact added. Add another, or go back to the partner." }} />
      <FormState failure={actionData}>
        <ErrorSummary />
        <Form method="post" className="form">
          <ContactFields />
          <div className="button-row">
            <button type="submit" className="button">
              Add contact
            </button>
            <button type="submit" name="next" value="another" className="button button--secondary">
              Add and add another
            </button>
            <Link to={`/partners/${partner.id}`}>Cancel</Link>
          </div>
        </Form>
      </FormState>
    </>
  );
}
