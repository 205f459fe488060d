import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ParticipantQuestions, PartnerQuestions } from "~/components/feedback/questions";
import { HONEYPOT_FIELD, STAMP_FIELD } from "~/components/feedback/words";
import { ErrorSummary, FormState, isFailure } from "~/components/form";
import { PublicPage } from "~/components/public-page";
import { parseParticipantFeedback, parsePartnerFeedback } from "~/forms/feedback.server";
import { feedbackLinkState, findUsableLink, saveResponse } from "~/models/feedback.server";
import { formStamp, screenResponse } from "~/models/feedback-guard.server";
import { getSettings } from "~/models/settings.server";
import { formatDate } from "~/utils/dates";
import { failure, formValues } from "~/utils/forms.server";
import { clientAddress, readFormData } from "~/utils/http.server";

// A feedback form reached by a link staff sent to a partner, or shared with the people who took
// part in a project. No sign-in: the link is the key. The page names only the organisation asking
// and the partner or project the link is about; nothing else of the organisation's records.

export const meta: MetaFunction = () => [
  { title: "Feedback form" },
  { name: "robots", content: "noindex, nofollow" },
];

export const headers: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers({
    "Cache-Control": "private, no-store",
    "X-Robots-Tag": "noindex",
  });
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

const statusOf = { open: 200, sent: 200, expired: 410, revoked: 410, unknown: 404 } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { state, link } = feedbackLinkState(params.token ?? "");
  const sent = new URL(request.url).searchParams.has("sent") && state !== "unknown";
  const shown = sent ? "sent" : state;
  const organisation = getSettings().organisationName;
  const form =
    shown === "open" && link
      ? { kind: link.kind, subject: link.subject, expiresOn: link.expiresOn, stamp: formStamp(link.id) }
      : null;
  return data({ state: shown, organisation, form }, { status: statusOf[shown] });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const back = `/feedback/${encodeURIComponent(token)}`;
  const thanks = `${back}?sent=1`;
  const link = findUsableLink(token);
  if (!link) return redirect(back);
  const formData = await readFormData(request);
  // A robot is thanked as a person would be, and nothing is kept.
  const screening = screenResponse(formData, link.id, clientAddress(context));
  if (screening.verdict === "bot") return redirect(thanks);
  if (screening.verdict === "too-many") {
    return data(
      {
        state: "too-many" as const,
        reason: screening.reason,
        minutes: screening.minutes,
        ...failure(formValues(formData)),
      },
      { status: 429, headers: { "Retry-After": String(screening.minutes * 60) } },
    );
  }
  const parsed =
    link.kind === "partner" ? parsePartnerFeedback(formData) : parseParticipantFeedback(formData);
  if (!parsed.ok) return data(parsed, { status: 400 });
  if (saveResponse(link, parsed.data, screening.sender) === null) return redirect(back);
  return redirect(thanks);
}

export default function FeedbackForm() {
  const { state, organisation, form } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const contact = `the person who sent you the link${organisation ? ` at ${organisation}` : ""}`;

  if (state === "sent") {
    return (
      <PublicPage title="Thank you">
        <p>
          Your answers have been sent{organisation ? ` to ${organisation}` : ""}. Thank you for your time.
        </p>
        <p>You can close this page now.</p>
      </PublicPage>
    );
  }
  if (state === "unknown") {
    return (
      <PublicPage title="We could not find this feedback form">
        <p>The link may have been copied incompletely. Check that you have the whole of it.</p>
        <p>If it still does not work, ask {contact} for a new one.</p>
      </PublicPage>
    );
  }
  if (state !== "open" || !form) {
    return (
      <PublicPage title="This feedback form has closed">
        <p>
          {state === "revoked"
            ? "The link you followed has been withdrawn."
            : "The link you followed was open for a limited time, and that time is over."}
        </p>
        <p>If you would still like to tell us what you think, please contact {contact}.</p>
      </PublicPage>
    );
  }

  const tooMany = actionData && "state" in actionData && actionData.state === "too-many" ? actionData : null;
  const failed = isFailure(actionData) ? actionData : undefined;
  const keptStamp = failed?.values[STAMP_FIELD];
  const who = organisation || "We";
  const partner = form.kind === "partner";

  return (
    <PublicPage
      title={
        tooMany
          ? "Too many responses just now"
          : partner
            ? "Your views on working with us"
            : `Your views on ${form.subject}`
      }
    >
      {tooMany ? (
        <div className="notice notice--warning" role="alert">
          <p>
            Too many responses have been sent{" "}
            {tooMany.reason === "link" ? "through this link" : "from your connection"} in the last hour, so
            yours has not been sent. Please try again in about {tooMany.minutes}{" "}
            {tooMany.minutes === 1 ? "minute" : "minutes"}.
          </p>
          <p>Your answers are still in the form below.</p>
        </div>
      ) : null}
      {partner ? (
        <>
          <p>
            {who} would like to hear from {form.subject} about how our partnership is going.
          </p>
          <p>
            We ask each partner from time to time. Your answers are read by the staff who look after the
            partnership, help us decide how we work together in future, and count as evidence when we assess
            our learning work.
          </p>
        </>
      ) : (
        <>
          <p>
            {who} would like to know what you got out of {form.subject}.
          </p>
          <p>
            Your answers help us see what difference our work makes and plan what we do next. They are read by
            our staff and used in our reports and when we assess our learning work. We do not ask for your
            name.
          </p>
        </>
      )}
      <p>
        <strong>Every question is optional.</strong> It takes about {partner ? 5 : 3} minutes. This form is
        open until {formatDate(form.expiresOn)}.
      </p>
      <FormState failure={failed}>
        <ErrorSummary />
        <Form method="post" className="form">
          {partner ? <PartnerQuestions /> : <ParticipantQuestions />}
          <div className="visually-hidden" aria-hidden="true">
            <label htmlFor={`field-${HONEYPOT_FIELD}`}>Leave this empty</label>
            <input
              id={`field-${HONEYPOT_FIELD}`}
              name={HONEYPOT_FIELD}
              type="text"
              tabIndex={-1}
              autoComplete="off"
            />
          </div>
          <input
            type="hidden"
            name={STAMP_FIELD}
            value={typeof keptStamp === "string" && keptStamp ? keptStamp : form.stamp}
          />
          <button type="submit" className="button">
            Send my answers
          </button>
        </Form>
      </FormState>
    </PublicPage>
  );
}
