import type { LoaderFunctionArgs } from "@remix-run/node";
import {
  buildVolunteerReport,
  readReportParams,
  type ReportRow,
  type VolunteerReport,
} from "~/models/volunteer-report.server";
import { requireUser } from "~/utils/auth.server";
import { csvFilename, csvResponse, type CsvColumn } from "~/utils/csv.server";

type CsvRow = {
  question: string;
  category: string;
  volunteers: number | string;
  percent: number | null;
  community: number | null;
  difference: number | null;
};

const columns: CsvColumn<CsvRow>[] = [
  { header: "Question", value: (r) => r.question },
  { header: "Category", value: (r) => r.category },
  { header: "Volunteers", value: (r) => r.volunteers },
  { header: "Volunteer %", value: (r) => r.percent },
  { header: "Community %", value: (r) => r.community },
  // A number (5.2, -3.1), so a spreadsheet can sort and chart it.
  { header: "Difference (percentage points)", value: (r) => r.difference },
];

/** Every row of every question, groups after their category as "Category: group". */
function csvRows(report: VolunteerReport): CsvRow[] {
  const rows: CsvRow[] = [];
  const add = (question: string, row: ReportRow, parent?: string) => {
    rows.push({
      question,
      category: parent ? `${parent}: ${row.label}` : row.label,
      volunteers: row.count,
      percent: row.percent,
      community: row.community,
      difference: row.difference,
    });
    for (const child of row.children ?? []) add(question, child, row.label);
  };
  for (const question of report.questions) {
    for (const row of question.rows) add(question.label, row);
    rows.push({
      question: question.label,
      category: "All volunteers in the period",
      volunteers: question.total,
      percent: null,
      community: null,
      difference: null,
    });
  }
  return rows;
}

/**
 * The report's tables as CSV: the same aggregated, suppressed figures the page shows (a count of
 * 1 to 4 reads "fewer than 5"), never anyone's answers. Viewers may download it.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const params = readReportParams(new URL(request.url).searchParams);
  const report = await buildVolunteerReport(params);
  return csvResponse(csvFilename(`volunteer-profile-${params.from}-to-${params.to}`), columns, [
    csvRows(report),
  ]);
}
