import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  data,
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { ChoiceGroup, ErrorSummary, FormState, isFailure } from "~/components/form";
import { PageHeader } from "~/components/page-header";
import { ImportSteps } from "~/imports/components";
import { IMPORT_FIELDS, fieldGroupLabels, type FieldGroup } from "~/imports/fields";
import { uploadForm } from "~/forms/imports.server";
import { MAX_FILE_BYTES, readSpreadsheet, TOO_BIG } from "~/imports/read-file.server";
import { createBatch } from "~/models/import.server";
import { requireUser } from "~/utils/auth.server";
import { failure, formValues, parseForm, type FieldErrors } from "~/utils/forms.server";
import { importKinds } from "~db/enums";

export const meta: MetaFunction = () => [{ title: "Import a spreadsheet · Imports · Partnership tracker" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "editor");
  return null;
}

/** Room for the form's other fields and the multipart wrapping around the file. */
const ENVELOPE_BYTES = 64 * 1024;

function refused(values: Record<string, string>, errors: FieldErrors, status = 400) {
  return data(failure(values, undefined, errors), { status });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  // A file too large is refused before it is read, and again while it is read if no size was declared.
  const declared = Number(request.headers.get("Content-Length") ?? 0);
  if (declared > MAX_FILE_BYTES + ENVELOPE_BYTES) return refused({}, { file: [TOO_BIG] }, 413);
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_FILE_BYTES }),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return refused({}, { file: [TOO_BIG] }, 413);
    return refused({}, { file: ["The upload could not be read. Choose the file again and upload it."] });
  }
  const values = formValues(formData);
  const parsed = parseForm(formData, uploadForm);
  const file = formData.get("file");
  const errors: FieldErrors = parsed.ok ? {} : parsed.errors;
  if (!file || typeof file === "string" || (file.size === 0 && !file.name)) {
    errors.file = ["Choose the CSV file to upload."];
  }
  if (!parsed.ok || errors.file || !file || typeof file === "string") return refused(kept(values), errors);
  const sheet = readSpreadsheet(new Uint8Array(await file.arrayBuffer()));
  if (!sheet.ok) return refused(kept(values), { file: [sheet.message] });
  const id = createBatch(
    { kind: parsed.data.kind, filename: file.name, headers: sheet.headers, rows: sheet.rows },
    user.id,
  );
  return redirect(`/imports/${id}?step=columns`);
}

/** Only the choice of kind is sent back: a browser cannot be given a file to upload again. */
function kept(values: Record<string, string | string[]>): Record<string, string> {
  return typeof values.kind === "string" ? { kind: values.kind } : {};
}

const kindOptions = [
  { value: "partners", label: "Partners (organisations), each with one contact if the file has one" },
  { value: "contributors", label: "Contributors (writers, artists, youth workers…)" },
  {
    value: "volunteers",
    label: "Volunteers, with their equality monitoring answers where the file records their consent",
  },
];

export default function NewImport() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const uploading = navigation.state === "submitting";
  return (
    <>
      <PageHeader title="Import a spreadsheet" crumbs={[{ to: "/imports", label: "Imports" }]}>
        <ImportSteps current="upload" />
      </PageHeader>
      <FormState failure={actionData}>
        <ErrorSummary />
        <Form method="post" encType="multipart/form-data" className="form">
          <ChoiceGroup
            name="kind"
            label="What does the file hold?"
            type="radio"
            options={kindOptions}
            required
            hint="One kind of record per file. Each row of the file becomes one record."
          />
          <FileField error={isFailure(actionData) ? actionData.errors.file?.[0] : undefined} />
          <p className="hint">
            Nothing is added yet: next you match the file’s columns to fields and check every row before
            anything is imported.
          </p>
          <button type="submit" className="button" disabled={uploading}>
            {uploading ? "Uploading…" : "Upload and continue"}
          </button>
        </Form>
      </FormState>

      <section aria-labelledby="csv-help-title" className="card">
        <h2 id="csv-help-title">Saving a spreadsheet as CSV</h2>
        <p>
          The first row of the sheet must hold the column headings (Name, Email, Start date…). A CSV file
          holds one sheet: save each sheet you want to import as its own file.
        </p>
        <h3>Microsoft Excel</h3>
        <p>
          Choose File › Save As (or Save a Copy), then under file type choose{" "}
          <strong>CSV UTF-8 (Comma delimited) (*.csv)</strong>. Plain “CSV (Comma delimited)” works too. If
          Excel warns that some features will be lost, choose Keep current format.
        </p>
        <h3>LibreOffice Calc</h3>
        <p>
          Choose File › Save As, set the file type to <strong>Text CSV (.csv)</strong> and choose Use Text CSV
          Format. Commas or semicolons between fields both work.
        </p>
        <h3>Google Sheets</h3>
        <p>
          Choose File › Download › <strong>Comma-separated values (.csv)</strong>. Only the sheet you are
          looking at is downloaded.
        </p>
        <details>
          <summary>Which columns are recognised</summary>
          {importKinds.map((kind) => (
            <div key={kind}>
              <h3>{kind[0].toUpperCase() + kind.slice(1)}</h3>
              <ul>
                {(Object.keys(fieldGroupLabels) as FieldGroup[]).flatMap((group) =>
                  IMPORT_FIELDS[kind]
                    .filter((field) => field.group === group)
                    .map((field) => (
                      <li key={field.key}>
                        {field.label}
                        {field.required ? " (required)" : ""}
                      </li>
                    )),
                )}
              </ul>
            </div>
          ))}
          <p>
            Headings are matched in any case and spelling (“E-mail”, “Date started”, “Type of organisation”),
            and you can change any match in the next step.
          </p>
        </details>
      </section>
    </>
  );
}

/** A file input, laid out and described like the other fields (the shared fields have no file type). */
function FileField({ error }: { error?: string }) {
  const id = "field-file";
  const hintId = `${id}-hint`;
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id}>CSV file</label>
      <p className="hint" id={hintId}>
        Up to 5 MB, 50,000 rows and 200 columns. Saved from Excel, LibreOffice or Google Sheets (see below).
        {error ? " Choose the file again." : ""}
      </p>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      <input
        id={id}
        name="file"
        type="file"
        accept=".csv,text/csv"
        aria-required
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, error ? `${id}-error` : null].filter(Boolean).join(" ")}
      />
    </div>
  );
}
