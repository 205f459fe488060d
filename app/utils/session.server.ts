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

/**
 * Cookie headers already checked, with the token each carries (or null): checking the signature
 * (HMAC, through WebCrypto) was a few per cent of every signed-in page's time, and a browser sends
 * the same header with every request. The secret does not change while the server runs.
 */
const checkedHeaders = new Map<string, string | null>();
const MAX_CHECKED_HEADERS = 1_000;

export async function readSessionToken(request: Request): Promise<string | null> {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  const key = `${new URL(request.url).protocol} ${header}`;
  if (checkedHeaders.has(key)) return checkedHeaders.get(key)!;
  const value = await sessionCookie(request).parse(header);
  const token = typeof value === "string" && value.length > 0 ? value : null;
  if (checkedHeaders.size >= MAX_CHECKED_HEADERS) checkedHeaders.clear();
  checkedHeaders.set(key, token);
  return token;
}

export function sessionCookieHeader(request: Request, token: string, expiresAt: Date) {
  return sessionCookie(request).serialize(token, { expires: expiresAt });
}

export function clearedSessionCookieHeader(request: Request) {
  return sessionCookie(request).serialize("", { maxAge: 0, expires: new Date(0) });
}
