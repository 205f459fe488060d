import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { readFormData } from "~/utils/http.server";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, FormState, SelectField, TextAreaField, TextField } from "~/components/form";
import { PageHeader } from "~/components/page-header";
import { actionForm } from "~/forms/actions.server";
import { createAction } from "~/models/action.server";
import { listActiveUserNames } from "~/models/user.server";
import { requireUser } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms.server";
import { withNotice } from "~/utils/notice";

export const meta: MetaFunction = () => [{ title: "Add an action · Partnership tracker" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "editor");
  return { owners: listActiveUserNames(), userId: user.id };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const owners = listActiveUserNames().map((o) => o.id);
  const parsed = parseForm(await readFormData(request), actionForm(owners));
  if (!parsed.ok) return data(parsed, { status: 400 });
  createAction(parsed.data, user.id);
  return redirect(withNotice("/actions", "created"));
}

export default function NewAction() {
  const { owners, userId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader title="Add an action" crumbs={[{ to: "/actions", label: "Actions" }]}>
        <p className="lede">
          Something to do that did not come from a meeting or a review. Actions agreed at a meeting are best
          added with the meeting, so they link back to it.
        </p>
      </PageHeader>
      <FormState failure={actionData}>
        <ErrorSummary />
        <Form method="post" className="form">
          <TextAreaField
            name="description"
            label="What needs to be done"
            hint="For example: Send Riverside College the draft evaluation plan."
            rows={3}
            required
          />
          <SelectField
            name="ownerId"
            label="Owner"
            hint="The person who will do it."
            options={owners.map((o) => ({ value: String(o.id), label: o.name }))}
            defaultValue={userId}
            required
          />
          <TextField
            name="dueDate"
            label="Due date"
            type="date"
            hint="For example, 23/11/2026."
            width="medium"
          />
          <div className="button-row">
            <button type="submit" className="button">
              Add action
            </button>
            <Link to="/actions">Cancel</Link>
          </div>
        </Form>
      </FormState>
    </>
  );
}
