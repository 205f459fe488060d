import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { VolunteerFields } from "~/components/fields/volunteer-fields";
import { ErrorSummary, FormState } from "~/components/form";
import { PageHeader } from "~/components/page-header";
import { volunteerForm } from "~/forms/volunteers.server";
import { getVolunteer, getVolunteerFocuses, updateVolunteer } from "~/models/volunteer.server";
import { requireUser } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms.server";
import { notFound, parseId, readFormData } from "~/utils/http.server";
import { withNotice } from "~/utils/notice";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Edit ${data?.volunteer.name ?? "volunteer"} · Partnership tracker` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "editor");
  const id = parseId(params.volunteerId);
  const volunteer = getVolunteer(id) ?? notFound();
  return { volunteer: { ...volunteer, focuses: getVolunteerFocuses(id) } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const id = parseId(params.volunteerId);
  if (!getVolunteer(id)) notFound();
  const parsed = parseForm(await readFormData(request), volunteerForm);
  if (!parsed.ok) return data(parsed, { status: 400 });
  if (!updateVolunteer(id, parsed.data, user.id)) notFound();
  return redirect(withNotice(`/volunteers/${id}`, "saved"));
}

export default function EditVolunteer() {
  const { volunteer } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title={`Edit ${volunteer.name}`}
        crumbs={[
          { to: "/volunteers", label: "Volunteers" },
          { to: `/volunteers/${volunteer.id}`, label: volunteer.name },
        ]}
      />
      <FormState failure={actionData}>
        <ErrorSummary />
        <Form method="post" className="form">
          <VolunteerFields volunteer={volunteer} />
          <div className="button-row">
            <button type="submit" className="button">
              Save changes
            </button>
            <Link to={`/volunteers/${volunteer.id}`}>Cancel</Link>
          </div>
        </Form>
      </FormState>
      <p className="form-section">
        <Link to={`/volunteers/${volunteer.id}/delete`}>Delete this volunteer</Link>
      </p>
    </>
  );
}
