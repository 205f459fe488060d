import { Link } from "@remix-run/react";
import { useAppUser } from "~/utils/app-user";
import { roleAllows } from "~/utils/roles";

/**
 * Edit (for editors), History and, for records about a person, Personal data (for admins) links
 * at the top of a record's page.
 */
export function RecordActions({
  editTo,
  historyTo,
  personalDataTo,
}: {
  editTo: string;
  historyTo: string;
  personalDataTo?: string;
}) {
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
      {user.role === "admin" && personalDataTo ? (
        <Link to={personalDataTo} className="button button--secondary">
          Personal data
        </Link>
      ) : null}
    </>
  );
}
