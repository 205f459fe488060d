import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Details } from "~/components/details";
import { formatHours, volunteerStatusBadge } from "~/components/fields/volunteer-fields";
import { ErrorSummary, FormState, TextField } from "~/components/form";
import { PageHeader } from "~/components/page-header";
import { PageNotice } from "~/components/page-notice";
import { RecordActions } from "~/components/record-actions";
import { Timeline } from "~/components/timeline";
import { hoursForm, trainingForm } from "~/forms/volunteers.server";
import { addHours, addTraining } from "~/models/volunteer-activity.server";
import { getVolunteer, getVolunteerPage } from "~/models/volunteer.server";
import { useCanEdit } from "~/utils/app-user";
import { requireUser } from "~/utils/auth.server";
import { canSeeEquality, monitoringStatus } from "~/models/monitoring.server";
import { MonitoringCard } from "~/components/monitoring-card";
import { evidenceForRecord } from "~/models/evidence.server";
import { EvidencePanel } from "~/components/evidence-panel";
import { formatDate } from "~/utils/dates";
import { parseForm } from "~/utils/forms.server";
import { notFound, parseId, readFormData } from "~/utils/http.server";
import {
  projectStatusLabels,
  volunteerFocusLabels,
  volunteerProgrammeLabels,
  volunteerStatusLabels,
} from "~/utils/labels";
import { withNotice } from "~/utils/notice";
import { auditTimeline } from "~/utils/timeline";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.volunteer.name ?? "Volunteer"} · Volunteers · Partnership tracker` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = parseId(params.volunteerId);
  const page = getVolunteerPage(id) ?? notFound();
  return {
    ...page,
    evidence: evidenceForRecord({ type: "volunteer", id }),
    // Special category data: only permitted users learn even whether answers are recorded.
    ...(canSeeEquality(user) ? { monitoring: monitoringStatus({ type: "volunteer", id }) } : {}),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const id = parseId(params.volunteerId);
  if (!getVolunteer(id)) notFound();
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  switch (intent) {
    case "add-training": {
      const parsed = parseForm(formData, trainingForm);
      if (!parsed.ok) return data({ intent, ...parsed }, { status: 400 });
      addTraining(id, parsed.data, user.id);
      return redirect(withNotice(`/volunteers/${id}`, "training-added"));
    }
    case "add-hours": {
      const parsed = parseForm(formData, hoursForm);
      if (!parsed.ok) return data({ intent, ...parsed }, { status: 400 });
      addHours(id, parsed.data, user.id);
      return redirect(withNotice(`/volunteers/${id}`, "hours-added"));
    }
    default:
      throw new Response("Unknown action", { status: 400 });
  }
}

export default function VolunteerPage() {
  const { volunteer, focuses, training, hours, totalMinutes, projects, history, evidence, monitoring } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failed = (intent: string) => (actionData?.intent === intent ? actionData : undefined);
  const canEdit = useCanEdit();
  const timeline = [
    ...auditTimeline(history, "Volunteer"),
    ...training.map((t) => ({
      key: `training-${t.id}`,
      date: t.date,
      text: `Training: ${t.title}${t.provider ? ` (${t.provider})` : ""}`,
    })),
    ...projects
      .filter((p) => p.startDate)
      .map((p) => ({
        key: `project-${p.id}`,
        date: p.startDate!,
        text: (
          <>
            Project <Link to={`/projects/${p.id}`}>{p.title}</Link> started
          </>
        ),
      })),
    ...projects
      .filter((p) => p.endDate)
      .map((p) => ({
        key: `project-end-${p.id}`,
        date: p.endDate!,
        text: (
          <>
            Project <Link to={`/projects/${p.id}`}>{p.title}</Link> ended
          </>
        ),
      })),
  ];

  return (
    <>
      <PageHeader
        title={volunteer.name}
        crumbs={[{ to: "/volunteers", label: "Volunteers" }]}
        actions={
          <RecordActions
            editTo={`/volunteers/${volunteer.id}/edit`}
            historyTo={`/history/volunteer/${volunteer.id}`}
            personalDataTo={`/volunteers/${volunteer.id}/personal-data`}
          />
        }
      >
        <ul className="tag-list" aria-label="Summary">
          <li className="badge">{volunteerProgrammeLabels[volunteer.programme]}</li>
          <li className={volunteerStatusBadge(volunteer.status)}>
            {volunteerStatusLabels[volunteer.status]}
          </li>
        </ul>
      </PageHeader>
      <PageNotice
        messages={{
          created: "The volunteer has been added.",
          saved: "Your changes have been saved.",
          "training-added": "The training record has been added.",
          "training-deleted": "The training record has been deleted.",
          "hours-added": "The hours have been added.",
          "hours-deleted": "The hours have been deleted.",
        }}
      />

      <div className="grid grid--2">
        <section className="card" aria-labelledby="details-title">
          <h2 id="details-title">Details</h2>
          <Details
            rows={[
              ["Programme", volunteerProgrammeLabels[volunteer.programme]],
              ["Status", volunteerStatusLabels[volunteer.status]],
              ["Start date", formatDate(volunteer.startDate)],
              ["End date", formatDate(volunteer.endDate)],
              ["Roles", volunteer.roles],
              ["Skills", volunteer.skills],
              [
                "Email address",
                volunteer.email ? <a href={`mailto:${volunteer.email}`}>{volunteer.email}</a> : null,
              ],
              [
                "Phone",
                volunteer.phone ? (
                  <a href={`tel:${volunteer.phone.replace(/\s/g, "")}`}>{volunteer.phone}</a>
                ) : null,
              ],
              ["Notes", volunteer.notes],
            ]}
          />
        </section>

        <section className="card" aria-labelledby="focus-title">
          <h2 id="focus-title">Focus of their programme</h2>
          <p className="hint">
            The checklist (3.3) asks: “Do your volunteering and work experience programmes focus on:”
          </p>
          {focuses.length === 0 ? (
            <p className="muted">
              No focus recorded.
              {canEdit ? (
                <>
                  {" "}
                  <Link to={`/volunteers/${volunteer.id}/edit`}>Edit the volunteer</Link> to choose one.
                </>
              ) : null}
            </p>
          ) : (
            <ul className="tag-list" aria-label="Focuses">
              {focuses.map((focus) => (
                <li key={focus} className="badge badge--ok">
                  {volunteerFocusLabels[focus]}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      {monitoring ? (
        <MonitoringCard status={monitoring} href={`/volunteers/${volunteer.id}/monitoring`} />
      ) : null}

      <section aria-labelledby="training-title">
        <h2 id="training-title">Training and development</h2>
        {training.length === 0 ? (
          <p className="muted">
            No training or development recorded yet.
            {canEdit ? " Add what they have done below, with the date and who provided it." : ""}
          </p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Training and development, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Training</th>
                  <th scope="col">Provider</th>
                  {canEdit ? (
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {training.map((t) => (
                  <tr key={t.id}>
                    <td>{formatDate(t.date)}</td>
                    <td>{t.title}</td>
                    <td>{t.provider}</td>
                    {canEdit ? (
                      <td>
                        <Link
                          to={`/volunteers/${volunteer.id}/training/${t.id}/delete`}
                          className="small-link"
                        >
                          Delete<span className="visually-hidden"> training “{t.title}”</span>
                        </Link>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {canEdit ? (
          <div className="card">
            <h3 id="add-training-title">Add a training record</h3>
            <FormState failure={failed("add-training")}>
              <ErrorSummary />
              <Form
                method="post"
                className="form"
                aria-labelledby="add-training-title"
                key={`training-${training.length}`}
              >
                <input type="hidden" name="intent" value="add-training" />
                <TextField name="trainingDate" label="Date of training" type="date" width="medium" required />
                <TextField
                  name="title"
                  label="Training or development"
                  hint="For example: Object handling, Safeguarding, First aid."
                  autoComplete="off"
                  required
                />
                <TextField name="provider" label="Provided by" autoComplete="off" />
                <button type="submit" className="button">
                  Add training record
                </button>
              </Form>
            </FormState>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="hours-title">
        <h2 id="hours-title">Hours given</h2>
        <p>
          <strong>Total: {formatHours(totalMinutes)}</strong>
          {hours.length > 0 ? (
            <span className="muted">
              {" "}
              from {hours.length} {hours.length === 1 ? "entry" : "entries"}
            </span>
          ) : null}
        </p>
        {hours.length === 0 ? (
          <p className="muted">
            No hours recorded yet.{canEdit ? " Add the time they give below, a day at a time." : ""}
          </p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Hours given, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col" className="number">
                    Time
                  </th>
                  <th scope="col">Activity</th>
                  {canEdit ? (
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {hours.map((h) => (
                  <tr key={h.id}>
                    <td>{formatDate(h.date)}</td>
                    <td className="number">{formatHours(h.minutes)}</td>
                    <td>{h.activity}</td>
                    {canEdit ? (
                      <td>
                        <Link to={`/volunteers/${volunteer.id}/hours/${h.id}/delete`} className="small-link">
                          Delete
                          <span className="visually-hidden"> hours given on {formatDate(h.date)}</span>
                        </Link>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {canEdit ? (
          <div className="card">
            <h3 id="add-hours-title">Add hours given</h3>
            <FormState failure={failed("add-hours")}>
              <ErrorSummary />
              <Form
                method="post"
                className="form"
                aria-labelledby="add-hours-title"
                key={`hours-${hours.length}`}
              >
                <input type="hidden" name="intent" value="add-hours" />
                <TextField name="hoursDate" label="Date given" type="date" width="medium" required />
                <TextField
                  name="hours"
                  label="Hours"
                  hint="As a number or hours and minutes, like 2.5 or 2:30."
                  inputMode="decimal"
                  width="short"
                  autoComplete="off"
                  required
                />
                <TextField
                  name="activity"
                  label="Activity"
                  hint="What they did, for example: cataloguing, family day helper."
                  autoComplete="off"
                />
                <button type="submit" className="button">
                  Add hours
                </button>
              </Form>
            </FormState>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="projects-title">
        <h2 id="projects-title">Projects</h2>
        {projects.length === 0 ? (
          <p className="muted">
            Not involved in any project yet. Volunteers are added to a project from the project’s page.
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

      <EvidencePanel recordType="volunteer" recordId={volunteer.id} evidence={evidence} />

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">Timeline</h2>
        <Timeline items={timeline} />
      </section>
    </>
  );
}
