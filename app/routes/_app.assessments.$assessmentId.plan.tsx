import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { assessmentAnswerLabels } from "~/components/assessments/words";
import {
  ErrorSummary,
  FormState,
  SelectField,
  TextAreaField,
  TextField,
  isFailure,
  type Option,
} from "~/components/form";
import { PageHeader } from "~/components/page-header";
import { PageNotice } from "~/components/page-notice";
import { getLine, isLineCode, lineLabel, LINES } from "~/checklist/section3";
import { planAction, planActionForm } from "~/forms/assessments.server";
import { requireAssessmentReader } from "~/models/assessment-access.server";
import { addPlanActionFrom, getAssessmentHeader, getPlanPage } from "~/models/assessment.server";
import { actionsFrom, setActionStatus } from "~/models/action.server";
import { listActiveUserNames } from "~/models/user.server";
import { requireUser } from "~/utils/auth.server";
import { formatDate } from "~/utils/dates";
import { parseForm, type FormFailure } from "~/utils/forms.server";
import { notFound, parseId, readFormData } from "~/utils/http.server";
import { withNotice } from "~/utils/notice";
import assessmentStyles from "~/styles/assessments.css";
import { ActionStatusCell } from "~/components/action-status";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: assessmentStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Action plan · ${data?.assessment.title ?? "Self-assessment"} · Partnership tracker` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, id, canEdit } = await requireAssessmentReader(request, params.assessmentId);
  const page = getPlanPage(id) ?? notFound();
  return { ...page, canEdit, owners: canEdit ? listActiveUserNames() : [], userId: user.id };
}

/**
 * Adding an action to the plan (from a line's areas for improvement, or for any line), and
 * marking a planned action done or open again. Allowed on finished assessments too.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const id = parseId(params.assessmentId);
  if (!getAssessmentHeader(id)) notFound();
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  if (intent === "add-action") {
    const key = String(formData.get("planFor") ?? "");
    if (key !== "any" && !isLineCode(key)) throw new Response("Unknown line", { status: 400 });
    const owners = listActiveUserNames().map((o) => o.id);
    const parsed = parseForm(formData, planActionForm(key, owners));
    if (!parsed.ok) return data({ intent: `add-${key}`, ...parsed }, { status: 400 });
    const input = planAction(key, parsed.data);
    if (addPlanActionFrom(id, input, user.id) === null) notFound();
    return redirect(`${withNotice(`/assessments/${id}/plan`, "action-added")}#planned-title`);
  }
  if (intent === "action-done" || intent === "action-open") {
    const actionId = Number(formData.get("actionId"));
    if (!actionsFrom("assessment", id).some((a) => a.id === actionId)) notFound();
    setActionStatus(actionId, intent === "action-done" ? "done" : "open", user.id);
    return redirect(withNotice(`/assessments/${id}/plan`, intent));
  }
  throw new Response("Unknown action", { status: 400 });
}

export default function AssessmentPlan() {
  const { assessment, areas, plan, canEdit, owners, userId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failed = (key: string) =>
    actionData && actionData.intent === `add-${key}` && isFailure(actionData) ? actionData : undefined;
  const ownerOptions: Option[] = owners.map((o) => ({ value: String(o.id), label: o.name }));
  const plannedFor = (code: string) => plan.filter((p) => p.lineCode === code);
  return (
    <>
      <PageHeader
        title="Action plan"
        crumbs={[
          { to: "/assessments", label: "Self-assessments" },
          { to: `/assessments/${assessment.id}`, label: assessment.title },
        ]}
      >
        <p className="lede">
          Turn the areas for improvement from <strong>{assessment.title}</strong> (
          {formatDate(assessment.heldOn)}) into actions, each with an owner and a due date. They appear in the
          actions list and their owner’s calendar, linked back to the line and this assessment.
        </p>
      </PageHeader>
      <PageNotice
        messages={{
          "action-added": "The action has been added to the plan.",
          "action-done": "The action has been marked as done.",
          "action-open": "The action is open again.",
        }}
      />

      <section aria-labelledby="planned-title">
        <h2 id="planned-title">Planned actions</h2>
        {plan.length === 0 ? (
          <p className="muted">
            Nothing planned yet.
            {canEdit ? " Add actions below, from the areas for improvement or for any line." : ""}
          </p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Actions planned from this assessment</caption>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Action</th>
                  <th scope="col">Owner</th>
                  <th scope="col">Due</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {plan.map((item) => (
                  <tr key={item.id}>
                    <td>
                      {item.lineCode ? <Link to={`/checklist/${item.lineCode}`}>{item.lineCode}</Link> : null}
                    </td>
                    <td>
                      {canEdit ? (
                        <Link to={`/actions/${item.id}/edit`}>{item.description}</Link>
                      ) : (
                        item.description
                      )}
                    </td>
                    <td>{item.ownerName}</td>
                    <td>
                      {item.dueDate ? formatDate(item.dueDate) : <span className="muted">No date</span>}
                    </td>
                    <ActionStatusCell item={item} canEdit={canEdit} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p>
          <Link to="/actions">All actions</Link> · <Link to="/calendar">Calendar</Link>
        </p>
      </section>

      <section aria-labelledby="areas-title">
        <h2 id="areas-title">Areas for improvement</h2>
        {areas.length === 0 ? (
          <p className="muted">
            No areas for improvement have been written yet.{" "}
            {assessment.status === "in_progress" && canEdit ? (
              <>
                Write them against the evidence prompts on the{" "}
                <Link to={`/assessments/${assessment.id}`}>assessment</Link>.
              </>
            ) : null}
          </p>
        ) : (
          areas.map((area) => {
            const line = getLine(area.lineCode)!;
            const planned = plannedFor(area.lineCode);
            const titleId = `plan-${area.lineCode}-title`;
            return (
              <section key={area.lineCode} className="card plan-line" aria-labelledby={titleId}>
                <h3 id={titleId}>{lineLabel(line)}</h3>
                <p>
                  Answered{" "}
                  <strong>{area.answer ? assessmentAnswerLabels[area.answer] : "not answered"}</strong>. Areas
                  for Improvement:
                </p>
                <blockquote className="plan-line__areas">{area.areasForImprovement}</blockquote>
                {planned.length > 0 ? (
                  <p className="muted">Planned already: {planned.map((p) => p.description).join("; ")}</p>
                ) : null}
                {canEdit ? (
                  <PlanForm
                    key={`${area.lineCode}-${planned.length}`}
                    planFor={area.lineCode}
                    labelledBy={titleId}
                    description={area.areasForImprovement}
                    owners={ownerOptions}
                    userId={userId}
                    failure={failed(area.lineCode)}
                    button={
                      <>
                        Add to the plan<span className="visually-hidden"> for {area.lineCode}</span>
                      </>
                    }
                  />
                ) : null}
              </section>
            );
          })
        )}
      </section>

      {canEdit ? (
        <section className="card" aria-labelledby="any-line-title">
          <h2 id="any-line-title">An action for any line</h2>
          <PlanForm
            key={`any-${plan.length}`}
            planFor="any"
            labelledBy="any-line-title"
            owners={ownerOptions}
            userId={userId}
            failure={failed("any")}
            button="Add to the plan"
          />
        </section>
      ) : null}
    </>
  );
}

const lineOptions: Option[] = LINES.map((line) => {
  const label = lineLabel(line);
  return { value: line.code, label: label.length > 90 ? `${label.slice(0, 89)}…` : label };
});

function PlanForm({
  planFor,
  labelledBy,
  description,
  owners,
  userId,
  failure,
  button,
}: {
  planFor: string;
  labelledBy: string;
  description?: string;
  owners: Option[];
  userId: number;
  failure?: FormFailure;
  button: ReactNode;
}) {
  return (
    <FormState failure={failure}>
      <ErrorSummary />
      <Form method="post" className="form plan-form" aria-labelledby={labelledBy}>
        <input type="hidden" name="planFor" value={planFor} />
        {planFor === "any" ? (
          <SelectField
            name={`line-${planFor}`}
            label="Checklist line"
            hint="The line the action improves."
            options={lineOptions}
            placeholder="Choose a line…"
            required
          />
        ) : null}
        <TextAreaField
          name={`description-${planFor}`}
          label="What needs to be done"
          hint={
            planFor === "any"
              ? undefined
              : "Starts as the areas for improvement: make it a step someone can take."
          }
          defaultValue={description}
          rows={3}
          required
        />
        <SelectField
          name={`owner-${planFor}`}
          label="Owner"
          options={owners}
          defaultValue={userId}
          required
        />
        <TextField name={`due-${planFor}`} label="Due date" type="date" width="medium" />
        <button type="submit" name="intent" value="add-action" className="button">
          {button}
        </button>
      </Form>
    </FormState>
  );
}
