import { TZDate } from "@date-fns/tz";
import { readFormData } from "~/utils/http.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { format } from "date-fns";
import { BenefitFields } from "~/components/fields/benefit-fields";
import { ErrorSummary, FormState } from "~/components/form";
import { PageHeader, type Crumb } from "~/components/page-header";
import { benefitForm } from "~/forms/benefits.server";
import {
  benefitLinkErrors,
  createBenefit,
  partnerNameOf,
  projectChoices,
  projectTitleOf,
} from "~/models/benefit.server";
import { partnerOptions } from "~/models/partner.server";
import { requireUser } from "~/utils/auth.server";
import { TIME_ZONE } from "~/utils/dates";
import { failure, formValues, parseForm } from "~/utils/forms.server";
import { withNotice } from "~/utils/notice";

export const meta: MetaFunction = () => [{ title: "Record a benefit · Partnership tracker" }];

/** A positive whole-number id from the address, or undefined. */
function idParam(params: URLSearchParams, name: string) {
  const value = params.get(name);
  return value && /^[1-9][0-9]{0,15}$/.test(value) ? Number(value) : undefined;
}

/** `?partnerId=` and `?projectId=` (from a partner's or project's page) choose them in advance. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "editor");
  const params = new URL(request.url).searchParams;
  const partnerId = idParam(params, "partnerId");
  const projectId = idParam(params, "projectId");
  const partnerName = partnerId !== undefined ? partnerNameOf(partnerId) : undefined;
  const projectTitle = projectId !== undefined ? projectTitleOf(projectId) : undefined;
  const partner = partnerName !== undefined ? { id: partnerId!, name: partnerName } : null;
  const project = projectTitle !== undefined ? { id: projectId!, title: projectTitle } : null;
  return {
    partner,
    project,
    partners: partnerOptions([partner?.id]),
    projects: projectChoices([project?.id]),
    today: format(new TZDate(Date.now(), TIME_ZONE), "yyyy-MM-dd"),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
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
  const id = createBenefit(parsed.data, user.id);
  return redirect(withNotice(`/benefits/${id}`, "created"));
}

export default function NewBenefit() {
  const { partner, project, partners, projects, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const crumbs: Crumb[] = [{ to: "/benefits", label: "Benefits" }];
  if (partner) crumbs.push({ to: `/partners/${partner.id}`, label: partner.name });
  else if (project) crumbs.push({ to: `/projects/${project.id}`, label: project.title });
  const back = crumbs[crumbs.length - 1].to;
  return (
    <>
      <PageHeader title="Record a benefit" crumbs={crumbs}>
        <p className="lede">
          A gain for users, staff, a partner or your organisation, and the outcomes it shows.
        </p>
      </PageHeader>
      <FormState failure={actionData}>
        <ErrorSummary />
        <Form method="post" className="form">
          <BenefitFields
            benefit={{ date: today, partnerId: partner?.id, projectId: project?.id }}
            partners={partners}
            projects={projects}
          />
          <div className="button-row">
            <button type="submit" className="button">
              Record benefit
            </button>
            <Link to={back}>Cancel</Link>
          </div>
        </Form>
      </FormState>
    </>
  );
}
