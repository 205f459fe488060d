import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DeletePage } from "~/components/delete-page";
import { deleteTraining, getTraining } from "~/models/volunteer-activity.server";
import { requireUser } from "~/utils/auth.server";
import { formatDate } from "~/utils/dates";
import { notFound, parseId } from "~/utils/http.server";
import { withNotice } from "~/utils/notice";

export const meta: MetaFunction = () => [{ title: "Delete training record · Partnership tracker" }];

/** The training record, if it belongs to the volunteer in the address; otherwise a 404. */
function trainingOf(params: LoaderFunctionArgs["params"]) {
  const volunteerId = parseId(params.volunteerId);
  const training = getTraining(parseId(params.trainingId));
  if (!training || training.volunteerId !== volunteerId) notFound();
  return training;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "editor");
  return { training: trainingOf(params) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const training = trainingOf(params);
  deleteTraining(training.id, user.id);
  return redirect(withNotice(`/volunteers/${training.volunteerId}`, "training-deleted"));
}

export default function DeleteTraining() {
  const { training } = useLoaderData<typeof loader>();
  const name = `the training record “${training.title}” (${formatDate(training.date)})`;
  return (
    <DeletePage
      title="Delete a training record"
      name={name}
      crumbs={[
        { to: "/volunteers", label: "Volunteers" },
        { to: `/volunteers/${training.volunteerId}`, label: training.volunteerName },
      ]}
      backTo={`/volunteers/${training.volunteerId}`}
      dependants={[]}
    />
  );
}
