import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { deleteSession } from "~/models/session.server";
import { clearedSessionCookieHeader, readSessionToken } from "~/utils/session.server";

/** Sign-out is a POST that deletes the session on the server, not just the cookie. */
export async function action({ request }: ActionFunctionArgs) {
  const token = await readSessionToken(request);
  if (token) deleteSession(token);
  return redirect("/login", { headers: { "Set-Cookie": await clearedSessionCookieHeader(request) } });
}

export async function loader() {
  return redirect("/");
}
