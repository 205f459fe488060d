import { sqlite } from "~/utils/db.server";

/** For monitors and load balancers: 200 when the database answers, 503 otherwise. */
export async function loader() {
  try {
    sqlite.prepare("SELECT 1").get();
    return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ ok: false }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
