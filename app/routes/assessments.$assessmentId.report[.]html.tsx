import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { renderToStaticMarkup } from "react-dom/server";
import {
  ActionBody,
  ActionsHead,
  ElementFootnotes,
  PromptGroupBody,
  PromptsHead,
  type ReportEvidence,
} from "~/components/assessments/report";
import { PlanTable, ReportIntro } from "~/components/assessments/report-document";
import { ELEMENTS, LINES, SECTION, type ChecklistLine } from "~/checklist/section3";
import { requireAssessmentReader } from "~/models/assessment-access.server";
import { getAssessment, storedEvidenceChunk } from "~/models/assessment.server";
import { getSettings } from "~/models/settings.server";
import { formatDate, todayIso } from "~/utils/dates";
import { notFound } from "~/utils/http.server";
import { withNotice } from "~/utils/notice";

const CHUNK = 1000;

const styles = `
body { font-family: system-ui, Arial, sans-serif; color: #111; max-width: 62rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; border-bottom: 2px solid #1d4e5f; padding-bottom: 0.25rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.92rem; }
th, td { border: 1px solid #999; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: #1d4e5f; color: #fff; } .tick { text-align: center; width: 6.5rem; font-size: 1.1rem; }
.lead-in th, .report-question th { background: #eee; } .report-question th { font-weight: 600; }
th[scope="row"] { font-weight: 400; } .report-part { padding-left: 1.5rem; }
.report-refs td { font-size: 0.85rem; background: #fafafa; } .report-refs p { margin: 0.15rem 0; }
.report-refs__list { margin: 0.15rem 0 0.25rem; padding-left: 1.25rem; } .report-refs__title { font-weight: 600; }
.report-areas, .report-intro__participants { white-space: pre-line; }
.details { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; } .details__row { display: contents; }
.details dt { font-weight: 600; } .details dd { margin: 0; }
.footnotes { font-size: 0.85rem; color: #444; } .muted { color: #555; } a { color: #1a5a8a; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
@media print { body { margin: 0; max-width: none; } tr { break-inside: avoid; } thead { display: table-header-group; } a { color: #000; text-decoration: none; } }
`;

function escape(text: string) {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}

/**
 * The assessment report as one self-contained HTML file (styles inline, no scripts, absolute
 * links), streamed an action at a time, with every piece of evidence the assessment kept, read a
 * thousand items at a time.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { id, assessment } = await requireAssessmentReader(request, params.assessmentId);
  if (assessment.status !== "finished") throw redirect(withNotice(`/assessments/${id}`, "report-later"));
  const page = getAssessment(id, { perLine: 0 }) ?? notFound();
  const { organisationName } = getSettings();
  const origin = new URL(request.url).origin;
  const today = todayIso();
  const title = `Self-assessment report: ${assessment.title}`;
  const changed = Object.values(page.answers).filter((a) => a.answer !== a.supported).length;

  /** Every stored item for these lines, in chunks. */
  function evidenceFor(lines: ChecklistLine[]): Record<string, ReportEvidence> {
    const evidence: Record<string, ReportEvidence> = {};
    for (const line of lines) {
      const total = page.evidence[line.code]?.count ?? 0;
      const items = [];
      for (let offset = 0; offset < total; offset += CHUNK) {
        items.push(...storedEvidenceChunk(id, line.code, CHUNK, offset));
      }
      evidence[line.code] = { count: total, items };
    }
    return evidence;
  }

  function* pieces(): Generator<string> {
    yield `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title><style>${styles}</style></head><body><main>`;
    yield `<h1>${escape(title)}</h1>`;
    yield renderToStaticMarkup(
      <ReportIntro
        assessment={page.assessment}
        organisation={organisationName}
        answers={page.answers}
        lines={LINES}
        changed={changed}
      />,
    );
    for (const element of ELEMENTS) {
      yield `<section><h2>${escape(element.code)} ${escape(element.question)}</h2>`;
      yield `<table class="report-table"><caption class="visually-hidden">${escape(SECTION.actionsHeading)} for ${escape(element.code)}</caption>`;
      yield renderToStaticMarkup(<ActionsHead />);
      for (const action of element.actions) {
        const data = { answers: page.answers, evidence: evidenceFor(action.lines), origin };
        yield renderToStaticMarkup(<ActionBody action={action} data={data} />);
      }
      yield `</table><table class="report-table"><caption class="visually-hidden">${escape(SECTION.evidenceHeading)} for ${escape(element.code)}</caption>`;
      yield renderToStaticMarkup(<PromptsHead />);
      for (const group of element.promptGroups) {
        const data = { answers: page.answers, evidence: evidenceFor(group.lines), origin };
        yield renderToStaticMarkup(<PromptGroupBody group={group} data={data} />);
      }
      yield `</table>${renderToStaticMarkup(<ElementFootnotes element={element} />)}</section>`;
    }
    yield `<section><h2>Action plan</h2>`;
    yield page.plan.length === 0
      ? "<p>No actions have been planned.</p>"
      : renderToStaticMarkup(<PlanTable plan={page.plan} origin={origin} />);
    yield `</section><p class="muted">Made with the partnership tracker on ${escape(formatDate(today))}. The assessment was finished and locked; this report does not change when the evidence does.</p></main></body></html>`;
  }

  const iterator = pieces();
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Disposition": `attachment; filename="self-assessment-${id}-${assessment.heldOn}.html"`,
      "Cache-Control": "no-store",
    },
  });
}
