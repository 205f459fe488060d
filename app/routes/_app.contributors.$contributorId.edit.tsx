import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ContributorFields } from "~/components/fields/contributor-fields";
import { ErrorSummary, FormState } from "~/components/form";
import { PageHeader } from "~/components/page-header";
import { parseContributorForm } from "~/forms/contributors.server";
import { getContributor, updateContributor } from "~/models/contributor.server";
import { getPartner, partnerOptions } from "~/models/partner.server";
import { requireUser } from "~/utils/auth.server";
import { notFound, parseId, readFormData } from "~/utils/http.server";
import { withNotice } from "~/utils/notice";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Edit ${data?.contributor.name ?? "contributor"} · Partnership tracker` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "editor");
  const contributor = getContributor(parseId(params.contributorId)) ?? notFound();
  return { contributor, partners: partnerOptions([contributor.partnerId]) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const id = parseId(params.contributorId);
  const parsed = parseContributorForm(await readFormData(request), (partnerId) =>
    Boolean(getPartner(partnerId)),
  );
  if (!parsed.ok) return data(parsed, { status: 400 });
  if (!updateContributor(id, parsed.data, user.id)) notFound();
  return redirect(withNotice(`/contributors/${id}`, "saved"));
}

export default function EditContributor() {
  const { contributor, partners } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title={`Edit ${contributor.name}`}
        crumbs={[
          { to: "/contributors", label: "Contributors" },
          { to: `/contributors/${contributor.id}`, label: contributor.name },
        ]}
      />
      <FormState failure={actionData}>
        <ErrorSummary />
        <Form method="post" className="form">
          <ContributorFields contributor={contributor} partners={partners} />
          <div className="button-row">
            <button type="submit" className="button">
              Save changes
            </button>
            <Link to={`/contributors/${contributor.id}`}>Cancel</Link>
          </div>
        </Form>
      </FormState>
      <p className="form-section">
        <Link to={`/contributors/${contributor.id}/delete`}>Delete this contributor</Link>
      </p>
    </>
  );
}
