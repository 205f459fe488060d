import { SelectField, TextField, type Option } from "~/components/form";

export const FOLLOW_UP_ROWS = [1, 2, 3] as const;
export type FollowUpRow = (typeof FOLLOW_UP_ROWS)[number];

/** Up to three follow-up actions, each with who will do it and by when, under a meeting or a review. */
export function FollowUpActionFields({ owners, hint }: { owners: Option[]; hint: string }) {
  return (
    <fieldset className="form-section">
      <legend>
        <h2>Follow-up actions</h2>
      </legend>
      <p className="hint">{hint}</p>
      {FOLLOW_UP_ROWS.map((row) => (
        <fieldset key={row} className="card">
          <legend>Action {row}</legend>
          <TextField name={`actionDescription${row}`} label="What needs doing" />
          <SelectField
            name={`actionOwner${row}`}
            label="Who will do it"
            options={owners}
            placeholder="Choose…"
          />
          <TextField name={`actionDue${row}`} label="Due by" type="date" width="medium" />
        </fieldset>
      ))}
    </fieldset>
  );
}
