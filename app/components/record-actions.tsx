import { Link } from "@remix-run/react";
import { useAppUser } from "~/utils/app-user";
import { roleAllows } from "~/utils/roles";

/** Edit (for editors) and History (for admins) links at the top of a record's page. */
export function RecordActions({ editTo, historyTo }: { editTo: string; historyTo: string }) {
  const user = useAppUser();
  return (
    <>
      {roleAllows(user.role, "editor") ? (
        <Link to={editTo} className="button">
          Edit
        </Link>
      ) : null}
      {user.role === "admin" ? (
        <Link to={historyTo} className="button button--secondary">
          History
        </Link>
      ) : null}
    </>
  );
}
