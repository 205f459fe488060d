import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { FeedbackPage } from "~/components/feedback/feedback-page";
import { feedbackPageAction, loadFeedbackPage } from "~/models/feedback-page.server";
import { parseId } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Feedback on ${data?.subject.name ?? "a project"} · Projects · Partnership tracker` },
];

/** A new link is shown once, in the action's answer: no browser or proxy keeps a copy. */
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadFeedbackPage(request, { projectId: parseId(params.projectId) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  return feedbackPageAction(request, { projectId: parseId(params.projectId) });
}

export default function ProjectFeedback() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return <FeedbackPage {...page} actionData={actionData} />;
}
