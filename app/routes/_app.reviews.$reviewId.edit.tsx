import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Details } from "~/components/details";
import { relevanceLabels, reviewDecisionLabels, satisfactionLabels } from "~/utils/labels";
import { ErrorSummary, FormState, TextAreaField } from "~/components/form";
import { PageHeader } from "~/components/page-header";
import { reviewEditForm } from "~/forms/reviews.server";
import { getReview, updateReview } from "~/models/review.server";
import { requireUser } from "~/utils/auth.server";
import { formatDate } from "~/utils/dates";
import { failure, formValues, parseForm } from "~/utils/forms.server";
import { notFound, parseId, readFormData } from "~/utils/http.server";
import { withNotice } from "~/utils/notice";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Edit the review of ${data?.review.partnerName ?? "a partner"} · Partnership tracker` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "editor");
  const review = getReview(parseId(params.reviewId)) ?? notFound();
  return { review };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const id = parseId(params.reviewId);
  const review = getReview(id) ?? notFound();
  const formData = await readFormData(request);
  const parsed = parseForm(formData, reviewEditForm);
  if (!parsed.ok) return data(parsed, { status: 400 });
  if (review.decision !== "continue" && !parsed.data.changes) {
    const message = review.decision === "change" ? "Say what will change." : "Say why you withdrew.";
    return data(
      { ok: false as const, ...failure(formValues(formData), undefined, { changes: [message] }) },
      { status: 400 },
    );
  }
  if (!updateReview(id, parsed.data, user.id)) notFound();
  return redirect(withNotice(`/reviews/${id}`, "saved"));
}

export default function EditReview() {
  const { review } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const title = `Review of ${review.partnerName}`;
  return (
    <>
      <PageHeader
        title={`Edit the review of ${review.partnerName}`}
        crumbs={[
          { to: "/reviews", label: "Reviews" },
          { to: `/partners/${review.partnerId}`, label: review.partnerName },
          { to: `/reviews/${review.id}`, label: `${title}, ${formatDate(review.heldOn)}` },
        ]}
      />
      <div className="notice notice--info">
        <p>
          You can correct what was said and learnt. The date, the answers and the decision record what was
          decided at the time, so they cannot be changed here: to change course, hold another review from the
          partner&apos;s page.
        </p>
      </div>
      <section className="card" aria-labelledby="fixed-title">
        <h2 id="fixed-title">Decided at the review</h2>
        <Details
          rows={[
            ["Held on", formatDate(review.heldOn)],
            ["Still relevant to our learning aims", relevanceLabels[review.stillRelevant]],
            [
              "Partner's satisfaction",
              review.satisfaction
                ? `${review.satisfaction} of 5: ${satisfactionLabels[review.satisfaction]}`
                : null,
            ],
            ["Decision", reviewDecisionLabels[review.decision]],
            [
              "Next review",
              review.decision === "withdraw"
                ? "None: the partnership ended"
                : formatDate(review.nextReviewDate) || null,
            ],
          ]}
        />
      </section>
      <FormState failure={actionData}>
        <ErrorSummary />
        <Form method="post" className="form">
          <TextAreaField
            name="participants"
            label="Who took part"
            rows={2}
            defaultValue={review.participants}
          />
          <TextAreaField
            name="partnerWords"
            label="The partner's views, in their words"
            defaultValue={review.partnerWords}
          />
          <TextAreaField
            name="valueAdded"
            label="The value they say the partnership adds to their projects"
            defaultValue={review.valueAdded}
          />
          <TextAreaField
            name="partnerGained"
            label="What they say they have gained from working with you"
            defaultValue={review.partnerGained}
          />
          <TextAreaField name="userBenefits" label="Benefits to users" defaultValue={review.userBenefits} />
          <TextAreaField name="lessons" label="Lessons learnt" defaultValue={review.lessons} />
          {review.decision === "continue" ? null : (
            <TextAreaField
              name="changes"
              label={review.decision === "change" ? "What will change" : "Why you withdrew"}
              rows={3}
              defaultValue={review.changes}
              required
            />
          )}
          <div className="button-row">
            <button type="submit" className="button">
              Save changes
            </button>
            <Link to={`/reviews/${review.id}`}>Cancel</Link>
          </div>
        </Form>
      </FormState>
    </>
  );
}
