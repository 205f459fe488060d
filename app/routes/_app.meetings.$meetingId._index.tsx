import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { Details } from "~/components/details";
import { EvidencePanel } from "~/components/evidence-panel";
import { SearchToAdd } from "~/components/search-to-add";
import { ChoiceGroup, ErrorSummary, FormState } from "~/components/form";
import { PageHeader } from "~/components/page-header";
import { PageNotice } from "~/components/page-notice";
import { RecordActions } from "~/components/record-actions";
import { Timeline } from "~/components/timeline";
import { attendeeForm, meetingPeopleForm } from "~/forms/meetings.server";
import { evidenceForRecord } from "~/models/evidence.server";
import {
  addMeetingAttendee,
  AttendeeRefused,
  contactChoices,
  findPeopleToAdd,
  getMeeting,
  getMeetingPage,
  meetingLinkErrors,
  removeMeetingAttendee,
  setMeetingPeople,
  staffChoices,
} from "~/models/meeting.server";
import { useCanEdit } from "~/utils/app-user";
import { requireUser } from "~/utils/auth.server";
import { formatDate, formatDateTime, isoInstant } from "~/utils/dates";
import { failure, type FormFailure, formValues, parseForm } from "~/utils/forms.server";
import { notFound, parseId, readFormData } from "~/utils/http.server";
import { contributorKindLabels, volunteerProgrammeLabels } from "~/utils/labels";
import { withNotice } from "~/utils/notice";
import { roleAllows } from "~/utils/roles";
import { auditTimeline } from "~/utils/timeline";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.meeting.title ?? "Meeting"} · Meetings · Partnership tracker` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = parseId(params.meetingId);
  const page = {
    ...(getMeetingPage(id) ?? notFound()),
    evidence: evidenceForRecord({ type: "meeting", id }),
  };
  if (!roleAllows(user.role, "editor")) {
    return { ...page, peopleQuery: "", peopleSearch: null, staffChoices: [], contactChoices: [] };
  }
  const peopleQuery = (new URL(request.url).searchParams.get("peopleQuery") ?? "").trim().slice(0, 200);
  return {
    ...page,
    peopleQuery,
    peopleSearch: peopleQuery ? findPeopleToAdd(id, peopleQuery) : null,
    staffChoices: staffChoices(page.attendees.staff.map((s) => s.id)).map((u) => ({
      value: String(u.id),
      label: u.name,
    })),
    contactChoices: contactChoices(
      page.partners.map((p) => p.id),
      page.attendees.contacts.map((c) => c.id),
    ).map((c) => ({
      value: String(c.id),
      label: `${c.name}${c.role ? `, ${c.role}` : ""} (${c.partnerName})`,
    })),
  };
}

type Intent = "set-attendees" | "add-attendee" | "remove-attendee";

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const id = parseId(params.meetingId);
  if (!getMeeting(id)) notFound();
  const formData = await readFormData(request);
  const intent = formData.get("intent") as Intent;
  const here = `/meetings/${id}`;
  const invalid = (parsed: FormFailure) => data({ intent, ...parsed }, { status: 400 });
  try {
    switch (intent) {
      case "set-attendees": {
        const parsed = parseForm(formData, meetingPeopleForm);
        if (!parsed.ok) return invalid(parsed);
        const errors = meetingLinkErrors(parsed.data, [], id);
        if (errors) return invalid(failure(formValues(formData), undefined, errors));
        setMeetingPeople(id, parsed.data, user.id);
        return redirect(withNotice(here, "attendees-saved"));
      }
      case "add-attendee": {
        const parsed = parseForm(formData, attendeeForm);
        if (!parsed.ok) return invalid(parsed);
        const { attendeeType: type, attendeeId } = parsed.data;
        if (type !== "contributor" && type !== "volunteer") {
          throw new AttendeeRefused("attendeeId", "Choose a person to add from the search results.");
        }
        addMeetingAttendee(id, { type, id: attendeeId }, user.id);
        // Back to the same search, so several people can be added one after another.
        const query = String(formData.get("peopleQuery") ?? "").trim();
        const back = query ? `${here}?${new URLSearchParams({ peopleQuery: query })}` : here;
        return redirect(withNotice(back, "attendee-added"));
      }
      case "remove-attendee": {
        const parsed = parseForm(formData, attendeeForm);
        if (!parsed.ok) return invalid(parsed);
        removeMeetingAttendee(id, { type: parsed.data.attendeeType, id: parsed.data.attendeeId }, user.id);
        return redirect(withNotice(here, "attendee-removed"));
      }
      default:
        throw new Response("Unknown action", { status: 400 });
    }
  } catch (error) {
    if (error instanceof AttendeeRefused) {
      return invalid(failure(formValues(formData), undefined, { [error.field]: [error.message] }));
    }
    throw error;
  }
}

/** "contributor, writer", or the volunteer's programme: "volunteer", "work experience student". */
function describePerson(person: {
  type: "contributor" | "volunteer";
  kind: keyof typeof contributorKindLabels | null;
  programme: keyof typeof volunteerProgrammeLabels | null;
}) {
  if (person.type === "contributor") {
    return person.kind ? `contributor, ${contributorKindLabels[person.kind].toLowerCase()}` : "contributor";
  }
  return person.programme ? volunteerProgrammeLabels[person.programme].toLowerCase() : "volunteer";
}

export default function MeetingPage() {
  const {
    meeting,
    partners,
    projects,
    attendees,
    actions,
    history,
    evidence,
    peopleQuery,
    peopleSearch,
    staffChoices,
    contactChoices,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failed = (intent: Intent) => (actionData?.intent === intent ? actionData : undefined);
  const pickerFailure = failed("add-attendee") ?? failed("remove-attendee");
  const canEdit = useCanEdit();
  // A new key after each submission, so a form that succeeded shows what was saved.
  const formKey = useLocation().key;
  const base = `/meetings/${meeting.id}`;
  const nobody =
    attendees.staff.length +
      attendees.contacts.length +
      attendees.contributors.length +
      attendees.volunteers.length ===
    0;

  const timeline = [
    ...auditTimeline(history, "Meeting"),
    { key: "held", date: meeting.heldAt, text: `${meeting.kindLabel} held: ${meeting.title}` },
  ];

  const removeButton = (type: "contributor" | "volunteer", id: number, name: string) =>
    canEdit ? (
      <>
        {" "}
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="remove-attendee" />
          <input type="hidden" name="attendeeType" value={type} />
          <input type="hidden" name="attendeeId" value={id} />
          <button type="submit" className="button button--secondary button--small">
            Remove<span className="visually-hidden"> {name}</span>
          </button>
        </Form>
      </>
    ) : null;

  return (
    <>
      <PageHeader
        title={meeting.title}
        crumbs={[{ to: "/meetings", label: "Meetings" }]}
        actions={<RecordActions editTo={`${base}/edit`} historyTo={`/history/meeting/${meeting.id}`} />}
      >
        <ul className="tag-list" aria-label="Summary">
          <li className="badge">{meeting.kindLabel}</li>
          <li className="badge badge--muted">
            <time dateTime={isoInstant(meeting.heldAt)}>{formatDateTime(meeting.heldAt)}</time>
          </li>
        </ul>
      </PageHeader>
      <PageNotice
        messages={{
          created: "The meeting has been logged.",
          saved: "Your changes have been saved.",
          "attendees-saved": "Who attended has been saved.",
          "attendee-added": "The person has been added to those who attended.",
          "attendee-removed": "The person has been removed from those who attended.",
        }}
      />

      <div className="grid grid--2">
        <section className="card" aria-labelledby="details-title">
          <h2 id="details-title">Details</h2>
          <Details
            rows={[
              ["When", `${formatDateTime(meeting.heldAt)} (UK time)`],
              ["Kind", meeting.kindLabel],
              [
                "Partners",
                partners.length ? (
                  <ul className="plain-list">
                    {partners.map((p) => (
                      <li key={p.id}>
                        <Link to={`/partners/${p.id}`}>{p.name}</Link>
                      </li>
                    ))}
                  </ul>
                ) : null,
              ],
              [
                "Projects",
                projects.length ? (
                  <ul className="plain-list">
                    {projects.map((p) => (
                      <li key={p.id}>
                        <Link to={`/projects/${p.id}`}>{p.title}</Link>
                      </li>
                    ))}
                  </ul>
                ) : null,
              ],
              ["Summary", meeting.summary],
              ["Decisions", meeting.decisions],
            ]}
          />
        </section>

        <section className="card" aria-labelledby="attendees-title">
          <h2 id="attendees-title">Who attended</h2>
          {nobody ? <p className="muted">No one is recorded as attending yet.</p> : null}
          {attendees.staff.length > 0 ? (
            <>
              <h3>Our staff</h3>
              <ul className="plain-list">
                {attendees.staff.map((s) => (
                  <li key={s.id}>{s.name}</li>
                ))}
              </ul>
            </>
          ) : null}
          {attendees.contacts.length > 0 ? (
            <>
              <h3>Their people</h3>
              <ul className="plain-list">
                {attendees.contacts.map((c) => (
                  <li key={c.id}>
                    {c.name}
                    {c.role ? `, ${c.role}` : ""} (
                    <Link to={`/partners/${c.partnerId}`}>{c.partnerName}</Link>)
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {attendees.contributors.length > 0 ? (
            <>
              <h3>Contributors</h3>
              <ul className="plain-list">
                {attendees.contributors.map((c) => (
                  <li key={c.id}>
                    <Link to={`/contributors/${c.id}`}>{c.name}</Link>{" "}
                    <span className="muted">({contributorKindLabels[c.kind].toLowerCase()})</span>
                    {removeButton("contributor", c.id, c.name)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {attendees.volunteers.length > 0 ? (
            <>
              <h3>Volunteers</h3>
              <ul className="plain-list">
                {attendees.volunteers.map((v) => (
                  <li key={v.id}>
                    <Link to={`/volunteers/${v.id}`}>{v.name}</Link>{" "}
                    <span className="muted">({volunteerProgrammeLabels[v.programme].toLowerCase()})</span>
                    {removeButton("volunteer", v.id, v.name)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      </div>

      {canEdit ? (
        <section className="card" aria-labelledby="change-attendees-title">
          <h2 id="change-attendees-title">Change who attended</h2>
          <div className="grid grid--2">
            <div>
              <h3>Our staff and their people</h3>
              <FormState failure={failed("set-attendees")}>
                <ErrorSummary />
                <Form key={formKey} method="post" className="form">
                  <input type="hidden" name="intent" value="set-attendees" />
                  <ChoiceGroup
                    name="staff"
                    label="Our staff"
                    type="checkbox"
                    options={staffChoices}
                    defaultValue={attendees.staff.map((s) => String(s.id))}
                  />
                  {contactChoices.length > 0 ? (
                    <ChoiceGroup
                      name="contacts"
                      label="Their people"
                      type="checkbox"
                      options={contactChoices}
                      defaultValue={attendees.contacts.map((c) => String(c.id))}
                      hint="The contacts of this meeting's partners."
                    />
                  ) : (
                    <p className="hint">
                      {partners.length
                        ? "No contacts are recorded for this meeting's partners."
                        : "Add a partner to this meeting (Edit) to choose from their contacts."}
                    </p>
                  )}
                  <button type="submit" className="button">
                    Save who attended
                  </button>
                </Form>
              </FormState>
            </div>
            <div>
              <h3>Contributors and volunteers</h3>
              <SearchToAdd
                action={base}
                name="peopleQuery"
                label="Find a contributor or volunteer who attended"
                plural="people"
                leftOut="who are not already attending"
                query={peopleQuery}
                search={peopleSearch}
                intent="add-attendee"
                idField="attendeeId"
                error={pickerFailure ? Object.values(pickerFailure.errors).flat()[0] : undefined}
                matchKey={(person) => `${person.type}-${person.id}`}
                details={(person) => <span className="muted">({describePerson(person)})</span>}
                fields={(person) => <input type="hidden" name="attendeeType" value={person.type} />}
              />
            </div>
          </div>
        </section>
      ) : null}

      <section aria-labelledby="actions-title">
        <div className="section-header">
          <h2 id="actions-title">Follow-up actions</h2>
          <Link to="/actions">All actions</Link>
        </div>
        {actions.length === 0 ? (
          <p className="muted">No follow-up actions came from this meeting.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Follow-up actions from this meeting</caption>
              <thead>
                <tr>
                  <th scope="col">Action</th>
                  <th scope="col">Owner</th>
                  <th scope="col">Due</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {actions.map((a) => (
                  <tr key={a.id}>
                    <td>{a.description}</td>
                    <td>{a.ownerName}</td>
                    <td>{a.dueDate ? formatDate(a.dueDate) : <span className="muted">No due date</span>}</td>
                    <td>
                      {a.status === "done" ? (
                        <span className="badge badge--ok">Done</span>
                      ) : (
                        <span className="badge">Open</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <EvidencePanel recordType="meeting" recordId={meeting.id} evidence={evidence} />

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">Timeline</h2>
        <Timeline items={timeline} />
      </section>
    </>
  );
}
