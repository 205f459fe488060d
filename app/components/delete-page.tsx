import { Form, Link } from "@remix-run/react";
import { PageHeader, type Crumb } from "./page-header";

/**
 * The confirmation before a deletion, or, when other records depend on this one, the reason it
 * cannot be deleted and what to do instead.
 */
export function DeletePage({
  title,
  name,
  crumbs,
  backTo,
  dependants,
  instead,
}: {
  title: string;
  name: string;
  crumbs: Crumb[];
  backTo: string;
  dependants: string[];
  instead?: string;
}) {
  return (
    <>
      <PageHeader title={title} crumbs={crumbs} />
      {dependants.length > 0 ? (
        <div className="card">
          <p>
            <strong>{name}</strong> cannot be deleted, because other records refer to it:{" "}
            {listInWords(dependants)}.
          </p>
          {instead ? <p>{instead}</p> : null}
          <p>
            <Link to={backTo}>Go back to {name}</Link>
          </p>
        </div>
      ) : (
        <div className="card">
          <p>
            Delete <strong>{name}</strong>? This cannot be undone. Its history stays in the audit trail.
          </p>
          {instead ? <p>{instead}</p> : null}
          <Form method="post" className="button-row">
            <button type="submit" className="button button--danger">
              Yes, delete {name}
            </button>
            <Link to={backTo}>No, go back</Link>
          </Form>
        </div>
      )}
    </>
  );
}

export function listInWords(items: string[]) {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
