import type {
  ActionFunctionArgs,
  HeadersFunction,
  LoaderFunctionArgs,
  MetaFunction,
  SerializeFrom,
} from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useLocation,
  useNavigation,
  useRevalidator,
} from "@remix-run/react";
import { Notice } from "~/components/flash";
import {
  ErrorSummary,
  FormState,
  MarkOptional,
  SelectField,
  TextAreaField,
  TextField,
  isFailure,
} from "~/components/form";
import { PageHeader } from "~/components/page-header";
import { PageNotice } from "~/components/page-notice";
import { parseMapping, parseRowFix, rowForm } from "~/forms/imports.server";
import { mappingFieldName } from "~/imports/fields";
import { ImportStatusBadge, ImportSteps } from "~/imports/components";
import { BatchProgressBar } from "~/imports/progress";
import {
  IMPORT_FIELDS,
  columnLetter,
  countOf,
  fieldGroupLabels,
  importKindLabels,
  isEqualityField,
  type FieldGroup,
  type ImportField,
} from "~/imports/fields";
import { chooseValue } from "~/imports/validate.server";
import {
  batchMonitoringCount,
  batchProgress,
  batchResult,
  getBatch,
  importBatch,
  previewBatch,
  setMapping,
  setRowEdit,
  skipRow,
  unskipRow,
  type ChangeResult,
} from "~/models/import.server";
import { canSeeEquality } from "~/models/monitoring.server";
import { requireUser } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/dates";
import { parseForm } from "~/utils/forms.server";
import { notFound, parseId, readFormData } from "~/utils/http.server";
import { withNotice } from "~/utils/notice";
import type { ImportKind } from "~db/enums";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.batch.filename ?? "Import"} · Imports · Partnership tracker` },
];

/** The rows may hold equality monitoring answers (special category data): no browser or proxy keeps a copy. */
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

/** The fields a person may see: equality monitoring only with the permission. */
function visibleFields(kind: ImportKind, equality: boolean) {
  return IMPORT_FIELDS[kind].filter((field) => equality || !isEqualityField(field));
}

/** A row's values, without the equality monitoring answers the person may not see. */
function visibleValues(values: Record<string, string>, fields: ImportField[]) {
  return Object.fromEntries(fields.map((field) => [field.key, values[field.key] ?? ""]));
}

/** A whole number from the query string, or undefined. */
function wholeNumber(value: string | null, max = 1_000_000) {
  if (!value || !/^\d{1,7}$/.test(value)) return undefined;
  const n = Number(value);
  return n <= max ? n : undefined;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "editor");
  const id = parseId(params.batchId);
  const batch = getBatch(id) ?? notFound();
  const equality = canSeeEquality(user);
  const fields = visibleFields(batch.kind, equality);
  const url = new URL(request.url);
  const summary = {
    id,
    kind: batch.kind,
    filename: batch.filename,
    status: batch.status,
    headers: batch.headers,
    mapping: batch.mapping,
    rowCount: batch.rows.length,
    importedCount: batch.importedCount,
    createdAt: batch.createdAt,
    createdByName: batch.createdByName,
    importedAt: batch.importedAt,
    undoneAt: batch.undoneAt,
    undoneByName: batch.undoneByName,
  };
  const base = { batch: summary, canSeeEquality: equality };

  if (batch.status === "importing" || batch.status === "undoing") {
    return { ...base, view: "working" as const, progress: batchProgress(id)! };
  }

  if (batch.status === "imported") {
    return {
      ...base,
      view: "result" as const,
      result: batchResult(id, batch.kind),
      monitoringCount: equality && batch.kind === "volunteers" ? batchMonitoringCount(id) : null,
    };
  }

  if (url.searchParams.get("step") === "columns") {
    // A few values from each column help a person recognise it; equality answers only for those permitted.
    const hidden = new Set(
      IMPORT_FIELDS[batch.kind]
        .filter((field) => isEqualityField(field) && !equality && field.key in batch.mapping)
        .map((field) => batch.mapping[field.key]),
    );
    const samples = batch.headers.map((_, column) => {
      if (hidden.has(column)) return "";
      const row = batch.rows.find((cells) => cells[column]);
      return row ? row[column].slice(0, 40) : "";
    });
    return { ...base, view: "columns" as const, samples };
  }

  const problemsOnly = url.searchParams.get("show") === "problems";
  const fixNumber = wholeNumber(url.searchParams.get("fix"));
  const preview = await previewBatch(
    batch,
    {
      page: wholeNumber(url.searchParams.get("page"), 100_000) ?? 1,
      problemsOnly,
      fix: fixNumber === undefined ? undefined : fixNumber - 2,
    },
    { canRecordEquality: equality },
  );
  const fixRow = preview.fixRow;
  return {
    ...base,
    view: "rows" as const,
    problemsOnly,
    counts: preview.counts,
    total: preview.total,
    page: preview.page,
    pages: preview.pages,
    rows: preview.rows.map((row) => ({
      index: row.index,
      number: row.number,
      skipped: row.skipped,
      problems: row.problems,
      notes: row.notes,
      values: visibleValues(row.values, fields),
    })),
    fix: fixRow
      ? {
          index: fixRow.index,
          number: fixRow.number,
          skipped: fixRow.skipped,
          problems: fixRow.problems,
          values: visibleValues(fixRow.values, fields),
          // What each choice reads as now, so the correction form can preselect it.
          chosen: Object.fromEntries(
            fields
              .filter((field) => field.type === "choice")
              .map((field) => [
                field.key,
                chooseValue(batch.kind, field.key, fixRow.values[field.key]) ?? null,
              ]),
          ),
        }
      : null,
  };
}

const IMPORT_FAILED =
  "The import stopped because of an unexpected error, and nothing was added. Try again; if it happens again, tell your administrator.";
const LOCKED = "These rows have been imported. Undo the import to change them.";

/** Where to go back to after a change: this batch's page as it was (filter and page kept). */
function backTo(formData: FormData, id: number) {
  const back = formData.get("back");
  const base = `/imports/${id}`;
  if (typeof back !== "string" || !(back === base || back.startsWith(`${base}?`))) return base;
  return back;
}

function changed(result: ChangeResult, path: string, notice: string, intent: string) {
  if (result.ok) {
    // Back to the row the person was working on, with the confirmation.
    const [where, row] = path.split("#");
    return redirect(withNotice(where, notice) + (row ? `#${row}` : ""));
  }
  if (result.reason === "not-found") notFound();
  if (result.reason === "no-such-row") notFound("There is no such row in this file.");
  return data({ intent, message: LOCKED }, { status: 409 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "editor");
  const id = parseId(params.batchId);
  const batch = getBatch(id) ?? notFound();
  const equality = canSeeEquality(user);
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  const back = backTo(formData, id);
  switch (intent) {
    case "mapping": {
      const parsed = parseMapping(formData, batch.kind, batch.headers, batch.mapping, equality);
      if (!parsed.ok) return data({ intent, errors: parsed.errors, values: parsed.values }, { status: 400 });
      return changed(setMapping(id, parsed.mapping), `/imports/${id}`, "matched", intent);
    }
    case "skip":
    case "include": {
      const parsed = parseForm(formData, rowForm);
      if (!parsed.ok) throw new Response("Choose a row.", { status: 400 });
      const result = intent === "skip" ? skipRow(id, parsed.data.row) : unskipRow(id, parsed.data.row);
      return changed(result, back, intent === "skip" ? "skipped" : "included", intent);
    }
    case "fix": {
      const row = parseForm(formData, rowForm);
      if (!row.ok) throw new Response("Choose a row.", { status: 400 });
      const parsed = parseRowFix(formData, batch.kind, equality);
      if (!parsed.ok) return data({ intent, errors: parsed.errors, values: parsed.values }, { status: 400 });
      return changed(setRowEdit(id, row.data.row, parsed.values), back, "fixed", intent);
    }
    case "import": {
      let result;
      try {
        result = await importBatch(id, user.id, { canRecordEquality: equality });
      } catch (error) {
        // All or nothing: the transaction was rolled back, so the person can simply try again.
        console.error(`Import ${id} failed`, error);
        return data({ intent, message: IMPORT_FAILED }, { status: 500 });
      }
      if (!result.ok) return data({ intent, message: result.message }, { status: 409 });
      return redirect(withNotice(`/imports/${id}`, "imported"));
    }
    default:
      throw new Response("Unknown action", { status: 400 });
  }
}

type LoaderData = SerializeFrom<typeof loader>;

export default function ImportBatch() {
  const loaded = useLoaderData<typeof loader>();
  const { batch } = loaded;
  return (
    <>
      <PageHeader title={batch.filename} crumbs={[{ to: "/imports", label: "Imports" }]}>
        <p className="lede">
          {batch.rowCount.toLocaleString("en-GB")} {batch.rowCount === 1 ? "row" : "rows"} of{" "}
          {importKindLabels[batch.kind].many}, uploaded {formatDateTime(batch.createdAt)}
          {batch.createdByName ? ` by ${batch.createdByName}` : ""}.{" "}
          <ImportStatusBadge status={batch.status} />
        </p>
        <ImportSteps
          current={
            loaded.view === "result" || loaded.view === "working"
              ? "import"
              : loaded.view === "columns"
                ? "columns"
                : "rows"
          }
          batchId={loaded.view === "result" || loaded.view === "working" ? undefined : batch.id}
        />
      </PageHeader>
      {loaded.view === "result" ? (
        <Result data={loaded} />
      ) : loaded.view === "working" ? (
        <Working data={loaded} />
      ) : loaded.view === "columns" ? (
        <Columns data={loaded} />
      ) : (
        <Rows data={loaded} />
      )}
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// While an import or undo runs (seen by anyone who opens the file meanwhile, or without JavaScript)

function Working({ data }: { data: Extract<LoaderData, { view: "working" }> }) {
  const { batch, progress } = data;
  const revalidator = useRevalidator();
  const undoing = progress.status === "undoing";
  return (
    <section className="card" aria-labelledby="working-title">
      <h2 id="working-title">{undoing ? "Undoing the import" : "Importing"}</h2>
      <p role="status">
        {undoing
          ? "The records this file added are being taken away. This page shows the file again when it is done."
          : "The rows are being added to the tracker. This page shows what was added when it is done."}
      </p>
      <BatchProgressBar
        batchId={batch.id}
        initial={progress}
        describe={(done, of) =>
          `${done.toLocaleString("en-GB")} of ${countOf(batch.kind, of)} ${undoing ? "taken away" : "added"} so far.`
        }
        onFinished={revalidator.revalidate}
      />
    </section>
  );
}

// ---------------------------------------------------------------------------------------------
// After the import

function Result({ data }: { data: Extract<LoaderData, { view: "result" }> }) {
  const { batch, result, monitoringCount } = data;
  const words = importKindLabels[batch.kind];
  const location = useLocation();
  const justImported = new URLSearchParams(location.search).get("notice") === "imported";
  return (
    <>
      {justImported ? (
        <Notice>
          Imported {countOf(batch.kind, batch.importedCount)}.{" "}
          <Link to={`/imports/${batch.id}/undo`}>Undo</Link>
        </Notice>
      ) : null}
      <section className="card" aria-labelledby="result-title">
        <h2 id="result-title">What the import added</h2>
        <ul>
          <li>
            {countOf(batch.kind, result.records)}
            {batch.importedAt ? `, on ${formatDateTime(batch.importedAt)}` : ""}:{" "}
            <Link to={words.path}>see them with the other {words.many}</Link>.
          </li>
          {batch.kind === "partners" ? (
            <li>
              {result.contacts.toLocaleString("en-GB")} {result.contacts === 1 ? "contact" : "contacts"} at
              those partners.
            </li>
          ) : null}
          {monitoringCount !== null ? (
            <li>
              Equality monitoring answers for {countOf(batch.kind, monitoringCount)}, whose consent the file
              recorded.
            </li>
          ) : null}
          <li>
            {result.suggestions.toLocaleString("en-GB")} suggested{" "}
            {result.suggestions === 1 ? "link" : "links"} to the checklist, as if each record had been typed
            in: <Link to="/evidence/suggestions">review suggested evidence</Link>.
          </li>
        </ul>
        <p>
          Each record’s history shows that you added it. If the import was a mistake, you can undo it as a
          whole.
        </p>
        <p>
          <Link to={`/imports/${batch.id}/undo`} className="button button--secondary">
            Undo this import
          </Link>
        </p>
      </section>
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// Step 2: matching columns to fields

function Columns({ data }: { data: Extract<LoaderData, { view: "columns" }> }) {
  const { batch, samples, canSeeEquality: equality } = data;
  const actionData = useActionData<typeof action>();
  const failed =
    actionData && "intent" in actionData && actionData.intent === "mapping" ? actionData : undefined;
  const options = batch.headers.map((header, column) => ({
    value: String(column),
    label: `${columnLetter(column)}: ${header}${samples[column] ? ` (for example “${samples[column]}”)` : ""}`,
  }));
  const used = new Set(Object.values(batch.mapping));
  const unused = batch.headers.filter((_, column) => !used.has(column));
  const groups = (Object.keys(fieldGroupLabels) as FieldGroup[]).filter((group) =>
    IMPORT_FIELDS[batch.kind].some((field) => field.group === group),
  );
  return (
    <section aria-labelledby="columns-title">
      <h2 id="columns-title">Match the file’s columns to fields</h2>
      <p>
        We matched the columns from their headings. Check each field below and change any match that is wrong;
        choose “Not in the file” for a field the file does not have. Nothing is imported yet.
      </p>
      {unused.length > 0 ? (
        <p className="hint">
          Columns not matched to any field, which will not be imported: {unused.join(", ")}.
        </p>
      ) : null}
      <FormState failure={failed}>
        <ErrorSummary />
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="mapping" />
          <MarkOptional value={false}>
            {groups.map((group) => {
              const equalityGroup = group === "monitoring" || group === "consent";
              return (
                <fieldset key={group} className="form-section">
                  <legend>{fieldGroupLabels[group]}</legend>
                  {equalityGroup && group === "monitoring" ? (
                    <p className="hint">
                      Equality monitoring answers are special category data: they are imported only for people
                      whose consent the file records (a consent date and how it was given).
                    </p>
                  ) : null}
                  {equalityGroup && !equality ? (
                    <p>
                      Only administrators and people given the equality data permission can import these
                      answers, so they will be left out.
                    </p>
                  ) : (
                    IMPORT_FIELDS[batch.kind]
                      .filter((field) => field.group === group)
                      .map((field) => (
                        <SelectField
                          key={field.key}
                          name={mappingFieldName(field.key)}
                          label={field.label}
                          options={options}
                          placeholder="Not in the file"
                          defaultValue={batch.mapping[field.key] ?? ""}
                          hint={mappingHint(field, batch.kind)}
                        />
                      ))
                  )}
                </fieldset>
              );
            })}
          </MarkOptional>
          <button type="submit" className="button">
            Save and check the rows
          </button>
        </Form>
      </FormState>
    </section>
  );
}

function mappingHint(field: ImportField, kind: ImportKind) {
  const parts: string[] = [];
  const split = IMPORT_FIELDS[kind].some((other) => other.key === "firstName");
  if (field.key === "name" && split)
    parts.push("Every row needs a name: match it here, or match First name and Last name.");
  else if (field.required) parts.push("Every row needs this.");
  if (field.blankMeans && field.options) {
    const label = field.options.find((option) => option.value === field.blankMeans)?.label;
    parts.push(`A blank cell means ${label}.`);
  }
  if (field.hint) parts.push(field.hint);
  return parts.length ? parts.join(" ") : undefined;
}

// ---------------------------------------------------------------------------------------------
// Step 3: the preview, with corrections; step 4: importing

const summaryFields: Record<ImportKind, string[]> = {
  partners: ["type", "status", "startDate", "contactName"],
  contributors: ["kind", "partner", "email", "activeFrom"],
  volunteers: ["programme", "status", "startDate", "email"],
};

function rowName(values: Record<string, string>) {
  return values.name || [values.firstName, values.lastName].filter(Boolean).join(" ");
}

function Rows({ data }: { data: Extract<LoaderData, { view: "rows" }> }) {
  const { batch, counts, rows, fix, problemsOnly, page, pages, total, canSeeEquality: equality } = data;
  const location = useLocation();
  const navigation = useNavigation();
  const actionData = useActionData<typeof action>();
  const importFailed =
    actionData && "intent" in actionData && actionData.intent === "import" && "message" in actionData
      ? actionData.message
      : undefined;
  const locked =
    actionData && "message" in actionData && actionData.intent !== "import" ? actionData.message : undefined;
  const importing = navigation.state === "submitting" && navigation.formData?.get("intent") === "import";
  const fields = IMPORT_FIELDS[batch.kind];
  const labelOf = (key: string) => fields.find((field) => field.key === key)?.label ?? key;

  // The page as it is, for forms to come back to (without a one-off notice or an open correction).
  const params = new URLSearchParams(location.search);
  params.delete("notice");
  params.delete("fix");
  const query = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) next.delete(key);
      else next.set(key, value);
    }
    const text = next.toString();
    return text ? `?${text}` : "";
  };
  const back = `/imports/${batch.id}${query({})}`;
  const matched = fields.filter(
    (field) => field.key in batch.mapping && (equality || !isEqualityField(field)),
  );

  return (
    <>
      {batch.status === "undone" ? (
        <Notice tone="info">
          This import was undone
          {batch.undoneAt ? ` on ${formatDateTime(batch.undoneAt)}` : ""}
          {batch.undoneByName ? ` by ${batch.undoneByName}` : ""}: the records it added were deleted. You can
          change the rows and import them again.
        </Notice>
      ) : null}
      <PageNotice
        messages={{
          matched: "The columns are matched. Check the rows below.",
          fixed: "Your correction has been saved.",
          skipped: "The row will be left out of the import.",
          included: "The row will be imported.",
        }}
      />
      {locked ? (
        <div className="error-summary" role="alert">
          <p>{locked}</p>
        </div>
      ) : null}

      <section aria-labelledby="rows-title">
        <h2 id="rows-title">Check the rows</h2>
        <p>
          {counts.rows.toLocaleString("en-GB")} {counts.rows === 1 ? "row" : "rows"} in the file:{" "}
          <strong>{counts.ready.toLocaleString("en-GB")} ready to import</strong>,{" "}
          {counts.problems.toLocaleString("en-GB")} with problems, {counts.skipped.toLocaleString("en-GB")}{" "}
          skipped.
          {counts.notes > 0
            ? ` ${counts.notes.toLocaleString("en-GB")} ${counts.notes === 1 ? "row has a note" : "rows have notes"} worth reading.`
            : ""}
        </p>
        <p className="hint">
          Row numbers are as in your spreadsheet, counting the heading row as row 1 and leaving out empty
          rows. Fix a row here, or skip it to leave it out; the file itself is not changed.
        </p>
        <p>
          {matched.length === 0
            ? "No column is matched to a field yet. "
            : `Matched: ${matched.map((field) => `${field.label} from “${batch.headers[batch.mapping[field.key]]}”`).join("; ")}. `}
          <Link to={`/imports/${batch.id}?step=columns`}>Change how columns are matched</Link>
        </p>

        {fix ? (
          <FixRow
            kind={batch.kind}
            fix={fix}
            back={back}
            cancel={`/imports/${batch.id}${query({})}#row-${fix.number}`}
            equality={equality}
          />
        ) : null}

        <nav aria-label="Which rows to show" className="button-row">
          <Link
            to={`/imports/${batch.id}${query({ show: undefined, page: undefined })}`}
            aria-current={problemsOnly ? undefined : "page"}
          >
            All rows ({counts.rows.toLocaleString("en-GB")})
          </Link>
          <Link
            to={`/imports/${batch.id}${query({ show: "problems", page: undefined })}`}
            aria-current={problemsOnly ? "page" : undefined}
          >
            Problems only ({counts.problems.toLocaleString("en-GB")})
          </Link>
        </nav>

        {rows.length === 0 ? (
          <div className="empty-state">
            <p>
              {problemsOnly
                ? "No row has a problem: every row is ready to import or skipped."
                : "The file has no rows."}
            </p>
          </div>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">
                {problemsOnly
                  ? "Rows with problems"
                  : "Rows of the file: rows with problems first, then rows ready to import, then skipped rows"}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Name</th>
                  <th scope="col">Details</th>
                  <th scope="col">Check</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const details = summaryFields[batch.kind]
                    .filter((key) => row.values[key])
                    .map((key) => `${labelOf(key)}: ${row.values[key]}`);
                  const name = rowName(row.values) || "(no name)";
                  return (
                    <tr key={row.index} id={`row-${row.number}`}>
                      <th scope="row">{row.number}</th>
                      <td>{name}</td>
                      <td>{details.join(" · ")}</td>
                      <td>
                        {row.skipped ? (
                          <span className="badge badge--muted">Skipped</span>
                        ) : row.problems.length === 0 ? (
                          <span className="badge badge--ok">Ready</span>
                        ) : (
                          <ul className="plain-list">
                            {row.problems.map((problem) => (
                              <li key={problem} className="field-error">
                                {problem}
                              </li>
                            ))}
                          </ul>
                        )}
                        {row.notes.length > 0 && !row.skipped ? (
                          <ul className="plain-list muted">
                            {row.notes.map((note) => (
                              <li key={note}>{note}</li>
                            ))}
                          </ul>
                        ) : null}
                      </td>
                      <td>
                        <div className="button-row button-row--tight">
                          <Link
                            to={`/imports/${batch.id}${query({ fix: String(row.number) })}#fix-row`}
                            className="small-link"
                          >
                            Fix<span className="visually-hidden"> row {row.number}</span>
                          </Link>
                          <Form method="post" className="inline-form">
                            <input type="hidden" name="intent" value={row.skipped ? "include" : "skip"} />
                            <input type="hidden" name="row" value={row.index} />
                            <input type="hidden" name="back" value={`${back}#row-${row.number}`} />
                            <button type="submit" className="button button--small button--secondary">
                              {row.skipped ? "Include" : "Skip"}
                              <span className="visually-hidden"> row {row.number}</span>
                            </button>
                          </Form>
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <RowPages
          page={page}
          pages={pages}
          total={total}
          link={(n) => `/imports/${batch.id}${query({ page: n === 1 ? undefined : String(n) })}`}
        />
      </section>

      <section aria-labelledby="import-title" className="card">
        <h2 id="import-title">Import</h2>
        {importFailed ? (
          <div className="error-summary" role="alert">
            <p>{importFailed}</p>
          </div>
        ) : null}
        <p id="import-explained">
          {counts.problems > 0
            ? `${counts.problems === 1 ? "1 row has" : `${counts.problems.toLocaleString("en-GB")} rows have`} problems. Fix or skip ${counts.problems === 1 ? "it" : "them"} before importing: the import adds every row or none.`
            : counts.ready === 0
              ? "Every row is skipped, so there is nothing to import."
              : `${countOf(batch.kind, counts.ready)} will be added, all at once. You can undo the import afterwards.`}
        </p>
        <Form method="post">
          <input type="hidden" name="intent" value="import" />
          <button
            type="submit"
            className="button"
            disabled={counts.problems > 0 || counts.ready === 0 || importing}
            aria-describedby="import-explained"
          >
            {importing
              ? `Importing ${countOf(batch.kind, counts.ready)}…`
              : `Import ${countOf(batch.kind, counts.ready)}`}
          </button>
        </Form>
        <p role="status" className="muted">
          {importing ? "Importing: large files take a few seconds. Please keep this page open." : ""}
        </p>
        {importing ? (
          <BatchProgressBar
            batchId={batch.id}
            initial={{ done: 0, total: counts.ready }}
            describe={(done, of) =>
              `${done.toLocaleString("en-GB")} of ${countOf(batch.kind, of)} added so far.`
            }
          />
        ) : null}
      </section>
    </>
  );
}

function RowPages({
  page,
  pages,
  total,
  link,
}: {
  page: number;
  pages: number;
  total: number;
  link: (n: number) => string;
}) {
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label="Pages of rows">
      <ul>
        {page > 1 ? (
          <li>
            <Link to={link(page - 1)} rel="prev">
              ‹ Previous<span className="visually-hidden"> page</span>
            </Link>
          </li>
        ) : null}
        <li>
          <span aria-current="page">
            Page {page.toLocaleString("en-GB")} of {pages.toLocaleString("en-GB")} (
            {total.toLocaleString("en-GB")} rows)
          </span>
        </li>
        {page < pages ? (
          <li>
            <Link to={link(page + 1)} rel="next">
              Next<span className="visually-hidden"> page</span> ›
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

const LONG_TEXT = new Set(["notes", "addsValue", "endReason", "skills", "roles"]);

function FixRow({
  kind,
  fix,
  back,
  cancel,
  equality,
}: {
  kind: ImportKind;
  fix: NonNullable<Extract<LoaderData, { view: "rows" }>["fix"]>;
  back: string;
  cancel: string;
  equality: boolean;
}) {
  const actionData = useActionData<typeof action>();
  const failed =
    actionData && "intent" in actionData && actionData.intent === "fix" && isFailure(actionData)
      ? actionData
      : undefined;
  const fields = visibleFields(kind, equality);
  return (
    <section id="fix-row" className="card" aria-labelledby="fix-title" tabIndex={-1}>
      <h3 id="fix-title">Fix row {fix.number}</h3>
      {fix.problems.length > 0 ? (
        <ul>
          {fix.problems.map((problem) => (
            <li key={problem} className="field-error">
              {problem}
            </li>
          ))}
        </ul>
      ) : (
        <p>This row has no problems.</p>
      )}
      <p className="hint">Change what the row should say. Only this row changes; your file stays as it is.</p>
      <FormState failure={failed}>
        <ErrorSummary />
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="fix" />
          <input type="hidden" name="row" value={fix.index} />
          <input type="hidden" name="back" value={`${back}#row-${fix.number}`} />
          <MarkOptional value={false}>
            {fields.map((field) => {
              const value = fix.values[field.key] ?? "";
              if (field.type === "choice" && field.options) {
                const chosen = fix.chosen[field.key];
                const chosenLabel = field.options.find((option) => option.value === chosen)?.label;
                const unknown = value !== "" && !chosenLabel;
                const blank = field.blankMeans
                  ? `Blank (${field.options.find((option) => option.value === field.blankMeans)?.label})`
                  : "Blank";
                return (
                  <SelectField
                    key={field.key}
                    name={field.key}
                    label={field.label}
                    options={[
                      ...(unknown ? [{ value, label: `${value} (not recognised)` }] : []),
                      ...field.options.map((option) => ({ value: option.label, label: option.label })),
                    ]}
                    placeholder={blank}
                    defaultValue={unknown ? value : (chosenLabel ?? "")}
                  />
                );
              }
              return LONG_TEXT.has(field.key) ? (
                <TextAreaField
                  key={field.key}
                  name={field.key}
                  label={field.label}
                  defaultValue={value}
                  rows={2}
                  hint={field.hint}
                />
              ) : (
                <TextField
                  key={field.key}
                  name={field.key}
                  label={field.label}
                  defaultValue={value}
                  hint={field.hint}
                />
              );
            })}
          </MarkOptional>
          <div className="button-row">
            <button type="submit" className="button">
              Save row {fix.number}
            </button>
            <Link to={cancel}>Cancel</Link>
          </div>
        </Form>
      </FormState>
    </section>
  );
}
