import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { ErrorSummary, FormState, TextField } from "~/components/form";
import { PublicPage } from "~/components/public-page";
import { loginForm } from "~/forms/users.server";
import { clearLoginFailures, loginBlock, recordLoginFailure } from "~/models/login-failure.server";
import { createSession } from "~/models/session.server";
import { findUserForLogin, hasAnyUser } from "~/models/user.server";
import { getSessionUser } from "~/utils/auth.server";
import { failure, parseForm } from "~/utils/forms.server";
import { clientAddress, readFormData, safeRedirectPath } from "~/utils/http.server";
import { verifyDecoy, verifyPassword } from "~/utils/password.server";
import { sessionCookieHeader } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Sign in · Partnership tracker" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (!hasAnyUser()) throw redirect("/setup");
  if (await getSessionUser(request)) {
    throw redirect(safeRedirectPath(new URL(request.url).searchParams.get("redirectTo")));
  }
  return null;
}

const WRONG = "The email address or password is not right. Check them and try again.";

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(await readFormData(request), loginForm);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const { email, password, redirectTo } = parsed.data;
  const address = clientAddress(context);
  const values = { email, redirectTo: redirectTo ?? "" };

  const block = loginBlock(email, address);
  if (block.blocked) {
    const message = `Too many failed sign-in attempts. For your security, sign-in is paused: try again in ${block.minutes} minute${block.minutes === 1 ? "" : "s"}, or ask an administrator to reset your password.`;
    return data(failure(values, undefined, { form: [message] }), { status: 429 });
  }

  const user = findUserForLogin(email);
  const valid = user?.active
    ? await verifyPassword(user.passwordHash, password)
    : await verifyDecoy(password);
  if (!user || !user.active || !valid) {
    recordLoginFailure(email, address);
    return data(failure(values, undefined, { form: [WRONG] }), { status: 400 });
  }

  clearLoginFailures(email);
  const session = createSession(user.id);
  return redirect(safeRedirectPath(redirectTo), {
    headers: { "Set-Cookie": await sessionCookieHeader(request, session.token, session.expiresAt) },
  });
}

export default function Login() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  return (
    <PublicPage title="Sign in">
      <FormState failure={actionData}>
        <ErrorSummary />
        <Form method="post" className="form">
          <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
          <TextField name="email" label="Email address" type="email" autoComplete="username" required />
          <TextField
            name="password"
            label="Password"
            type="password"
            autoComplete="current-password"
            required
          />
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            Sign in
          </button>
        </Form>
      </FormState>
      <p className="muted">Forgotten your password? Ask an administrator of your organisation to reset it.</p>
    </PublicPage>
  );
}
