import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Details } from "~/components/details";
import { ErrorSummary, FormState, SelectField, TextAreaField, TextField } from "~/components/form";
import { PageHeader } from "~/components/page-header";
import { actionForm } from "~/forms/actions.server";
import { getAction, updateAction } from "~/models/action.server";
import { listActiveUserNames } from "~/models/user.server";
import { requireUser } from "~/utils/auth.server";
import { formatDate } from "~/utils/dates";
import { parseForm } from "~/utils/forms.server";
import { notFound, parseId, readFormData } from "~/utils/http.server";
import { withNotice } from "~/utils/notice";

export const meta: MetaFunction = () => [{ title: "Edit action · Partnership tracker" }];

/** Active users, plus the present owner if they are no longer active, so the form keeps them. */
function ownerOptions(current: { ownerId: number; ownerName: string; ownerActive: boolean }) {
  const owners = listActiveUserNames();
  return current.ownerActive
    ? owners
    : [...owners, { id: current.ownerId, name: `${current.ownerName} (no longer active)` }];
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "editor");
  const item = getAction(parseId(params.actionId)) ?? notFound();
  return { item, owners: ownerOptions(item) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const id = parseId(params.actionId);
  const item = getAction(id) ?? notFound();
  const owners = ownerOptions(item).map((o) => o.id);
  const parsed = parseForm(await readFormData(request), actionForm(owners));
  if (!parsed.ok) return data(parsed, { status: 400 });
  if (!updateAction(id, parsed.data, user.id)) notFound();
  return redirect(withNotice("/actions", "saved"));
}

export default function EditAction() {
  const { item, owners } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader title="Edit action" crumbs={[{ to: "/actions", label: "Actions" }]} />
      <Details
        rows={[
          [
            "From",
            item.from ? (
              item.from.href ? (
                <Link to={item.from.href}>{item.from.label}</Link>
              ) : (
                item.from.label
              )
            ) : (
              "Added directly"
            ),
          ],
          [
            "Status",
            item.status === "done"
              ? `Done${item.completedAt ? ` on ${formatDate(item.completedAt)}` : ""}${
                  item.completedByName ? ` by ${item.completedByName}` : ""
                }`
              : "Open",
          ],
        ]}
      />
      <FormState failure={actionData}>
        <ErrorSummary />
        <Form method="post" className="form">
          <TextAreaField
            name="description"
            label="What needs to be done"
            defaultValue={item.description}
            rows={3}
            required
          />
          <SelectField
            name="ownerId"
            label="Owner"
            hint="The person who will do it."
            options={owners.map((o) => ({ value: String(o.id), label: o.name }))}
            defaultValue={item.ownerId}
            required
          />
          <TextField
            name="dueDate"
            label="Due date"
            type="date"
            hint="For example, 23/11/2026."
            defaultValue={item.dueDate}
            width="medium"
          />
          <div className="button-row">
            <button type="submit" className="button">
              Save changes
            </button>
            <Link to="/actions">Cancel</Link>
          </div>
        </Form>
      </FormState>
      <p className="form-section">
        <Link to={`/actions/${item.id}/delete`}>Delete this action</Link>
      </p>
    </>
  );
}
