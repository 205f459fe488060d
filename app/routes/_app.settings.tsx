import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { readFormData } from "~/utils/http.server";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, FormState, TextField } from "~/components/form";
import { PageHeader } from "~/components/page-header";
import { PageNotice } from "~/components/page-notice";
import { settingsForm } from "~/forms/settings.server";
import { getSettings, saveSettings } from "~/models/settings.server";
import { requireUser } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms.server";
import { withNotice } from "~/utils/notice";

export const meta: MetaFunction = () => [{ title: "Settings · Partnership tracker" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "admin");
  return { settings: getSettings() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, "admin");
  const parsed = parseForm(await readFormData(request), settingsForm);
  if (!parsed.ok) return data(parsed, { status: 400 });
  saveSettings(
    {
      organisationName: parsed.data.organisationName ?? "",
      evidenceRecencyMonths: parsed.data.evidenceRecencyMonths,
      ...(parsed.data.monitoringRetentionMonths === undefined
        ? {}
        : { monitoringRetentionMonths: parsed.data.monitoringRetentionMonths }),
    },
    user.id,
  );
  return redirect(withNotice("/settings", "saved"));
}

export default function SettingsPage() {
  const { settings } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader title="Settings" />
      <PageNotice messages={{ saved: "Settings saved." }} />
      <FormState failure={actionData}>
        <ErrorSummary />
        <Form method="post" className="form">
          <TextField
            name="organisationName"
            label="Organisation name"
            defaultValue={settings.organisationName}
            hint="Shown on the evidence pack and reports."
          />
          <TextField
            name="evidenceRecencyMonths"
            label="Evidence counts as recent for (months)"
            type="number"
            inputMode="numeric"
            min={1}
            max={120}
            width="short"
            defaultValue={settings.evidenceRecencyMonths}
            hint="The checklist supports Yes only for lines with evidence dated within this period. 12 months is usual."
            required
          />
          <TextField
            name="monitoringRetentionMonths"
            label="Delete equality monitoring this many months after involvement ends"
            type="number"
            inputMode="numeric"
            min={1}
            max={120}
            width="short"
            defaultValue={settings.monitoringRetentionMonths}
            hint={
              <>
                A volunteer&rsquo;s answers are deleted this long after the end date of a volunteer who has
                left (with no end date, after the last change to their record); a contributor&rsquo;s, this
                long after their &ldquo;active to&rdquo; date. Checked every day. 12 months is usual.
              </>
            }
            required
          />
          <button type="submit" className="button">
            Save settings
          </button>
        </Form>
      </FormState>
      <p className="form-section">
        Every time someone is shown a person&rsquo;s individual equality monitoring answers, it is logged:{" "}
        <Link to="/settings/data-access">see who has seen equality data</Link>.
      </p>
    </>
  );
}
