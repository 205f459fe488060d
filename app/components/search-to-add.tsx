import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { TextField } from "~/components/form";

export type MatchesToAdd<T> = { matches: T[]; more: boolean };

/**
 * Finding records to add to something by part of their name, instead of a list of every record:
 * a search form (a GET, so it works without JavaScript and can be bookmarked), then at most a
 * screenful of matches, each shown by `renderMatch` with its own small form to add it.
 */
export function SearchToAdd<T extends { id: number }>({
  action,
  name,
  label,
  plural,
  query,
  search,
  error,
  errorId,
  renderMatch,
}: {
  /** Where the search goes: the page itself. */
  action: string;
  /** The query-string key, such as `partnerQuery`. */
  name: string;
  label: string;
  /** What is searched for, in the plural and lower case: "partners". */
  plural: string;
  query: string;
  search: MatchesToAdd<T> | null;
  /** Why the last attempt to add one was refused. */
  error?: string;
  errorId: string;
  renderMatch: (match: T) => ReactNode;
}) {
  return (
    <div className="form-section">
      <Form method="get" action={action} role="search" aria-label={label}>
        <TextField
          name={name}
          label={label}
          type="search"
          defaultValue={query}
          hint="Type part of the name."
        />
        <button type="submit" className="button button--secondary">
          Search {plural}
        </button>
      </Form>
      {error ? (
        <p className="field-error" role="alert" id={errorId}>
          {error}
        </p>
      ) : null}
      {search ? (
        search.matches.length === 0 ? (
          <p role="status">
            No {plural} who are not already on this project match &ldquo;{query}&rdquo;.
          </p>
        ) : (
          <>
            <p role="status">
              {search.more
                ? `The first ${search.matches.length} matches for “${query}”. Type more of the name to narrow them down.`
                : `${search.matches.length} ${search.matches.length === 1 ? "match" : "matches"} for “${query}”.`}
            </p>
            <ul className="plain-list" aria-label={`${plural[0].toUpperCase()}${plural.slice(1)} to add`}>
              {search.matches.map((match) => (
                <li key={match.id}>{renderMatch(match)}</li>
              ))}
            </ul>
          </>
        )
      ) : null}
    </div>
  );
}
