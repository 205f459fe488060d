import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { readFormData } from "~/utils/http.server";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import {
  ChoiceGroup,
  ErrorSummary,
  FormState,
  SelectField,
  TextAreaField,
  TextField,
} from "~/components/form";
import { PageHeader, type Crumb } from "~/components/page-header";
import { FollowUpActionFields } from "~/components/fields/follow-up-action-fields";
import { defaultDayAndTime, newMeetingForm, newMeetingInput, TIME_HINT } from "~/forms/meetings.server";
import {
  contactChoices,
  createMeeting,
  meetingKindOptions,
  meetingLinkErrors,
  staffChoices,
} from "~/models/meeting.server";
import { partnerOptions } from "~/models/partner.server";
import { projectOptions } from "~/models/project.server";
import { requireUser } from "~/utils/auth.server";
import { failure, formValues, parseForm } from "~/utils/forms.server";
import { withNotice } from "~/utils/notice";

export const meta: MetaFunction = () => [{ title: "Log a meeting · Partnership tracker" }];

/** A positive whole-number id from the address, or undefined. */
function idParam(params: URLSearchParams, name: string) {
  const value = params.get(name);
  return value && /^[1-9][0-9]{0,15}$/.test(value) ? Number(value) : undefined;
}

/** `?partnerId=` and `?projectId=` (from a partner's or project's page) choose them in advance. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "editor");
  const params = new URL(request.url).searchParams;
  const partnerId = idParam(params, "partnerId");
  const projectId = idParam(params, "projectId");
  const partners = partnerOptions([partnerId]);
  const projects = projectOptions([projectId]);
  const partner = partners.find((p) => p.id === partnerId) ?? null;
  const project = projects.find((p) => p.id === projectId) ?? null;
  const title = partner ? `Meeting with ${partner.name}` : project ? `Meeting about ${project.title}` : "";
  return {
    partner: partner ? { id: partner.id, name: partner.name } : null,
    project,
    title,
    partners: partners.map((p) => ({ value: String(p.id), label: p.name })),
    projects: projects.map((p) => ({ value: String(p.id), label: p.title })),
    staff: staffChoices().map((u) => ({ value: String(u.id), label: u.name })),
    contacts: contactChoices(partner ? [partner.id] : []).map((c) => ({
      value: String(c.id),
      label: `${c.name}${c.role ? `, ${c.role}` : ""}`,
    })),
    me: String(user.id),
    when: defaultDayAndTime(),
    kindOptions: meetingKindOptions,
    // From the loader: constants of a .server module are not in the browser bundle.
    timeHint: TIME_HINT,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const formData = await readFormData(request);
  const parsed = parseForm(formData, newMeetingForm);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const input = newMeetingInput(parsed.data);
  const linkErrors = meetingLinkErrors(parsed.data, input.actions);
  if (linkErrors) {
    return data(
      { ok: false as const, ...failure(formValues(formData), undefined, linkErrors) },
      { status: 400 },
    );
  }
  const id = createMeeting(input, user.id);
  return redirect(withNotice(`/meetings/${id}`, "created"));
}

export default function NewMeeting() {
  const { partner, project, title, partners, projects, staff, contacts, me, when, kindOptions, timeHint } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const crumbs: Crumb[] = [{ to: "/meetings", label: "Meetings" }];
  if (partner) crumbs.push({ to: `/partners/${partner.id}`, label: partner.name });
  else if (project) crumbs.push({ to: `/projects/${project.id}`, label: project.title });
  const back = crumbs[crumbs.length - 1].to;
  return (
    <>
      <PageHeader title="Log a meeting" crumbs={crumbs}>
        <p className="lede">A meeting, call, email, visit or event with partners, and what happens next.</p>
      </PageHeader>
      <FormState failure={actionData}>
        <ErrorSummary />
        <Form method="post" className="form">
          <TextField name="date" label="Date" type="date" defaultValue={when.date} width="medium" required />
          <TextField
            name="time"
            label="Time"
            type="time"
            defaultValue={when.time}
            hint={timeHint}
            width="short"
            required
          />
          <SelectField name="kind" label="Kind" options={kindOptions} defaultValue="meeting" required />
          <TextField
            name="title"
            label="Title"
            defaultValue={title}
            hint="A few words to find it by, like “Planning the spring workshops”."
            required
          />
          <SelectField
            name="partnerId"
            label="Partner"
            options={partners}
            defaultValue={partner?.id}
            placeholder="No partner"
          />
          <SelectField
            name="partnerId2"
            label="Second partner"
            options={partners}
            placeholder="No second partner"
          />
          <SelectField
            name="projectId"
            label="Project"
            options={projects}
            defaultValue={project?.id}
            placeholder="No project"
            hint="Planned and active projects are listed."
          />
          <SelectField
            name="projectId2"
            label="Second project"
            options={projects}
            placeholder="No second project"
          />
          <ChoiceGroup name="staff" label="Our staff" type="checkbox" options={staff} defaultValue={[me]} />
          {contacts.length > 0 ? (
            <ChoiceGroup
              name="contacts"
              label={`Their people (${partner?.name})`}
              type="checkbox"
              options={contacts}
            />
          ) : (
            <p className="hint">
              {partner
                ? `No contacts are recorded for ${partner.name}. `
                : "Their people: the contacts of a partner are listed here when you log a meeting from the partner's page. "}
              You can record who else attended, including contributors and volunteers, on the meeting&rsquo;s
              page once it is saved.
            </p>
          )}
          <TextAreaField name="summary" label="Summary" hint="What was discussed." rows={5} />
          <TextAreaField name="decisions" label="Decisions" hint="What was agreed." rows={3} />
          <FollowUpActionFields
            owners={staff}
            hint="Who will do what, and by when. Leave a row blank if you do not need it; you can add more later."
          />
          <div className="button-row">
            <button type="submit" className="button">
              Log meeting
            </button>
            <Link to={back}>Cancel</Link>
          </div>
        </Form>
      </FormState>
    </>
  );
}
