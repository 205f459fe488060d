import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { SelectField, TextField } from "~/components/form";
import { FilterForm, Pagination, ResultCount, useQueryWith } from "~/components/list";
import { PageHeader } from "~/components/page-header";
import { PageNotice } from "~/components/page-notice";
import { actionListQuery, actionStatusForm } from "~/forms/actions.server";
import { actionOwnerOptions, listActions, setActionStatus } from "~/models/action.server";
import { useCanEdit } from "~/utils/app-user";
import { requireUser } from "~/utils/auth.server";
import { formatDate, todayIso } from "~/utils/dates";
import { parseForm } from "~/utils/forms.server";
import { notFound, readFormData, safeRedirectPath } from "~/utils/http.server";
import { readListQuery } from "~/utils/list-query.server";
import { withNotice } from "~/utils/notice";
import { cachedList } from "~/utils/list-page.server";

export const meta: MetaFunction = () => [{ title: "Actions · Partnership tracker" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const query = readListQuery(request, actionListQuery);
  const today = todayIso();
  const filters = { view: query.view, ownerId: query.owner, q: query.q, page: query.page };
  const list = cachedList("actions", { filters, userId: user.id }, () =>
    listActions(filters, user.id, today),
  );
  return { query, ...list, owners: actionOwnerOptions() };
}

/**
 * "Mark as done" and "Reopen": a plain POST form per row, so one click works without JavaScript.
 * Afterwards the person comes back to the same view and page (or to `returnTo`, for forms on
 * other pages that post here).
 */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const parsed = parseForm(await readFormData(request), actionStatusForm);
  if (!parsed.ok) throw new Response("Choose an action and whether it is done.", { status: 400 });
  const { intent, actionId, returnTo } = parsed.data;
  if (!setActionStatus(actionId, intent === "done" ? "done" : "open", user.id)) notFound();
  const url = new URL(request.url);
  url.searchParams.delete("index");
  url.searchParams.delete("notice");
  const back = safeRedirectPath(returnTo, url.pathname + url.search);
  return redirect(withNotice(back, intent === "done" ? "action-done" : "action-reopened"));
}

const tabs = [
  { view: "open", label: "Open" },
  { view: "mine", label: "Mine" },
  { view: "overdue", label: "Overdue" },
  { view: "done", label: "Done" },
] as const;

const number = new Intl.NumberFormat("en-GB");

export default function Actions() {
  const { query, rows, total, counts, owners } = useLoaderData<typeof loader>();
  const canEdit = useCanEdit();
  const queryWith = useQueryWith();
  const filtered = Boolean(query.q || (query.owner && query.view !== "mine"));
  const done = query.view === "done";
  return (
    <>
      <PageHeader
        title="Actions"
        actions={
          <>
            {canEdit ? (
              <Link to="/actions/new" className="button">
                Add an action
              </Link>
            ) : null}
            <Link to="/calendar" className="button button--secondary">
              Calendar
            </Link>
          </>
        }
      >
        <p className="lede">
          Follow-up actions from meetings, partnership reviews and self-assessments: who will do what, and by
          when.
        </p>
      </PageHeader>
      <PageNotice
        messages={{
          "action-done": "The action has been marked as done.",
          "action-reopened": "The action is open again.",
          created: "The action has been added.",
          saved: "Your changes to the action have been saved.",
          deleted: "The action has been deleted.",
        }}
      />
      <nav aria-label="Views of the actions">
        <ul className="tag-list action-views">
          {tabs.map((tab) => {
            const current = query.view === tab.view;
            return (
              <li key={tab.view}>
                <Link
                  to={queryWith({ view: tab.view === "open" ? undefined : tab.view })}
                  className={current ? "button" : "button button--secondary"}
                  aria-current={current ? "page" : undefined}
                >
                  {tab.label} ({number.format(counts[tab.view])})
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <FilterForm label="Search and filter actions">
        <TextField name="q" label="Words in the action" type="search" defaultValue={query.q} />
        {query.view === "mine" ? null : (
          <SelectField
            name="owner"
            label="Owner"
            options={owners.map((o) => ({ value: String(o.id), label: o.name }))}
            defaultValue={query.owner}
            placeholder="Anyone"
          />
        )}
        {query.view === "open" ? null : <input type="hidden" name="view" value={query.view} />}
      </FilterForm>
      <ResultCount total={total} page={query.page} noun={["action", "actions"]} />
      {rows.length === 0 ? (
        <div className="empty-state">
          {filtered ? (
            <p>No actions match these filters. Try fewer filters, or clear them.</p>
          ) : query.view === "mine" ? (
            <p>You have no open actions. Actions assigned to you at meetings and reviews will appear here.</p>
          ) : query.view === "overdue" ? (
            <p>Nothing is overdue: every open action is due today or later, or has no due date.</p>
          ) : done ? (
            <p>No actions have been marked as done yet.</p>
          ) : (
            <>
              <p>
                No open actions. Actions are added when you log a meeting or hold a partnership review, or you
                can add one yourself.
              </p>
              {canEdit ? (
                <p>
                  <Link to="/actions/new">Add an action</Link>
                </p>
              ) : null}
            </>
          )}
        </div>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">
              {tabs.find((t) => t.view === query.view)!.label} actions
            </caption>
            <thead>
              <tr>
                <th scope="col">Action</th>
                <th scope="col">Owner</th>
                <th scope="col">Due</th>
                <th scope="col">From</th>
                <th scope="col">{done ? "Done" : "Status"}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} id={`action-${row.id}`}>
                  <td>
                    {row.description}
                    {canEdit ? (
                      <>
                        {" "}
                        <Link to={`/actions/${row.id}/edit`} className="small-link">
                          Edit<span className="visually-hidden">: {row.description}</span>
                        </Link>
                      </>
                    ) : null}
                  </td>
                  <td>{row.ownerName}</td>
                  <td>
                    {row.dueDate ? (
                      <span className="nowrap">{formatDate(row.dueDate)}</span>
                    ) : (
                      <span className="muted">No date</span>
                    )}
                    {row.overdue ? (
                      <>
                        {" "}
                        <span className="badge badge--danger">Overdue</span>
                      </>
                    ) : row.dueToday ? (
                      <>
                        {" "}
                        <span className="badge badge--warn">Due today</span>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {row.from ? (
                      row.from.href ? (
                        <Link to={row.from.href}>{row.from.label}</Link>
                      ) : (
                        row.from.label
                      )
                    ) : (
                      <span className="muted">Added directly</span>
                    )}
                  </td>
                  <td>
                    {row.status === "done" ? (
                      <div>
                        Done
                        {row.completedAt ? ` on ${formatDate(row.completedAt)}` : ""}
                        {row.completedByName ? ` by ${row.completedByName}` : ""}
                      </div>
                    ) : null}
                    {canEdit ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="actionId" value={row.id} />
                        <input
                          type="hidden"
                          name="intent"
                          value={row.status === "done" ? "reopen" : "done"}
                        />
                        <button
                          type="submit"
                          className={`button button--small${row.status === "done" ? " button--secondary" : ""}`}
                        >
                          {row.status === "done" ? "Reopen" : "Mark as done"}
                          <span className="visually-hidden">: {row.description}</span>
                        </button>
                      </Form>
                    ) : row.status === "open" ? (
                      "Open"
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination total={total} page={query.page} />
    </>
  );
}
