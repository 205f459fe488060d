import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadPersonalData } from "~/utils/personal-data-page.server";

/**
 * Everything held about one person, as a JSON file (subject access). Administrators only; each
 * download is recorded in the audit trail.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { held, headers } = await downloadPersonalData(request, params, "json");
  return new Response(JSON.stringify(held, null, 2), {
    headers: { ...headers, "Content-Type": "application/json; charset=utf-8" },
  });
}
