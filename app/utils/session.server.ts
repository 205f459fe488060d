import { createCookie } from "@remix-run/node";
import { getConfig } from "./env.server";

/**
 * The session cookie carries only a random token; the session itself is kept in the database,
 * so signing out, a password change or deactivation ends it at once. Over HTTPS the cookie is
 * Secure with the __Host- prefix (bound to this host, path /).
 */
function sessionCookie(request: Request) {
  const secure = new URL(request.url).protocol === "https:";
  const { sessionSecret, sessionMaxAgeSeconds } = getConfig();
  return createCookie(secure ? "__Host-tracker_session" : "tracker_session", {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: sessionMaxAgeSeconds,
    secrets: [sessionSecret],
  });
}

export async function readSessionToken(request: Request): Promise<string | null> {
  const value = await sessionCookie(request).parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

export function sessionCookieHeader(request: Request, token: string, expiresAt: Date) {
  return sessionCookie(request).serialize(token, { expires: expiresAt });
}

export function clearedSessionCookieHeader(request: Request) {
  return sessionCookie(request).serialize("", { maxAge: 0, expires: new Date(0) });
}
