import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { SelectField } from "~/components/form";
import { FilterForm, Pagination, ResultCount } from "~/components/list";
import { PageHeader } from "~/components/page-header";
import { PageNotice } from "~/components/page-notice";
import { getLine, LINES, lineLabel } from "~/checklist/section3";
import { decideForm, suggestionQuery } from "~/forms/evidence.server";
import { decideSuggestions, listSuggestions } from "~/models/evidence.server";
import { recordKindLabels } from "~/utils/record-kinds";
import { useCanEdit } from "~/utils/app-user";
import { requireUser } from "~/utils/auth.server";
import { formatDate } from "~/utils/dates";
import { parseForm } from "~/utils/forms.server";
import { readFormData, safeRedirectPath } from "~/utils/http.server";
import { readListQuery } from "~/utils/list-query.server";
import { recordTypes } from "~db/enums";

export const meta: MetaFunction = () => [{ title: "Suggested evidence · Partnership tracker" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const query = readListQuery(request, suggestionQuery);
  return { query, ...listSuggestions(query) };
}

/** Confirm or dismiss one suggestion (a button on its row) or those ticked. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const formData = await readFormData(request);
  const one = formData.get("one");
  if (typeof one === "string" && /^(confirm|dismiss):\d+$/.test(one)) {
    const [intent, id] = one.split(":");
    formData.set("intent", intent);
    formData.delete("id");
    formData.append("id", id);
  }
  const back = safeRedirectPath(formData.get("redirectTo"), "/evidence/suggestions");
  const parsed = parseForm(formData, decideForm);
  if (!parsed.ok || parsed.data.id.length === 0) return redirect(withKey(back, "none"));
  const decided = decideSuggestions(
    parsed.data.id,
    parsed.data.intent === "confirm" ? "confirmed" : "dismissed",
    user.id,
  );
  return redirect(
    withKey(back, decided === 0 ? "none" : parsed.data.intent === "confirm" ? "confirmed" : "dismissed"),
  );
}

function withKey(path: string, key: string) {
  const url = new URL(path, "http://x");
  url.searchParams.set("notice", key);
  return url.pathname + url.search;
}

export default function Suggestions() {
  const { query, rows, total } = useLoaderData<typeof loader>();
  const canEdit = useCanEdit();
  const back = `/evidence/suggestions?${new URLSearchParams(
    Object.entries({
      line: query.line,
      type: query.type,
      page: query.page > 1 ? String(query.page) : undefined,
    }).filter((e): e is [string, string] => typeof e[1] === "string"),
  )}`;
  return (
    <>
      <PageHeader title="Suggested evidence" crumbs={[{ to: "/checklist", label: "Checklist" }]}>
        <p className="lede">
          Everyday work suggests evidence for the checklist. A suggestion counts only once a person confirms
          it. Dismissed suggestions are not suggested again.
        </p>
      </PageHeader>
      <PageNotice
        messages={{
          confirmed: "Confirmed: the evidence now counts on the checklist.",
          dismissed: "Dismissed: these will not be suggested again.",
          none: "Nothing was chosen, or those suggestions had already been decided.",
        }}
      />
      <FilterForm label="Filter suggestions">
        <SelectField
          name="line"
          label="Checklist line"
          options={LINES.map((l) => ({ value: l.code, label: lineLabel(l).slice(0, 90) }))}
          defaultValue={query.line}
          placeholder="Any line"
        />
        <SelectField
          name="type"
          label="Kind of record"
          options={recordTypes.map((t) => ({ value: t, label: recordKindLabels[t] ?? t }))}
          defaultValue={query.type}
          placeholder="Any kind"
        />
      </FilterForm>
      <ResultCount total={total} page={query.page} noun={["suggestion", "suggestions"]} />
      {rows.length === 0 ? (
        <div className="empty-state">
          <p>
            No suggestions are waiting. New ones appear as partners, projects, volunteers and benefits are
            recorded.
          </p>
          <p>
            <Link to="/checklist">See the checklist</Link>
          </p>
        </div>
      ) : (
        <Form method="post">
          <input type="hidden" name="redirectTo" value={back} />
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Suggestions awaiting review</caption>
              <thead>
                <tr>
                  {canEdit ? (
                    <th scope="col">
                      <span className="visually-hidden">Choose</span>
                    </th>
                  ) : null}
                  <th scope="col">Record</th>
                  <th scope="col">Checklist line</th>
                  <th scope="col">Why it was suggested</th>
                  <th scope="col">Dated</th>
                  {canEdit ? <th scope="col">Decide</th> : null}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const line = getLine(row.lineCode);
                  const name = row.record?.label ?? "A record that no longer exists";
                  return (
                    <tr key={row.id}>
                      {canEdit ? (
                        <td>
                          <input
                            type="checkbox"
                            name="id"
                            value={row.id}
                            id={`pick-${row.id}`}
                            aria-label={`Choose ${name} for ${row.lineCode}`}
                          />
                        </td>
                      ) : null}
                      <td>
                        <span className="muted">{recordKindLabels[row.recordType] ?? row.recordType}: </span>
                        {row.record ? <Link to={row.record.href}>{name}</Link> : name}
                      </td>
                      <td>
                        <Link to={`/checklist/${row.lineCode}`}>{row.lineCode}</Link>{" "}
                        {line ? (line.kind === "prompt" ? line.text : (line.part ?? "")) : ""}
                      </td>
                      <td>{row.reason}</td>
                      <td>{formatDate(row.evidenceDate)}</td>
                      {canEdit ? (
                        <td className="nowrap">
                          <button
                            type="submit"
                            name="one"
                            value={`confirm:${row.id}`}
                            className="button button--small"
                          >
                            Confirm
                            <span className="visually-hidden">
                              {" "}
                              {name} for {row.lineCode}
                            </span>
                          </button>{" "}
                          <button
                            type="submit"
                            name="one"
                            value={`dismiss:${row.id}`}
                            className="button button--small button--secondary"
                          >
                            Dismiss
                            <span className="visually-hidden">
                              {" "}
                              {name} for {row.lineCode}
                            </span>
                          </button>
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {canEdit ? (
            <div className="button-row">
              <button type="submit" name="intent" value="confirm" className="button">
                Confirm the ticked suggestions
              </button>
              <button type="submit" name="intent" value="dismiss" className="button button--secondary">
                Dismiss the ticked suggestions
              </button>
            </div>
          ) : null}
        </Form>
      )}
      <Pagination total={total} page={query.page} />
    </>
  );
}
