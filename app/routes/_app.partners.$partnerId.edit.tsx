import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { PartnerFields } from "~/components/fields/partner-fields";
import { ErrorSummary, FormState } from "~/components/form";
import { PageHeader } from "~/components/page-header";
import { partnerForm } from "~/forms/partners.server";
import { getPartner, updatePartner } from "~/models/partner.server";
import { lastReview } from "~/models/review.server";
import { requireUser } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms.server";
import { notFound, parseId, readFormData } from "~/utils/http.server";
import { withNotice } from "~/utils/notice";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Edit ${data?.partner.name ?? "partner"} · Partnership tracker` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "editor");
  const partner = getPartner(parseId(params.partnerId)) ?? notFound();
  return { partner, lastReviewOn: lastReview(partner.id)?.heldOn ?? null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const id = parseId(params.partnerId);
  const parsed = parseForm(await readFormData(request), partnerForm);
  if (!parsed.ok) return data(parsed, { status: 400 });
  if (!updatePartner(id, parsed.data, user.id)) notFound();
  return redirect(withNotice(`/partners/${id}`, "saved"));
}

export default function EditPartner() {
  const { partner, lastReviewOn } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title={`Edit ${partner.name}`}
        crumbs={[
          { to: "/partners", label: "Partners" },
          { to: `/partners/${partner.id}`, label: partner.name },
        ]}
      />
      <FormState failure={actionData}>
        <ErrorSummary />
        <Form method="post" className="form">
          <PartnerFields partner={partner} lastReviewOn={lastReviewOn} />
          <div className="button-row">
            <button type="submit" className="button">
              Save changes
            </button>
            <Link to={`/partners/${partner.id}`}>Cancel</Link>
          </div>
        </Form>
      </FormState>
      <p className="form-section">
        <Link to={`/partners/${partner.id}/delete`}>Delete this partner</Link>
      </p>
    </>
  );
}
