import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { formatDate, isoInstant } from "~/utils/dates";

/** A response as `responsesForPartner` and `responsesForProject` give it: its answers already in words. */
export type FeedbackResponseSummary = {
  id: number;
  submittedAt: Date | string;
  kind: "partner" | "participant";
  inWords: [question: string, answer: string][];
};

const kindLabels = { partner: "Partner feedback", participant: "Participant feedback" } as const;

const SHORT = 280;

function shortened(text: string) {
  return text.length > SHORT ? `${text.slice(0, SHORT - 1).trimEnd()}…` : text;
}

/**
 * Feedback responses in words, newest first: each answer given beside its question, long answers
 * shortened, and a link to the whole response. For a partner's or project's page and the review form.
 */
export function FeedbackResponsesList({
  responses,
  empty = "No feedback received yet.",
  seeAll,
}: {
  responses: readonly FeedbackResponseSummary[];
  empty?: ReactNode;
  /** A link to every response, shown when there are more than listed here. */
  seeAll?: { to: string; total: number };
}) {
  if (responses.length === 0) return <p className="muted">{empty}</p>;
  return (
    <>
      <ol className="plain-list" aria-label="Feedback responses, newest first">
        {responses.map((response) => {
          const answers = response.inWords;
          return (
            <li key={response.id}>
              <p>
                <Link to={`/feedback/responses/${response.id}`}>
                  {kindLabels[response.kind]},{" "}
                  <time dateTime={isoInstant(response.submittedAt)}>{formatDate(response.submittedAt)}</time>
                </Link>
              </p>
              {answers.length === 0 ? (
                <p className="muted">No answers given.</p>
              ) : (
                <dl className="details">
                  {answers.map(([question, answer]) => (
                    <div key={question} className="details__row">
                      <dt>{question}</dt>
                      <dd>{shortened(answer)}</dd>
                    </div>
                  ))}
                </dl>
              )}
            </li>
          );
        })}
      </ol>
      {seeAll && seeAll.total > responses.length ? (
        <p>
          <Link to={seeAll.to}>See all {seeAll.total} responses</Link>
        </p>
      ) : null}
    </>
  );
}
