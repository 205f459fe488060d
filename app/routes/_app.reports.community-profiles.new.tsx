import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { readFormData } from "~/utils/http.server";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { ErrorSummary, FormState } from "~/components/form";
import { PageHeader } from "~/components/page-header";
import { ProfileFields } from "~/components/reports/profile-fields";
import { communityProfileForm, createCommunityProfile } from "~/models/community-profile.server";
import { requireUser } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms.server";
import { withNotice } from "~/utils/notice";
import reportStyles from "~/styles/reports.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reportStyles }];

export const meta: MetaFunction = () => [
  { title: "Add a community profile · Reports · Partnership tracker" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "editor");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const parsed = parseForm(await readFormData(request), communityProfileForm);
  if (!parsed.ok) return data(parsed, { status: 400 });
  createCommunityProfile(parsed.data, user.id);
  return redirect(withNotice("/reports/community-profiles", "created"));
}

export default function NewCommunityProfile() {
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title="Add a community profile"
        crumbs={[
          { to: "/reports/volunteers", label: "Volunteer profile" },
          { to: "/reports/community-profiles", label: "Community profiles" },
        ]}
      />
      <FormState failure={actionData}>
        <ErrorSummary />
        <Form method="post" className="form form--profile">
          <ProfileFields errors={actionData?.errors} />
          <div className="button-row">
            <button type="submit" className="button">
              Add community profile
            </button>
            <Link to="/reports/community-profiles">Cancel</Link>
          </div>
        </Form>
      </FormState>
    </>
  );
}
