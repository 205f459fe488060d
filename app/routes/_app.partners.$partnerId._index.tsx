import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { FeedbackResponsesList } from "~/components/feedback/responses-list";
import { responseCount, responsesForPartner } from "~/models/feedback.server";
import { Link, useLoaderData } from "@remix-run/react";
import { Details, yesNo } from "~/components/details";
import { PageHeader } from "~/components/page-header";
import { PageNotice } from "~/components/page-notice";
import { RecordActions } from "~/components/record-actions";
import { Timeline } from "~/components/timeline";
import { getPartnerPage } from "~/models/partner.server";
import { useAppUser, useCanEdit } from "~/utils/app-user";
import { requireUser } from "~/utils/auth.server";
import { cached } from "~/utils/cache.server";
import { meetingsForPartner } from "~/models/meeting.server";
import { reviewsForPartner } from "~/models/review.server";
import { reviewStatus } from "~/models/review-schedule.server";
import { evidenceForRecord } from "~/models/evidence.server";
import { EvidencePanel } from "~/components/evidence-panel";
import { formatDate, formatDateTime, todayIso } from "~/utils/dates";
import { notFound, parseId } from "~/utils/http.server";
import {
  beneficiaryLabels,
  cadenceLabel,
  contributorKindLabels,
  meetingKindLabels,
  reviewDecisionLabels,
  reviewStatusBadge,
  reviewStatusLabels,
  partnerStatusLabels,
  partnerTypeLabels,
  projectPartnerRoleLabels,
  projectStatusLabels,
} from "~/utils/labels";
import { auditTimeline } from "~/utils/timeline";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.partner.name ?? "Partner"} · Partners · Partnership tracker` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const id = parseId(params.partnerId);
  const today = todayIso();
  // The same for everyone who may open it (what a role may do is decided as it renders), so it
  // is worked out once and kept until the data changes or the day turns.
  const page = cached(`partner-page:${id}:${today}`, () => {
    const partnerPage = getPartnerPage(id);
    if (!partnerPage) return null;
    return {
      ...partnerPage,
      reviewStatus: reviewStatus(partnerPage.partner.nextReviewDate, today),
      meetings: meetingsForPartner(id, 10),
      reviews: reviewsForPartner(id),
      feedback: responsesForPartner(id, 3),
      feedbackTotal: responseCount({ partnerId: id }),
      evidence: evidenceForRecord({ type: "partner", id }),
    };
  });
  return page ?? notFound();
}

export default function PartnerPage() {
  const { partner, contacts, projects, contributors, benefits, history, evidence } =
    useLoaderData<typeof loader>();
  const {
    reviewStatus: scheduleStatus,
    meetings,
    reviews,
    feedback,
    feedbackTotal,
  } = useLoaderData<typeof loader>();
  const canEdit = useCanEdit();
  const isAdmin = useAppUser().role === "admin";
  const services = [
    partner.extendsOnsite ? "On-site" : null,
    partner.extendsOffsite ? "Off-site" : null,
  ].filter(Boolean);
  const timeline = [
    ...auditTimeline(history, "Partner"),
    ...projects
      .filter((p) => p.startDate)
      .map((p) => ({
        key: `project-${p.id}`,
        date: p.startDate!,
        text: (
          <>
            Project <Link to={`/projects/${p.id}`}>{p.title}</Link> started (
            {projectPartnerRoleLabels[p.role].toLowerCase()})
          </>
        ),
      })),
    ...meetings.map((m) => ({
      key: `meeting-${m.id}`,
      date: m.heldAt,
      text: (
        <>
          {meetingKindLabels[m.kind]}: <Link to={`/meetings/${m.id}`}>{m.title}</Link>
        </>
      ),
    })),
    ...reviews.map((r) => ({
      key: `review-${r.id}`,
      date: r.heldOn,
      text: (
        <>
          <Link to={`/reviews/${r.id}`}>Partnership review</Link>:{" "}
          {reviewDecisionLabels[r.decision].toLowerCase()}
        </>
      ),
    })),
    ...feedback.map((r) => ({
      key: `feedback-${r.id}`,
      date: r.submittedAt,
      text: <Link to={`/feedback/responses/${r.id}`}>Feedback from the partner</Link>,
    })),
    ...benefits.map((b) => ({
      key: `benefit-${b.id}`,
      date: b.date,
      text: (
        <>
          Benefit for {beneficiaryLabels[b.beneficiary].toLowerCase()}:{" "}
          <Link to={`/benefits/${b.id}`}>{b.description}</Link>
        </>
      ),
    })),
  ];

  return (
    <>
      <PageHeader
        title={partner.name}
        crumbs={[{ to: "/partners", label: "Partners" }]}
        actions={
          <>
            {canEdit ? (
              <Link to={`/meetings/new?partnerId=${partner.id}`} className="button">
                Log a meeting
              </Link>
            ) : null}
            {canEdit && partner.status !== "ended" ? (
              <Link to={`/partners/${partner.id}/reviews/new`} className="button button--secondary">
                Hold a review
              </Link>
            ) : null}
            <RecordActions
              editTo={`/partners/${partner.id}/edit`}
              historyTo={`/history/partner/${partner.id}`}
            />
          </>
        }
      >
        <ul className="tag-list" aria-label="Summary">
          <li className="badge">{partnerTypeLabels[partner.type]}</li>
          <li className={`badge badge--status-${partner.status}`}>{partnerStatusLabels[partner.status]}</li>
          {partner.isAdvocate ? <li className="badge badge--ok">Advocate</li> : null}
        </ul>
      </PageHeader>
      <PageNotice
        messages={{
          created: "The partner has been added.",
          saved: "Your changes have been saved.",
          "contact-added": "The contact has been added.",
          "contact-saved": "The contact has been saved.",
          "contact-deleted": "The contact has been deleted.",
        }}
      />

      <div className="grid grid--2">
        <section className="card" aria-labelledby="details-title">
          <h2 id="details-title">Details</h2>
          <Details
            rows={[
              ["Start date", formatDate(partner.startDate)],
              ["End date", formatDate(partner.endDate)],
              ["Reviewed", cadenceLabel(partner.reviewCadenceMonths)],
              [
                "Next review",
                partner.nextReviewDate ? (
                  <>
                    {formatDate(partner.nextReviewDate)}{" "}
                    <span className={reviewStatusBadge(scheduleStatus)}>
                      {reviewStatusLabels[scheduleStatus]}
                    </span>
                  </>
                ) : null,
              ],
              ...(partner.status === "ended" || partner.endReason
                ? ([["Why it ended", partner.endReason]] as const)
                : []),
              ["What they bring", partner.addsValue],
              ["Advocate for us", yesNo(partner.isAdvocate)],
              ["Extends our services", services.length ? services.join(" and ") : "No"],
              ["Area", partner.area],
              [
                "Website",
                partner.website ? (
                  <a href={partner.website} rel="noopener noreferrer" target="_blank">
                    {partner.website}
                    <span className="visually-hidden"> (opens in a new tab)</span>
                  </a>
                ) : null,
              ],
              ["Notes", partner.notes],
            ]}
          />
        </section>

        <section className="card" aria-labelledby="contacts-title">
          <div className="section-header">
            <h2 id="contacts-title">Contacts</h2>
            {canEdit ? <Link to={`/partners/${partner.id}/contacts/new`}>Add a contact</Link> : null}
          </div>
          {contacts.length === 0 ? (
            <p className="muted">No contacts recorded.</p>
          ) : (
            <ul className="plain-list">
              {contacts.map((contact) => (
                <li key={contact.id}>
                  <strong>{contact.name}</strong>
                  {contact.role ? `, ${contact.role}` : ""}
                  <br />
                  {contact.email ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : null}
                  {contact.email && contact.phone ? " · " : null}
                  {contact.phone ? (
                    <a href={`tel:${contact.phone.replace(/\s/g, "")}`}>{contact.phone}</a>
                  ) : null}
                  {canEdit ? (
                    <>
                      {" "}
                      <Link to={`/contacts/${contact.id}/edit`} className="small-link">
                        Edit<span className="visually-hidden"> {contact.name}</span>
                      </Link>
                    </>
                  ) : null}
                  {isAdmin ? (
                    <>
                      {" "}
                      <Link to={`/contacts/${contact.id}/personal-data`} className="small-link">
                        Personal data<span className="visually-hidden"> of {contact.name}</span>
                      </Link>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <div className="grid grid--2">
        <section className="card" aria-labelledby="meetings-title">
          <div className="section-header">
            <h2 id="meetings-title">Meetings</h2>
            {meetings.length > 0 ? <Link to={`/meetings?partnerId=${partner.id}`}>All meetings</Link> : null}
          </div>
          {meetings.length === 0 ? (
            <p className="muted">No meetings logged yet.</p>
          ) : (
            <ul className="plain-list">
              {meetings.map((m) => (
                <li key={m.id}>
                  <Link to={`/meetings/${m.id}`}>{m.title}</Link>{" "}
                  <span className="muted">
                    · {meetingKindLabels[m.kind]}, {formatDateTime(m.heldAt)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="reviews-title">
          <h2 id="reviews-title">Reviews</h2>
          {reviews.length === 0 ? (
            <p className="muted">No reviews held yet.</p>
          ) : (
            <ul className="plain-list">
              {reviews.map((r) => (
                <li key={r.id}>
                  <Link to={`/reviews/${r.id}`}>{formatDate(r.heldOn)}</Link>{" "}
                  <span className="muted">
                    · {reviewDecisionLabels[r.decision]}
                    {r.satisfaction ? `, satisfaction ${r.satisfaction} of 5` : ""}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section className="card" aria-labelledby="feedback-title">
        <div className="section-header">
          <h2 id="feedback-title">Feedback</h2>
          <Link to={`/partners/${partner.id}/feedback`}>
            {canEdit ? "Ask for feedback" : "Feedback links and responses"}
          </Link>
        </div>
        <FeedbackResponsesList
          responses={feedback}
          empty="No feedback from this partner yet."
          seeAll={{ to: `/partners/${partner.id}/feedback`, total: feedbackTotal }}
        />
      </section>

      <section aria-labelledby="projects-title">
        <div className="section-header">
          <h2 id="projects-title">Projects</h2>
          {canEdit ? (
            <Link to={`/projects/new?partnerId=${partner.id}`}>Add a project with this partner</Link>
          ) : null}
        </div>
        {projects.length === 0 ? (
          <p className="muted">This partner is not part of any project yet.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Project</th>
                  <th scope="col">Their role</th>
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
                    <td>{projectPartnerRoleLabels[project.role]}</td>
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

      <div className="grid grid--2">
        <section className="card" aria-labelledby="contributors-title">
          <div className="section-header">
            <h2 id="contributors-title">Contributors from this partner</h2>
            {canEdit ? <Link to={`/contributors/new?partnerId=${partner.id}`}>Add a contributor</Link> : null}
          </div>
          {contributors.length === 0 ? (
            <p className="muted">None recorded.</p>
          ) : (
            <ul className="plain-list">
              {contributors.map((c) => (
                <li key={c.id}>
                  <Link to={`/contributors/${c.id}`}>{c.name}</Link> (
                  {contributorKindLabels[c.kind].toLowerCase()})
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="benefits-title">
          <div className="section-header">
            <h2 id="benefits-title">Benefits</h2>
            {canEdit ? <Link to={`/benefits/new?partnerId=${partner.id}`}>Record a benefit</Link> : null}
          </div>
          {benefits.length === 0 ? (
            <p className="muted">No benefits recorded.</p>
          ) : (
            <ul className="plain-list">
              {benefits.map((b) => (
                <li key={b.id}>
                  <Link to={`/benefits/${b.id}`}>{b.description}</Link>{" "}
                  <span className="muted">
                    ({beneficiaryLabels[b.beneficiary].toLowerCase()}, {formatDate(b.date)})
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <EvidencePanel recordType="partner" recordId={partner.id} evidence={evidence} />

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">Timeline</h2>
        <Timeline items={timeline} />
      </section>
    </>
  );
}
