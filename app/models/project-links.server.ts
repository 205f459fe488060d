// The people and organisations involved in a project: join rows without ids of their own, so each
// change is audited as an update of the project, with the list before and after in words.
import { and, asc, eq, inArray, notInArray } from "drizzle-orm";
import {
  contributors,
  partners,
  projectContributors,
  projectPartners,
  projects,
  projectVolunteers,
  volunteers,
  type ProjectPartnerRole,
} from "~db/schema";
import { db, write, type Tx } from "~/utils/db.server";
import { contains } from "~/utils/list-query.server";
import { auditUpdate } from "./audit.server";
import { linkSummaries, LinkRefused, PROJECT, refreshProjectEvidence } from "./project.server";

export { LinkRefused };

type LinkField = "partners" | "contributors" | "volunteers";

/**
 * Runs a change to one kind of link and audits it as an update of the project. Returns false when
 * the project does not exist (or `change` says there was nothing to change).
 */
function changeLinks(projectId: number, field: LinkField, actorId: number, change: (tx: Tx) => boolean) {
  return write((tx) => {
    const project = tx.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId)).get();
    if (!project) return false;
    const before = linkSummaries(tx, projectId)[field];
    if (!change(tx)) return false;
    const after = linkSummaries(tx, projectId)[field];
    tx.update(projects).set({ updatedAt: new Date() }).where(eq(projects.id, projectId)).run();
    auditUpdate(tx, actorId, { type: PROJECT, id: projectId }, { [field]: before }, { [field]: after });
    refreshProjectEvidence(tx, projectId);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// Partners

export function getProjectPartnerLink(projectId: number, partnerId: number) {
  return db
    .select({ partnerId: partners.id, name: partners.name, role: projectPartners.role })
    .from(projectPartners)
    .innerJoin(partners, eq(partners.id, projectPartners.partnerId))
    .where(and(eq(projectPartners.projectId, projectId), eq(projectPartners.partnerId, partnerId)))
    .get();
}

export function addProjectPartner(
  projectId: number,
  partnerId: number,
  role: ProjectPartnerRole,
  actorId: number,
) {
  return changeLinks(projectId, "partners", actorId, (tx) => {
    const partner = tx.select({ name: partners.name }).from(partners).where(eq(partners.id, partnerId)).get();
    if (!partner) throw new LinkRefused("partnerId", "Choose a partner from the list.");
    const existing = tx
      .select({ role: projectPartners.role })
      .from(projectPartners)
      .where(and(eq(projectPartners.projectId, projectId), eq(projectPartners.partnerId, partnerId)))
      .get();
    if (existing) {
      throw new LinkRefused(
        "partnerId",
        `${partner.name} is already a partner in this project. To change their role, use the role control in the partners table.`,
      );
    }
    tx.insert(projectPartners).values({ projectId, partnerId, role }).run();
    return true;
  });
}

export function changeProjectPartnerRole(
  projectId: number,
  partnerId: number,
  role: ProjectPartnerRole,
  actorId: number,
) {
  return changeLinks(projectId, "partners", actorId, (tx) => {
    const changed = tx
      .update(projectPartners)
      .set({ role })
      .where(and(eq(projectPartners.projectId, projectId), eq(projectPartners.partnerId, partnerId)))
      .run();
    if (changed.changes === 0)
      throw new LinkRefused("partnerId", "That partner is not part of this project.");
    return true;
  });
}

/** Returns false when the project or the link does not exist. */
export function removeProjectPartner(projectId: number, partnerId: number, actorId: number) {
  return changeLinks(projectId, "partners", actorId, (tx) => {
    const removed = tx
      .delete(projectPartners)
      .where(and(eq(projectPartners.projectId, projectId), eq(projectPartners.partnerId, partnerId)))
      .run();
    return removed.changes > 0;
  });
}

// ---------------------------------------------------------------------------------------------
// Contributors

export function getProjectContributorLink(projectId: number, contributorId: number) {
  return db
    .select({ contributorId: contributors.id, name: contributors.name })
    .from(projectContributors)
    .innerJoin(contributors, eq(contributors.id, projectContributors.contributorId))
    .where(
      and(eq(projectContributors.projectId, projectId), eq(projectContributors.contributorId, contributorId)),
    )
    .get();
}

export function addProjectContributor(projectId: number, contributorId: number, actorId: number) {
  return changeLinks(projectId, "contributors", actorId, (tx) => {
    const contributor = tx
      .select({ name: contributors.name })
      .from(contributors)
      .where(eq(contributors.id, contributorId))
      .get();
    if (!contributor) throw new LinkRefused("contributorId", "Choose a contributor from the list.");
    const existing = tx
      .select({ id: projectContributors.contributorId })
      .from(projectContributors)
      .where(
        and(
          eq(projectContributors.projectId, projectId),
          eq(projectContributors.contributorId, contributorId),
        ),
      )
      .get();
    if (existing) {
      throw new LinkRefused("contributorId", `${contributor.name} is already a contributor to this project.`);
    }
    tx.insert(projectContributors).values({ projectId, contributorId }).run();
    return true;
  });
}

export function removeProjectContributor(projectId: number, contributorId: number, actorId: number) {
  return changeLinks(projectId, "contributors", actorId, (tx) => {
    const removed = tx
      .delete(projectContributors)
      .where(
        and(
          eq(projectContributors.projectId, projectId),
          eq(projectContributors.contributorId, contributorId),
        ),
      )
      .run();
    return removed.changes > 0;
  });
}

// ---------------------------------------------------------------------------------------------
// Finding records to add

/** How many matches a search for records to add shows; a longer list asks for a closer search. */
export const MATCHES_TO_ADD = 20;

/** The first `MATCHES_TO_ADD` of rows read with a limit of one more, and whether there are more. */
function firstMatches<T>(rows: T[]) {
  return { matches: rows.slice(0, MATCHES_TO_ADD), more: rows.length > MATCHES_TO_ADD };
}

/**
 * Volunteers whose name contains `q` and who are not on the project yet, by name: at most 20, and
 * whether there are more (so the page can ask for a closer search rather than list thousands).
 */
export function findVolunteersToAdd(projectId: number, q: string) {
  const text = q.trim();
  if (!text) return firstMatches([]);
  return firstMatches(
    db
      .select({
        id: volunteers.id,
        name: volunteers.name,
        programme: volunteers.programme,
        status: volunteers.status,
      })
      .from(volunteers)
      .where(
        and(
          contains(volunteers.name, text),
          notInArray(
            volunteers.id,
            db
              .select({ id: projectVolunteers.volunteerId })
              .from(projectVolunteers)
              .where(eq(projectVolunteers.projectId, projectId)),
          ),
        ),
      )
      .orderBy(asc(volunteers.name), asc(volunteers.id))
      .limit(MATCHES_TO_ADD + 1)
      .all(),
  );
}

/** Current partners (not ended) whose name contains `q` and who are not on the project yet, by name. */
export function findPartnersToAdd(projectId: number, q: string) {
  const text = q.trim();
  if (!text) return firstMatches([]);
  return firstMatches(
    db
      .select({ id: partners.id, name: partners.name })
      .from(partners)
      .where(
        and(
          contains(partners.name, text),
          inArray(partners.status, ["prospective", "active", "paused"]),
          notInArray(
            partners.id,
            db
              .select({ id: projectPartners.partnerId })
              .from(projectPartners)
              .where(eq(projectPartners.projectId, projectId)),
          ),
        ),
      )
      .orderBy(asc(partners.name), asc(partners.id))
      .limit(MATCHES_TO_ADD + 1)
      .all(),
  );
}

/** Contributors whose name contains `q` and who are not on the project yet, by name. */
export function findContributorsToAdd(projectId: number, q: string) {
  const text = q.trim();
  if (!text) return firstMatches([]);
  return firstMatches(
    db
      .select({ id: contributors.id, name: contributors.name, kind: contributors.kind })
      .from(contributors)
      .where(
        and(
          contains(contributors.name, text),
          notInArray(
            contributors.id,
            db
              .select({ id: projectContributors.contributorId })
              .from(projectContributors)
              .where(eq(projectContributors.projectId, projectId)),
          ),
        ),
      )
      .orderBy(asc(contributors.name), asc(contributors.id))
      .limit(MATCHES_TO_ADD + 1)
      .all(),
  );
}

export function getProjectVolunteerLink(projectId: number, volunteerId: number) {
  return db
    .select({ volunteerId: volunteers.id, name: volunteers.name })
    .from(projectVolunteers)
    .innerJoin(volunteers, eq(volunteers.id, projectVolunteers.volunteerId))
    .where(and(eq(projectVolunteers.projectId, projectId), eq(projectVolunteers.volunteerId, volunteerId)))
    .get();
}

export function addProjectVolunteer(projectId: number, volunteerId: number, actorId: number) {
  return changeLinks(projectId, "volunteers", actorId, (tx) => {
    const volunteer = tx
      .select({ name: volunteers.name })
      .from(volunteers)
      .where(eq(volunteers.id, volunteerId))
      .get();
    if (!volunteer) throw new LinkRefused("volunteerId", "Choose a volunteer to add.");
    const existing = tx
      .select({ id: projectVolunteers.volunteerId })
      .from(projectVolunteers)
      .where(and(eq(projectVolunteers.projectId, projectId), eq(projectVolunteers.volunteerId, volunteerId)))
      .get();
    if (existing) {
      throw new LinkRefused("volunteerId", `${volunteer.name} is already a volunteer on this project.`);
    }
    tx.insert(projectVolunteers).values({ projectId, volunteerId }).run();
    return true;
  });
}

export function removeProjectVolunteer(projectId: number, volunteerId: number, actorId: number) {
  return changeLinks(projectId, "volunteers", actorId, (tx) => {
    const removed = tx
      .delete(projectVolunteers)
      .where(and(eq(projectVolunteers.projectId, projectId), eq(projectVolunteers.volunteerId, volunteerId)))
      .run();
    return removed.changes > 0;
  });
}
