import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { BenefitFields } from "~/components/fields/benefit-fields";
import { ErrorSummary, FormState } from "~/components/form";
import { PageHeader } from "~/components/page-header";
import { benefitForm } from "~/forms/benefits.server";
import {
  benefitLinkErrors,
  benefitTitle,
  getBenefit,
  projectChoices,
  updateBenefit,
} from "~/models/benefit.server";
import { partnerOptions } from "~/models/partner.server";
import { requireUser } from "~/utils/auth.server";
import { failure, formValues, parseForm } from "~/utils/forms.server";
import { notFound, parseId, readFormData } from "~/utils/http.server";
import { withNotice } from "~/utils/notice";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Edit ${data?.title ?? "benefit"} · Partnership tracker` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "editor");
  const benefit = getBenefit(parseId(params.benefitId)) ?? notFound();
  return {
    benefit,
    title: benefitTitle(benefit.description),
    partners: partnerOptions([benefit.partnerId]),
    projects: projectChoices([benefit.projectId]),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const id = parseId(params.benefitId);
  const formData = await readFormData(request);
  const parsed = parseForm(formData, benefitForm);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const linkErrors = benefitLinkErrors(parsed.data);
  if (linkErrors) {
    return data(
      { ok: false as const, ...failure(formValues(formData), undefined, linkErrors) },
      { status: 400 },
    );
  }
  if (!updateBenefit(id, parsed.data, user.id)) notFound();
  return redirect(withNotice(`/benefits/${id}`, "saved"));
}

export default function EditBenefit() {
  const { benefit, title, partners, projects } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title="Edit benefit"
        crumbs={[
          { to: "/benefits", label: "Benefits" },
          { to: `/benefits/${benefit.id}`, label: title },
        ]}
      />
      <FormState failure={actionData}>
        <ErrorSummary />
        <Form method="post" className="form">
          <BenefitFields benefit={benefit} partners={partners} projects={projects} />
          <div className="button-row">
            <button type="submit" className="button">
              Save changes
            </button>
            <Link to={`/benefits/${benefit.id}`}>Cancel</Link>
          </div>
        </Form>
      </FormState>
      <p className="form-section">
        <Link to={`/benefits/${benefit.id}/delete`}>Delete this benefit</Link>
      </p>
    </>
  );
}
