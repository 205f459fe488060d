import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderToStaticMarkup } from "react-dom/server";
import { PackLine } from "~/components/checklist/evidence-pack";
import { SECTION, type Element } from "~/checklist/section3";
import { answerRuleText } from "~/evidence/answers";
import { checklistCoverage } from "~/evidence/coverage.server";
import { packElements, packItems } from "~/evidence/pack.server";
import { getSettings } from "~/models/settings.server";
import { requireUser } from "~/utils/auth.server";
import { formatDate, todayIso } from "~/utils/dates";

const CHUNK = 1000;

const styles = `
body { font-family: system-ui, Arial, sans-serif; color: #111; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; border-bottom: 2px solid #1d4e5f; padding-bottom: 0.25rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 0.25rem; } .pack-subheading { color: #1d4e5f; text-transform: uppercase; font-size: 0.9rem; letter-spacing: 0.03em; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.92rem; }
th, td { border: 1px solid #bbb; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; } th { background: #eee; }
.muted { color: #555; } a { color: #1a5a8a; }
@media print { body { margin: 0; max-width: none; } tr, .pack-line h3 { break-inside: avoid; } }
`;

function escape(text: string) {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}

/**
 * The evidence pack as one self-contained HTML file (styles inline, no scripts), streamed a line
 * at a time and every line's evidence a thousand items at a time, so a large pack neither waits
 * nor holds the server.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const elements = packElements(request);
  const coverage = checklistCoverage();
  const { organisationName } = getSettings();
  const today = todayIso();
  const origin = new URL(request.url).origin;
  const title = `Evidence pack: ${SECTION.title}${elements.length === 1 ? `, element ${elements[0].code}` : ""}`;

  function* pieces(): Generator<string> {
    yield `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title><style>${styles}</style></head><body>`;
    yield `<h1>${escape(title)}</h1><p>${escape(organisationName ? `${organisationName}. ` : "")}${escape(SECTION.toolkit)}: ${escape(SECTION.subtitle)}. Evidence as at ${escape(formatDate(today))}.</p><p class="muted">${escape(answerRuleText(coverage.recencyMonths))}</p>`;
    for (const element of elements as Element[]) {
      yield `<h2>${escape(element.code)} ${escape(element.question)}</h2>`;
      const groups = [
        { heading: "Actions", lines: element.actions.flatMap((a) => a.lines) },
        { heading: SECTION.evidenceHeading, lines: element.promptGroups.flatMap((g) => g.lines) },
      ];
      for (const group of groups) {
        yield `<h3 class="pack-subheading">${escape(group.heading)}</h3>`;
        for (const line of group.lines) {
          const total = coverage.lines[line.code].confirmed;
          let items = packItems(line.code, CHUNK, 0).map((item) => ({
            ...item,
            href: item.href ? origin + item.href : null,
          }));
          yield renderToStaticMarkup(
            <PackLine line={line} coverage={coverage.lines[line.code]} items={items} />,
          );
          for (let offset = CHUNK; offset < total; offset += CHUNK) {
            items = packItems(line.code, CHUNK, offset).map((item) => ({
              ...item,
              href: item.href ? origin + item.href : null,
            }));
            yield renderToStaticMarkup(<PackRows items={items} />);
          }
        }
      }
    }
    yield `<p class="muted">Made with the partnership tracker on ${escape(formatDate(today))}.</p></body></html>`;
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
  const suffix = elements.length === 1 ? `-element-${elements[0].code}` : "";
  return new Response(body, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Disposition": `attachment; filename="evidence-pack${suffix}-${today}.html"`,
      "Cache-Control": "no-store",
    },
  });
}

/** Further rows of a long line's evidence, as a table continuing the one above. */
function PackRows({ items }: { items: Parameters<typeof PackLine>[0]["items"] }) {
  return (
    <table className="pack-table">
      <tbody>
        {items.map((item) => (
          <tr key={item.id}>
            <td>{item.href ? <a href={item.href}>{item.label}</a> : item.label}</td>
            <td>{item.kind}</td>
            <td>{formatDate(item.evidenceDate)}</td>
            <td>{item.note ?? item.reason ?? ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
