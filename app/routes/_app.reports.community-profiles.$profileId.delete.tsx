import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DeletePage } from "~/components/delete-page";
import {
  communityProfileDependants,
  deleteCommunityProfile,
  getCommunityProfile,
} from "~/models/community-profile.server";
import { requireUser } from "~/utils/auth.server";
import { notFound, parseId } from "~/utils/http.server";
import { withNotice } from "~/utils/notice";

export const meta: MetaFunction = () => [
  { title: "Delete community profile · Reports · Partnership tracker" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "editor");
  const id = parseId(params.profileId);
  const profile = getCommunityProfile(id) ?? notFound();
  return { profile: { id, name: profile.name }, dependants: communityProfileDependants(id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const id = parseId(params.profileId);
  if (!getCommunityProfile(id)) notFound();
  if (communityProfileDependants(id).length > 0) return redirect(`/reports/community-profiles/${id}/delete`);
  deleteCommunityProfile(id, user.id);
  return redirect(withNotice("/reports/community-profiles", "deleted"));
}

export default function DeleteCommunityProfile() {
  const { profile, dependants } = useLoaderData<typeof loader>();
  return (
    <DeletePage
      title={`Delete ${profile.name}`}
      name={profile.name}
      crumbs={[
        { to: "/reports/volunteers", label: "Volunteer profile" },
        { to: "/reports/community-profiles", label: "Community profiles" },
        { to: `/reports/community-profiles/${profile.id}/edit`, label: profile.name },
      ]}
      backTo={`/reports/community-profiles/${profile.id}/edit`}
      dependants={dependants}
      instead="Saved copies of the volunteer report keep the community figures they showed, so they are not affected."
    />
  );
}
