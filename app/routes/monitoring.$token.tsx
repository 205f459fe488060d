import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { readFormData } from "~/utils/http.server";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CheckboxField, ErrorSummary, FormState, isFailure } from "~/components/form";
import { MonitoringQuestions, WhyWeAsk } from "~/components/monitoring";
import { PublicPage } from "~/components/public-page";
import { selfFillForm } from "~/forms/monitoring.server";
import { formLinkState, submitSelfFilledForm } from "~/models/monitoring.server";
import { getSettings } from "~/models/settings.server";
import { formatDate } from "~/utils/dates";
import { parseForm } from "~/utils/forms.server";

// A person's own equality monitoring form, reached by the private link a coordinator sent them.
// No sign-in: the link is the key. The page shows nothing about the person, so a link that goes
// astray reveals nothing, and works once.

export const meta: MetaFunction = () => [
  { title: "Equality monitoring form" },
  { name: "robots", content: "noindex, nofollow" },
];

export const headers: HeadersFunction = () => ({
  "Cache-Control": "private, no-store",
  "X-Robots-Tag": "noindex",
});

const statusOf = { open: 200, sent: 200, used: 410, expired: 410, unknown: 404 } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { state, link } = formLinkState(params.token ?? "");
  const sent = new URL(request.url).searchParams.has("sent") && state !== "unknown";
  const shown = sent ? "sent" : state;
  return data(
    {
      state: shown,
      organisation: getSettings().organisationName,
      expiresAt: shown === "open" ? link!.expiresAt : null,
    },
    { status: statusOf[shown] },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const back = `/monitoring/${encodeURIComponent(token)}`;
  const formData = await readFormData(request);
  // The honeypot: a person never sees this field; a robot that fills it is thanked and ignored.
  const honeypot = formData.get("website");
  if (typeof honeypot === "string" && honeypot.trim() !== "") return redirect(`${back}?sent=1`);
  if (formLinkState(token).state !== "open") return redirect(back);
  const parsed = parseForm(formData, selfFillForm);
  if (!parsed.ok) return data(parsed, { status: 400 });
  if (!submitSelfFilledForm(token, parsed.data)) return redirect(back);
  return redirect(`${back}?sent=1`);
}

export default function SelfFillMonitoringForm() {
  const { state, organisation, expiresAt } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();

  if (state === "sent") {
    return (
      <PublicPage title="Thank you">
        <p>Your answers have been sent{organisation ? ` to ${organisation}` : ""}.</p>
        <p>
          If you change your mind, ask your coordinator at any time and your answers will be erased. You can
          close this page now.
        </p>
      </PublicPage>
    );
  }
  if (state !== "open") {
    return (
      <PublicPage title="This link no longer works">
        <p>
          {state === "unknown"
            ? "We could not find this form. The link may have been copied incompletely."
            : "Each link works once, for a limited time, and this one has been used or has expired."}
        </p>
        <p>
          If you would still like to fill in the equality monitoring form, ask your coordinator
          {organisation ? ` at ${organisation}` : ""} to send you a new link.
        </p>
      </PublicPage>
    );
  }

  const failure = isFailure(actionData) ? actionData : undefined;
  return (
    <PublicPage title="Equality monitoring form">
      <WhyWeAsk organisation={organisation} />
      {expiresAt ? <p className="hint">This link works once, until {formatDate(expiresAt)}.</p> : null}
      <FormState failure={failure}>
        <ErrorSummary />
        <Form method="post" className="form">
          <MonitoringQuestions failure={failure} />
          <div className="visually-hidden" aria-hidden="true">
            <label htmlFor="field-website">Leave this empty</label>
            <input id="field-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
          </div>
          <CheckboxField
            name="consentGiven"
            label={`I agree to ${organisation || "the organisation"} keeping my answers for equality monitoring`}
            hint="Without this we keep nothing. You can withdraw at any time by asking your coordinator."
          />
          <button type="submit" className="button">
            Send my answers
          </button>
        </Form>
      </FormState>
    </PublicPage>
  );
}
