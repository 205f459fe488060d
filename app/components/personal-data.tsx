import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { AuditAction } from "~db/enums";
import type { ErasurePlan, PersonalData } from "~/models/personal-data.server";
import { formatHours } from "~/components/fields/volunteer-fields";
import { ErrorSummary, FormState, TextField } from "~/components/form";
import { PageHeader } from "~/components/page-header";
import { PageNotice } from "~/components/page-notice";
import { formatDate, formatDateTime } from "~/utils/dates";
import { answerLabel, areaQuestion, consentMethodLabels, questionShortLabels } from "~/utils/equality-labels";
import {
  contributorKindLabels,
  meetingKindLabels,
  projectStatusLabels,
  volunteerFocusLabels,
  volunteerProgrammeLabels,
  volunteerStatusLabels,
} from "~/utils/labels";
import { erasurePath, personalDataFile, personalDataPath, personKindWords } from "~/utils/personal-data";
import { recordKindLabels } from "~/utils/record-kinds";
import { ChangesTable, fieldLabel } from "./history";

// Everything held about one person, as a person reads it: on their personal data page and in the
// printable file an administrator downloads (rendered to static HTML, so plain links, no router).

const evidenceStatusWords: Record<string, string> = {
  suggested: "Suggested, awaiting review",
  confirmed: "Confirmed",
  dismissed: "Dismissed",
};

const actionWords: Record<AuditAction, string> = {
  create: "Created",
  update: "Changed",
  delete: "Deleted",
  view: "Equality monitoring answers viewed",
  export: "Personal data downloaded",
  erase: "Personal data erased",
};

const monitoringKinds: Record<string, string> = {
  volunteer_monitoring: "Equality monitoring",
  contributor_monitoring: "Equality monitoring",
};

function kindOf(type: string) {
  return monitoringKinds[type] ?? recordKindLabels[type] ?? type;
}

/** Words for a field name: "startDate" reads "start date". */
function Field({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div className="details__row">
      <dt>{label}</dt>
      <dd>
        {value === null || value === undefined || value === "" ? (
          <span className="muted">Not recorded</span>
        ) : (
          value
        )}
      </dd>
    </div>
  );
}

function Empty({ children }: { children: ReactNode }) {
  return <p className="muted">{children}</p>;
}

/** Where a link goes: within the app on the page, the full address in a downloaded file. */
type Href = (path: string) => string;

export function PersonalDataReport({ data, baseUrl = "" }: { data: PersonalData; baseUrl?: string }) {
  const href: Href = (path) => `${baseUrl}${path}`;
  const words = personKindWords[data.about.kind];
  return (
    <div className="stack personal-data">
      <section aria-labelledby="pd-about">
        <h2 id="pd-about">About this record</h2>
        <dl className="details">
          <Field label="Kind of record" value={words.Noun} />
          <Field label="Record number" value={String(data.about.id)} />
          <Field label="Held by" value={data.about.organisation} />
          <Field label="As at" value={formatDateTime(data.about.exportedAt)} />
          {data.about.exportedBy ? <Field label="Prepared by" value={data.about.exportedBy} /> : null}
          {data.about.erased ? (
            <Field
              label="Erased"
              value={`${formatDateTime(data.about.erased.at)}${data.about.erased.by ? `, by ${data.about.erased.by}` : ""}`}
            />
          ) : null}
        </dl>
      </section>

      <RecordSection data={data} href={href} />
      <MeetingsSection data={data} href={href} />
      {data.equalityMonitoring !== undefined ? <MonitoringSection data={data} /> : null}
      <EvidenceSection data={data} href={href} />
      <MentionsSection data={data} href={href} />
      <AuditSection data={data} />

      <section aria-labelledby="pd-notes">
        <h2 id="pd-notes">Notes</h2>
        <ul>
          {data.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function RecordSection({ data, href }: { data: PersonalData; href: Href }) {
  if ("volunteer" in data && data.volunteer) {
    const v = data.volunteer;
    return (
      <>
        <section aria-labelledby="pd-record">
          <h2 id="pd-record">Their record</h2>
          <dl className="details">
            <Field label="Name" value={v.name} />
            <Field label="Email address" value={v.email} />
            <Field label="Phone" value={v.phone} />
            <Field label="Programme" value={volunteerProgrammeLabels[v.programme]} />
            <Field label="Status" value={volunteerStatusLabels[v.status]} />
            <Field label="Start date" value={formatDate(v.startDate)} />
            <Field label="End date" value={formatDate(v.endDate)} />
            <Field label="Roles" value={v.roles} />
            <Field label="Skills" value={v.skills} />
            <Field
              label="Focus of their programme"
              value={data.focuses.map((focus) => volunteerFocusLabels[focus]).join(", ")}
            />
            <Field label="Notes" value={v.notes} />
            <Field label="Record added" value={formatDateTime(v.createdAt)} />
            <Field label="Last changed" value={formatDateTime(v.updatedAt)} />
          </dl>
        </section>
        <section aria-labelledby="pd-training">
          <h2 id="pd-training">Training and development</h2>
          {data.training.length === 0 ? (
            <Empty>No training recorded.</Empty>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">Training records</caption>
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col">Training</th>
                    <th scope="col">Provider</th>
                  </tr>
                </thead>
                <tbody>
                  {data.training.map((t) => (
                    <tr key={t.id}>
                      <td className="nowrap">{formatDate(t.date)}</td>
                      <td>{t.title}</td>
                      <td>{t.provider ?? ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
        <section aria-labelledby="pd-hours">
          <h2 id="pd-hours">Hours given</h2>
          {data.hours.length === 0 ? (
            <Empty>No hours recorded.</Empty>
          ) : (
            <>
              <p>In all: {formatHours(data.totalMinutes)}.</p>
              <div className="table-wrap">
                <table>
                  <caption className="visually-hidden">Hours given</caption>
                  <thead>
                    <tr>
                      <th scope="col">Date</th>
                      <th scope="col">Time given</th>
                      <th scope="col">Activity</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.hours.map((h) => (
                      <tr key={h.id}>
                        <td className="nowrap">{formatDate(h.date)}</td>
                        <td>{formatHours(h.minutes)}</td>
                        <td>{h.activity ?? ""}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </section>
        <ProjectsSection projects={data.projects} href={href} />
      </>
    );
  }
  if ("contributor" in data && data.contributor) {
    const c = data.contributor;
    return (
      <>
        <section aria-labelledby="pd-record">
          <h2 id="pd-record">Their record</h2>
          <dl className="details">
            <Field label="Name" value={c.name} />
            <Field label="Kind of contributor" value={contributorKindLabels[c.kind]} />
            <Field
              label="Partner organisation"
              value={
                data.partner ? <a href={href(`/partners/${data.partner.id}`)}>{data.partner.name}</a> : null
              }
            />
            <Field label="Skills" value={c.skills} />
            <Field label="Email address" value={c.email} />
            <Field label="Phone" value={c.phone} />
            <Field label="Website" value={c.website} />
            <Field label="Active from" value={formatDate(c.activeFrom)} />
            <Field label="Active to" value={formatDate(c.activeTo)} />
            <Field label="Notes" value={c.notes} />
            <Field label="Record added" value={formatDateTime(c.createdAt)} />
            <Field label="Last changed" value={formatDateTime(c.updatedAt)} />
          </dl>
        </section>
        <ProjectsSection projects={data.projects} href={href} />
      </>
    );
  }
  if ("contact" in data && data.contact) {
    const c = data.contact;
    return (
      <section aria-labelledby="pd-record">
        <h2 id="pd-record">Their record</h2>
        <dl className="details">
          <Field label="Name" value={c.name} />
          <Field
            label="Partner organisation"
            value={
              data.partner ? <a href={href(`/partners/${data.partner.id}`)}>{data.partner.name}</a> : null
            }
          />
          <Field label="Role" value={c.role} />
          <Field label="Email address" value={c.email} />
          <Field label="Phone" value={c.phone} />
          <Field label="Notes" value={c.notes} />
          <Field label="Record added" value={formatDateTime(c.createdAt)} />
          <Field label="Last changed" value={formatDateTime(c.updatedAt)} />
        </dl>
      </section>
    );
  }
  return null;
}

type ProjectRow = {
  id: number;
  title: string;
  status: keyof typeof projectStatusLabels;
  startDate: string | null;
};

function ProjectsSection({ projects, href }: { projects: ProjectRow[]; href: Href }) {
  return (
    <section aria-labelledby="pd-projects">
      <h2 id="pd-projects">Projects</h2>
      {projects.length === 0 ? (
        <Empty>Not part of any project.</Empty>
      ) : (
        <ul>
          {projects.map((p) => (
            <li key={p.id}>
              <a href={href(`/projects/${p.id}`)}>{p.title}</a> ({projectStatusLabels[p.status]}
              {p.startDate ? `, from ${formatDate(p.startDate)}` : ""})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function MeetingsSection({ data, href }: { data: PersonalData; href: Href }) {
  return (
    <section aria-labelledby="pd-meetings">
      <h2 id="pd-meetings">Meetings attended</h2>
      {data.meetingsAttended.length === 0 ? (
        <Empty>Not recorded as attending any meeting.</Empty>
      ) : (
        <ul>
          {data.meetingsAttended.map((m) => (
            <li key={m.id}>
              <a href={href(`/meetings/${m.id}`)}>{m.title}</a> ({meetingKindLabels[m.kind]},{" "}
              {formatDate(m.heldAt)})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function MonitoringSection({ data }: { data: PersonalData }) {
  const monitoring = data.equalityMonitoring;
  const links = data.monitoringFormLinks ?? [];
  return (
    <section aria-labelledby="pd-monitoring">
      <h2 id="pd-monitoring">Equality monitoring</h2>
      {monitoring ? (
        <>
          <p>Special category data, kept only with their consent.</p>
          <dl className="details">
            <Field label="Consent given on" value={formatDate(monitoring.consentGivenOn)} />
            <Field label="How consent was given" value={consentMethodLabels[monitoring.consentMethod]} />
            <Field label="Consent recorded by" value={monitoring.consentRecordedBy} />
            <Field
              label={questionShortLabels.age_band}
              value={answerLabel("age_band", monitoring.answers.ageBand)}
            />
            <Field label={questionShortLabels.sex} value={answerLabel("sex", monitoring.answers.sex)} />
            <Field
              label={questionShortLabels.gender_identity}
              value={answerLabel("gender_identity", monitoring.answers.genderIdentity)}
            />
            <Field
              label={questionShortLabels.ethnic_group}
              value={answerLabel("ethnic_group", monitoring.answers.ethnicGroup)}
            />
            <Field
              label={questionShortLabels.disability}
              value={answerLabel("disability", monitoring.answers.disability)}
            />
            <Field
              label={questionShortLabels.socio_economic}
              value={answerLabel("socio_economic", monitoring.answers.socioEconomic)}
            />
            <Field label={areaQuestion.label} value={monitoring.answers.area} />
            <Field label="Last changed" value={formatDateTime(monitoring.updatedAt)} />
          </dl>
        </>
      ) : (
        <Empty>No equality monitoring answers are held.</Empty>
      )}
      {links.length > 0 ? (
        <>
          <h3>Links sent to fill in the form</h3>
          <ul>
            {links.map((link) => (
              <li key={String(link.createdAt)}>
                Made {formatDateTime(link.createdAt)}
                {link.createdBy ? ` by ${link.createdBy}` : ""};{" "}
                {link.usedAt
                  ? `used ${formatDateTime(link.usedAt)}`
                  : `expires ${formatDateTime(link.expiresAt)}`}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function EvidenceSection({ data, href }: { data: PersonalData; href: Href }) {
  return (
    <section aria-labelledby="pd-evidence">
      <h2 id="pd-evidence">Evidence for the self-assessment</h2>
      <p>Links from their records to the lines of the Inspiring Learning for All checklist.</p>
      {data.evidence.length === 0 ? (
        <Empty>None of their records is linked as evidence.</Empty>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Evidence links from their records</caption>
            <thead>
              <tr>
                <th scope="col">Checklist line</th>
                <th scope="col">Record</th>
                <th scope="col">Status</th>
                <th scope="col">Dated</th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              {data.evidence.map((link) => (
                <tr key={link.id}>
                  <td>
                    <a href={href(`/checklist/${link.lineCode}`)}>{link.lineCode}</a> {link.line}
                  </td>
                  <td>{link.record}</td>
                  <td>{evidenceStatusWords[link.status] ?? link.status}</td>
                  <td className="nowrap">{formatDate(link.evidenceDate)}</td>
                  <td>{link.note ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data.evidenceInFinishedAssessments.length > 0 ? (
        <p>
          Finished self-assessments keep a copy of the evidence they relied on:{" "}
          {data.evidenceInFinishedAssessments.length}{" "}
          {data.evidenceInFinishedAssessments.length === 1 ? "item comes" : "items come"} from their records.
        </p>
      ) : null}
    </section>
  );
}

function MentionsSection({ data, href }: { data: PersonalData; href: Href }) {
  return (
    <section aria-labelledby="pd-mentions">
      <h2 id="pd-mentions">Other records that mention them</h2>
      {data.mentions.length === 0 ? (
        <Empty>No other record&rsquo;s text contains their name.</Empty>
      ) : (
        <ul>
          {data.mentions.map((m) => (
            <li key={`${m.type}-${m.id}`}>
              {m.kind}: <a href={href(m.href)}>{m.label}</a> (in {m.fields.map(fieldLabel).join(", ")})
            </li>
          ))}
        </ul>
      )}
      {data.importRows.length > 0 ? (
        <>
          <h3>Rows of uploaded spreadsheets</h3>
          <ul>
            {data.importRows.map((batch) => (
              <li key={batch.batchId}>
                {batch.filename}, uploaded {formatDate(batch.uploadedAt)}:{" "}
                {batch.rows.map((row) => `row ${row.rowNumber}`).join(", ")}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function AuditSection({ data }: { data: PersonalData }) {
  return (
    <section aria-labelledby="pd-audit">
      <h2 id="pd-audit">Audit trail</h2>
      <p>
        Every change to their records, who made it and when; and every download, erasure and view of their
        equality monitoring answers.
      </p>
      {data.auditTrail.length === 0 ? (
        <Empty>Nothing has been recorded.</Empty>
      ) : (
        <ol className="history">
          {data.auditTrail.map((event) => (
            <li key={event.id}>
              <p>
                <strong>{actionWords[event.action]}</strong>: {kindOf(event.recordType)} {event.recordId}, by{" "}
                {event.by ?? "the app (no user)"} on {formatDateTime(event.at)}
              </p>
              <ChangesTable changes={event.changes} caption="Fields" />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

// ---------------------------------------------------------------------------------------------
// The pages

type PageProps = {
  held: PersonalData;
};

function crumbsFor(data: PersonalData) {
  const { kind, id, name } = data.about;
  if (kind === "contact") {
    const partner = "partner" in data ? data.partner : null;
    return [
      { to: "/partners", label: "Partners" },
      ...(partner ? [{ to: `/partners/${partner.id}`, label: partner.name }] : []),
    ];
  }
  const words = personKindWords[kind];
  return [
    { to: words.listPath, label: words.list },
    { to: `${words.listPath}/${id}`, label: name },
  ];
}

/** A person's personal data page: everything held, the downloads, and the way to erasure. */
export function PersonalDataPage({ held }: PageProps) {
  const person = { kind: held.about.kind, id: held.about.id };
  const { name, erased } = held.about;
  return (
    <>
      <PageHeader title={`Personal data held about ${name}`} crumbs={crumbsFor(held)}>
        <p className="lede">
          Everything this app holds about this {personKindWords[person.kind].noun}, to answer a subject access
          request. Only administrators see this page. Each download is recorded in the audit trail.
        </p>
      </PageHeader>
      <PageNotice
        messages={{
          erased: "Their personal data has been erased. What is kept, without it, is shown below.",
        }}
      />
      <div className="button-row no-print">
        <a className="button" href={personalDataFile(person, "json")} download>
          Download everything held (JSON)
        </a>
        <a className="button button--secondary" href={personalDataFile(person, "html")} download>
          Download a printable copy (HTML)
        </a>
      </div>
      {erased ? (
        <p className="notice notice--info">
          Erased on {formatDateTime(erased.at)}
          {erased.by ? ` by ${erased.by}` : ""}. Only anonymous facts are kept.
        </p>
      ) : (
        <p className="no-print">
          <Link to={erasurePath(person)}>Erase {name}&rsquo;s personal data</Link>
        </p>
      )}
      <PersonalDataReport data={held} />
    </>
  );
}

/** The confirmation before erasure: exactly what goes and what stays, and the name typed to confirm. */
export function ErasurePage({ plan, actionData }: { plan: ErasurePlan; actionData: unknown }) {
  const { person } = plan;
  const words = personKindWords[person.kind];
  const back = personalDataPath(person);
  const crumbs =
    person.kind === "contact"
      ? [
          { to: "/partners", label: "Partners" },
          ...(person.partner ? [{ to: `/partners/${person.partner.id}`, label: person.partner.name }] : []),
          { to: back, label: `Personal data: ${person.name}` },
        ]
      : [
          { to: words.listPath, label: words.list },
          { to: `${words.listPath}/${person.id}`, label: person.name },
          { to: back, label: "Personal data" },
        ];
  const removed = [
    `Their name: the record will be called “${plan.placeholder}” from now on.`,
    ...plan.cleared.map((field) => `${field}.`),
    ...(plan.monitored
      ? [
          plan.hasMonitoring
            ? "Their equality monitoring answers and the record of their consent."
            : "Any equality monitoring answers (they have none) and any link to fill in the form.",
        ]
      : []),
    ...(plan.meetingCount > 0
      ? [`That they attended ${count(plan.meetingCount, "meeting")} (the meetings themselves stay).`]
      : []),
    ...(plan.ownAuditEntries > 0
      ? [
          `The values in ${count(plan.ownAuditEntries, "audit trail entry", "audit trail entries")} about their records, each replaced with “(erased)”: who changed what, and when, stays.`,
        ]
      : []),
    ...(plan.otherAuditEntries > 0
      ? [
          `Their name in ${count(plan.otherAuditEntries, "other audit trail entry", "other audit trail entries")} (such as a meeting’s attendees or a project’s volunteers).`,
        ]
      : []),
    ...(plan.importRows > 0
      ? [`${count(plan.importRows, "row")} of uploaded spreadsheets that name them.`]
      : []),
    "Their name wherever the app wrote it into their own training, hours and evidence notes.",
  ];
  const kept = [
    ...(plan.kept.length > 0 ? [`${plan.kept.join(", ")}.`] : []),
    ...(plan.trainingCount !== null
      ? [
          `Their ${count(plan.trainingCount, "training record")} and ${formatHours(plan.totalMinutes ?? 0)} of hours given, so totals and reports do not change.`,
        ]
      : []),
    ...(plan.projectCount > 0
      ? [`Their place on ${count(plan.projectCount, "project")}, shown as “${plan.placeholder}”.`]
      : []),
    ...(plan.evidenceCount > 0
      ? [`${count(plan.evidenceCount, "evidence link")} from their records to the checklist.`]
      : []),
    "The audit trail entries themselves, and this erasure, recorded without any personal data.",
  ];
  return (
    <>
      <PageHeader title={`Erase ${person.name}’s personal data`} crumbs={crumbs} />
      {person.erased ? (
        <div className="card">
          <p>
            This {words.noun}&rsquo;s personal data was erased on {formatDateTime(person.erased.at)}
            {person.erased.by ? ` by ${person.erased.by}` : ""}.
          </p>
          <p>
            <Link to={back}>See what is kept</Link>
          </p>
        </div>
      ) : (
        <FormState failure={actionData}>
          <ErrorSummary />
          <div className="card stack">
            <p>
              Erasure answers a request to erase personal data (the &ldquo;right to be forgotten&rdquo;). It
              cannot be undone. Before you erase, download everything held if you may need to show what was
              removed.
            </p>
            <h2>What is removed</h2>
            <ul>
              {removed.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
            <h2>What is kept, without their name</h2>
            <ul>
              {kept.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
            {plan.mentions.length > 0 ? (
              <>
                <h2>Check these records first</h2>
                <p>
                  These records mention {person.name} by name in their own text, which erasure does not
                  change. If the mention is personal data, edit the record before you erase.
                </p>
                <ul>
                  {plan.mentions.map((m) => (
                    <li key={`${m.type}-${m.id}`}>
                      {m.kind}: <Link to={m.href}>{m.label}</Link> (in {m.fields.map(fieldLabel).join(", ")})
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
          <Form method="post" className="form">
            <TextField
              name="confirmName"
              label={`To confirm, type their name: ${person.name}`}
              autoComplete="off"
              required
            />
            <div className="button-row">
              <button type="submit" className="button button--danger">
                Erase {person.name}&rsquo;s personal data
              </button>
              <Link to={back}>No, go back</Link>
            </div>
          </Form>
        </FormState>
      )}
    </>
  );
}

function count(n: number, one: string, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}
