import type { LineEvidence } from "~/evidence/answers";
import { formatDate } from "~/utils/dates";

/** "4 items, 3 recent · newest 2 Nov 2026", or "No evidence yet". */
export function CoverageCell({ evidence }: { evidence: LineEvidence }) {
  if (evidence.confirmed === 0) {
    return (
      <span className="muted">
        No evidence yet{evidence.suggested ? ` · ${evidence.suggested} suggested` : ""}
      </span>
    );
  }
  return (
    <span>
      {evidence.confirmed.toLocaleString("en-GB")} item{evidence.confirmed === 1 ? "" : "s"}
      {evidence.recent < evidence.confirmed ? `, ${evidence.recent.toLocaleString("en-GB")} recent` : ""}
      {evidence.newest ? ` · newest ${formatDate(evidence.newest)}` : ""}
      {evidence.suggested ? <span className="muted"> · {evidence.suggested} suggested</span> : null}
    </span>
  );
}
