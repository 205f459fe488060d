import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { cadenceLabel, relevanceLabels, reviewDecisionLabels, satisfactionLabels } from "~/utils/labels";
import {
  ChoiceGroup,
  ErrorSummary,
  FormState,
  isFailure,
  SelectField,
  TextAreaField,
  TextField,
} from "~/components/form";
import { PageHeader } from "~/components/page-header";
import { followUpActions, followUpOwnerErrors } from "~/forms/follow-up-actions.server";
import { reviewForm } from "~/forms/reviews.server";
import { FollowUpActionFields } from "~/components/fields/follow-up-action-fields";
import { getPartnerForReview, holdReview, lastReview } from "~/models/review.server";
import { responsesForPartner } from "~/models/feedback.server";
import { FeedbackResponsesList } from "~/components/feedback/responses-list";
import { nextReviewDate } from "~/models/review-schedule.server";
import { listActiveUserNames } from "~/models/user.server";
import { requireUser } from "~/utils/auth.server";
import { formatDate, todayIso } from "~/utils/dates";
import { failure, formValues, parseForm } from "~/utils/forms.server";
import { notFound, parseId, readFormData } from "~/utils/http.server";
import { withNotice } from "~/utils/notice";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Hold a review of ${data?.partner.name ?? "a partner"} · Partnership tracker` },
];

const ENDED_MESSAGE =
  "This partnership has already ended, so it is not reviewed any more. To work with them again, edit the partner and change its status first.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "editor");
  const partner = getPartnerForReview(parseId(params.partnerId)) ?? notFound();
  const today = todayIso();
  const last = lastReview(partner.id);
  return {
    partner,
    today,
    suggestedNext: nextReviewDate(today, partner.reviewCadenceMonths),
    owners: listActiveUserNames(),
    lastReviewOn: last?.heldOn ?? null,
    feedback: responsesForPartner(partner.id, 10, { since: last?.heldOn }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const partnerId = parseId(params.partnerId);
  const partner = getPartnerForReview(partnerId) ?? notFound();
  const formData = await readFormData(request);
  if (partner.status === "ended") {
    return data(
      { ok: false as const, ...failure(formValues(formData), undefined, { form: [ENDED_MESSAGE] }) },
      { status: 409 },
    );
  }
  const parsed = parseForm(formData, reviewForm);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const ownerErrors = followUpOwnerErrors(
    followUpActions(parsed.data),
    new Set(listActiveUserNames().map((u) => u.id)),
  );
  if (Object.keys(ownerErrors).length > 0) {
    return data(
      { ok: false as const, ...failure(formValues(formData), undefined, ownerErrors) },
      { status: 400 },
    );
  }
  const result = holdReview(partnerId, parsed.data, user.id);
  if (result.ok) return redirect(withNotice(`/reviews/${result.id}`, "created"));
  if (result.reason === "not-found") notFound();
  const errors =
    result.reason === "ended"
      ? { form: [ENDED_MESSAGE] }
      : {
          heldOn: [
            `A withdrawal cannot be dated before the partnership started (${formatDate(result.startDate)}).`,
          ],
        };
  return data(
    { ok: false as const, ...failure(formValues(formData), undefined, errors) },
    { status: result.reason === "ended" ? 409 : 400 },
  );
}

const relevanceOptions = [
  { value: "yes", label: relevanceLabels.yes },
  { value: "partly", label: relevanceLabels.partly },
  { value: "no", label: relevanceLabels.no },
];

const satisfactionOptions = [1, 2, 3, 4, 5].map((n) => ({
  value: String(n),
  label: `${n}: ${satisfactionLabels[n]}`,
}));

const decisionOptions = [
  { value: "continue", label: `${reviewDecisionLabels.continue}: carry on as now` },
  { value: "change", label: `${reviewDecisionLabels.change}: carry on, with changes` },
  { value: "withdraw", label: `${reviewDecisionLabels.withdraw}: end the partnership` },
];

export default function HoldReview() {
  const { partner, today, suggestedNext, owners, lastReviewOn, feedback } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const submittedDecision = isFailure(actionData) ? actionData.values.decision : undefined;
  // Without JavaScript every field shows; with it, only those the chosen decision needs.
  const [decision, setDecision] = useState(typeof submittedDecision === "string" ? submittedDecision : "");
  const trackDecision = (event: FormEvent<HTMLFormElement>) => {
    const target = event.target as HTMLInputElement;
    if (target.name === "decision") setDecision(target.value);
  };
  const crumbs = [
    { to: "/reviews", label: "Reviews" },
    { to: `/partners/${partner.id}`, label: partner.name },
  ];

  if (partner.status === "ended") {
    return (
      <>
        <PageHeader title={`Hold a review of ${partner.name}`} crumbs={crumbs} />
        <div className="notice notice--warning" role="status">
          <p>{ENDED_MESSAGE}</p>
          {partner.endDate ? <p>It ended on {formatDate(partner.endDate)}.</p> : null}
        </div>
        <p>
          <Link to={`/partners/${partner.id}`}>Back to {partner.name}</Link>
        </p>
      </>
    );
  }

  const cadence = partner.reviewCadenceMonths;
  const ownerOptions = owners.map((o) => ({ value: String(o.id), label: o.name }));
  return (
    <>
      <PageHeader title={`Hold a review of ${partner.name}`} crumbs={crumbs}>
        <p className="lede">
          Is the partnership still relevant, is the partner satisfied, and do you continue, change or
          withdraw?
        </p>
        <p className="muted">
          {cadence ? `Reviewed ${cadenceLabel(cadence).toLowerCase()}.` : "Not reviewed on a cycle."}
          {partner.nextReviewDate
            ? ` This review ${partner.nextReviewDate < today ? "was" : "is"} due on ${formatDate(partner.nextReviewDate)}.`
            : ""}
        </p>
      </PageHeader>
      <section className="card" aria-labelledby="feedback-title">
        <h2 id="feedback-title">
          What they told us through feedback links
          {lastReviewOn ? ` since the last review (${formatDate(lastReviewOn)})` : ""}
        </h2>
        <FeedbackResponsesList
          responses={feedback}
          empty={
            <>
              No feedback received.{" "}
              <Link to={`/partners/${partner.id}/feedback`}>Send them a feedback link</Link>.
            </>
          }
        />
      </section>
      <FormState failure={actionData}>
        <ErrorSummary />
        <Form method="post" className="form" onChange={trackDecision}>
          <TextField
            name="heldOn"
            label="Held on"
            type="date"
            defaultValue={today}
            max={today}
            width="medium"
            required
          />
          <TextAreaField
            name="participants"
            label="Who took part"
            rows={2}
            hint="Your staff and the partner's people, by name or role."
          />
          <ChoiceGroup
            name="stillRelevant"
            label="Is the partnership still relevant to your learning aims?"
            type="radio"
            options={relevanceOptions}
            required
            inline
          />
          <ChoiceGroup
            name="satisfaction"
            label="How satisfied is the partner with the way you work together?"
            type="radio"
            options={satisfactionOptions}
            hint="As the partner rates it, if they did."
          />
          <TextAreaField
            name="partnerWords"
            label="The partner's views, in their words"
            hint="What they said about working with you (checklist 3.1: partners are satisfied with working arrangements)."
          />
          <TextAreaField
            name="valueAdded"
            label="The value they say the partnership adds to their projects"
          />
          <TextAreaField name="partnerGained" label="What they say they have gained from working with you" />
          <TextAreaField name="userBenefits" label="Benefits to users" />
          <TextAreaField name="lessons" label="Lessons learnt" />
          <ChoiceGroup name="decision" label="Decision" type="radio" options={decisionOptions} required />
          {/* Hidden, not removed, so nothing typed is lost if the decision changes back. */}
          <div hidden={decision !== "" && decision !== "change"}>
            <TextAreaField
              name="changes"
              label="What will change"
              rows={3}
              required={decision === "change"}
              hint="Needed when the decision is Change."
            />
          </div>
          <div hidden={decision !== "" && decision !== "withdraw"}>
            <TextAreaField
              name="endReason"
              label="Why you are withdrawing"
              rows={3}
              required={decision === "withdraw"}
              hint="Needed when the decision is Withdraw. The partnership ends on the date of this review, for this reason."
            />
          </div>
          <div hidden={decision === "withdraw"}>
            <TextField
              name="nextReviewDate"
              label="Next review"
              type="date"
              defaultValue={suggestedNext}
              width="medium"
              hint={
                cadence
                  ? `For Continue or Change. Suggested: ${cadence} months after the review. Left as suggested, it follows the review's date if you change that.`
                  : "For Continue or Change. This partnership is not reviewed on a cycle: leave it blank, or give a date for one more review."
              }
            />
          </div>
          <input type="hidden" name="nextReviewSuggested" value={suggestedNext ?? ""} />

          <FollowUpActionFields
            owners={ownerOptions}
            hint="Up to three, each with someone to do it. Leave a row blank if you do not need it."
          />

          <div className="button-row">
            <button type="submit" className="button">
              Record the review
            </button>
            <Link to={`/partners/${partner.id}`}>Cancel</Link>
          </div>
        </Form>
      </FormState>
    </>
  );
}
