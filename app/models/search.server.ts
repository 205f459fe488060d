import { asc, count, eq, or } from "drizzle-orm";
import { benefits, contacts, contributors, partners, projects, volunteers } from "~db/schema";
import { db } from "~/utils/db.server";
import { contains } from "~/utils/list-query.server";

export type SearchHit = { type: string; id: number; label: string; detail: string | null; href: string };
export type SearchGroup = {
  type: string;
  title: string;
  listHref: string | null;
  total: number;
  hits: SearchHit[];
};

/**
 * Finds partners, contacts, contributors, volunteers, projects and benefits by name (or title,
 * or description), a few of each, with how many there are in all.
 */
export function searchRecords(q: string, perType = 8): SearchGroup[] {
  const query = encodeURIComponent(q);
  const partnerWhere = or(contains(partners.name, q), contains(partners.area, q));
  const contactWhere = or(contains(contacts.name, q), contains(contacts.email, q));
  const contributorWhere = or(contains(contributors.name, q), contains(contributors.skills, q));
  const volunteerWhere = contains(volunteers.name, q);
  const projectWhere = contains(projects.title, q);
  const benefitWhere = contains(benefits.description, q);

  return [
    {
      type: "partner",
      title: "Partners",
      listHref: `/partners?q=${query}`,
      total: db.select({ n: count() }).from(partners).where(partnerWhere).get()!.n,
      hits: db
        .select({ id: partners.id, name: partners.name, area: partners.area })
        .from(partners)
        .where(partnerWhere)
        .orderBy(asc(partners.name))
        .limit(perType)
        .all()
        .map((r) => ({
          type: "partner",
          id: r.id,
          label: r.name,
          detail: r.area,
          href: `/partners/${r.id}`,
        })),
    },
    {
      type: "contact",
      title: "Contacts at partners",
      listHref: null,
      total: db.select({ n: count() }).from(contacts).where(contactWhere).get()!.n,
      hits: db
        .select({ id: contacts.id, name: contacts.name, partnerId: partners.id, partner: partners.name })
        .from(contacts)
        .innerJoin(partners, eq(partners.id, contacts.partnerId))
        .where(contactWhere)
        .orderBy(asc(contacts.name))
        .limit(perType)
        .all()
        .map((r) => ({
          type: "contact",
          id: r.id,
          label: r.name,
          detail: r.partner,
          href: `/partners/${r.partnerId}`,
        })),
    },
    {
      type: "contributor",
      title: "Contributors",
      listHref: `/contributors?q=${query}`,
      total: db.select({ n: count() }).from(contributors).where(contributorWhere).get()!.n,
      hits: db
        .select({ id: contributors.id, name: contributors.name, skills: contributors.skills })
        .from(contributors)
        .where(contributorWhere)
        .orderBy(asc(contributors.name))
        .limit(perType)
        .all()
        .map((r) => ({
          type: "contributor",
          id: r.id,
          label: r.name,
          detail: r.skills,
          href: `/contributors/${r.id}`,
        })),
    },
    {
      type: "volunteer",
      title: "Volunteers",
      listHref: `/volunteers?q=${query}`,
      total: db.select({ n: count() }).from(volunteers).where(volunteerWhere).get()!.n,
      hits: db
        .select({ id: volunteers.id, name: volunteers.name, roles: volunteers.roles })
        .from(volunteers)
        .where(volunteerWhere)
        .orderBy(asc(volunteers.name))
        .limit(perType)
        .all()
        .map((r) => ({
          type: "volunteer",
          id: r.id,
          label: r.name,
          detail: r.roles,
          href: `/volunteers/${r.id}`,
        })),
    },
    {
      type: "project",
      title: "Projects",
      listHref: `/projects?q=${query}`,
      total: db.select({ n: count() }).from(projects).where(projectWhere).get()!.n,
      hits: db
        .select({ id: projects.id, title: projects.title, status: projects.status })
        .from(projects)
        .where(projectWhere)
        .orderBy(asc(projects.title))
        .limit(perType)
        .all()
        .map((r) => ({ type: "project", id: r.id, label: r.title, detail: null, href: `/projects/${r.id}` })),
    },
    {
      type: "benefit",
      title: "Benefits",
      listHref: `/benefits?q=${query}`,
      total: db.select({ n: count() }).from(benefits).where(benefitWhere).get()!.n,
      hits: db
        .select({ id: benefits.id, description: benefits.description, date: benefits.date })
        .from(benefits)
        .where(benefitWhere)
        .orderBy(asc(benefits.date))
        .limit(perType)
        .all()
        .map((r) => ({
          type: "benefit",
          id: r.id,
          label: r.description,
          detail: r.date,
          href: `/benefits/${r.id}`,
        })),
    },
  ];
}
