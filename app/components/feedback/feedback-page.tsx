import { Form } from "@remix-run/react";
import { Notice } from "~/components/flash";
import { ErrorSummary, FormState, isFailure, TextField } from "~/components/form";
import { PageHeader } from "~/components/page-header";
import { PageNotice } from "~/components/page-notice";
import { useCanEdit } from "~/utils/app-user";
import { formatDate, formatDateTime } from "~/utils/dates";
import type { FormFailure } from "~/utils/forms.server";
import { FeedbackResponsesList, type FeedbackResponseSummary } from "./responses-list";
import { linkStatusBadge, linkStatusLabels } from "./words";

type Subject = { kind: "partner" | "participant"; id: number; name: string };

type LinkRow = {
  id: number;
  expiresOn: string;
  createdAt: Date | string;
  createdBy: string | null;
  status: "active" | "expired" | "revoked";
  responses: number;
};

const words = {
  partner: {
    title: (name: string) => `Feedback from ${name}`,
    crumbs: (s: Subject) => [
      { to: "/partners", label: "Partners" },
      { to: `/partners/${s.id}`, label: s.name },
    ],
    asks: (name: string) =>
      `Ask ${name} for their views through a private link: no sign-in is needed and it works on a phone. They are asked how satisfied they are with the working arrangements, whether the partnership is still relevant to them, the value their work adds to yours, what they have gained and what they would change.`,
    sendTo: (name: string) => `your contacts at ${name}`,
  },
  participant: {
    title: (name: string) => `Feedback on ${name}`,
    crumbs: (s: Subject) => [
      { to: "/projects", label: "Projects" },
      { to: `/projects/${s.id}`, label: s.name },
    ],
    asks: (name: string) =>
      `Ask the people who took part in ${name} what they got out of it, through a private link you can share with them all: no sign-in is needed and it works on a phone. They are asked what they got out of it, which learning outcomes describe it, and whether it led them to other learning opportunities.`,
    sendTo: () => "the people who took part",
  },
} as const;

/** A partner's or project's feedback page: links (create, revoke) and the responses received. */
export function FeedbackPage({
  subject,
  links,
  responses,
  responseTotal,
  expiry,
  actionData,
}: {
  subject: Subject;
  links: readonly LinkRow[];
  responses: readonly FeedbackResponseSummary[];
  responseTotal: number;
  expiry: { today: string; suggested: string; latest: string };
  actionData: unknown;
}) {
  const canEdit = useCanEdit();
  const w = words[subject.kind];
  const failed = (intent: string) =>
    isFailure(actionData) && (actionData as { intent?: unknown }).intent === intent ? actionData : undefined;
  const created =
    typeof actionData === "object" && actionData !== null && "created" in actionData
      ? (actionData as { created: { url: string; expiresOn: string } }).created
      : null;
  const revokeFailure = failed("revoke");

  return (
    <>
      <PageHeader title={w.title(subject.name)} crumbs={w.crumbs(subject)}>
        <p className="lede">{w.asks(subject.name)}</p>
        <p>Each response is listed below and suggested as evidence for the checklist.</p>
      </PageHeader>
      <PageNotice messages={{ revoked: "The link has been revoked: it no longer works." }} />

      {created ? (
        <Notice tone="info">
          <h2>Your new feedback link</h2>
          <p>
            Copy the link now and send it to {w.sendTo(subject.name)}: it is shown only this once. It works
            until the end of {formatDate(created.expiresOn)}.
          </p>
          <div className="field">
            <label htmlFor="new-feedback-link">New feedback link</label>
            <p className="hint" id="new-feedback-link-hint">
              To copy it, select the whole address in the box (click in it and press Ctrl+A, or ⌘+A on a Mac;
              on a phone, press and hold it and choose Select all), copy it, then paste it into an email or
              message.
            </p>
            <input
              id="new-feedback-link"
              type="text"
              readOnly
              value={created.url}
              aria-describedby="new-feedback-link-hint"
            />
          </div>
        </Notice>
      ) : null}

      {canEdit ? (
        <section className="card" aria-labelledby="create-link-title">
          <h2 id="create-link-title">Create a feedback link</h2>
          <FormState failure={failed("create")}>
            <ErrorSummary />
            <Form
              method="post"
              className="form"
              aria-labelledby="create-link-title"
              key={`create-${links.length}`}
            >
              <input type="hidden" name="intent" value="create" />
              <TextField
                name="expiresOn"
                label="Works until"
                type="date"
                hint={`The last day the link can be used, at most a year from today (${formatDate(expiry.latest)}).`}
                defaultValue={expiry.suggested}
                min={expiry.today}
                max={expiry.latest}
                width="medium"
                required
              />
              <button type="submit" className="button">
                Create a feedback link
              </button>
            </Form>
          </FormState>
        </section>
      ) : null}

      <section aria-labelledby="links-title">
        <h2 id="links-title">Links</h2>
        <FormState failure={revokeFailure}>
          <ErrorSummary />
        </FormState>
        {links.length === 0 ? (
          <p className="muted">
            No feedback links yet.{" "}
            {canEdit
              ? `Create one above, then send it to ${w.sendTo(subject.name)}.`
              : "An editor can create one."}
          </p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Feedback links, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Made</th>
                  <th scope="col">Works until</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="number">
                    Responses
                  </th>
                  {canEdit ? (
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {links.map((link) => (
                  <tr key={link.id}>
                    <td>
                      {formatDateTime(link.createdAt)}
                      {link.createdBy ? <span className="muted"> by {link.createdBy}</span> : null}
                    </td>
                    <td>{formatDate(link.expiresOn)}</td>
                    <td>
                      <span className={linkStatusBadge(link.status)}>{linkStatusLabels[link.status]}</span>
                    </td>
                    <td className="number">{link.responses}</td>
                    {canEdit ? (
                      <td>
                        {link.status === "active" ? <RevokeLink link={link} failure={revokeFailure} /> : null}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="responses-title">
        <h2 id="responses-title">Responses</h2>
        {responseTotal > responses.length ? (
          <p className="muted">
            The newest {responses.length} of {responseTotal} responses.
          </p>
        ) : null}
        <FeedbackResponsesList
          responses={responses}
          empty={
            links.length === 0
              ? "No responses yet: they appear here once a link has been sent and answered."
              : "No responses yet."
          }
        />
      </section>
    </>
  );
}

/**
 * Revoking is confirmed with a tick, in a disclosure that works without JavaScript. The row whose
 * confirmation failed takes the field's usual id, so the error summary's link leads to it.
 */
function RevokeLink({ link, failure }: { link: LinkRow; failure?: FormFailure }) {
  const failedHere = failure?.values.linkId === String(link.id);
  const error = failedHere ? failure?.errors.confirmRevoke?.[0] : undefined;
  const id = failedHere ? "field-confirmRevoke" : `confirm-revoke-${link.id}`;
  const made = formatDateTime(link.createdAt);
  return (
    <details open={failedHere || undefined}>
      <summary>
        Revoke<span className="visually-hidden"> the link made {made}</span>
      </summary>
      <Form method="post" className="form">
        <input type="hidden" name="intent" value="revoke" />
        <input type="hidden" name="linkId" value={link.id} />
        <p className="hint">It stops working at once. Responses already received are kept.</p>
        <div className={`field field--checkbox${error ? " field--error" : ""}`}>
          <input
            id={id}
            name="confirmRevoke"
            type="checkbox"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
          />
          <label htmlFor={id}>
            Yes, stop this link working<span className="visually-hidden"> (made {made})</span>
          </label>
          {error ? (
            <p className="field-error" id={`${id}-error`}>
              <span className="visually-hidden">Error: </span>
              {error}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button button--danger button--small">
          Revoke link<span className="visually-hidden"> made {made}</span>
        </button>
      </Form>
    </details>
  );
}
