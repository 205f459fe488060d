import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FundingFields } from "~/components/fields/project-fields";
import { ErrorSummary, FormState } from "~/components/form";
import { PageHeader } from "~/components/page-header";
import { fundingForm } from "~/forms/projects.server";
import { getProjectFundingLine, updateFundingLine } from "~/models/funding.server";
import { requireUser } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms.server";
import { notFound, parseId, readFormData } from "~/utils/http.server";
import { withNotice } from "~/utils/notice";

export const meta: MetaFunction = () => [{ title: "Edit a funding line · Partnership tracker" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "editor");
  return { line: getProjectFundingLine(parseId(params.projectId), parseId(params.fundingId)) ?? notFound() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const line = getProjectFundingLine(parseId(params.projectId), parseId(params.fundingId)) ?? notFound();
  const parsed = parseForm(await readFormData(request), fundingForm);
  if (!parsed.ok) return data(parsed, { status: 400 });
  updateFundingLine(line.id, parsed.data, user.id);
  return redirect(withNotice(`/projects/${line.projectId}`, "funding-saved"));
}

export default function EditFundingLine() {
  const { line } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const back = `/projects/${line.projectId}`;
  return (
    <>
      <PageHeader
        title={`Edit funding from ${line.source}`}
        crumbs={[
          { to: "/projects", label: "Projects" },
          { to: back, label: line.projectTitle },
        ]}
      />
      <FormState failure={actionData}>
        <ErrorSummary />
        <Form method="post" className="form">
          <FundingFields funding={line} />
          <div className="button-row">
            <button type="submit" className="button">
              Save changes
            </button>
            <Link to={back}>Cancel</Link>
          </div>
        </Form>
      </FormState>
      <p className="form-section">
        <Link to={`${back}/funding/${line.id}/delete`}>Delete this funding line</Link>
      </p>
    </>
  );
}
