import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Details } from "~/components/details";
import { PageHeader } from "~/components/page-header";
import { PageNotice } from "~/components/page-notice";
import { RecordActions } from "~/components/record-actions";
import { Timeline, type TimelineItem } from "~/components/timeline";
import { getContributorPage } from "~/models/contributor.server";
import { requireUser } from "~/utils/auth.server";
import { canSeeEquality, monitoringStatus } from "~/models/monitoring.server";
import { MonitoringCard } from "~/components/monitoring-card";
import { evidenceForRecord } from "~/models/evidence.server";
import { EvidencePanel } from "~/components/evidence-panel";
import { formatDate } from "~/utils/dates";
import { notFound, parseId } from "~/utils/http.server";
import { contributorKindLabels, projectStatusLabels } from "~/utils/labels";
import { auditTimeline } from "~/utils/timeline";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.contributor.name ?? "Contributor"} · Contributors · Partnership tracker` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = parseId(params.contributorId);
  const page = getContributorPage(id) ?? notFound();
  return {
    ...page,
    evidence: evidenceForRecord({ type: "contributor", id }),
    // Special category data: only permitted users learn even whether answers are recorded.
    ...(canSeeEquality(user) ? { monitoring: monitoringStatus({ type: "contributor", id }) } : {}),
  };
}

export default function ContributorPage() {
  const { contributor, activeNow, partner, projects, history, evidence, monitoring } =
    useLoaderData<typeof loader>();
  const timeline: TimelineItem[] = [
    ...auditTimeline(history, "Contributor"),
    ...projects.flatMap((p) => [
      ...(p.startDate
        ? [
            {
              key: `project-start-${p.id}`,
              date: p.startDate,
              text: (
                <>
                  Project <Link to={`/projects/${p.id}`}>{p.title}</Link> started
                </>
              ),
            },
          ]
        : []),
      ...(p.endDate
        ? [
            {
              key: `project-end-${p.id}`,
              date: p.endDate,
              text: (
                <>
                  Project <Link to={`/projects/${p.id}`}>{p.title}</Link> ended
                </>
              ),
            },
          ]
        : []),
    ]),
  ];

  return (
    <>
      <PageHeader
        title={contributor.name}
        crumbs={[{ to: "/contributors", label: "Contributors" }]}
        actions={
          <RecordActions
            editTo={`/contributors/${contributor.id}/edit`}
            historyTo={`/history/contributor/${contributor.id}`}
            personalDataTo={`/contributors/${contributor.id}/personal-data`}
          />
        }
      >
        <ul className="tag-list" aria-label="Summary">
          <li className="badge">{contributorKindLabels[contributor.kind]}</li>
          {activeNow ? (
            <li className="badge badge--ok">Active now</li>
          ) : (
            <li className="badge badge--muted">Not active now</li>
          )}
        </ul>
      </PageHeader>
      <PageNotice
        messages={{
          created: "The contributor has been added.",
          saved: "Your changes have been saved.",
        }}
      />

      <section className="card" aria-labelledby="details-title">
        <h2 id="details-title">Details</h2>
        <Details
          rows={[
            ["Kind", contributorKindLabels[contributor.kind]],
            ["Partner", partner ? <Link to={`/partners/${partner.id}`}>{partner.name}</Link> : null],
            ["Skills", contributor.skills],
            [
              "Email address",
              contributor.email ? <a href={`mailto:${contributor.email}`}>{contributor.email}</a> : null,
            ],
            [
              "Phone",
              contributor.phone ? (
                <a href={`tel:${contributor.phone.replace(/\s/g, "")}`}>{contributor.phone}</a>
              ) : null,
            ],
            [
              "Website",
              contributor.website ? (
                <a href={contributor.website} rel="noopener noreferrer" target="_blank">
                  {contributor.website}
                  <span className="visually-hidden"> (opens in a new tab)</span>
                </a>
              ) : null,
            ],
            ["Active from", formatDate(contributor.activeFrom)],
            ["Active to", formatDate(contributor.activeTo)],
            ["Notes", contributor.notes],
          ]}
        />
      </section>

      {monitoring ? (
        <MonitoringCard status={monitoring} href={`/contributors/${contributor.id}/monitoring`} />
      ) : null}

      <section aria-labelledby="projects-title">
        <h2 id="projects-title">Projects</h2>
        {projects.length === 0 ? (
          <p className="muted">
            {contributor.name} is not on any project yet. To add them, edit the project they work on.
          </p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Project</th>
                  <th scope="col">Status</th>
                  <th scope="col">Dates</th>
                </tr>
              </thead>
              <tbody>
                {projects.map((project) => (
                  <tr key={project.id}>
                    <td>
                      <Link to={`/projects/${project.id}`}>{project.title}</Link>
                    </td>
                    <td>{projectStatusLabels[project.status]}</td>
                    <td>
                      {formatDate(project.startDate)}
                      {project.endDate ? ` – ${formatDate(project.endDate)}` : ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <EvidencePanel recordType="contributor" recordId={contributor.id} evidence={evidence} />

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">Timeline</h2>
        <Timeline items={timeline} />
      </section>
    </>
  );
}
