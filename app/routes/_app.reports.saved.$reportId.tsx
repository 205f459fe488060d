import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EvidencePanel } from "~/components/evidence-panel";
import { PageHeader } from "~/components/page-header";
import { PageNotice } from "~/components/page-notice";
import { reportPeriod, VolunteerReportBody } from "~/components/reports/comparison-chart";
import { evidenceForRecord } from "~/models/evidence.server";
import { getSavedReport, REPORT } from "~/models/volunteer-report.server";
import { requireUser } from "~/utils/auth.server";
import { formatDateTime, isoInstant } from "~/utils/dates";
import { notFound, parseId } from "~/utils/http.server";
import reportStyles from "~/styles/reports.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reportStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.saved.title ?? "Saved report"} · Reports · Partnership tracker` },
];

/** A dated copy of the report, exactly as it was saved: read-only, printable, evidence for 3.3. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const id = parseId(params.reportId);
  const saved = getSavedReport(id) ?? notFound();
  return { saved, evidence: evidenceForRecord({ type: REPORT, id }) };
}

export default function SavedReportPage() {
  const { saved, evidence } = useLoaderData<typeof loader>();
  const report = saved.content;
  return (
    <>
      <PageHeader title={saved.title} crumbs={[{ to: "/reports/volunteers", label: "Volunteer profile" }]}>
        <p className="lede">
          A copy saved on{" "}
          <time dateTime={isoInstant(saved.createdAt)}>{formatDateTime(saved.createdAt)}</time>
          {saved.createdByName ? ` by ${saved.createdByName}` : ""}. It shows the figures as they were then,
          and does not change. Print this page for a paper copy.
        </p>
      </PageHeader>
      <PageNotice
        messages={{ saved: "A dated copy has been saved and linked as evidence for checklist 3.3." }}
      />
      <p>
        <strong>Volunteers active from {reportPeriod(report)}</strong>
        {report.programme ? `, ${report.programme.label.toLowerCase()} programme` : ", all programmes"}.{" "}
        {report.profile ? (
          <>
            Compared with <strong>{report.profile.name}</strong>
            {[report.profile.source, report.profile.year].filter(Boolean).length
              ? ` (${[report.profile.source, report.profile.year].filter(Boolean).join(", ")})`
              : ""}
            .
          </>
        ) : (
          "Not compared with a community profile."
        )}
      </p>
      <VolunteerReportBody report={report} />
      <div className="no-print">
        <EvidencePanel recordType={REPORT} recordId={saved.id} evidence={evidence} />
        <p>
          <Link to="/reports/volunteers">See the report as it is today</Link>
        </p>
      </div>
    </>
  );
}
