import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DeletePage } from "~/components/delete-page";
import { formatHours } from "~/components/fields/volunteer-fields";
import { deleteHours, getHours } from "~/models/volunteer-activity.server";
import { requireUser } from "~/utils/auth.server";
import { formatDate } from "~/utils/dates";
import { notFound, parseId } from "~/utils/http.server";
import { withNotice } from "~/utils/notice";

export const meta: MetaFunction = () => [{ title: "Delete hours given · Partnership tracker" }];

/** The hours entry, if it belongs to the volunteer in the address; otherwise a 404. */
function hoursOf(params: LoaderFunctionArgs["params"]) {
  const volunteerId = parseId(params.volunteerId);
  const hours = getHours(parseId(params.hoursId));
  if (!hours || hours.volunteerId !== volunteerId) notFound();
  return hours;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "editor");
  return { hours: hoursOf(params) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const hours = hoursOf(params);
  deleteHours(hours.id, user.id);
  return redirect(withNotice(`/volunteers/${hours.volunteerId}`, "hours-deleted"));
}

export default function DeleteHoursGiven() {
  const { hours } = useLoaderData<typeof loader>();
  const name = `${formatHours(hours.minutes)} given on ${formatDate(hours.date)}${
    hours.activity ? ` (${hours.activity})` : ""
  }`;
  return (
    <DeletePage
      title="Delete hours given"
      name={name}
      crumbs={[
        { to: "/volunteers", label: "Volunteers" },
        { to: `/volunteers/${hours.volunteerId}`, label: hours.volunteerName },
      ]}
      backTo={`/volunteers/${hours.volunteerId}`}
      dependants={[]}
    />
  );
}
