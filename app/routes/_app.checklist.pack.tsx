import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { PackElement, PackLine } from "~/components/checklist/evidence-pack";
import { PageHeader } from "~/components/page-header";
import { ELEMENTS, getElement, LINES, SECTION } from "~/checklist/section3";
import { answerRuleText } from "~/evidence/answers";
import { checklistCoverage } from "~/evidence/coverage.server";
import { packElements, packItems } from "~/evidence/pack.server";
import { getSettings } from "~/models/settings.server";
import { requireUser } from "~/utils/auth.server";
import { formatDate, todayIso } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "Evidence pack · Checklist · Partnership tracker" }];

const PER_LINE = 25;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const elements = packElements(request).map((e) => e.code);
  const coverage = checklistCoverage();
  const items = Object.fromEntries(
    LINES.filter((l) => elements.includes(l.elementCode)).map((line) => [
      line.code,
      packItems(line.code, PER_LINE),
    ]),
  );
  return { elements, coverage, items, organisation: getSettings().organisationName, today: todayIso() };
}

export default function EvidencePackPage() {
  const { elements, coverage, items, organisation, today } = useLoaderData<typeof loader>();
  const location = useLocation();
  const one = elements.length === 1 ? elements[0] : null;
  return (
    <>
      <PageHeader
        title={`Evidence pack${one ? `: element ${one}` : ""}`}
        crumbs={[{ to: "/checklist", label: "Checklist" }]}
        actions={
          <a href={`/checklist/pack.html${location.search}`} className="button" download>
            Download the pack (HTML file)
          </a>
        }
      >
        <p className="lede">
          {organisation ? `${organisation}. ` : ""}
          {SECTION.title}: {SECTION.subtitle}. Evidence as at {formatDate(today)}. Print this page, or
          download the pack to send to an assessor, board or funder.
        </p>
        <nav aria-label="Choose what the pack covers" className="no-print">
          <ul className="tag-list">
            <li>
              {one ? <Link to="/checklist/pack">The whole section</Link> : <strong>The whole section</strong>}
            </li>
            {ELEMENTS.map((element) => (
              <li key={element.code}>
                {one === element.code ? (
                  <strong>Element {element.code}</strong>
                ) : (
                  <Link to={`/checklist/pack?element=${element.code}`}>Element {element.code}</Link>
                )}
              </li>
            ))}
          </ul>
        </nav>
      </PageHeader>
      <p className="hint">{answerRuleText(coverage.recencyMonths)}</p>
      {elements.map((code) => (
        <PackElement key={code} element={getElement(code)!}>
          {(line) => (
            <PackLine
              key={line.code}
              line={line}
              coverage={coverage.lines[line.code]}
              items={items[line.code] ?? []}
              more={Math.max(0, coverage.lines[line.code].confirmed - (items[line.code]?.length ?? 0))}
            />
          )}
        </PackElement>
      ))}
    </>
  );
}
