import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { PageHeader } from "~/components/page-header";
import { useAppUser } from "~/utils/app-user";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Dashboard · Partnership tracker" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

export default function Dashboard() {
  const user = useAppUser();
  return (
    <>
      <PageHeader title={`Hello, ${user.name}`}>
        <p className="lede">
          This tracker keeps your partnerships, contributors and volunteers, and gathers the evidence for the
          Inspiring Learning for All Section 3 self-assessment as you work.
        </p>
      </PageHeader>
      {user.role === "admin" ? (
        <section className="card" aria-labelledby="start-title">
          <h2 id="start-title">Getting started</h2>
          <ul>
            <li>
              <Link to="/users/new">Add your colleagues</Link> as editors (they keep records) or viewers (they
              read).
            </li>
          </ul>
        </section>
      ) : null}
    </>
  );
}
