import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, FormState } from "~/components/form";
import { PageHeader } from "~/components/page-header";
import { getLine, lineLabel } from "~/checklist/section3";
import { attachForm } from "~/forms/evidence.server";
import { linkEvidence } from "~/models/evidence.server";
import { describeRecord } from "~/models/records.server";
import { searchRecords } from "~/models/search.server";
import { requireUser } from "~/utils/auth.server";
import { todayIso } from "~/utils/dates";
import { parseForm } from "~/utils/forms.server";
import { notFound, readFormData } from "~/utils/http.server";
import { withNotice } from "~/utils/notice";

export const meta: MetaFunction = () => [{ title: "Attach a record · Checklist · Partnership tracker" }];

function lineFrom(code: string | undefined) {
  return getLine(code ?? "") ?? notFound();
}

/** From a checklist line: find any record by name and attach it as evidence, with a note. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "editor");
  const line = lineFrom(params.code);
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, 200);
  return {
    code: line.code,
    label: lineLabel(line),
    q,
    groups: q ? searchRecords(q, 10).filter((g) => g.total > 0) : [],
    today: todayIso(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const line = lineFrom(params.code);
  const parsed = parseForm(await readFormData(request), attachForm);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const ref = { type: parsed.data.recordType, id: parsed.data.recordId };
  if (!describeRecord(ref)) notFound();
  linkEvidence(ref, [line.code], parsed.data.note ?? null, parsed.data.evidenceDate, user.id);
  return redirect(withNotice(`/checklist/${line.code}`, "attached"));
}

export default function AttachRecord() {
  const { code, label, q, groups, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title="Attach a record as evidence"
        crumbs={[
          { to: "/checklist", label: "Checklist" },
          { to: `/checklist/${code}`, label: code },
        ]}
      >
        <p className="lede">For {label}</p>
      </PageHeader>
      <FormState failure={actionData}>
        <ErrorSummary />
      </FormState>
      <Form method="get" className="filters" role="search" aria-label="Find a record">
        <div className="field">
          <label htmlFor="attach-q">
            Find a partner, contact, contributor, volunteer, project or benefit
          </label>
          <input id="attach-q" type="search" name="q" defaultValue={q} />
        </div>
        <div className="filters__buttons">
          <button type="submit" className="button">
            Find
          </button>
        </div>
      </Form>
      {q && groups.length === 0 ? <p role="status">Nothing matches “{q}”.</p> : null}
      {groups.map((group) => (
        <section key={group.type} aria-labelledby={`attach-${group.type}`}>
          <h2 id={`attach-${group.type}`}>{group.title}</h2>
          <ul className="plain-list">
            {group.hits.map((hit) => (
              <li key={hit.id}>
                <Form method="post" className="attach-row">
                  <input type="hidden" name="recordType" value={hit.type} />
                  <input type="hidden" name="recordId" value={hit.id} />
                  <input type="hidden" name="evidenceDate" value={today} />
                  <span className="attach-row__name">
                    <Link to={hit.href}>{hit.label}</Link>
                    {hit.detail ? <span className="muted"> · {hit.detail}</span> : null}
                  </span>
                  <label className="visually-hidden" htmlFor={`note-${hit.type}-${hit.id}`}>
                    How {hit.label} shows this
                  </label>
                  <input
                    id={`note-${hit.type}-${hit.id}`}
                    name="note"
                    type="text"
                    placeholder="How it shows this (optional)"
                  />
                  <button type="submit" className="button button--small">
                    Attach<span className="visually-hidden"> {hit.label}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
