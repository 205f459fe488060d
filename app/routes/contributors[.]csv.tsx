import type { LoaderFunctionArgs } from "@remix-run/node";
import { contributorListQuery } from "~/forms/contributor-list.server";
import { exportContributors, type ContributorExportRow } from "~/models/contributor.server";
import { requireUser } from "~/utils/auth.server";
import { csvFilename, csvResponse, type CsvColumn } from "~/utils/csv.server";
import { contributorKindLabels } from "~/utils/labels";
import { readListQuery } from "~/utils/list-query.server";

const columns: CsvColumn<ContributorExportRow>[] = [
  { header: "ID", value: (c) => c.id },
  { header: "Name", value: (c) => c.name },
  { header: "Kind", value: (c) => contributorKindLabels[c.kind] },
  { header: "Partner", value: (c) => c.partnerName },
  { header: "Skills", value: (c) => c.skills },
  { header: "Email", value: (c) => c.email },
  { header: "Phone", value: (c) => c.phone },
  { header: "Website", value: (c) => c.website },
  { header: "Active from", value: (c) => c.activeFrom },
  { header: "Active to", value: (c) => c.activeTo },
  { header: "Notes", value: (c) => c.notes },
];

/** The contributor list as CSV: exactly the contributors the list's filters show, in the same order. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const query = readListQuery(request, contributorListQuery);
  return csvResponse(csvFilename("contributors"), columns, exportContributors(query));
}
