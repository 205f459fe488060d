import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { roleLabel } from "~/components/app-shell";
import { ErrorSummary, FormState, TextField } from "~/components/form";
import { PageHeader } from "~/components/page-header";
import { PageNotice } from "~/components/page-notice";
import { changePasswordForm } from "~/forms/users.server";
import { hashToken } from "~/models/session.server";
import { findUserForLogin, setPassword } from "~/models/user.server";
import { useAppUser } from "~/utils/app-user";
import { requireUser } from "~/utils/auth.server";
import { failure, formValues, parseForm } from "~/utils/forms.server";
import { withNotice } from "~/utils/notice";
import { verifyPassword } from "~/utils/password.server";
import { PASSWORD_HINT } from "~/utils/password-policy";
import { readSessionToken } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Your profile · Partnership tracker" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const parsed = parseForm(formData, changePasswordForm);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const account = findUserForLogin(user.email);
  if (!account || !(await verifyPassword(account.passwordHash, parsed.data.currentPassword))) {
    return data(
      failure(formValues(formData), undefined, { currentPassword: ["Your current password is not right."] }),
      { status: 400 },
    );
  }
  const token = await readSessionToken(request);
  await setPassword(user.id, parsed.data.password, user.id, token ? hashToken(token) : undefined);
  return redirect(withNotice("/profile", "password"));
}

export default function Profile() {
  const user = useAppUser();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader title="Your profile">
        <p className="lede">
          {user.name} · {user.email} · {roleLabel[user.role]}
        </p>
      </PageHeader>
      <PageNotice
        messages={{ password: "Your password has been changed. You have been signed out everywhere else." }}
      />
      <section className="card" aria-labelledby="password-title">
        <h2 id="password-title">Change your password</h2>
        <FormState failure={actionData}>
          <ErrorSummary />
          <Form method="post" className="form">
            <TextField
              name="currentPassword"
              label="Current password"
              type="password"
              autoComplete="current-password"
              required
            />
            <TextField
              name="password"
              label="New password"
              type="password"
              autoComplete="new-password"
              hint={PASSWORD_HINT}
              required
            />
            <TextField
              name="confirmPassword"
              label="Confirm new password"
              type="password"
              autoComplete="new-password"
              required
            />
            <button type="submit" className="button">
              Change password
            </button>
          </Form>
        </FormState>
      </section>
    </>
  );
}
