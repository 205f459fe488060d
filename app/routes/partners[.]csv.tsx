import type { LoaderFunctionArgs } from "@remix-run/node";
import { partnerListQuery } from "~/forms/partner-list.server";
import { exportPartners, type PartnerExportRow } from "~/models/partner.server";
import { requireUser } from "~/utils/auth.server";
import { csvFilename, csvResponse, type CsvColumn } from "~/utils/csv.server";
import { partnerStatusLabels, partnerTypeLabels } from "~/utils/labels";
import { readListQuery } from "~/utils/list-query.server";

const columns: CsvColumn<PartnerExportRow>[] = [
  { header: "ID", value: (p) => p.id },
  { header: "Name", value: (p) => p.name },
  { header: "Type", value: (p) => partnerTypeLabels[p.type] },
  { header: "Status", value: (p) => partnerStatusLabels[p.status] },
  { header: "Start date", value: (p) => p.startDate },
  { header: "End date", value: (p) => p.endDate },
  { header: "Why it ended", value: (p) => p.endReason },
  { header: "How their work adds value to ours", value: (p) => p.addsValue },
  { header: "Advocate", value: (p) => p.isAdvocate },
  { header: "Extends on-site services", value: (p) => p.extendsOnsite },
  { header: "Extends off-site services", value: (p) => p.extendsOffsite },
  { header: "Website", value: (p) => p.website },
  { header: "Area", value: (p) => p.area },
  { header: "Notes", value: (p) => p.notes },
];

/** The partner list as CSV: exactly the partners the list's filters show, in the same order. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const query = readListQuery(request, partnerListQuery);
  return csvResponse(csvFilename("partners"), columns, exportPartners(query));
}
