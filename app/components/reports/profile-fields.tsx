import { MarkOptional, TextField } from "~/components/form";
import {
  communityLayout,
  monitoringQuestions,
  percentField,
  reportQuestionLabels,
  type LayoutRow,
  type MonitoringQuestion,
} from "~/reports/labels";
import type { FieldErrors } from "~/utils/forms.server";

function PercentInput({
  question,
  row,
  label,
  values,
}: {
  question: MonitoringQuestion;
  row: LayoutRow;
  label?: string;
  values?: Record<string, string>;
}) {
  const name = percentField(question, row.key);
  return (
    <TextField
      name={name}
      label={label ?? row.label}
      inputMode="decimal"
      autoComplete="off"
      width="short"
      defaultValue={values?.[name]}
    />
  );
}

/** Rows in order: runs of plain categories together, each category with groups on its own. */
function runs(rows: LayoutRow[]): (LayoutRow[] | LayoutRow)[] {
  const result: (LayoutRow[] | LayoutRow)[] = [];
  for (const row of rows) {
    const last = result[result.length - 1];
    if (row.children) result.push(row);
    else if (Array.isArray(last)) last.push(row);
    else result.push([row]);
  }
  return result;
}

/**
 * The fields of a community profile, shared by the new and edit forms: its name, source and year,
 * then for every question a percentage for each category (blank when the source gives none).
 * Ethnic groups sit under their census category, socio-economic answers under their background.
 */
export function ProfileFields({
  profile,
  values,
  errors = {},
}: {
  profile?: { name: string; source: string | null; year: number | null };
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  return (
    <>
      <TextField
        name="name"
        label="Name"
        hint="For example: Leeds, Census 2021."
        defaultValue={profile?.name}
        autoComplete="off"
        required
      />
      <TextField
        name="source"
        label="Source"
        hint="Where the figures come from, for example: Office for National Statistics, Census 2021, table TS021."
        defaultValue={profile?.source}
        autoComplete="off"
      />
      <TextField
        name="year"
        label="Year"
        inputMode="numeric"
        width="short"
        defaultValue={profile?.year}
        autoComplete="off"
      />
      <h2>Percentages</h2>
      <p className="hint">
        The share of the community in each category, from 0 to 100, with at most one decimal place (for
        example 12.5). Leave blank any figure the source does not give. A category’s own figure is used when
        given; otherwise the report adds up its groups.
      </p>
      <MarkOptional value={false}>
        {monitoringQuestions.map((question) => {
          const id = `field-${question}`;
          const error = errors[question]?.[0];
          return (
            <fieldset
              key={question}
              id={id}
              className={`percent-question${error ? " field--error" : ""}`}
              aria-describedby={error ? `${id}-error` : undefined}
            >
              <legend>{reportQuestionLabels[question]}</legend>
              {error ? (
                <p className="field-error" id={`${id}-error`}>
                  <span className="visually-hidden">Error: </span>
                  {error}
                </p>
              ) : null}
              {runs(communityLayout[question]).map((run) =>
                Array.isArray(run) ? (
                  <div className="percent-grid" key={run[0].key}>
                    {run.map((row) => (
                      <PercentInput key={row.key} question={question} row={row} values={values} />
                    ))}
                  </div>
                ) : (
                  <fieldset key={run.key} className="percent-group">
                    <legend>{run.label}</legend>
                    <div className="percent-grid">
                      <PercentInput
                        question={question}
                        row={run}
                        label="All in this category"
                        values={values}
                      />
                      {run.children!.map((child) => (
                        <PercentInput key={child.key} question={question} row={child} values={values} />
                      ))}
                    </div>
                  </fieldset>
                ),
              )}
            </fieldset>
          );
        })}
      </MarkOptional>
    </>
  );
}
