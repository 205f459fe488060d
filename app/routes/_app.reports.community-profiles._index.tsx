import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/page-header";
import { PageNotice } from "~/components/page-notice";
import { listCommunityProfiles } from "~/models/community-profile.server";
import { useCanEdit } from "~/utils/app-user";
import { requireUser } from "~/utils/auth.server";
import { formatDate } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "Community profiles · Reports · Partnership tracker" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return { profiles: listCommunityProfiles() };
}

export default function CommunityProfiles() {
  const { profiles } = useLoaderData<typeof loader>();
  const canEdit = useCanEdit();
  return (
    <>
      <PageHeader
        title="Community profiles"
        crumbs={[{ to: "/reports/volunteers", label: "Volunteer profile" }]}
        actions={
          canEdit ? (
            <Link to="/reports/community-profiles/new" className="button">
              Add a community profile
            </Link>
          ) : null
        }
      >
        <p className="lede">
          The communities you compare your volunteers with: for example your local authority’s census
          percentages by age, sex, ethnic group and disability.
        </p>
      </PageHeader>
      <PageNotice
        messages={{
          created: "The community profile has been added.",
          saved: "Your changes have been saved.",
          deleted: "The community profile has been deleted.",
        }}
      />
      {profiles.length === 0 ? (
        <div className="empty-state">
          <p>
            No community profiles yet. Add one with the percentages for the area you serve (your local
            authority’s census figures are a good start), then compare your volunteers with it.
          </p>
          {canEdit ? (
            <p>
              <Link to="/reports/community-profiles/new">Add your first community profile</Link>
            </p>
          ) : null}
        </div>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Community profiles</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Source</th>
                <th scope="col">Year</th>
                <th scope="col" className="number">
                  Figures given
                </th>
                <th scope="col">Last changed</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {profiles.map((profile) => (
                <tr key={profile.id}>
                  <th scope="row">{profile.name}</th>
                  <td>{profile.source}</td>
                  <td>{profile.year}</td>
                  <td className="number">{profile.figures}</td>
                  <td>{formatDate(profile.updatedAt)}</td>
                  <td>
                    <Link to={`/reports/volunteers?profile=${profile.id}`} className="small-link">
                      Compare<span className="visually-hidden"> volunteers with {profile.name}</span>
                    </Link>
                    {canEdit ? (
                      <>
                        {" · "}
                        <Link to={`/reports/community-profiles/${profile.id}/edit`} className="small-link">
                          Edit<span className="visually-hidden"> {profile.name}</span>
                        </Link>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
