import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { readFormData } from "~/utils/http.server";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { VolunteerFields } from "~/components/fields/volunteer-fields";
import { ErrorSummary, FormState } from "~/components/form";
import { PageHeader } from "~/components/page-header";
import { volunteerForm } from "~/forms/volunteers.server";
import { createVolunteer } from "~/models/volunteer.server";
import { requireUser } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms.server";
import { withNotice } from "~/utils/notice";

export const meta: MetaFunction = () => [{ title: "Add a volunteer · Partnership tracker" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "editor");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const parsed = parseForm(await readFormData(request), volunteerForm);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const id = createVolunteer(parsed.data, user.id);
  return redirect(withNotice(`/volunteers/${id}`, "created"));
}

export default function NewVolunteer() {
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader title="Add a volunteer" crumbs={[{ to: "/volunteers", label: "Volunteers" }]}>
        <p className="lede">Training records and hours given are added on the volunteer’s page next.</p>
      </PageHeader>
      <FormState failure={actionData}>
        <ErrorSummary />
        <Form method="post" className="form">
          <VolunteerFields />
          <div className="button-row">
            <button type="submit" className="button">
              Add volunteer
            </button>
            <Link to="/volunteers">Cancel</Link>
          </div>
        </Form>
      </FormState>
    </>
  );
}
