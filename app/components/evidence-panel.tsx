import { Form, Link, useLocation } from "@remix-run/react";
import { useCanEdit } from "~/utils/app-user";
import { formatDate } from "~/utils/dates";
import { PageNotice } from "./page-notice";

export type RecordEvidence = {
  id: number;
  lineCode: string;
  /** How the line reads, e.g. "3.1.2a Advocates" (worked out on the server). */
  lineLabel: string;
  status: "suggested" | "confirmed" | "dismissed";
  note: string | null;
  evidenceDate: string;
  reason: string | null;
  decidedByName: string | null;
};

/** A record's evidence for the checklist: what it counts for, what is suggested, and a way to link more. */
export function EvidencePanel({
  recordType,
  recordId,
  evidence,
}: {
  recordType: string;
  recordId: number;
  evidence: RecordEvidence[];
}) {
  const canEdit = useCanEdit();
  const location = useLocation();
  const confirmed = evidence.filter((e) => e.status === "confirmed");
  const suggested = evidence.filter((e) => e.status === "suggested");
  const here = location.pathname;
  return (
    <section className="card" aria-labelledby="evidence-title">
      <div className="section-header">
        <h2 id="evidence-title">Evidence for the checklist</h2>
        {canEdit ? (
          <Link to={`/evidence/link?type=${recordType}&id=${recordId}`}>Link to checklist lines</Link>
        ) : null}
      </div>
      <PageNotice
        messages={{
          "evidence-linked": "Linked: this record now counts as evidence for those lines.",
          "evidence-removed": "The evidence link has been removed.",
          confirmed: "Confirmed: the evidence now counts on the checklist.",
          dismissed: "Dismissed: it will not be suggested again.",
        }}
      />
      {confirmed.length === 0 ? (
        <p className="muted">This record is not evidence for any checklist line yet.</p>
      ) : (
        <ul className="plain-list">
          {confirmed.map((link) => {
            return (
              <li key={link.id}>
                <Link to={`/checklist/${link.lineCode}`}>{link.lineLabel}</Link>{" "}
                <span className="muted">· dated {formatDate(link.evidenceDate)}</span>
                {link.note ? <p className="evidence-note">{link.note}</p> : null}
                {canEdit ? (
                  <>
                    {" "}
                    <Link to={`/evidence/${link.id}/remove`} className="small-link">
                      Remove<span className="visually-hidden"> the link to {link.lineCode}</span>
                    </Link>
                  </>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {suggested.length > 0 ? (
        <>
          <h3>Suggested</h3>
          <p className="hint">Suggestions count only once someone confirms them.</p>
          <Form method="post" action="/evidence/suggestions">
            <input type="hidden" name="redirectTo" value={here} />
            <ul className="plain-list">
              {suggested.map((link) => {
                return (
                  <li key={link.id}>
                    <Link to={`/checklist/${link.lineCode}`}>{link.lineLabel}</Link>
                    {link.reason ? <p className="evidence-note muted">{link.reason}</p> : null}
                    {canEdit ? (
                      <span className="button-row button-row--tight">
                        <button
                          type="submit"
                          name="one"
                          value={`confirm:${link.id}`}
                          className="button button--small"
                        >
                          Confirm<span className="visually-hidden"> {link.lineCode}</span>
                        </button>
                        <button
                          type="submit"
                          name="one"
                          value={`dismiss:${link.id}`}
                          className="button button--small button--secondary"
                        >
                          Dismiss<span className="visually-hidden"> {link.lineCode}</span>
                        </button>
                      </span>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </Form>
        </>
      ) : null}
    </section>
  );
}
