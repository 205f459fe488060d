import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, FormState } from "~/components/form";
import { PageHeader } from "~/components/page-header";
import { ProfileFields } from "~/components/reports/profile-fields";
import {
  communityProfileForm,
  getCommunityProfileForEdit,
  updateCommunityProfile,
} from "~/models/community-profile.server";
import { requireUser } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms.server";
import { notFound, parseId, readFormData } from "~/utils/http.server";
import { withNotice } from "~/utils/notice";
import reportStyles from "~/styles/reports.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reportStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Edit ${data?.profile.name ?? "community profile"} · Reports · Partnership tracker` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "editor");
  return getCommunityProfileForEdit(parseId(params.profileId)) ?? notFound();
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const id = parseId(params.profileId);
  const parsed = parseForm(await readFormData(request), communityProfileForm);
  if (!parsed.ok) return data(parsed, { status: 400 });
  if (!updateCommunityProfile(id, parsed.data, user.id)) notFound();
  return redirect(withNotice("/reports/community-profiles", "saved"));
}

export default function EditCommunityProfile() {
  const { profile, values } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title={`Edit ${profile.name}`}
        crumbs={[
          { to: "/reports/volunteers", label: "Volunteer profile" },
          { to: "/reports/community-profiles", label: "Community profiles" },
        ]}
      />
      <FormState failure={actionData}>
        <ErrorSummary />
        <Form method="post" className="form form--profile">
          <ProfileFields profile={profile} values={values} errors={actionData?.errors} />
          <div className="button-row">
            <button type="submit" className="button">
              Save changes
            </button>
            <Link to="/reports/community-profiles">Cancel</Link>
          </div>
        </Form>
      </FormState>
      <p className="form-section">
        <Link to={`/reports/community-profiles/${profile.id}/delete`}>Delete this community profile</Link>
      </p>
    </>
  );
}
