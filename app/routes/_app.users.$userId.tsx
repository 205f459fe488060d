import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { roleLabel } from "~/components/app-shell";
import { CheckboxField, ErrorSummary, FormState, SelectField, TextField } from "~/components/form";
import { History } from "~/components/history";
import { PageHeader } from "~/components/page-header";
import { PageNotice } from "~/components/page-notice";
import { resetPasswordForm, userAccessForm } from "~/forms/users.server";
import { listHistory } from "~/models/audit.server";
import { getUser, LastAdminError, setPassword, updateUserAccess, USER_RECORD } from "~/models/user.server";
import { requireUser } from "~/utils/auth.server";
import { formatDate } from "~/utils/dates";
import { failure, formValues, parseForm } from "~/utils/forms.server";
import { notFound, parseId, readFormData } from "~/utils/http.server";
import { withNotice } from "~/utils/notice";
import { PASSWORD_HINT } from "~/utils/password-policy";
import { passwordProblem } from "~/utils/password-policy.server";
import { roleOptions } from "~/utils/roles";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.user.name ?? "User"} · Users · Partnership tracker` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "admin");
  const id = parseId(params.userId);
  const user = getUser(id) ?? notFound();
  return { user, history: listHistory({ type: USER_RECORD, id }) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireUser(request, "admin");
  const id = parseId(params.userId);
  if (!getUser(id)) notFound();
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  const here = `/users/${id}`;
  try {
    switch (intent) {
      case "access": {
        const parsed = parseForm(formData, userAccessForm);
        if (!parsed.ok) return data({ intent, ...parsed }, { status: 400 });
        updateUserAccess(id, parsed.data, admin.id);
        return redirect(withNotice(here, "access"));
      }
      case "deactivate":
      case "reactivate": {
        updateUserAccess(id, { active: intent === "reactivate" }, admin.id);
        return redirect(withNotice(here, intent));
      }
      case "reset-password": {
        const parsed = parseForm(formData, resetPasswordForm);
        if (!parsed.ok) return data({ intent, ...parsed }, { status: 400 });
        const problem = passwordProblem(parsed.data.password, { email: getUser(id)?.email });
        if (problem) {
          return data(
            { intent, ...failure(formValues(formData), undefined, { password: [problem] }) },
            { status: 400 },
          );
        }
        await setPassword(id, parsed.data.password, admin.id);
        return redirect(withNotice(here, "password"));
      }
      default:
        throw new Response("Unknown action", { status: 400 });
    }
  } catch (error) {
    if (error instanceof LastAdminError) {
      return data(
        { intent, ...failure(formValues(formData), undefined, { form: [error.message] }) },
        { status: 400 },
      );
    }
    throw error;
  }
}

export default function UserPage() {
  const { user, history } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failed = (intent: string) => (actionData?.intent === intent ? actionData : undefined);
  const statusFailure = failed("deactivate") ?? failed("reactivate");
  return (
    <>
      <PageHeader title={user.name} crumbs={[{ to: "/users", label: "Users" }]}>
        <p className="lede">
          {user.email} · {roleLabel[user.role]} · {user.active ? "Active" : "Deactivated"} · added{" "}
          {formatDate(user.createdAt)}
        </p>
      </PageHeader>
      <PageNotice
        messages={{
          access: "Role and permissions saved.",
          deactivate: "The user has been deactivated and signed out everywhere.",
          reactivate: "The user can sign in again.",
          password: "The password has been reset and the user has been signed out everywhere.",
        }}
      />
      <div className="grid grid--2">
        <section className="card" aria-labelledby="access-title">
          <h2 id="access-title">Role and permissions</h2>
          <FormState failure={failed("access")}>
            <ErrorSummary />
            <Form method="post" className="form">
              <input type="hidden" name="intent" value="access" />
              <SelectField name="role" label="Role" options={roleOptions} defaultValue={user.role} required />
              <CheckboxField
                name="canViewEquality"
                label="May see individual equality monitoring answers"
                hint="Administrators always can."
                defaultChecked={user.canViewEquality}
              />
              <button type="submit" className="button">
                Save role and permissions
              </button>
            </Form>
          </FormState>
        </section>

        <section className="card" aria-labelledby="password-title">
          <h2 id="password-title">Reset password</h2>
          <FormState failure={failed("reset-password")}>
            <ErrorSummary />
            <Form method="post" className="form">
              <input type="hidden" name="intent" value="reset-password" />
              <TextField
                name="password"
                label="New password"
                type="password"
                autoComplete="new-password"
                hint={`${PASSWORD_HINT} This signs them out everywhere.`}
                required
              />
              <button type="submit" className="button button--secondary">
                Reset password
              </button>
            </Form>
          </FormState>
        </section>

        <section className="card" aria-labelledby="status-title">
          <h2 id="status-title">{user.active ? "Deactivate" : "Reactivate"}</h2>
          <FormState failure={statusFailure}>
            <ErrorSummary />
            {user.active ? (
              <Form method="post">
                <p>
                  A deactivated user cannot sign in and is signed out at once. Their records and history are
                  kept.
                </p>
                <input type="hidden" name="intent" value="deactivate" />
                <button type="submit" className="button button--danger">
                  Deactivate {user.name}
                </button>
              </Form>
            ) : (
              <Form method="post">
                <input type="hidden" name="intent" value="reactivate" />
                <button type="submit" className="button">
                  Reactivate {user.name}
                </button>
              </Form>
            )}
          </FormState>
        </section>
      </div>

      <section aria-labelledby="history-title">
        <h2 id="history-title">History</h2>
        <History events={history} />
      </section>
    </>
  );
}
