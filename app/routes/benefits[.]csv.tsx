import type { LoaderFunctionArgs } from "@remix-run/node";
import { benefitListQuery } from "~/forms/benefit-list.server";
import { exportBenefits, type BenefitExportRow } from "~/models/benefit.server";
import { requireUser } from "~/utils/auth.server";
import { csvFilename, csvResponse, type CsvColumn } from "~/utils/csv.server";
import { beneficiaryLabels, benefitSourceLabels } from "~/utils/labels";
import { readListQuery } from "~/utils/list-query.server";

const columns: CsvColumn<BenefitExportRow>[] = [
  { header: "ID", value: (b) => b.id },
  { header: "Date", value: (b) => b.date },
  { header: "Who benefits", value: (b) => beneficiaryLabels[b.beneficiary] },
  { header: "What the benefit was", value: (b) => b.description },
  { header: "Partner", value: (b) => b.partnerName },
  { header: "Project", value: (b) => b.projectTitle },
  { header: "How you know", value: (b) => benefitSourceLabels[b.source] },
  { header: "Outcomes", value: (b) => b.outcomes },
];

/** The benefit list as CSV: exactly the benefits the list's filters show, in the same order. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const query = readListQuery(request, benefitListQuery);
  return csvResponse(csvFilename("benefits"), columns, exportBenefits(query));
}
