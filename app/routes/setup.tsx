import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { ErrorSummary, FormState, TextField } from "~/components/form";
import { PublicPage } from "~/components/public-page";
import { setupForm } from "~/forms/users.server";
import { createSession } from "~/models/session.server";
import { createFirstAdmin, hasAnyUser } from "~/models/user.server";
import { failure, parseForm } from "~/utils/forms.server";
import { notFound, readFormData } from "~/utils/http.server";
import { PASSWORD_HINT } from "~/utils/password-policy";
import { sessionCookieHeader } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Set up · Partnership tracker" }];

/** First run only: once any user exists this page is gone for good. */
export async function loader(_: LoaderFunctionArgs) {
  if (hasAnyUser()) notFound();
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  if (hasAnyUser()) notFound();
  const parsed = parseForm(await readFormData(request), setupForm);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const { name, email, password } = parsed.data;
  const created = await createFirstAdmin({ name, email, password });
  if (!created) {
    return data(failure({}, undefined, { form: ["Someone has just set up this app. Sign in instead."] }), {
      status: 409,
    });
  }
  const session = createSession(created.id);
  return redirect("/", {
    headers: { "Set-Cookie": await sessionCookieHeader(request, session.token, session.expiresAt) },
  });
}

export default function Setup() {
  const actionData = useActionData<typeof action>();
  return (
    <PublicPage title="Set up the partnership tracker">
      <p>
        Welcome. Nobody has used this tracker yet: create the first administrator account. You can add
        colleagues once you are signed in.
      </p>
      <FormState failure={actionData}>
        <ErrorSummary />
        <Form method="post" className="form">
          <TextField name="name" label="Your name" autoComplete="name" required />
          <TextField name="email" label="Email address" type="email" autoComplete="username" required />
          <TextField
            name="password"
            label="Password"
            type="password"
            autoComplete="new-password"
            hint={PASSWORD_HINT}
            required
          />
          <TextField
            name="confirmPassword"
            label="Confirm password"
            type="password"
            autoComplete="new-password"
            required
          />
          <button type="submit" className="button">
            Create administrator and sign in
          </button>
        </Form>
      </FormState>
    </PublicPage>
  );
}
