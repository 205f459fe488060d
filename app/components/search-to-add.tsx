import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { TextField } from "~/components/form";

export type MatchesToAdd<T> = { matches: T[]; more: boolean };

/**
 * Finding records to add to something by part of their name, instead of a list of every record:
 * a search form (a GET, so it works without JavaScript and can be bookmarked), then at most a
 * screenful of matches, each with its own small form that posts `intent`, the match's id as
 * `idField` and the search (so the page comes back to it), plus any `fields` of its own.
 */
export function SearchToAdd<T extends { id: number; name: string }>({
  action,
  name,
  label,
  plural,
  leftOut,
  query,
  search,
  intent,
  idField,
  error,
  details,
  fields,
  matchKey = (match) => String(match.id),
}: {
  /** Where the search goes: the page itself. */
  action: string;
  /** The query-string key, such as `partnerQuery`. */
  name: string;
  label: string;
  /** What is searched for, in the plural and lower case: "partners". */
  plural: string;
  /** Which records the search leaves out, as in "No partners who are not already on this project match". */
  leftOut: string;
  query: string;
  search: MatchesToAdd<T> | null;
  /** The action's intent for adding one, such as `add-partner`. */
  intent: string;
  /** The form field the match's id goes in, such as `partnerId`. */
  idField: string;
  /** Why the last attempt to add one was refused. */
  error?: string;
  /** Shown after a match's name, such as its kind. */
  details?: (match: T) => ReactNode;
  /** More fields a match's form asks for, such as the partner's role. */
  fields?: (match: T) => ReactNode;
  /** Tells matches apart when ids alone do not (a search of two kinds of record). */
  matchKey?: (match: T) => string;
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
        <p className="field-error" role="alert" id={`field-${idField}`}>
          {error}
        </p>
      ) : null}
      {search ? (
        search.matches.length === 0 ? (
          <p role="status">
            No {plural} {leftOut} match &ldquo;{query}&rdquo;.
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
                <li key={matchKey(match)}>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value={intent} />
                    <input type="hidden" name={idField} value={match.id} />
                    <input type="hidden" name={name} value={query} />
                    {match.name} {details?.(match)} {fields?.(match)}{" "}
                    <button type="submit" className="button button--secondary button--small">
                      Add<span className="visually-hidden"> {match.name}</span>
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          </>
        )
      ) : null}
    </div>
  );
}
