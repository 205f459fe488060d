import { eq, inArray } from "drizzle-orm";
import {
  actions,
  assessments,
  benefits,
  communityProfiles,
  feedbackLinks,
  feedbackResponses,
  contacts,
  contributors,
  fundingLines,
  meetings,
  partners,
  projects,
  reportSnapshots,
  reviews,
  trainingRecords,
  userGroups,
  users,
  volunteerHours,
  volunteers,
} from "~db/schema";
import { db } from "~/utils/db.server";
import { recordKindLabels } from "~/utils/record-kinds";
import { formatDate } from "~/utils/dates";

export { recordKindLabels };

/**
 * Any record in the app, as (type, id): the one shape the audit trail and evidence links use.
 * `describeRecords` turns many of them into a name and a page address in one query per type.
 */
export type RecordRef = { type: string; id: number };
export type RecordDescription = { type: string; id: number; label: string; href: string; kind: string };

type Describer = (ids: number[]) => { id: number; label: string; href: string }[];

const describers: Record<string, Describer> = {
  partner: (ids) =>
    db
      .select({ id: partners.id, name: partners.name })
      .from(partners)
      .where(inArray(partners.id, ids))
      .all()
      .map((r) => ({ id: r.id, label: r.name, href: `/partners/${r.id}` })),
  contact: (ids) =>
    db
      .select({ id: contacts.id, name: contacts.name, partnerId: partners.id, partner: partners.name })
      .from(contacts)
      .innerJoin(partners, eq(partners.id, contacts.partnerId))
      .where(inArray(contacts.id, ids))
      .all()
      .map((r) => ({ id: r.id, label: `${r.name} (${r.partner})`, href: `/partners/${r.partnerId}` })),
  contributor: (ids) =>
    db
      .select({ id: contributors.id, name: contributors.name })
      .from(contributors)
      .where(inArray(contributors.id, ids))
      .all()
      .map((r) => ({ id: r.id, label: r.name, href: `/contributors/${r.id}` })),
  volunteer: (ids) =>
    db
      .select({ id: volunteers.id, name: volunteers.name })
      .from(volunteers)
      .where(inArray(volunteers.id, ids))
      .all()
      .map((r) => ({ id: r.id, label: r.name, href: `/volunteers/${r.id}` })),
  training: (ids) =>
    db
      .select({
        id: trainingRecords.id,
        title: trainingRecords.title,
        volunteerId: volunteers.id,
        volunteer: volunteers.name,
      })
      .from(trainingRecords)
      .innerJoin(volunteers, eq(volunteers.id, trainingRecords.volunteerId))
      .where(inArray(trainingRecords.id, ids))
      .all()
      .map((r) => ({ id: r.id, label: `${r.title} (${r.volunteer})`, href: `/volunteers/${r.volunteerId}` })),
  hours: (ids) =>
    db
      .select({
        id: volunteerHours.id,
        date: volunteerHours.date,
        volunteerId: volunteers.id,
        volunteer: volunteers.name,
      })
      .from(volunteerHours)
      .innerJoin(volunteers, eq(volunteers.id, volunteerHours.volunteerId))
      .where(inArray(volunteerHours.id, ids))
      .all()
      .map((r) => ({
        id: r.id,
        label: `Hours on ${r.date} (${r.volunteer})`,
        href: `/volunteers/${r.volunteerId}`,
      })),
  project: (ids) =>
    db
      .select({ id: projects.id, title: projects.title })
      .from(projects)
      .where(inArray(projects.id, ids))
      .all()
      .map((r) => ({ id: r.id, label: r.title, href: `/projects/${r.id}` })),
  funding: (ids) =>
    db
      .select({
        id: fundingLines.id,
        source: fundingLines.source,
        projectId: projects.id,
        project: projects.title,
      })
      .from(fundingLines)
      .innerJoin(projects, eq(projects.id, fundingLines.projectId))
      .where(inArray(fundingLines.id, ids))
      .all()
      .map((r) => ({ id: r.id, label: `${r.source} (${r.project})`, href: `/projects/${r.projectId}` })),
  user_group: (ids) =>
    db
      .select({
        id: userGroups.id,
        description: userGroups.description,
        projectId: projects.id,
        project: projects.title,
      })
      .from(userGroups)
      .innerJoin(projects, eq(projects.id, userGroups.projectId))
      .where(inArray(userGroups.id, ids))
      .all()
      .map((r) => ({ id: r.id, label: `${r.description} (${r.project})`, href: `/projects/${r.projectId}` })),
  benefit: (ids) =>
    db
      .select({ id: benefits.id, description: benefits.description })
      .from(benefits)
      .where(inArray(benefits.id, ids))
      .all()
      .map((r) => ({ id: r.id, label: r.description, href: `/benefits/${r.id}` })),
  meeting: (ids) =>
    db
      .select({ id: meetings.id, title: meetings.title, heldAt: meetings.heldAt })
      .from(meetings)
      .where(inArray(meetings.id, ids))
      .all()
      .map((r) => ({ id: r.id, label: `${r.title} (${formatDate(r.heldAt)})`, href: `/meetings/${r.id}` })),
  review: (ids) =>
    db
      .select({ id: reviews.id, heldOn: reviews.heldOn, partner: partners.name })
      .from(reviews)
      .innerJoin(partners, eq(partners.id, reviews.partnerId))
      .where(inArray(reviews.id, ids))
      .all()
      .map((r) => ({
        id: r.id,
        label: `Review of ${r.partner} (${formatDate(r.heldOn)})`,
        href: `/reviews/${r.id}`,
      })),
  report: (ids) =>
    db
      .select({ id: reportSnapshots.id, title: reportSnapshots.title })
      .from(reportSnapshots)
      .where(inArray(reportSnapshots.id, ids))
      .all()
      .map((r) => ({ id: r.id, label: r.title, href: `/reports/saved/${r.id}` })),
  action: (ids) =>
    db
      .select({ id: actions.id, description: actions.description })
      .from(actions)
      .where(inArray(actions.id, ids))
      .all()
      .map((r) => ({ id: r.id, label: r.description, href: `/actions/${r.id}/edit` })),
  feedback: (ids) =>
    db
      .select({
        id: feedbackResponses.id,
        kind: feedbackResponses.kind,
        submittedAt: feedbackResponses.submittedAt,
      })
      .from(feedbackResponses)
      .where(inArray(feedbackResponses.id, ids))
      .all()
      .map((r) => ({
        id: r.id,
        label: `${r.kind === "partner" ? "Partner" : "Participant"} feedback (${formatDate(r.submittedAt)})`,
        href: `/feedback/responses/${r.id}`,
      })),
  assessment: (ids) =>
    db
      .select({ id: assessments.id, title: assessments.title })
      .from(assessments)
      .where(inArray(assessments.id, ids))
      .all()
      .map((r) => ({ id: r.id, label: r.title, href: `/assessments/${r.id}` })),
  feedback_link: (ids) =>
    db
      .select({ id: feedbackLinks.id, kind: feedbackLinks.kind, partnerId: feedbackLinks.partnerId, projectId: feedbackLinks.projectId, expiresOn: feedbackLinks.expiresOn })
      .from(feedbackLinks)
      .where(inArray(feedbackLinks.id, ids))
      .all()
      .map((r) => ({
        id: r.id,
        label: `Feedback link until ${formatDate(r.expiresOn)}`,
        href: r.kind === "partner" ? `/partners/${r.partnerId}/feedback` : `/projects/${r.projectId}/feedback`,
      })),
  community_profile: (ids) =>
    db
      .select({ id: communityProfiles.id, name: communityProfiles.name })
      .from(communityProfiles)
      .where(inArray(communityProfiles.id, ids))
      .all()
      .map((r) => ({ id: r.id, label: r.name, href: `/reports/community-profiles/${r.id}/edit` })),
  user: (ids) =>
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(inArray(users.id, ids))
      .all()
      .map((r) => ({ id: r.id, label: r.name, href: `/users/${r.id}` })),
};

export const describableTypes = Object.keys(describers);

export const recordKey = (ref: RecordRef) => `${ref.type}:${ref.id}`;

/** Names and addresses for many records at once; records that no longer exist are left out. */
export function describeRecords(refs: RecordRef[]): Map<string, RecordDescription> {
  const byType = new Map<string, Set<number>>();
  for (const ref of refs) {
    if (!byType.has(ref.type)) byType.set(ref.type, new Set());
    byType.get(ref.type)!.add(ref.id);
  }
  const described = new Map<string, RecordDescription>();
  for (const [type, idSet] of byType) {
    const describe = describers[type];
    if (!describe) continue;
    const ids = [...idSet];
    for (let i = 0; i < ids.length; i += 500) {
      for (const row of describe(ids.slice(i, i + 500))) {
        described.set(recordKey({ type, id: row.id }), {
          type,
          kind: recordKindLabels[type] ?? type,
          ...row,
        });
      }
    }
  }
  return described;
}

export function describeRecord(ref: RecordRef): RecordDescription | undefined {
  return describeRecords([ref]).get(recordKey(ref));
}
