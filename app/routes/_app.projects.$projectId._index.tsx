import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { FeedbackResponsesList } from "~/components/feedback/responses-list";
import { responseCount, responsesForProject } from "~/models/feedback.server";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { Details, yesNo } from "~/components/details";
import {
  FundingFields,
  partnerRoleOptions,
  projectStatusBadge,
  UserGroupFields,
} from "~/components/fields/project-fields";
import { ErrorSummary, FormState } from "~/components/form";
import { PageHeader } from "~/components/page-header";
import { PageNotice } from "~/components/page-notice";
import { RecordActions } from "~/components/record-actions";
import { Timeline } from "~/components/timeline";
import {
  fundingForm,
  projectContributorForm,
  projectPartnerForm,
  projectVolunteerForm,
  userGroupForm,
} from "~/forms/projects.server";
import { addFundingLine } from "~/models/funding.server";
import {
  addProjectContributor,
  addProjectPartner,
  addProjectVolunteer,
  changeProjectPartnerRole,
  findContributorsToAdd,
  findPartnersToAdd,
  findVolunteersToAdd,
} from "~/models/project-links.server";
import { getProject, getProjectPage, LinkRefused } from "~/models/project.server";
import { addUserGroup } from "~/models/user-group.server";
import { useCanEdit } from "~/utils/app-user";
import { requireUser } from "~/utils/auth.server";
import { meetingsForProject } from "~/models/meeting.server";
import { meetingKindLabels } from "~/utils/labels";
import { evidenceForRecord } from "~/models/evidence.server";
import { EvidencePanel } from "~/components/evidence-panel";
import { SearchToAdd } from "~/components/search-to-add";
import { formatDate } from "~/utils/dates";
import { failure, type FormFailure, formValues, parseForm } from "~/utils/forms.server";
import { notFound, parseId, readFormData } from "~/utils/http.server";
import {
  beneficiaryLabels,
  contributorKindLabels,
  fundingStatusLabels,
  projectPartnerRoleLabels,
  projectStatusLabels,
  volunteerProgrammeLabels,
} from "~/utils/labels";
import { formatPence } from "~/utils/money";
import { withNotice } from "~/utils/notice";
import { roleAllows } from "~/utils/roles";
import { auditTimeline } from "~/utils/timeline";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.project.title ?? "Project"} · Projects · Partnership tracker` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = parseId(params.projectId);
  const page = {
    ...(getProjectPage(id) ?? notFound()),
    meetings: meetingsForProject(id, 20),
    feedback: responsesForProject(id, 3),
    feedbackTotal: responseCount({ projectId: id }),
    evidence: evidenceForRecord({ type: "project", id }),
  };
  if (!roleAllows(user.role, "editor")) {
    return {
      ...page,
      volunteerQuery: "",
      volunteerSearch: null,
      partnerQuery: "",
      partnerSearch: null,
      contributorQuery: "",
      contributorSearch: null,
    };
  }
  // Records to add are found by part of their name: a large service has thousands.
  const searchParams = new URL(request.url).searchParams;
  const query = (key: string) => (searchParams.get(key) ?? "").trim().slice(0, 200);
  const volunteerQuery = query("volunteerQuery");
  const partnerQuery = query("partnerQuery");
  const contributorQuery = query("contributorQuery");
  return {
    ...page,
    volunteerQuery,
    volunteerSearch: volunteerQuery ? findVolunteersToAdd(id, volunteerQuery) : null,
    partnerQuery,
    partnerSearch: partnerQuery ? findPartnersToAdd(id, partnerQuery) : null,
    contributorQuery,
    contributorSearch: contributorQuery ? findContributorsToAdd(id, contributorQuery) : null,
  };
}

type Intent =
  | "add-partner"
  | "change-partner-role"
  | "add-contributor"
  | "add-volunteer"
  | "add-funding"
  | "add-user-group";

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const id = parseId(params.projectId);
  if (!getProject(id)) notFound();
  const formData = await readFormData(request);
  const intent = formData.get("intent") as Intent;
  const here = `/projects/${id}`;
  const invalid = (parsed: FormFailure) => data({ intent, ...parsed }, { status: 400 });
  /** Back to the page with the search the record was added from, so several can be added in turn. */
  const backToSearch = (key: string, notice: string) => {
    const query = String(formData.get(key) ?? "").trim();
    return redirect(withNotice(query ? `${here}?${new URLSearchParams({ [key]: query })}` : here, notice));
  };
  try {
    switch (intent) {
      case "add-partner":
      case "change-partner-role": {
        const parsed = parseForm(formData, projectPartnerForm);
        if (!parsed.ok) return invalid(parsed);
        const { partnerId, role } = parsed.data;
        if (intent === "change-partner-role") {
          changeProjectPartnerRole(id, partnerId, role, user.id);
          return redirect(withNotice(here, "partner-role-changed"));
        }
        addProjectPartner(id, partnerId, role, user.id);
        return backToSearch("partnerQuery", "partner-added");
      }
      case "add-contributor": {
        const parsed = parseForm(formData, projectContributorForm);
        if (!parsed.ok) return invalid(parsed);
        addProjectContributor(id, parsed.data.contributorId, user.id);
        return backToSearch("contributorQuery", "contributor-added");
      }
      case "add-volunteer": {
        const parsed = parseForm(formData, projectVolunteerForm);
        if (!parsed.ok) return invalid(parsed);
        addProjectVolunteer(id, parsed.data.volunteerId, user.id);
        return backToSearch("volunteerQuery", "volunteer-added");
      }
      case "add-funding": {
        const parsed = parseForm(formData, fundingForm);
        if (!parsed.ok) return invalid(parsed);
        addFundingLine(id, parsed.data, user.id);
        return redirect(withNotice(here, "funding-added"));
      }
      case "add-user-group": {
        const parsed = parseForm(formData, userGroupForm);
        if (!parsed.ok) return invalid(parsed);
        addUserGroup(id, parsed.data, user.id);
        return redirect(withNotice(here, "user-group-added"));
      }
      default:
        throw new Response("Unknown action", { status: 400 });
    }
  } catch (error) {
    if (error instanceof LinkRefused) {
      return invalid(failure(formValues(formData), undefined, { [error.field]: [error.message] }));
    }
    throw error;
  }
}

export default function ProjectPage() {
  const {
    project,
    partners,
    contributors,
    volunteers,
    funding,
    fundingTotals,
    userGroups,
    groupTotals,
    benefits,
    history,
    volunteerQuery,
    volunteerSearch,
    partnerQuery,
    partnerSearch,
    contributorQuery,
    contributorSearch,
    evidence,
    meetings,
    feedback,
    feedbackTotal,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failed = (intent: Intent) => (actionData?.intent === intent ? actionData : undefined);
  const roleFailure = failed("change-partner-role");
  /** Why adding a partner, contributor or volunteer was refused: the first reason. */
  const refusal = (intent: Intent) => {
    const failure = failed(intent);
    return failure ? Object.values(failure.errors).flat()[0] : undefined;
  };
  const canEdit = useCanEdit();
  // A new key after each submission, so a form that succeeded starts empty again (with JavaScript,
  // React would otherwise keep what was typed); a failed one shows the values sent back.
  const formKey = useLocation().key;
  const base = `/projects/${project.id}`;

  const timeline = [
    ...auditTimeline(history, "Project"),
    ...meetings.map((m) => ({
      key: `meeting-${m.id}`,
      date: m.heldAt,
      text: (
        <>
          {meetingKindLabels[m.kind]}: <Link to={`/meetings/${m.id}`}>{m.title}</Link>
        </>
      ),
    })),
    ...(project.startDate ? [{ key: "start", date: project.startDate, text: "Project start date" }] : []),
    ...(project.endDate ? [{ key: "end", date: project.endDate, text: "Project end date" }] : []),
    ...funding
      .filter((line) => line.date)
      .map((line) => ({
        key: `funding-${line.id}`,
        date: line.date!,
        text: `Funding ${fundingStatusLabels[line.status].toLowerCase()}: ${formatPence(line.amountPence)} from ${line.source}`,
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
        title={project.title}
        crumbs={[{ to: "/projects", label: "Projects" }]}
        actions={
          <>
            {canEdit ? (
              <Link to={`/meetings/new?projectId=${project.id}`} className="button">
                Log a meeting
              </Link>
            ) : null}
            <RecordActions editTo={`${base}/edit`} historyTo={`/history/project/${project.id}`} />
          </>
        }
      >
        <ul className="tag-list" aria-label="Summary">
          <li className={projectStatusBadge[project.status]}>{projectStatusLabels[project.status]}</li>
          {project.audienceResearchShared ? (
            <li className="badge badge--ok">Audience research shared</li>
          ) : null}
        </ul>
      </PageHeader>
      <PageNotice
        messages={{
          created: "The project has been added.",
          saved: "Your changes have been saved.",
          "partner-added": "The partner has been added to the project.",
          "partner-role-changed": "The partner's role has been changed.",
          "partner-removed": "The partner has been removed from the project.",
          "contributor-added": "The contributor has been added to the project.",
          "contributor-removed": "The contributor has been removed from the project.",
          "volunteer-added": "The volunteer has been added to the project.",
          "volunteer-removed": "The volunteer has been removed from the project.",
          "funding-added": "The funding line has been added.",
          "funding-saved": "The funding line has been saved.",
          "funding-deleted": "The funding line has been deleted.",
          "user-group-added": "The user group has been added.",
          "user-group-saved": "The user group has been saved.",
          "user-group-deleted": "The user group has been deleted.",
        }}
      />

      <section className="card" aria-labelledby="details-title">
        <h2 id="details-title">Details</h2>
        <Details
          rows={[
            ["Description", project.description],
            ["Status", projectStatusLabels[project.status]],
            ["Start date", formatDate(project.startDate)],
            ["End date", formatDate(project.endDate)],
            ["Learning opportunities offered", project.learningOpportunities],
            ["Audience research shared with partners", yesNo(project.audienceResearchShared)],
            ["Notes", project.notes],
          ]}
        />
      </section>

      <section aria-labelledby="partners-title">
        <h2 id="partners-title">Partners</h2>
        {roleFailure ? (
          <p className="field-error" role="alert">
            {Object.values(roleFailure.errors).flat()[0]}
          </p>
        ) : null}
        {partners.length === 0 ? (
          <p className="muted">No partners on this project yet.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Partners in this project</caption>
              <thead>
                <tr>
                  <th scope="col">Partner</th>
                  <th scope="col">Role</th>
                  {canEdit ? (
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {partners.map((partner) => (
                  <tr key={partner.partnerId}>
                    <td>
                      <Link to={`/partners/${partner.partnerId}`}>{partner.name}</Link>
                    </td>
                    <td>
                      {canEdit ? (
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="intent" value="change-partner-role" />
                          <input type="hidden" name="partnerId" value={partner.partnerId} />
                          <label htmlFor={`role-of-${partner.partnerId}`} className="visually-hidden">
                            Role of {partner.name}
                          </label>
                          <select id={`role-of-${partner.partnerId}`} name="role" defaultValue={partner.role}>
                            {partnerRoleOptions.map((option) => (
                              <option key={option.value} value={option.value}>
                                {option.label}
                              </option>
                            ))}
                          </select>{" "}
                          <button type="submit" className="button button--secondary button--small">
                            Change role<span className="visually-hidden"> of {partner.name}</span>
                          </button>
                        </Form>
                      ) : (
                        projectPartnerRoleLabels[partner.role]
                      )}
                    </td>
                    {canEdit ? (
                      <td>
                        <Link to={`${base}/partners/${partner.partnerId}/remove`} className="small-link">
                          Remove<span className="visually-hidden"> {partner.name}</span>
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
            <h3>Add a partner to this project</h3>
            <SearchToAdd
              action={base}
              name="partnerQuery"
              label="Find a partner to add"
              plural="partners"
              leftOut="who are not already on this project"
              query={partnerQuery}
              search={partnerSearch}
              intent="add-partner"
              idField="partnerId"
              error={refusal("add-partner")}
              fields={(p) => (
                <>
                  <label htmlFor={`add-role-${p.id}`} className="visually-hidden">
                    Role of {p.name} in the project
                  </label>
                  <select id={`add-role-${p.id}`} name="role" required defaultValue="">
                    <option value="" disabled>
                      Their role…
                    </option>
                    {partnerRoleOptions.map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.label}
                      </option>
                    ))}
                  </select>
                </>
              )}
            />
            <p className="hint">
              Not recorded yet? <Link to="/partners/new">Add a new partner</Link>, then come back here.
            </p>
          </div>
        ) : null}
      </section>

      <div className="grid grid--2">
        <section className="card" aria-labelledby="contributors-title">
          <h2 id="contributors-title">Contributors</h2>
          {contributors.length === 0 ? (
            <p className="muted">No contributors on this project yet.</p>
          ) : (
            <ul className="plain-list">
              {contributors.map((c) => (
                <li key={c.id}>
                  <Link to={`/contributors/${c.id}`}>{c.name}</Link> (
                  {contributorKindLabels[c.kind].toLowerCase()})
                  {canEdit ? (
                    <>
                      {" "}
                      <Link to={`${base}/contributors/${c.id}/remove`} className="small-link">
                        Remove<span className="visually-hidden"> {c.name}</span>
                      </Link>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {canEdit ? (
            <SearchToAdd
              action={base}
              name="contributorQuery"
              label="Find a contributor to add"
              plural="contributors"
              leftOut="who are not already on this project"
              query={contributorQuery}
              search={contributorSearch}
              intent="add-contributor"
              idField="contributorId"
              error={refusal("add-contributor")}
              details={(c) => <span className="muted">({contributorKindLabels[c.kind].toLowerCase()})</span>}
            />
          ) : null}
        </section>

        <section className="card" aria-labelledby="volunteers-title">
          <h2 id="volunteers-title">Volunteers</h2>
          {volunteers.length === 0 ? (
            <p className="muted">No volunteers on this project yet.</p>
          ) : (
            <ul className="plain-list">
              {volunteers.map((v) => (
                <li key={v.id}>
                  <Link to={`/volunteers/${v.id}`}>{v.name}</Link> (
                  {volunteerProgrammeLabels[v.programme].toLowerCase()})
                  {canEdit ? (
                    <>
                      {" "}
                      <Link to={`${base}/volunteers/${v.id}/remove`} className="small-link">
                        Remove<span className="visually-hidden"> {v.name}</span>
                      </Link>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {canEdit ? (
            <SearchToAdd
              action={base}
              name="volunteerQuery"
              label="Find a volunteer to add"
              plural="volunteers"
              leftOut="who are not already on this project"
              query={volunteerQuery}
              search={volunteerSearch}
              intent="add-volunteer"
              idField="volunteerId"
              error={refusal("add-volunteer")}
              details={(v) => (
                <span className="muted">({volunteerProgrammeLabels[v.programme].toLowerCase()})</span>
              )}
            />
          ) : null}
        </section>
      </div>

      <section aria-labelledby="funding-title">
        <h2 id="funding-title">Funding</h2>
        {funding.length === 0 ? (
          <p className="muted">No funding recorded for this project.</p>
        ) : (
          <>
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">Funding lines</caption>
                <thead>
                  <tr>
                    <th scope="col">Source</th>
                    <th scope="col" className="number">
                      Amount
                    </th>
                    <th scope="col">Status</th>
                    <th scope="col">Date</th>
                    {canEdit ? (
                      <th scope="col">
                        <span className="visually-hidden">Actions</span>
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  {funding.map((line) => (
                    <tr key={line.id}>
                      <td>{line.source}</td>
                      <td className="number">{formatPence(line.amountPence)}</td>
                      <td>{fundingStatusLabels[line.status]}</td>
                      <td>{formatDate(line.date)}</td>
                      {canEdit ? (
                        <td>
                          <Link to={`${base}/funding/${line.id}/edit`} className="small-link">
                            Edit<span className="visually-hidden"> {line.source}</span>
                          </Link>{" "}
                          <Link to={`${base}/funding/${line.id}/delete`} className="small-link">
                            Delete<span className="visually-hidden"> {line.source}</span>
                          </Link>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Details
              rows={[
                ["Secured", formatPence(fundingTotals.secured)],
                ["Pending", formatPence(fundingTotals.pending)],
                ["Declined", formatPence(fundingTotals.declined)],
              ]}
            />
          </>
        )}
        {canEdit ? (
          <div className="card form-section">
            <h3>Add a funding line</h3>
            <FormState failure={failed("add-funding")}>
              <ErrorSummary />
              <Form key={formKey} method="post" className="form">
                <input type="hidden" name="intent" value="add-funding" />
                <FundingFields />
                <button type="submit" className="button">
                  Add funding line
                </button>
              </Form>
            </FormState>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="groups-title">
        <h2 id="groups-title">User groups reached</h2>
        {userGroups.length === 0 ? (
          <p className="muted">No user groups recorded for this project.</p>
        ) : (
          <>
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">User groups reached</caption>
                <thead>
                  <tr>
                    <th scope="col">Group</th>
                    <th scope="col" className="number">
                      Number
                    </th>
                    <th scope="col">New or infrequent users</th>
                    {canEdit ? (
                      <th scope="col">
                        <span className="visually-hidden">Actions</span>
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  {userGroups.map((group) => (
                    <tr key={group.id}>
                      <td>{group.description}</td>
                      <td className="number">
                        {group.number === null ? <span className="muted">Not recorded</span> : group.number}
                      </td>
                      <td>
                        {group.newOrInfrequent ? (
                          <span className="badge badge--ok">New or infrequent</span>
                        ) : (
                          "No"
                        )}
                      </td>
                      {canEdit ? (
                        <td>
                          <Link to={`${base}/user-groups/${group.id}/edit`} className="small-link">
                            Edit<span className="visually-hidden"> {group.description}</span>
                          </Link>{" "}
                          <Link to={`${base}/user-groups/${group.id}/delete`} className="small-link">
                            Delete<span className="visually-hidden"> {group.description}</span>
                          </Link>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Details
              rows={[
                ["People reached", groupTotals.people.toLocaleString("en-GB")],
                ["New or infrequent users reached", groupTotals.newOrInfrequent.toLocaleString("en-GB")],
              ]}
            />
          </>
        )}
        {canEdit ? (
          <div className="card form-section">
            <h3>Add a user group</h3>
            <FormState failure={failed("add-user-group")}>
              <ErrorSummary />
              <Form key={formKey} method="post" className="form">
                <input type="hidden" name="intent" value="add-user-group" />
                <UserGroupFields />
                <button type="submit" className="button">
                  Add user group
                </button>
              </Form>
            </FormState>
          </div>
        ) : null}
      </section>

      <section className="card" aria-labelledby="benefits-title">
        <div className="section-header">
          <h2 id="benefits-title">Benefits</h2>
          {canEdit ? <Link to={`/benefits/new?projectId=${project.id}`}>Record a benefit</Link> : null}
        </div>
        {benefits.length === 0 ? (
          <p className="muted">No benefits recorded for this project.</p>
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

      <section className="card" aria-labelledby="feedback-title">
        <div className="section-header">
          <h2 id="feedback-title">Feedback from participants</h2>
          <Link to={`/projects/${project.id}/feedback`}>
            {canEdit ? "Ask the people who took part" : "Feedback links and responses"}
          </Link>
        </div>
        <FeedbackResponsesList
          responses={feedback}
          empty="No feedback from participants yet."
          seeAll={{ to: `/projects/${project.id}/feedback`, total: feedbackTotal }}
        />
      </section>

      <EvidencePanel recordType="project" recordId={project.id} evidence={evidence} />

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">Timeline</h2>
        <Timeline items={timeline} />
      </section>
    </>
  );
}
