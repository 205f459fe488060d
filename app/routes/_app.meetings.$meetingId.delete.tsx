import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DeletePage } from "~/components/delete-page";
import { deleteMeeting, getMeeting, meetingParts } from "~/models/meeting.server";
import { requireUser } from "~/utils/auth.server";
import { notFound, parseId } from "~/utils/http.server";
import { withNotice } from "~/utils/notice";

export const meta: MetaFunction = () => [{ title: "Delete meeting · Partnership tracker" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "editor");
  const id = parseId(params.meetingId);
  const meeting = getMeeting(id) ?? notFound();
  return { meeting: { id, title: meeting.title }, parts: meetingParts(id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const id = parseId(params.meetingId);
  if (!deleteMeeting(id, user.id)) notFound();
  return redirect(withNotice("/meetings", "deleted"));
}

export default function DeleteMeeting() {
  const { meeting, parts } = useLoaderData<typeof loader>();
  return (
    <DeletePage
      title={`Delete ${meeting.title}`}
      name={meeting.title}
      crumbs={[
        { to: "/meetings", label: "Meetings" },
        { to: `/meetings/${meeting.id}`, label: meeting.title },
      ]}
      backTo={`/meetings/${meeting.id}`}
      dependants={[]}
      instead={
        parts.length > 0
          ? `Its ${parts.join(" and ")} will be deleted with it. Its evidence links for the checklist will be removed.`
          : "It has no follow-up actions. Its evidence links for the checklist will be removed."
      }
    />
  );
}
