import { redirect } from "@remix-run/node";
import { findSessionUser, type SessionUser } from "~/models/session.server";
import { hasAnyUser } from "~/models/user.server";
import { forbidden } from "./http.server";
import { limitWritesByUser } from "./rate-limit.server";
import { readSessionToken } from "./session.server";
import { roleAllows } from "./roles";

export type { SessionUser };
export type Role = SessionUser["role"];

export async function getSessionUser(request: Request): Promise<SessionUser | null> {
  const token = await readSessionToken(request);
  return token ? findSessionUser(token) : null;
}

/**
 * The signed-in user, with at least the `needed` role. With no users at all every page leads to
 * first-run setup; a visitor who is not signed in goes to sign-in and comes back afterwards; a
 * signed-in user whose role is too low gets a 403 page, never data. A write (any request that is
 * not a GET) counts towards the user's write limit; over it, a 429 page says to wait a minute.
 */
export async function requireUser(request: Request, needed: Role = "viewer"): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (!user) {
    if (!hasAnyUser()) throw redirect("/setup");
    const url = new URL(request.url);
    const back = url.pathname + url.search;
    throw redirect(back === "/" ? "/login" : `/login?${new URLSearchParams({ redirectTo: back })}`);
  }
  if (!roleAllows(user.role, needed)) forbidden();
  limitWritesByUser(request, user.id);
  return user;
}
