import type { AppLoadContext } from "@remix-run/node";

/** Thrown responses that the shared error boundary turns into helpful pages. */
export function notFound(message = "We could not find that page."): never {
  throw new Response(message, { status: 404, statusText: "Not Found" });
}

export function forbidden(message = "Your role does not allow this."): never {
  throw new Response(message, { status: 403, statusText: "Forbidden" });
}

/** A positive whole-number id from a route parameter, or a 404. */
export function parseId(value: string | undefined): number {
  if (!value || !/^[1-9][0-9]{0,15}$/.test(value)) notFound();
  const id = Number(value);
  if (!Number.isSafeInteger(id)) notFound();
  return id;
}

/** Only same-site paths are followed after sign-in, never another site. */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = "/") {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) {
    return fallback;
  }
  return to;
}

/** The client's address, for rate limits (Express's req.ip; behind a proxy set TRUST_PROXY). */
export function clientAddress(context: AppLoadContext): string {
  return context.clientAddress ?? "unknown";
}

/** The submitted form, or a 400 page when the body cannot be read as a form (never a 500). */
export async function readFormData(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw new Response("The form could not be read. Go back and try again.", {
      status: 400,
      statusText: "Bad Request",
    });
  }
}
