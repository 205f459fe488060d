import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { readFormData } from "~/utils/http.server";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { CheckboxField, ErrorSummary, FormState, SelectField, TextField } from "~/components/form";
import { PageHeader } from "~/components/page-header";
import { newUserForm } from "~/forms/users.server";
import { createUser, DuplicateEmailError } from "~/models/user.server";
import { requireUser } from "~/utils/auth.server";
import { failure, formValues, parseForm } from "~/utils/forms.server";
import { withNotice } from "~/utils/notice";
import { PASSWORD_HINT } from "~/utils/password-policy";
import { roleOptions } from "~/utils/roles";

export const meta: MetaFunction = () => [{ title: "Add a user · Partnership tracker" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "admin");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireUser(request, "admin");
  const formData = await readFormData(request);
  const parsed = parseForm(formData, newUserForm);
  if (!parsed.ok) return data(parsed, { status: 400 });
  try {
    await createUser(parsed.data, admin.id);
  } catch (error) {
    if (!(error instanceof DuplicateEmailError)) throw error;
    return data(failure(formValues(formData), undefined, { email: [error.message] }), { status: 400 });
  }
  return redirect(withNotice("/users", "created"));
}

export default function NewUser() {
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader title="Add a user" crumbs={[{ to: "/users", label: "Users" }]} />
      <FormState failure={actionData}>
        <ErrorSummary />
        <Form method="post" className="form">
          <TextField name="name" label="Name" autoComplete="off" required />
          <TextField name="email" label="Email address" type="email" autoComplete="off" required />
          <SelectField name="role" label="Role" options={roleOptions} defaultValue="editor" required />
          <CheckboxField
            name="canViewEquality"
            label="May see individual equality monitoring answers"
            hint="Special category data (ethnicity, disability, health). Give this only to people who need it, such as the volunteer coordinator. Administrators always can."
          />
          <TextField
            name="password"
            label="First password"
            type="password"
            autoComplete="new-password"
            hint={`${PASSWORD_HINT} Tell them in person or by phone; they can change it on their profile.`}
            required
          />
          <button type="submit" className="button">
            Add user
          </button>
        </Form>
      </FormState>
    </>
  );
}
