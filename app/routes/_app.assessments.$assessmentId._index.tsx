import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AnswerElementForm } from "~/components/assessments/answer-form";
import { answerCounts, ReportElement } from "~/components/assessments/report";
import { assessmentStatusLabels } from "~/components/assessments/words";
import { Details } from "~/components/details";
import { ErrorSummary, FormState, TextAreaField, TextField, isFailure } from "~/components/form";
import { PageHeader } from "~/components/page-header";
import { useAppUser } from "~/utils/app-user";
import { PageNotice } from "~/components/page-notice";
import { ELEMENTS, LINES, SECTION } from "~/checklist/section3";
import { answerRuleText } from "~/evidence/answers";
import { assessmentForm, elementAnswers, elementAnswersForm } from "~/forms/assessments.server";
import { requireAssessmentReader } from "~/models/assessment-access.server";
import { getAssessment, saveAnswers, updateAssessmentDetails } from "~/models/assessment.server";
import { requireUser } from "~/utils/auth.server";
import { cached } from "~/utils/cache.server";
import { formatDate, formatDateTime, todayIso } from "~/utils/dates";
import { parseForm, type FormFailure } from "~/utils/forms.server";
import { notFound, parseId, readFormData } from "~/utils/http.server";
import { withNotice } from "~/utils/notice";
import assessmentStyles from "~/styles/assessments.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: assessmentStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.assessment.title ?? "Self-assessment"} · Self-assessments · Partnership tracker` },
];

/** Items of evidence listed under each line on this page; the rest are a link away. */
const PER_LINE = 3;

/** The element a page shows (`?element=3.2`): the toolkit is worked through one element at a time. */
function elementShown(code: string | null) {
  return ELEMENTS.find((element) => element.code === code) ?? ELEMENTS[0];
}

const elementAfter = (code: string) => ELEMENTS[ELEMENTS.findIndex((element) => element.code === code) + 1];

/** An element's place on the page: after a save, the page comes back to the element just saved. */
const elementPath = (id: number, code: string) =>
  code === ELEMENTS[0].code ? `/assessments/${id}` : `/assessments/${id}?element=${code}`;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { id, canEdit } = await requireAssessmentReader(request, params.assessmentId);
  // The same for everyone who may open it, so worked out once and kept until the data changes or
  // the day turns (the evidence's recency counts from today).
  const page =
    cached(`assessment-page:${id}:${todayIso()}`, () => getAssessment(id, { perLine: PER_LINE })) ??
    notFound();
  const element = elementShown(new URL(request.url).searchParams.get("element"));
  // Only the shown element's answers and evidence go to the page. Of the rest, the navigation
  // needs how many lines of each element are saved, and a finished assessment's summary the counts.
  const shown = LINES.filter((line) => line.elementCode === element.code);
  const onlyShown = <T,>(byLine: Record<string, T>) =>
    Object.fromEntries(shown.map((line) => [line.code, byLine[line.code]]));
  return {
    ...page,
    answers: onlyShown(page.answers),
    evidence: onlyShown(page.evidence),
    savedLines: Object.fromEntries(
      ELEMENTS.map((e) => [
        e.code,
        LINES.filter((line) => line.elementCode === e.code && page.answers[line.code].updatedAt !== null)
          .length,
      ]),
    ),
    counts: answerCounts(page.answers, LINES),
    canEdit,
    elementCode: element.code,
  };
}

const LOCKED = "This assessment has been finished and locked, so it can no longer be changed.";

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const id = parseId(params.assessmentId);
  const formData = await readFormData(request);
  const button = String(formData.get("intent") ?? "");
  if (button.startsWith("save-")) {
    // "save-3.1" saves element 3.1 and comes back to it; "save-3.1:next" then goes on to 3.2.
    const [elementCode, then] = button.slice("save-".length).split(":");
    const intent = `save-${elementCode}`;
    const form = elementAnswersForm(elementCode);
    if (!form) throw new Response("Unknown element", { status: 400 });
    const parsed = parseForm(formData, form);
    if (!parsed.ok) return data({ intent, ...parsed }, { status: 400 });
    const result = saveAnswers(id, elementAnswers(elementCode, parsed.data), user.id);
    if (result === "missing") notFound();
    if (result === "locked") return data({ intent, locked: LOCKED }, { status: 409 });
    const shown = (then === "next" && elementAfter(elementCode)?.code) || elementCode;
    return redirect(`${withNotice(elementPath(id, shown), `saved-${elementCode}`)}#element-${shown}`);
  }
  if (button === "details") {
    const parsed = parseForm(formData, assessmentForm);
    if (!parsed.ok) return data({ intent: button, ...parsed }, { status: 400 });
    const result = updateAssessmentDetails(id, parsed.data, user.id);
    if (result === "missing") notFound();
    if (result === "locked") return data({ intent: button, locked: LOCKED }, { status: 409 });
    return redirect(withNotice(`/assessments/${id}`, "details-saved"));
  }
  throw new Response("Unknown action", { status: 400 });
}

export default function AssessmentPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { assessment, progress, canEdit } = page;
  const finished = assessment.status === "finished";
  const failed = (intent: string) =>
    actionData && actionData.intent === intent && isFailure(actionData) ? actionData : undefined;
  const locked = actionData && "locked" in actionData ? actionData.locked : null;
  const isAdmin = useAppUser().role === "admin";

  return (
    <>
      <PageHeader
        title={assessment.title}
        crumbs={[{ to: "/assessments", label: "Self-assessments" }]}
        actions={
          <>
            {finished ? (
              <Link to={`/assessments/${assessment.id}/report`} className="button">
                Report
              </Link>
            ) : null}
            <Link to={`/assessments/${assessment.id}/plan`} className="button button--secondary">
              Action plan
            </Link>
            {!finished && canEdit ? (
              <Link to={`/assessments/${assessment.id}/finish`} className="button button--secondary">
                Finish and lock
              </Link>
            ) : null}
            {isAdmin ? (
              <Link to={`/history/assessment/${assessment.id}`} className="button button--secondary">
                History
              </Link>
            ) : null}
          </>
        }
      >
        <ul className="tag-list" aria-label="Summary">
          <li className={finished ? "badge badge--ok" : "badge badge--warn"}>
            {assessmentStatusLabels[assessment.status]}
          </li>
          <li className="badge badge--muted">Held on {formatDate(assessment.heldOn)}</li>
        </ul>
      </PageHeader>
      <PageNotice
        messages={{
          started:
            "The assessment has been started. Every line shows the answer the evidence supports: accept it or change it, then save each element.",
          "saved-3.1": "Element 3.1 has been saved.",
          "saved-3.2": "Element 3.2 has been saved.",
          "saved-3.3": "Element 3.3 has been saved.",
          "details-saved": "The title, date and who took part have been saved.",
          finished: "The assessment has been finished and locked.",
          finishing:
            "Someone else is finishing this assessment at this moment: it will be locked as soon as its evidence has been copied.",
          "report-later": "The report is ready once the assessment has been finished.",
        }}
      />
      {locked ? (
        <div className="notice notice--warning" role="alert">
          {locked} Nothing was changed.
        </div>
      ) : null}

      {finished ? (
        <div className="notice notice--info locked-notice">
          <p>
            <strong>
              Finished on {formatDateTime(assessment.finishedAt)}
              {assessment.finishedByName ? ` by ${assessment.finishedByName}` : ""}; locked.
            </strong>
          </p>
          <p>
            Its answers and the copy of the evidence it relied on never change, even when the evidence does.
            The action plan can still be worked on.
          </p>
        </div>
      ) : (
        <Progress progress={progress} />
      )}

      <section className="card" aria-labelledby="about-title">
        <h2 id="about-title">About this assessment</h2>
        <Details
          rows={[
            ["Held on", formatDate(assessment.heldOn)],
            [
              "Who took part",
              assessment.participants ? <span className="pre-line">{assessment.participants}</span> : null,
            ],
            [
              "Started",
              `${formatDateTime(assessment.createdAt)}${assessment.createdByName ? ` by ${assessment.createdByName}` : ""}`,
            ],
            ["Checklist", `${SECTION.toolkit}: ${SECTION.title} (${assessment.checklistVersion})`],
          ]}
        />
        {!finished && canEdit ? (
          <details open={Boolean(failed("details"))}>
            <summary>Change the title, date or who took part</summary>
            <FormState failure={failed("details")}>
              <ErrorSummary />
              <Form
                method="post"
                className="form"
                aria-label="The assessment's title, date and who took part"
              >
                <TextField name="title" label="Title" defaultValue={assessment.title} required />
                <TextField
                  name="heldOn"
                  label="Date"
                  type="date"
                  defaultValue={assessment.heldOn}
                  width="medium"
                  required
                />
                <TextAreaField
                  name="participants"
                  label="Who took part"
                  defaultValue={assessment.participants}
                  rows={3}
                />
                <button type="submit" name="intent" value="details" className="button">
                  Save details
                </button>
              </Form>
            </FormState>
          </details>
        ) : null}
      </section>

      {finished ? <FinishedBody /> : <InProgressBody failed={failed} />}

      <PlanSummary />
    </>
  );
}

function Progress({ progress }: { progress: { total: number; answered: number; changed: number } }) {
  return (
    <section className="card assessment-progress" aria-labelledby="progress-title">
      <h2 id="progress-title">Progress</h2>
      <p className="summary__figure">
        <strong>
          {progress.answered} of {progress.total}
        </strong>{" "}
        lines answered by the team
      </p>
      <meter min={0} max={progress.total} value={progress.answered} aria-label="Lines answered by the team">
        {progress.answered} of {progress.total}
      </meter>
      <p>
        <strong>{progress.changed}</strong> line{progress.changed === 1 ? "" : "s"} changed from the answer
        the evidence supports.
      </p>
      <p className="hint">
        Lines the team has not saved yet keep the answer the evidence supports. Saving an element counts all
        its lines as answered.
      </p>
    </section>
  );
}

function InProgressBody({ failed }: { failed: (intent: string) => FormFailure | undefined }) {
  const { answers, evidence, recencyMonths, assessment, elementCode } = useLoaderData<typeof loader>();
  const element = elementShown(elementCode);
  return (
    <>
      <section className="card toolkit-advice" aria-labelledby="advice-title">
        <h2 id="advice-title" className="visually-hidden">
          How to work through it
        </h2>
        <p>{SECTION.advice}</p>
        <p className="hint">{answerRuleText(recencyMonths)}</p>
        <p className="muted">{SECTION.note}</p>
      </section>
      <ElementNavigation />
      <AnswerElementForm
        // A new form whenever someone saves one of its lines, so every field shows what is stored.
        key={`${element.code}:${LINES.filter((l) => l.elementCode === element.code)
          .map((l) => answers[l.code].fingerprint)
          .join(",")}`}
        element={element}
        answers={answers}
        evidence={evidence}
        failure={failed(`save-${element.code}`)}
        next={elementAfter(element.code)}
      />
      <section className="card" aria-labelledby="finish-title">
        <h2 id="finish-title">When the team has been through every line</h2>
        <p>
          Finish the assessment to lock it. It keeps a copy of the evidence it relied on, and its report is
          ready to print or download.
        </p>
        <p>
          <Link to={`/assessments/${assessment.id}/finish`}>Finish and lock the assessment</Link>
        </p>
      </section>
    </>
  );
}

function FinishedBody() {
  const { answers, evidence, assessment, elementCode, counts, progress } = useLoaderData<typeof loader>();
  const { changed } = progress;
  return (
    <>
      <section className="card" aria-labelledby="answers-title">
        <h2 id="answers-title">The answers</h2>
        <ul className="plain-list">
          <li>
            Actions ({counts.actionLines} lines): <strong>{counts.actions.yes}</strong> Yes,{" "}
            <strong>{counts.actions.started}</strong> Have started, <strong>{counts.actions.no}</strong> No
          </li>
          <li>
            Evidence prompts ({counts.promptLines}): <strong>{counts.prompts.yes}</strong> Yes,{" "}
            <strong>{counts.prompts.no}</strong> No
          </li>
          <li>
            <strong>{changed}</strong> line{changed === 1 ? "" : "s"} answered differently from what the
            evidence supported
          </li>
        </ul>
        <p>
          <Link to={`/assessments/${assessment.id}/report`}>Open the report</Link> to print it or download it
          as a file.
        </p>
      </section>
      <ElementNavigation />
      <ReportElement
        element={elementShown(elementCode)}
        data={{
          answers,
          evidence,
          moreNote: (hidden) => (
            <>
              …and {hidden.toLocaleString("en-GB")} more in the{" "}
              <a href={`/assessments/${assessment.id}/report`}>report</a>.
            </>
          ),
        }}
      />
    </>
  );
}

/** The three elements, each with how many of its lines the team has saved. */
function ElementNavigation() {
  const { savedLines, assessment, elementCode } = useLoaderData<typeof loader>();
  return (
    <nav className="element-nav" aria-label="Elements of Section 3">
      <ol>
        {ELEMENTS.map((element) => {
          const lines = LINES.filter((line) => line.elementCode === element.code);
          const saved = savedLines[element.code];
          return (
            <li key={element.code}>
              <Link
                to={elementPath(assessment.id, element.code)}
                aria-current={element.code === elementCode ? "page" : undefined}
              >
                <strong>{element.code}</strong> {element.question}
                <span className="element-nav__count">
                  {saved} of {lines.length} lines saved
                </span>
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

function PlanSummary() {
  const { plan, assessment, canEdit } = useLoaderData<typeof loader>();
  return (
    <section className="card" aria-labelledby="plan-title">
      <div className="section-header">
        <h2 id="plan-title">Action plan</h2>
        <Link to={`/assessments/${assessment.id}/plan`}>
          {canEdit ? "Work on the action plan" : "See the action plan"}
        </Link>
      </div>
      {plan.length === 0 ? (
        <p className="muted">
          No actions planned yet.{" "}
          {canEdit
            ? "Write areas for improvement against the lines, then turn them into actions with an owner and a due date."
            : ""}
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
                  <td>{item.description}</td>
                  <td>{item.ownerName}</td>
                  <td>{item.dueDate ? formatDate(item.dueDate) : <span className="muted">No date</span>}</td>
                  <td>
                    {item.status === "done" ? (
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
      <p>
        <Link to="/actions">All actions</Link>
      </p>
    </section>
  );
}
