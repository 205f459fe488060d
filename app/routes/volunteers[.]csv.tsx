import type { LoaderFunctionArgs } from "@remix-run/node";
import { minutesAsHours } from "~/components/fields/volunteer-fields";
import { volunteerListQuery } from "~/forms/volunteer-list.server";
import { exportVolunteers, type VolunteerExportRow } from "~/models/volunteer.server";
import { requireUser } from "~/utils/auth.server";
import { csvFilename, csvResponse, type CsvColumn } from "~/utils/csv.server";
import { volunteerFocusLabels, volunteerProgrammeLabels, volunteerStatusLabels } from "~/utils/labels";
import { readListQuery } from "~/utils/list-query.server";

const columns: CsvColumn<VolunteerExportRow>[] = [
  { header: "ID", value: (v) => v.id },
  { header: "Name", value: (v) => v.name },
  { header: "Programme", value: (v) => volunteerProgrammeLabels[v.programme] },
  { header: "Status", value: (v) => volunteerStatusLabels[v.status] },
  { header: "Start date", value: (v) => v.startDate },
  { header: "End date", value: (v) => v.endDate },
  { header: "Roles", value: (v) => v.roles },
  { header: "Skills", value: (v) => v.skills },
  {
    header: "Focus of their programme",
    value: (v) => v.focuses.map((f) => volunteerFocusLabels[f]).join("; "),
  },
  { header: "Total hours given", value: (v) => minutesAsHours(v.totalMinutes) },
  { header: "Training records", value: (v) => v.trainingCount },
  { header: "Email address", value: (v) => v.email },
  { header: "Phone", value: (v) => v.phone },
  { header: "Notes", value: (v) => v.notes },
];

/** The volunteer list as CSV: exactly the volunteers the list's filters show, in the same order. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const query = readListQuery(request, volunteerListQuery);
  return csvResponse(csvFilename("volunteers"), columns, exportVolunteers(query));
}
