import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

const pages: Record<number, { title: string; text: string }> = {
  400: { title: "That request was not understood", text: "Something in the address or form was not valid." },
  403: {
    title: "You do not have permission to see this page",
    text: "Your role does not allow this. If you need it, ask an administrator to change your role.",
  },
  404: {
    title: "Page not found",
    text: "The page may have moved, or the record may have been removed. Check the address, or start again from the dashboard.",
  },
  405: { title: "That cannot be done here", text: "This page does not accept that kind of request." },
  429: {
    title: "Too many changes in a short time",
    text: "To keep the app working well for everyone, changes are paused for a moment. What you sent just now was not saved: wait a minute, then try again.",
  },
};

/** The one error page for every route: 403, 404 and 500 alike, never a stack trace. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const page = pages[status] ?? {
    title: "Sorry, something went wrong",
    text: "The problem has been logged. Try again in a moment; if it keeps happening, tell your administrator what you were doing.",
  };
  if (!isRouteErrorResponse(error)) console.error(error);
  return (
    <section className="error-page" aria-labelledby="error-title">
      <h1 id="error-title">{page.title}</h1>
      <p>{page.text}</p>
      {isRouteErrorResponse(error) && typeof error.data === "string" && error.data && status !== 404 ? (
        <p>{error.data}</p>
      ) : null}
      <p className="muted">Error {status}</p>
      <p>
        <Link to="/">Go to the dashboard</Link>
      </p>
    </section>
  );
}
