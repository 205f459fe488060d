import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Details } from "~/components/details";
import { PageHeader } from "~/components/page-header";
import { PageNotice } from "~/components/page-notice";
import { RecordActions } from "~/components/record-actions";
import { Timeline } from "~/components/timeline";
import { getBenefitPage } from "~/models/benefit.server";
import { requireUser } from "~/utils/auth.server";
import { evidenceForRecord } from "~/models/evidence.server";
import { EvidencePanel } from "~/components/evidence-panel";
import { formatDate } from "~/utils/dates";
import { notFound, parseId } from "~/utils/http.server";
import { beneficiaryLabels, benefitSourceLabels, outcomeLabels } from "~/utils/labels";
import { auditTimeline } from "~/utils/timeline";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? "Benefit"} · Benefits · Partnership tracker` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const id = parseId(params.benefitId);
  const page = getBenefitPage(id) ?? notFound();
  return { ...page, evidence: evidenceForRecord({ type: "benefit", id }) };
}

export default function BenefitPage() {
  const { benefit, title, outcomes, partner, project, history, evidence } = useLoaderData<typeof loader>();
  const learning = outcomes.filter((outcome) => outcome.startsWith("glo_"));
  const social = outcomes.filter((outcome) => outcome.startsWith("gso_"));
  const groups = [
    { key: "glo", heading: "Generic Learning Outcomes", list: learning, badge: "badge" },
    { key: "gso", heading: "Generic Social Outcomes", list: social, badge: "badge badge--ok" },
  ];

  return (
    <>
      <PageHeader
        title={title}
        crumbs={[{ to: "/benefits", label: "Benefits" }]}
        actions={
          <RecordActions
            editTo={`/benefits/${benefit.id}/edit`}
            historyTo={`/history/benefit/${benefit.id}`}
          />
        }
      >
        <ul className="tag-list" aria-label="Summary">
          <li className="badge">For {beneficiaryLabels[benefit.beneficiary].toLowerCase()}</li>
          <li className="badge badge--muted">{formatDate(benefit.date)}</li>
        </ul>
      </PageHeader>
      <PageNotice
        messages={{
          created: "The benefit has been recorded.",
          saved: "Your changes have been saved.",
        }}
      />

      <div className="grid grid--2">
        <section className="card" aria-labelledby="details-title">
          <h2 id="details-title">Details</h2>
          <Details
            rows={[
              ["Who benefits", beneficiaryLabels[benefit.beneficiary]],
              ["What the benefit was", benefit.description],
              ["Date", formatDate(benefit.date)],
              ["Partner", partner ? <Link to={`/partners/${partner.id}`}>{partner.name}</Link> : null],
              ["Project", project ? <Link to={`/projects/${project.id}`}>{project.title}</Link> : null],
              ["How you know", benefitSourceLabels[benefit.source]],
            ]}
          />
        </section>

        <section className="card" aria-labelledby="outcomes-title">
          <h2 id="outcomes-title">Outcomes</h2>
          {groups.map((group) => (
            <div key={group.key}>
              <h3 id={`outcomes-${group.key}`}>{group.heading}</h3>
              {group.list.length === 0 ? (
                <p className="muted">None tagged.</p>
              ) : (
                <ul className="tag-list" aria-labelledby={`outcomes-${group.key}`}>
                  {group.list.map((outcome) => (
                    <li key={outcome} className={group.badge}>
                      {outcomeLabels[outcome]}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </section>
      </div>

      <EvidencePanel recordType="benefit" recordId={benefit.id} evidence={evidence} />

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">Timeline</h2>
        <Timeline items={auditTimeline(history, "Benefit")} />
      </section>
    </>
  );
}
