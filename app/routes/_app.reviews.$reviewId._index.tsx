import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Details } from "~/components/details";
import { EvidencePanel } from "~/components/evidence-panel";
import { relevanceLabels, reviewDecisionLabels, satisfactionLabels } from "~/utils/labels";
import { PageHeader } from "~/components/page-header";
import { PageNotice } from "~/components/page-notice";
import { RecordActions } from "~/components/record-actions";
import { Timeline } from "~/components/timeline";
import { actionsFrom, setActionStatus } from "~/models/action.server";
import { getReviewPage } from "~/models/review.server";
import { useCanEdit } from "~/utils/app-user";
import { requireUser } from "~/utils/auth.server";
import { formatDate } from "~/utils/dates";
import { notFound, parseId, readFormData } from "~/utils/http.server";
import { withNotice } from "~/utils/notice";
import { auditTimeline } from "~/utils/timeline";
import { ActionStatusCell } from "~/components/action-status";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `Review of ${data.review.partnerName}, ${formatDate(data.review.heldOn)} · Reviews · Partnership tracker`
      : "Review · Partnership tracker",
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  return getReviewPage(parseId(params.reviewId)) ?? notFound();
}

/** Marking one of the review's follow-up actions done (or open again): one click, without JavaScript too. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const id = parseId(params.reviewId);
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  if (intent !== "action-done" && intent !== "action-open") {
    throw new Response("Unknown action", { status: 400 });
  }
  const actionId = Number(formData.get("actionId"));
  if (!actionsFrom("review", id).some((a) => a.id === actionId)) notFound();
  setActionStatus(actionId, intent === "action-done" ? "done" : "open", user.id);
  return redirect(withNotice(`/reviews/${id}`, intent === "action-done" ? "action-done" : "action-open"));
}

export default function ReviewPage() {
  const { review, actions, evidence, history } = useLoaderData<typeof loader>();
  const canEdit = useCanEdit();
  const withdrew = review.decision === "withdraw";
  return (
    <>
      <PageHeader
        title={`Review of ${review.partnerName}`}
        crumbs={[
          { to: "/reviews", label: "Reviews" },
          { to: `/partners/${review.partnerId}`, label: review.partnerName },
        ]}
        actions={
          <RecordActions editTo={`/reviews/${review.id}/edit`} historyTo={`/history/review/${review.id}`} />
        }
      >
        <ul className="tag-list" aria-label="Summary">
          <li className="badge badge--muted">Held on {formatDate(review.heldOn)}</li>
          <li
            className={
              withdrew
                ? "badge badge--danger"
                : review.decision === "change"
                  ? "badge badge--warn"
                  : "badge badge--ok"
            }
          >
            Decision: {reviewDecisionLabels[review.decision]}
          </li>
        </ul>
      </PageHeader>
      <PageNotice
        messages={{
          created: withdrew
            ? "The review has been recorded and the partnership has ended."
            : "The review has been recorded and the next one scheduled.",
          saved: "Your changes have been saved.",
          "action-done": "The action has been marked done.",
          "action-open": "The action is open again.",
        }}
      />

      <div className="grid grid--2">
        <section className="card" aria-labelledby="answers-title">
          <h2 id="answers-title">The review</h2>
          <Details
            rows={[
              ["Partner", <Link to={`/partners/${review.partnerId}`}>{review.partnerName}</Link>],
              ["Held on", formatDate(review.heldOn)],
              ["Who took part", review.participants],
              ["Still relevant to our learning aims", relevanceLabels[review.stillRelevant]],
              [
                "Partner's satisfaction",
                review.satisfaction
                  ? `${review.satisfaction} of 5: ${satisfactionLabels[review.satisfaction]}`
                  : null,
              ],
              ["The partner's views, in their words", review.partnerWords],
            ]}
          />
        </section>
        <section className="card" aria-labelledby="decision-title">
          <h2 id="decision-title">Decision</h2>
          <Details
            rows={[
              ["Decision", reviewDecisionLabels[review.decision]],
              ...(review.decision === "change" ? ([["What will change", review.changes]] as const) : []),
              ...(withdrew ? ([["Why we withdrew", review.changes]] as const) : []),
              [
                "Next review",
                withdrew
                  ? "None: the partnership ended with this review"
                  : review.nextReviewDate
                    ? formatDate(review.nextReviewDate)
                    : "None scheduled",
              ],
            ]}
          />
        </section>
      </div>

      <section className="card" aria-labelledby="value-title">
        <h2 id="value-title">Value, benefits and lessons</h2>
        <Details
          rows={[
            ["The value they say the partnership adds to their projects", review.valueAdded],
            ["What they say they have gained", review.partnerGained],
            ["Benefits to users", review.userBenefits],
            ["Lessons learnt", review.lessons],
          ]}
        />
      </section>

      <section aria-labelledby="actions-title">
        <h2 id="actions-title">Follow-up actions</h2>
        {actions.length === 0 ? (
          <p className="muted">No follow-up actions came from this review.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Follow-up actions from this review</caption>
              <thead>
                <tr>
                  <th scope="col">Action</th>
                  <th scope="col">Who</th>
                  <th scope="col">Due</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {actions.map((item) => (
                  <tr key={item.id}>
                    <td>{item.description}</td>
                    <td>{item.ownerName}</td>
                    <td>
                      {item.dueDate ? formatDate(item.dueDate) : <span className="muted">No date</span>}
                    </td>
                    <ActionStatusCell item={item} canEdit={canEdit} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <EvidencePanel recordType="review" recordId={review.id} evidence={evidence} />

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">Timeline</h2>
        <Timeline items={auditTimeline(history, "Review")} />
      </section>
    </>
  );
}
