import { expect } from "vitest";
import { action as newBenefit } from "~/routes/_app.benefits.new";
import { action as newContributor } from "~/routes/_app.contributors.new";
import { action as newPartner } from "~/routes/_app.partners.new";
import { action as projectPage } from "~/routes/_app.projects.$projectId._index";
import { action as newProject } from "~/routes/_app.projects.new";
import { action as volunteerPage } from "~/routes/_app.volunteers.$volunteerId._index";
import { action as newVolunteer } from "~/routes/_app.volunteers.new";
import { partnerFormData } from "./forms";
import { submit } from "./requests";

/** Creating records through the real forms, as a person would, returning the new id. */
function idFrom(location: string | null, path: string) {
  const match = location?.match(new RegExp(`/${path}/(\\d+)`));
  expect(match, `expected a redirect to /${path}/<id>, got ${location}`).toBeTruthy();
  return Number(match![1]);
}

export async function addPartner(cookie: string, fields: Record<string, string> = {}) {
  const result = await submit(newPartner, { path: "/partners/new", cookie, form: partnerFormData(fields) });
  return idFrom(result.location, "partners");
}

export async function addProject(cookie: string, fields: Record<string, string> = {}) {
  const result = await submit(newProject, {
    path: "/projects/new",
    cookie,
    form: { title: "Memory boxes", status: "active", startDate: "2026-01-10", ...fields },
  });
  return idFrom(result.location, "projects");
}

export async function onProject(cookie: string, projectId: number, form: Record<string, string>) {
  const result = await submit(projectPage, {
    path: `/projects/${projectId}`,
    params: { projectId: String(projectId) },
    cookie,
    form,
  });
  expect(result.status, JSON.stringify(result.data)).toBe(302);
}

export async function addContributor(cookie: string, fields: Record<string, string> = {}) {
  const result = await submit(newContributor, {
    path: "/contributors/new",
    cookie,
    form: { name: "Maya Writer", kind: "writer", activeFrom: "2026-02-01", ...fields },
  });
  return idFrom(result.location, "contributors");
}

export async function addVolunteer(cookie: string, fields: Record<string, string | string[]> = {}) {
  const result = await submit(newVolunteer, {
    path: "/volunteers/new",
    cookie,
    form: {
      name: "Sam Volunteer",
      programme: "volunteer",
      status: "active",
      startDate: "2026-03-01",
      ...fields,
    },
  });
  return idFrom(result.location, "volunteers");
}

export async function onVolunteer(cookie: string, volunteerId: number, form: Record<string, string>) {
  const result = await submit(volunteerPage, {
    path: `/volunteers/${volunteerId}`,
    params: { volunteerId: String(volunteerId) },
    cookie,
    form,
  });
  expect(result.status, JSON.stringify(result.data)).toBe(302);
}

export async function addBenefit(cookie: string, fields: Record<string, string | string[]> = {}) {
  const result = await submit(newBenefit, {
    path: "/benefits/new",
    cookie,
    form: {
      beneficiary: "users",
      description: "Learners gained confidence",
      date: "2026-05-01",
      source: "feedback",
      ...fields,
    },
  });
  return idFrom(result.location, "benefits");
}
