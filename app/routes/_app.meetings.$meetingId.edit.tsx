import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
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
import { PageHeader } from "~/components/page-header";
import { meetingForm, meetingInput, TIME_HINT, ukDayAndTime } from "~/forms/meetings.server";
import {
  contactChoices,
  getMeeting,
  getMeetingPage,
  meetingKindOptions,
  meetingLinkErrors,
  staffChoices,
  updateMeeting,
} from "~/models/meeting.server";
import { partnerOptions } from "~/models/partner.server";
import { projectOptions } from "~/models/project.server";
import { requireUser } from "~/utils/auth.server";
import { failure, formValues, parseForm } from "~/utils/forms.server";
import { notFound, parseId, readFormData } from "~/utils/http.server";
import { withNotice } from "~/utils/notice";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Edit ${data?.meeting.title ?? "meeting"} · Partnership tracker` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "editor");
  const id = parseId(params.meetingId);
  const { meeting, partners, projects, attendees } = getMeetingPage(id) ?? notFound();
  const partnerIds = partners.map((p) => p.id);
  const projectIds = projects.map((p) => p.id);
  return {
    meeting: {
      id,
      title: meeting.title,
      kind: meeting.kind,
      summary: meeting.summary,
      decisions: meeting.decisions,
      ...ukDayAndTime(meeting.heldAt),
      partnerId: partnerIds[0],
      partnerId2: partnerIds[1],
      projectId: projectIds[0],
      projectId2: projectIds[1],
      staff: attendees.staff.map((s) => String(s.id)),
      contacts: attendees.contacts.map((c) => String(c.id)),
      contributors: attendees.contributors.map((c) => String(c.id)),
      volunteers: attendees.volunteers.map((v) => String(v.id)),
    },
    partners: partnerOptions(partnerIds).map((p) => ({ value: String(p.id), label: p.name })),
    projects: projectOptions(projectIds).map((p) => ({ value: String(p.id), label: p.title })),
    staff: staffChoices(attendees.staff.map((s) => s.id)).map((u) => ({
      value: String(u.id),
      label: u.name,
    })),
    contacts: contactChoices(
      partnerIds,
      attendees.contacts.map((c) => c.id),
    ).map((c) => ({
      value: String(c.id),
      label: `${c.name}${c.role ? `, ${c.role}` : ""} (${c.partnerName})`,
    })),
    contributors: attendees.contributors.map((c) => ({ value: String(c.id), label: c.name })),
    volunteers: attendees.volunteers.map((v) => ({ value: String(v.id), label: v.name })),
    kindOptions: meetingKindOptions,
    // From the loader: constants of a .server module are not in the browser bundle.
    timeHint: TIME_HINT,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const id = parseId(params.meetingId);
  if (!getMeeting(id)) notFound();
  const formData = await readFormData(request);
  const parsed = parseForm(formData, meetingForm);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const linkErrors = meetingLinkErrors(parsed.data, [], id);
  if (linkErrors) {
    return data(
      { ok: false as const, ...failure(formValues(formData), undefined, linkErrors) },
      { status: 400 },
    );
  }
  if (!updateMeeting(id, meetingInput(parsed.data), user.id)) notFound();
  return redirect(withNotice(`/meetings/${id}`, "saved"));
}

export default function EditMeeting() {
  const { meeting, partners, projects, staff, contacts, contributors, volunteers, kindOptions, timeHint } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title={`Edit ${meeting.title}`}
        crumbs={[
          { to: "/meetings", label: "Meetings" },
          { to: `/meetings/${meeting.id}`, label: meeting.title },
        ]}
      >
        <p className="lede">
          Follow-up actions are not changed here: see them on the meeting&rsquo;s page and in Actions.
        </p>
      </PageHeader>
      <FormState failure={actionData}>
        <ErrorSummary />
        <Form method="post" className="form">
          <TextField
            name="date"
            label="Date"
            type="date"
            defaultValue={meeting.date}
            width="medium"
            required
          />
          <TextField
            name="time"
            label="Time"
            type="time"
            defaultValue={meeting.time}
            hint={timeHint}
            width="short"
            required
          />
          <SelectField name="kind" label="Kind" options={kindOptions} defaultValue={meeting.kind} required />
          <TextField name="title" label="Title" defaultValue={meeting.title} required />
          <SelectField
            name="partnerId"
            label="Partner"
            options={partners}
            defaultValue={meeting.partnerId}
            placeholder="No partner"
          />
          <SelectField
            name="partnerId2"
            label="Second partner"
            options={partners}
            defaultValue={meeting.partnerId2}
            placeholder="No second partner"
          />
          <SelectField
            name="projectId"
            label="Project"
            options={projects}
            defaultValue={meeting.projectId}
            placeholder="No project"
            hint="Planned and active projects are listed, and any this meeting is about."
          />
          <SelectField
            name="projectId2"
            label="Second project"
            options={projects}
            defaultValue={meeting.projectId2}
            placeholder="No second project"
          />
          <ChoiceGroup
            name="staff"
            label="Our staff"
            type="checkbox"
            options={staff}
            defaultValue={meeting.staff}
          />
          {contacts.length > 0 ? (
            <ChoiceGroup
              name="contacts"
              label="Their people"
              type="checkbox"
              options={contacts}
              defaultValue={meeting.contacts}
              hint="The contacts of this meeting's partners. After changing the partners, save, then edit again to see the new partner's contacts."
            />
          ) : null}
          {contributors.length > 0 ? (
            <ChoiceGroup
              name="contributors"
              label="Contributors"
              type="checkbox"
              options={contributors}
              defaultValue={meeting.contributors}
              hint="Untick anyone who did not attend. Add people on the meeting's page."
            />
          ) : null}
          {volunteers.length > 0 ? (
            <ChoiceGroup
              name="volunteers"
              label="Volunteers"
              type="checkbox"
              options={volunteers}
              defaultValue={meeting.volunteers}
              hint="Untick anyone who did not attend. Add people on the meeting's page."
            />
          ) : null}
          <TextAreaField name="summary" label="Summary" defaultValue={meeting.summary} rows={5} />
          <TextAreaField name="decisions" label="Decisions" defaultValue={meeting.decisions} rows={3} />
          <div className="button-row">
            <button type="submit" className="button">
              Save changes
            </button>
            <Link to={`/meetings/${meeting.id}`}>Cancel</Link>
          </div>
        </Form>
      </FormState>
      <p className="form-section">
        <Link to={`/meetings/${meeting.id}/delete`}>Delete this meeting</Link>
      </p>
    </>
  );
}
