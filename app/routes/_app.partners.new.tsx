import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { readFormData } from "~/utils/http.server";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { PartnerFields } from "~/components/fields/partner-fields";
import { ErrorSummary, FormState } from "~/components/form";
import { PageHeader } from "~/components/page-header";
import { partnerForm } from "~/forms/partners.server";
import { createPartner } from "~/models/partner.server";
import { requireUser } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms.server";
import { withNotice } from "~/utils/notice";

export const meta: MetaFunction = () => [{ title: "Add a partner · Partnership tracker" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "editor");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const parsed = parseForm(await readFormData(request), partnerForm);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const id = createPartner(parsed.data, user.id);
  return redirect(withNotice(`/partners/${id}`, "created"));
}

export default function NewPartner() {
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader title="Add a partner" crumbs={[{ to: "/partners", label: "Partners" }]} />
      <FormState failure={actionData}>
        <ErrorSummary />
        <Form method="post" className="form">
          <PartnerFields />
          <button type="submit" className="button">
            Add partner
          </button>
        </Form>
      </FormState>
    </>
  );
}
