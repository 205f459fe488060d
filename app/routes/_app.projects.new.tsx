import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { readFormData } from "~/utils/http.server";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FirstPartnerFields, ProjectFields } from "~/components/fields/project-fields";
import { ErrorSummary, FormState } from "~/components/form";
import { PageHeader } from "~/components/page-header";
import { newProjectForm } from "~/forms/projects.server";
import { partnerOptions } from "~/models/partner.server";
import { createProject, LinkRefused } from "~/models/project.server";
import { projectPartnerRoles } from "~db/enums";
import { requireUser } from "~/utils/auth.server";
import { failure, formValues, parseForm } from "~/utils/forms.server";
import { withNotice } from "~/utils/notice";

export const meta: MetaFunction = () => [{ title: "Add a project · Partnership tracker" }];

/** `?partnerId=` (from a partner's page) chooses the first partner, as lead unless `?role=` says otherwise. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "editor");
  const params = new URL(request.url).searchParams;
  const asked = Number(params.get("partnerId"));
  const partners = partnerOptions(Number.isSafeInteger(asked) && asked > 0 ? [asked] : []);
  const partnerId = partners.some((p) => p.id === asked) ? asked : null;
  const role = params.get("role");
  return {
    partners: partners.map((p) => ({ id: p.id, name: p.name })),
    partnerId,
    role: partnerId ? (projectPartnerRoles.find((r) => r === role) ?? "lead") : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const formData = await readFormData(request);
  const parsed = parseForm(formData, newProjectForm);
  if (!parsed.ok) return data(parsed, { status: 400 });
  try {
    const id = createProject(parsed.data, user.id);
    return redirect(withNotice(`/projects/${id}`, "created"));
  } catch (error) {
    if (error instanceof LinkRefused) {
      return data(failure(formValues(formData), undefined, { [error.field]: [error.message] }), {
        status: 400,
      });
    }
    throw error;
  }
}

export default function NewProject() {
  const { partners, partnerId, role } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader title="Add a project" crumbs={[{ to: "/projects", label: "Projects" }]} />
      <FormState failure={actionData}>
        <ErrorSummary />
        <Form method="post" className="form">
          <ProjectFields />
          {partners.length > 0 ? (
            <FirstPartnerFields partners={partners} partnerId={partnerId} role={role} />
          ) : (
            <p className="hint">
              No partners recorded yet. <Link to="/partners/new">Add a partner</Link> first if you want to
              name one now, or add partners to the project later.
            </p>
          )}
          <div className="button-row">
            <button type="submit" className="button">
              Add project
            </button>
            <Link to="/projects">Cancel</Link>
          </div>
        </Form>
      </FormState>
    </>
  );
}
