import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { readFormData } from "~/utils/http.server";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ContributorFields } from "~/components/fields/contributor-fields";
import { ErrorSummary, FormState } from "~/components/form";
import { PageHeader } from "~/components/page-header";
import { parseContributorForm } from "~/forms/contributors.server";
import { createContributor } from "~/models/contributor.server";
import { getPartner, partnerOptions } from "~/models/partner.server";
import { requireUser } from "~/utils/auth.server";
import { withNotice } from "~/utils/notice";

export const meta: MetaFunction = () => [{ title: "Add a contributor · Partnership tracker" }];

/** `?partnerId=` (from a partner's page) chooses that partner in advance, if it exists. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "editor");
  const raw = new URL(request.url).searchParams.get("partnerId") ?? "";
  const partner = /^[1-9][0-9]{0,15}$/.test(raw) ? getPartner(Number(raw)) : undefined;
  return {
    partner: partner ? { id: partner.id, name: partner.name } : null,
    partners: partnerOptions(partner ? [partner.id] : []),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const parsed = parseContributorForm(await readFormData(request), (id) => Boolean(getPartner(id)));
  if (!parsed.ok) return data(parsed, { status: 400 });
  const id = createContributor(parsed.data, user.id);
  return redirect(withNotice(`/contributors/${id}`, "created"));
}

export default function NewContributor() {
  const { partner, partners } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title="Add a contributor"
        crumbs={
          partner
            ? [
                { to: "/partners", label: "Partners" },
                { to: `/partners/${partner.id}`, label: partner.name },
              ]
            : [{ to: "/contributors", label: "Contributors" }]
        }
      />
      <FormState failure={actionData}>
        <ErrorSummary />
        <Form method="post" className="form">
          <ContributorFields contributor={{ partnerId: partner?.id }} partners={partners} />
          <div className="button-row">
            <button type="submit" className="button">
              Add contributor
            </button>
            <Link to={partner ? `/partners/${partner.id}` : "/contributors"}>Cancel</Link>
          </div>
        </Form>
      </FormState>
    </>
  );
}
