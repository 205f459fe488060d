import { Form, Link } from "@remix-run/react";
import type { ProjectStatus } from "~db/enums";
import { CheckboxField, SelectField, TextAreaField, TextField } from "~/components/form";
import { PageHeader, type Crumb } from "~/components/page-header";
import {
  fundingStatusLabels,
  optionsOf,
  projectPartnerRoleLabels,
  projectStatusLabels,
} from "~/utils/labels";
import { penceForInput } from "~/utils/money";

/** Badge colours for a project's status, from the shared badge styles. */
export const projectStatusBadge: Record<ProjectStatus, string> = {
  planned: "badge badge--status-planned",
  active: "badge badge--status-active",
  completed: "badge badge--status-completed",
  cancelled: "badge badge--status-cancelled",
};

export type ProjectDefaults = {
  title?: string;
  description?: string | null;
  status?: string;
  startDate?: string | null;
  endDate?: string | null;
  learningOpportunities?: string | null;
  audienceResearchShared?: boolean;
  notes?: string | null;
};

/** The fields of a project, shared by the add and edit forms. */
export function ProjectFields({ project = {} }: { project?: ProjectDefaults }) {
  return (
    <>
      <TextField name="title" label="Title" defaultValue={project.title} required />
      <TextAreaField
        name="description"
        label="Description"
        defaultValue={project.description}
        hint="What the project is and who it is for."
      />
      <SelectField
        name="status"
        label="Status"
        options={optionsOf(projectStatusLabels)}
        defaultValue={project.status ?? "planned"}
        required
      />
      <TextField
        name="startDate"
        label="Start date"
        type="date"
        defaultValue={project.startDate}
        width="medium"
      />
      <TextField name="endDate" label="End date" type="date" defaultValue={project.endDate} width="medium" />
      <TextAreaField
        name="learningOpportunities"
        label="Learning opportunities offered"
        defaultValue={project.learningOpportunities}
        hint="The workshops, courses, visits or resources the project offers learners (checklist 3.2)."
      />
      <CheckboxField
        name="audienceResearchShared"
        label="We shared our audience research with the partners"
        hint="Checklist 3.2: sharing what you know about your users helps partners plan with you."
        defaultChecked={project.audienceResearchShared}
      />
      <TextAreaField name="notes" label="Notes" defaultValue={project.notes} />
    </>
  );
}

export const partnerRoleOptions = optionsOf(projectPartnerRoleLabels);

/** The first partner of a new project and their role; both optional, the role needed with a partner. */
export function FirstPartnerFields({
  partners,
  partnerId,
  role,
}: {
  partners: { id: number; name: string }[];
  partnerId?: number | null;
  role?: string | null;
}) {
  return (
    <>
      <SelectField
        name="firstPartnerId"
        label="First partner"
        options={partners.map((p) => ({ value: String(p.id), label: p.name }))}
        defaultValue={partnerId}
        placeholder="No partner yet"
        hint="The organisation you are working with. You can add more partners on the project's page."
      />
      <SelectField
        name="firstPartnerRole"
        label="Their role in the project"
        options={partnerRoleOptions}
        defaultValue={role}
        placeholder="Choose…"
        hint="Needed when you choose a partner."
      />
    </>
  );
}

export type FundingDefaults = {
  source?: string;
  amountPence?: number;
  status?: string;
  date?: string | null;
};

/** A funding line's fields, shared by the add form on the project page and the edit page. */
export function FundingFields({ funding = {} }: { funding?: FundingDefaults }) {
  return (
    <>
      <TextField
        name="source"
        label="Source"
        defaultValue={funding.source}
        hint="Who the money comes from, like a trust, a council grant or a partner."
        required
      />
      <TextField
        name="amount"
        label="Amount in pounds"
        defaultValue={funding.amountPence === undefined ? undefined : penceForInput(funding.amountPence)}
        inputMode="decimal"
        hint="For example 1250 or £1,250.50."
        width="medium"
        required
      />
      <SelectField
        name="status"
        label="Status"
        options={optionsOf(fundingStatusLabels)}
        defaultValue={funding.status}
        placeholder="Choose…"
        required
      />
      <TextField
        name="date"
        label="Date"
        type="date"
        defaultValue={funding.date}
        hint="When it was applied for, secured or declined."
        width="medium"
      />
    </>
  );
}

export type UserGroupDefaults = {
  description?: string;
  number?: number | null;
  newOrInfrequent?: boolean;
};

/** A user group's fields, shared by the add form on the project page and the edit page. */
export function UserGroupFields({ group = {} }: { group?: UserGroupDefaults }) {
  return (
    <>
      <TextField
        name="description"
        label="Who they are"
        defaultValue={group.description}
        hint="For example: adult ESOL learners, Year 5 pupils, carers of people with dementia."
        required
      />
      <TextField
        name="number"
        label="Number of people"
        defaultValue={group.number}
        inputMode="numeric"
        width="short"
      />
      <CheckboxField
        name="newOrInfrequent"
        label="New or infrequent users"
        hint="People who do not usually use the museum, library or archive (checklist 3.2.2)."
        defaultChecked={group.newOrInfrequent}
      />
    </>
  );
}

/** The confirmation before taking someone off a project: the person or partner record itself stays. */
export function RemoveFromProject({
  name,
  what,
  project,
}: {
  name: string;
  what: string;
  project: { id: number; title: string };
}) {
  const crumbs: Crumb[] = [
    { to: "/projects", label: "Projects" },
    { to: `/projects/${project.id}`, label: project.title },
  ];
  return (
    <>
      <PageHeader title={`Remove ${name} from ${project.title}`} crumbs={crumbs} />
      <div className="card">
        <p>
          Take <strong>{name}</strong> off the project <strong>{project.title}</strong> as {what}? Their own
          record stays; only the link to this project is removed, and the change is kept in the
          project&rsquo;s history.
        </p>
        <Form method="post" className="button-row">
          <button type="submit" className="button button--danger">
            Yes, remove {name}
          </button>
          <Link to={`/projects/${project.id}`}>No, go back</Link>
        </Form>
      </div>
    </>
  );
}
