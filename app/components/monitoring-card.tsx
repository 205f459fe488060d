import { Link } from "@remix-run/react";
import { useCanEdit } from "~/utils/app-user";

/** For a record's page, to permitted users only: whether answers are recorded, and where to go. */
export function MonitoringCard({ status, href }: { status: "recorded" | "not recorded"; href: string }) {
  const canEdit = useCanEdit();
  return (
    <section className="card" aria-labelledby="monitoring-title">
      <h2 id="monitoring-title">Equality monitoring</h2>
      <p>
        {status === "recorded" ? (
          <span className="badge badge--ok">Recorded</span>
        ) : (
          <span className="badge badge--muted">Not recorded</span>
        )}
      </p>
      <p>
        <Link to={href}>
          {status === "recorded"
            ? canEdit
              ? "See or change their answers"
              : "See their answers"
            : canEdit
              ? "Record their answers"
              : "More about equality monitoring"}
        </Link>
      </p>
    </section>
  );
}
