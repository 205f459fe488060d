import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { LinePicker } from "~/components/checklist/line-picker";
import { ErrorSummary, FormState, TextAreaField, TextField } from "~/components/form";
import { PageHeader } from "~/components/page-header";
import { linkForm } from "~/forms/evidence.server";
import { evidenceForRecord, linkEvidence } from "~/models/evidence.server";
import { describeRecord } from "~/models/records.server";
import { requireUser } from "~/utils/auth.server";
import { todayIso } from "~/utils/dates";
import { parseForm } from "~/utils/forms.server";
import { notFound, parseId, readFormData } from "~/utils/http.server";
import { withNotice } from "~/utils/notice";
import { recordTypes } from "~db/enums";

export const meta: MetaFunction = () => [{ title: "Link to checklist lines · Partnership tracker" }];

function recordFrom(request: Request) {
  const params = new URL(request.url).searchParams;
  const type = params.get("type") ?? "";
  if (!(recordTypes as readonly string[]).includes(type)) notFound();
  const ref = { type, id: parseId(params.get("id") ?? undefined) };
  const record = describeRecord(ref) ?? notFound();
  return { ref, record };
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "editor");
  const { ref, record } = recordFrom(request);
  const already = evidenceForRecord(ref)
    .filter((link) => link.status === "confirmed")
    .map((link) => link.lineCode);
  return { record, already, today: todayIso() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const { ref, record } = recordFrom(request);
  const parsed = parseForm(await readFormData(request), linkForm);
  if (!parsed.ok) return data(parsed, { status: 400 });
  linkEvidence(ref, parsed.data.lines, parsed.data.note ?? null, parsed.data.evidenceDate, user.id);
  return redirect(withNotice(record.href, "evidence-linked"));
}

export default function LinkEvidence() {
  const { record, already, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title={`Link ${record.label} to the checklist`}
        crumbs={[{ to: record.href, label: record.label }]}
      >
        <p className="lede">
          {record.kind}. Choose the lines this record is evidence for, and say how it shows them. Linked
          evidence counts at once.
        </p>
      </PageHeader>
      <FormState failure={actionData}>
        <ErrorSummary />
        <Form method="post" className="form form--wide">
          <div id="field-lines">
            <LinePicker already={already} />
          </div>
          <TextAreaField
            name="note"
            label="How this shows it"
            hint="A sentence an assessor would understand."
            rows={3}
          />
          <TextField
            name="evidenceDate"
            label="Date the evidence is from"
            type="date"
            defaultValue={today}
            width="medium"
            required
          />
          <div className="button-row">
            <button type="submit" className="button">
              Link as evidence
            </button>
            <Link to={record.href}>Cancel</Link>
          </div>
        </Form>
      </FormState>
    </>
  );
}
