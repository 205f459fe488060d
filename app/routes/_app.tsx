import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { AppShell } from "~/components/app-shell";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useOptionalAppUser } from "~/utils/app-user";
import { requireUser } from "~/utils/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { user };
}

export default function AppLayout() {
  const { user } = useLoaderData<typeof loader>();
  return (
    <AppShell user={user}>
      <Outlet />
    </AppShell>
  );
}

export function ErrorBoundary() {
  const user = useOptionalAppUser();
  const content = <GeneralErrorBoundary />;
  return user ? (
    <AppShell user={user}>{content}</AppShell>
  ) : (
    <main id="main" className="page">
      {content}
    </main>
  );
}
