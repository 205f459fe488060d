import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { readFormData } from "~/utils/http.server";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { format, parseISO } from "date-fns";
import { defaultAssessmentTitle } from "~/components/assessments/words";
import { ErrorSummary, FormState, TextAreaField, TextField } from "~/components/form";
import { PageHeader } from "~/components/page-header";
import { assessmentForm } from "~/forms/assessments.server";
import { startAssessment } from "~/models/assessment.server";
import { requireUser } from "~/utils/auth.server";
import { todayIso } from "~/utils/dates";
import { parseForm } from "~/utils/forms.server";
import { withNotice } from "~/utils/notice";

export const meta: MetaFunction = () => [{ title: "Start a self-assessment · Partnership tracker" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "editor");
  const today = todayIso();
  return {
    today,
    title: defaultAssessmentTitle(format(parseISO(today), "MMMM yyyy")),
    participants: user.name,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const parsed = parseForm(await readFormData(request), assessmentForm);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const id = startAssessment(parsed.data, user.id);
  return redirect(withNotice(`/assessments/${id}`, "started"));
}

export default function NewAssessment() {
  const { today, title, participants } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title="Start a self-assessment"
        crumbs={[{ to: "/assessments", label: "Self-assessments" }]}
      >
        <p className="lede">
          The assessment opens with every line answered as your evidence supports today. Work through it
          together, change what the team disagrees with, and save as you go; several people can work on it at
          once.
        </p>
      </PageHeader>
      <FormState failure={actionData}>
        <ErrorSummary />
        <Form method="post" className="form">
          <TextField name="title" label="Title" defaultValue={title} autoComplete="off" required />
          <TextField
            name="heldOn"
            label="Date"
            type="date"
            hint="The day the team sits down together, for example 23/11/2026."
            defaultValue={today}
            width="medium"
            required
          />
          <TextAreaField
            name="participants"
            label="Who took part"
            hint="Names and roles, for example: Priya Shah (Head of Learning), Tom Reid (Volunteer Coordinator)."
            defaultValue={participants}
            rows={3}
          />
          <div className="button-row">
            <button type="submit" className="button">
              Start the assessment
            </button>
            <Link to="/assessments">Cancel</Link>
          </div>
        </Form>
      </FormState>
    </>
  );
}
