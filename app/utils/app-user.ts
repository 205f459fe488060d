import { useRouteLoaderData } from "@remix-run/react";
import type { SessionUser } from "~/models/session.server";
import { roleAllows } from "./roles";

/** The signed-in user, as loaded by the `_app` layout, for any page inside it. */
export function useAppUser(): SessionUser {
  const user = useOptionalAppUser();
  if (!user) throw new Error("useAppUser is only for pages inside the signed-in layout.");
  return user;
}

export function useOptionalAppUser(): SessionUser | undefined {
  const data = useRouteLoaderData<{ user: SessionUser }>("routes/_app");
  return data?.user;
}

/** Whether the signed-in user may create and change records. */
export function useCanEdit(): boolean {
  return roleAllows(useAppUser().role, "editor");
}
