import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { hasAnyUser } from "~/models/user.server";
import { notFound } from "~/utils/http.server";

/** Any address no route matches: first-run setup if there are no users yet, otherwise a 404 page. */
export async function loader(_: LoaderFunctionArgs) {
  if (!hasAnyUser()) throw redirect("/setup");
  notFound();
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return (
    <main id="main" className="page page--narrow">
      <GeneralErrorBoundary />
    </main>
  );
}
