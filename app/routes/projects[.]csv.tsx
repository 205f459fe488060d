import type { LoaderFunctionArgs } from "@remix-run/node";
import { projectListQuery } from "~/forms/project-list.server";
import { exportProjects, type ProjectExportRow } from "~/models/project.server";
import { requireUser } from "~/utils/auth.server";
import { csvFilename, csvResponse, type CsvColumn } from "~/utils/csv.server";
import { projectStatusLabels } from "~/utils/labels";
import { readListQuery } from "~/utils/list-query.server";
import { penceToPounds } from "~/utils/money";

const columns: CsvColumn<ProjectExportRow>[] = [
  { header: "ID", value: (p) => p.id },
  { header: "Title", value: (p) => p.title },
  { header: "Status", value: (p) => projectStatusLabels[p.status] },
  { header: "Start date", value: (p) => p.startDate },
  { header: "End date", value: (p) => p.endDate },
  { header: "Description", value: (p) => p.description },
  { header: "Partners (role)", value: (p) => p.partners },
  { header: "Funding secured (£)", value: (p) => penceToPounds(p.securedPence) },
  { header: "Funding pending (£)", value: (p) => penceToPounds(p.pendingPence) },
  { header: "Users reached", value: (p) => p.usersReached },
  { header: "New or infrequent users reached", value: (p) => p.newUsersReached },
  { header: "Learning opportunities offered", value: (p) => p.learningOpportunities },
  { header: "Audience research shared with partners", value: (p) => p.audienceResearchShared },
  { header: "Notes", value: (p) => p.notes },
];

/** The project list as CSV: exactly the projects the list's filters show, in the same order. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const query = readListQuery(request, projectListQuery);
  return csvResponse(csvFilename("projects"), columns, exportProjects(query));
}
