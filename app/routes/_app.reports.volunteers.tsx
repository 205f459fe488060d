import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { readFormData } from "~/utils/http.server";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import {
  ErrorSummary,
  FormState,
  MarkOptional,
  SelectField,
  TextAreaField,
  TextField,
} from "~/components/form";
import { PageHeader } from "~/components/page-header";
import { reportPeriod, VolunteerReportBody } from "~/components/reports/comparison-chart";
import { communityProfileOptions } from "~/models/community-profile.server";
import {
  buildVolunteerReport,
  listSavedReports,
  readReportParams,
  reportSearch,
  saveReportForm,
  saveVolunteerReport,
} from "~/models/volunteer-report.server";
import { useCanEdit } from "~/utils/app-user";
import { requireUser } from "~/utils/auth.server";
import { formatDate, formatDateTime } from "~/utils/dates";
import { parseForm } from "~/utils/forms.server";
import { optionsOf, volunteerProgrammeLabels } from "~/utils/labels";
import { withNotice } from "~/utils/notice";
import reportStyles from "~/styles/reports.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reportStyles }];

export const meta: MetaFunction = () => [{ title: "Volunteer profile · Reports · Partnership tracker" }];

/** Viewers may read the report: it holds only suppressed aggregates, never anyone's answers. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const params = readReportParams(new URL(request.url).searchParams);
  return {
    params,
    search: reportSearch(params),
    report: await buildVolunteerReport(params),
    profiles: communityProfileOptions(),
    saved: listSavedReports(5),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  if (intent !== "save") throw new Response("Unknown action", { status: 400 });
  const parsed = parseForm(formData, saveReportForm);
  if (!parsed.ok) return data({ intent, ...parsed }, { status: 400 });
  const id = await saveVolunteerReport(readReportParams(formData), parsed.data.note ?? null, user.id);
  return redirect(withNotice(`/reports/saved/${id}`, "saved"));
}

export default function VolunteerReportPage() {
  const { params, search, report, profiles, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const canEdit = useCanEdit();
  const period = reportPeriod(report);
  return (
    <>
      <PageHeader
        title="Volunteer profile"
        actions={
          <>
            <a href={`/reports/volunteers.csv?${search}`} className="button button--secondary" download>
              Download CSV
            </a>
            <Link to="/reports/community-profiles" className="button button--secondary">
              Community profiles
            </Link>
          </>
        }
      >
        <p className="lede">
          Does the age, economic and cultural profile of your volunteers fairly represent the community?
          (Checklist 3.3.) Only totals are shown, never anyone’s answers. Print this page for a paper copy.
        </p>
      </PageHeader>
      <Form
        method="get"
        className="report-choices no-print"
        aria-label="Choose the period, programme and community"
      >
        <MarkOptional value={false}>
          <div className="report-choices__fields">
            <TextField name="from" label="From" type="date" defaultValue={params.from} />
            <TextField name="to" label="To" type="date" defaultValue={params.to} />
            <SelectField
              name="programme"
              label="Programme"
              options={optionsOf(volunteerProgrammeLabels)}
              defaultValue={params.programme}
              placeholder="All programmes"
            />
            <SelectField
              name="profile"
              label="Compare with"
              options={profiles.map((p) => ({
                value: String(p.id),
                label: p.year ? `${p.name} (${p.year})` : p.name,
              }))}
              defaultValue={params.profileId}
              placeholder="No community profile"
            />
          </div>
        </MarkOptional>
        <div className="button-row">
          <button type="submit" className="button">
            Show report
          </button>
          <Link to="/reports/volunteers">Last 12 months, all programmes</Link>
        </div>
        {profiles.length === 0 ? (
          <p className="hint">
            No community profile yet, so there is nothing to compare with.{" "}
            {canEdit ? (
              <Link to="/reports/community-profiles/new">Add a community profile</Link>
            ) : (
              "An editor can add one, for example from your local authority’s census figures."
            )}
          </p>
        ) : null}
      </Form>

      <p>
        <strong>Volunteers active from {period}</strong>
        {report.programme ? `, ${report.programme.label.toLowerCase()} programme` : ", all programmes"}.{" "}
        {report.profile ? (
          <>
            Compared with <strong>{report.profile.name}</strong>
            {[report.profile.source, report.profile.year].filter(Boolean).length
              ? ` (${[report.profile.source, report.profile.year].filter(Boolean).join(", ")})`
              : ""}
            .
          </>
        ) : (
          "Not compared with a community profile."
        )}
      </p>
      <p className="hint">
        A volunteer counts when they started on or before {formatDate(report.to)} and had not left before{" "}
        {formatDate(report.from)}. Volunteers without a start date are not counted.
      </p>

      <VolunteerReportBody report={report} />

      {canEdit ? (
        <section className="card no-print" aria-labelledby="save-title">
          <h2 id="save-title">Save a dated copy as evidence</h2>
          <p>
            Keeps this report as it stands today, and links it to checklist 3.3: “taken action to ensure the
            age, economic and cultural profile of these people fairly represents the community”.
          </p>
          <FormState failure={actionData}>
            <ErrorSummary />
            <Form method="post" className="form" aria-labelledby="save-title">
              <input type="hidden" name="intent" value="save" />
              <input type="hidden" name="from" value={params.from} />
              <input type="hidden" name="to" value={params.to} />
              {params.programme ? <input type="hidden" name="programme" value={params.programme} /> : null}
              {params.profileId ? <input type="hidden" name="profile" value={params.profileId} /> : null}
              <TextAreaField
                name="note"
                label="How this shows it"
                hint="For example: what the comparison shows, and what you are doing about any gap."
                rows={3}
              />
              <button type="submit" className="button">
                Save a dated copy as evidence
              </button>
            </Form>
          </FormState>
        </section>
      ) : null}

      {saved.length > 0 ? (
        <section aria-labelledby="saved-title" className="no-print">
          <h2 id="saved-title">Saved copies</h2>
          <ul className="plain-list">
            {saved.map((copy) => (
              <li key={copy.id}>
                <Link to={`/reports/saved/${copy.id}`}>{copy.title}</Link>{" "}
                <span className="muted">
                  · saved {formatDateTime(copy.createdAt)}
                  {copy.createdByName ? ` by ${copy.createdByName}` : ""}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
