import type { AuditAction } from "~db/enums";
import { formatDateTime, isoInstant } from "~/utils/dates";

export type HistoryEvent = {
  id: number;
  at: Date | string;
  action: AuditAction;
  userName: string | null;
  changes: Record<string, [unknown, unknown]>;
};

const verbs: Record<AuditAction, string> = {
  create: "Created",
  update: "Changed",
  delete: "Deleted",
  view: "Viewed",
  export: "Personal data downloaded",
  erase: "Personal data erased",
};

/** Words a person reads for a field name: "canViewEquality" → "can view equality". */
export function fieldLabel(field: string) {
  return field
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .toLowerCase();
}

function show(value: unknown) {
  if (value === null || value === undefined || value === "") return <span className="muted">empty</span>;
  if (value === true) return "yes";
  if (value === false) return "no";
  return String(value);
}

/** The audit trail of one record: who did what, when, and each field's value before and after. */
export function History({ events }: { events: HistoryEvent[] }) {
  if (events.length === 0) return <p className="muted">No changes have been recorded.</p>;
  return (
    <ol className="history">
      {events.map((event) => (
        <li key={event.id}>
          <p>
            <strong>{verbs[event.action]}</strong>{" "}
            {event.userName ? `by ${event.userName}` : "automatically or through a public link"} on{" "}
            <time dateTime={isoInstant(event.at)}>{formatDateTime(event.at)}</time>
          </p>
          <ChangesTable changes={event.changes} caption="Fields changed" />
        </li>
      ))}
    </ol>
  );
}

/** Each field's value before and after one change, or nothing when no field changed. */
export function ChangesTable({
  changes,
  caption,
}: {
  changes: Record<string, [unknown, unknown]>;
  caption: string;
}) {
  if (Object.keys(changes).length === 0) return null;
  return (
    <div className="table-scroll">
      <table className="table--compact">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(changes).map(([field, [before, after]]) => (
            <tr key={field}>
              <th scope="row">{fieldLabel(field)}</th>
              <td>{show(before)}</td>
              <td>{show(after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
