import type { ReactNode } from "react";

export type DetailRow = [label: string, value: ReactNode];

/** A record's fields as label and value; empty values say "Not recorded" rather than vanish. */
export function Details({ rows }: { rows: readonly (readonly [string, ReactNode])[] }) {
  return (
    <dl className="details">
      {rows.map(([label, value]) => (
        <div key={label} className="details__row">
          <dt>{label}</dt>
          <dd>
            {value === null || value === undefined || value === "" ? (
              <span className="muted">Not recorded</span>
            ) : (
              value
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function yesNo(value: boolean | null | undefined) {
  return value ? "Yes" : "No";
}
