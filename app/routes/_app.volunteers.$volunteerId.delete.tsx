import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DeletePage } from "~/components/delete-page";
import { formatHours } from "~/components/fields/volunteer-fields";
import {
  deleteVolunteer,
  getVolunteer,
  volunteerBelongings,
  volunteerDependants,
} from "~/models/volunteer.server";
import { requireUser } from "~/utils/auth.server";
import { notFound, parseId } from "~/utils/http.server";
import { withNotice } from "~/utils/notice";

export const meta: MetaFunction = () => [{ title: "Delete volunteer · Partnership tracker" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "editor");
  const id = parseId(params.volunteerId);
  const volunteer = getVolunteer(id) ?? notFound();
  return {
    volunteer: { id, name: volunteer.name },
    dependants: volunteerDependants(id),
    ...volunteerBelongings(id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const id = parseId(params.volunteerId);
  if (!getVolunteer(id)) notFound();
  if (volunteerDependants(id).length > 0) return redirect(`/volunteers/${id}/delete`);
  deleteVolunteer(id, user.id);
  return redirect(withNotice("/volunteers", "deleted"));
}

export default function DeleteVolunteer() {
  const { volunteer, dependants, trainingCount, totalMinutes } = useLoaderData<typeof loader>();
  const keepInstead =
    "To keep their record, mark them as Left instead (edit the volunteer and give the date they left).";
  const belongings =
    trainingCount === 0 && totalMinutes === 0
      ? "Training records and hours given belong to the volunteer and are deleted with them (this volunteer has none)."
      : `Their training records (${trainingCount}) and hours given (${formatHours(totalMinutes)}) belong to the volunteer and will be deleted with them.`;
  return (
    <DeletePage
      title={`Delete ${volunteer.name}`}
      name={volunteer.name}
      crumbs={[
        { to: "/volunteers", label: "Volunteers" },
        { to: `/volunteers/${volunteer.id}`, label: volunteer.name },
      ]}
      backTo={`/volunteers/${volunteer.id}`}
      dependants={dependants}
      instead={
        dependants.length > 0
          ? `Remove them from those projects first. ${keepInstead}`
          : `${belongings} ${keepInstead}`
      }
    />
  );
}
