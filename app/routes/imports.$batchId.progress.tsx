import type { LoaderFunctionArgs } from "@remix-run/node";
import { batchProgress } from "~/models/import.server";
import { requireUser } from "~/utils/auth.server";
import { notFound, parseId } from "~/utils/http.server";

/** How far an import or undo has got, as JSON, for the progress bar on the file's page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "editor");
  const progress = batchProgress(parseId(params.batchId)) ?? notFound();
  return Response.json(progress, { headers: { "Cache-Control": "private, no-store" } });
}
