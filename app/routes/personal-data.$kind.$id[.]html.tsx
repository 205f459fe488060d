import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderToStaticMarkup } from "react-dom/server";
import { PersonalDataReport } from "~/components/personal-data";
import { downloadPersonalData } from "~/utils/personal-data-page.server";

const styles = `
body { font-family: system-ui, Arial, sans-serif; color: #111; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; border-bottom: 2px solid #1d4e5f; padding-bottom: 0.25rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; } dl { display: grid; grid-template-columns: minmax(10rem, 16rem) 1fr; gap: 0.25rem 1rem; margin: 0; }
.details__row { display: contents; } dt { font-weight: 600; } dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.92rem; }
th, td { border: 1px solid #bbb; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; } th { background: #eee; }
ol.history { padding-left: 1.25rem; } ol.history li { margin-bottom: 0.75rem; }
.muted { color: #555; } .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
a { color: #1a5a8a; } .nowrap { white-space: nowrap; }
@media print { body { margin: 0; max-width: none; } tr, li { break-inside: avoid; } }
`;

function escape(text: string) {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}

/**
 * Everything held about one person as one self-contained, printable HTML file (styles inline, no
 * scripts): the same content as the JSON download, in words. Administrators only; audited.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { held, headers } = await downloadPersonalData(request, params, "html");
  const origin = new URL(request.url).origin;
  const body = renderToStaticMarkup(<PersonalDataReport data={held} baseUrl={origin} />);
  const title = escape(held.about.title);
  const html = `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>${styles}</style></head><body><h1>${title}</h1>${body}<p class="muted">Made with the partnership tracker. The JSON download holds the same data in a machine-readable form.</p></body></html>`;
  return new Response(html, { headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
}
