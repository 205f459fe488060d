import type { LoaderFunctionArgs } from "@remix-run/node";
import { calendarFeed, findCalendarUser } from "~/models/calendar.server";
import { todayIso } from "~/utils/dates";

/**
 * A person's calendar feed, at the secret address shown on their profile. Calendar apps fetch it
 * without a session, so the token is the only key: an unknown, revoked or replaced token (or a
 * deactivated user's) is a plain 404, and the feed holds only the owner's own actions.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = findCalendarUser(params.token ?? "");
  if (!user) {
    return new Response("There is no calendar at this address.", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  const origin = new URL(request.url).origin;
  return new Response(calendarFeed(user, origin, todayIso()), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="partnership-tracker.ics"',
      // A secret address: no shared cache keeps it, and search engines leave it alone.
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}
