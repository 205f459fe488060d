import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { roleLabel } from "~/components/app-shell";
import { PageHeader } from "~/components/page-header";
import { PageNotice } from "~/components/page-notice";
import { listUsers } from "~/models/user.server";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Users · Partnership tracker" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "admin");
  return { users: listUsers() };
}

export default function Users() {
  const { users } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Users"
        actions={
          <Link to="/users/new" className="button">
            Add a user
          </Link>
        }
      >
        <p className="lede">
          Administrators manage users and see every record&rsquo;s history. Editors create and change records.
          Viewers read, and never see individual equality monitoring answers.
        </p>
      </PageHeader>
      <PageNotice
        messages={{ created: "The user has been added. Give them their password in person or by phone." }}
      />
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Users of this tracker</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Equality data</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <td>
                  <Link to={`/users/${user.id}`}>{user.name}</Link>
                </td>
                <td>{user.email}</td>
                <td>{roleLabel[user.role]}</td>
                <td>{user.role === "admin" || user.canViewEquality ? "Can see" : "—"}</td>
                <td>{user.active ? "Active" : <span className="badge badge--muted">Deactivated</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
