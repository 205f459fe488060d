import { Link } from "@remix-run/react";
import type { ImportStatus } from "~db/enums";

export const importStatusLabels: Record<ImportStatus, string> = {
  draft: "Not imported yet",
  importing: "Importing",
  imported: "Imported",
  undoing: "Undoing",
  undone: "Undone",
};

export function ImportStatusBadge({ status }: { status: ImportStatus }) {
  const tone = status === "imported" ? " badge--ok" : status === "undone" ? " badge--muted" : " badge--warn";
  return <span className={`badge${tone}`}>{importStatusLabels[status]}</span>;
}

export type ImportStep = "upload" | "columns" | "rows" | "import";

const steps: { key: ImportStep; label: string }[] = [
  { key: "upload", label: "Upload the file" },
  { key: "columns", label: "Match columns to fields" },
  { key: "rows", label: "Check and fix the rows" },
  { key: "import", label: "Import" },
];

/** Where the person is in the four steps; earlier steps link back when there is somewhere to go. */
export function ImportSteps({ current, batchId }: { current: ImportStep; batchId?: number }) {
  const at = steps.findIndex((step) => step.key === current);
  const linkTo = (key: ImportStep) =>
    batchId === undefined
      ? null
      : key === "columns"
        ? `/imports/${batchId}?step=columns`
        : key === "rows"
          ? `/imports/${batchId}`
          : null;
  return (
    <nav aria-label="Steps of the import">
      <ol className="tag-list">
        {steps.map((step, index) => {
          const to = index < at ? linkTo(step.key) : null;
          const text = `${index + 1}. ${step.label}`;
          return (
            <li key={step.key} className={index === at ? "badge badge--ok" : "badge badge--muted"}>
              {index === at ? (
                <span aria-current="step">{text}</span>
              ) : to ? (
                <Link to={to}>{text}</Link>
              ) : (
                <>
                  {text}
                  {index < at ? <span className="visually-hidden"> (done)</span> : null}
                </>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
