import { Form, Link, useLocation, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { MarkOptional } from "./form";

const PAGE_SIZE = 25;
const number = new Intl.NumberFormat("en-GB");

/** The current query string with some parameters changed (and the page reset unless given). */
export function useQueryWith() {
  const location = useLocation();
  return (changes: Record<string, string | number | undefined>) => {
    const params = new URLSearchParams(location.search);
    params.delete("notice");
    if (!("page" in changes)) params.delete("page");
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === "") params.delete(key);
      else params.set(key, String(value));
    }
    const query = params.toString();
    return query ? `?${query}` : "?";
  };
}

/** "Showing 26–50 of 1,204 partners", announced when it changes. */
export function ResultCount({ total, page, noun }: { total: number; page: number; noun: [string, string] }) {
  const first = total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
  const last = Math.min(total, page * PAGE_SIZE);
  const word = total === 1 ? noun[0] : noun[1];
  // With nothing to show, the list's own empty state explains why; the count is only announced.
  return (
    <p className={total === 0 ? "result-count visually-hidden" : "result-count"} role="status">
      {total === 0
        ? `No ${noun[1]} match.`
        : total <= PAGE_SIZE
          ? `${number.format(total)} ${word}`
          : `Showing ${number.format(first)}–${number.format(last)} of ${number.format(total)} ${word}`}
    </p>
  );
}

export function Pagination({ total, page }: { total: number; page: number }) {
  const queryWith = useQueryWith();
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label="Pages">
      <ul>
        {page > 1 ? (
          <li>
            <Link to={queryWith({ page: page - 1 })} rel="prev">
              ‹ Previous<span className="visually-hidden"> page</span>
            </Link>
          </li>
        ) : null}
        <li>
          <span aria-current="page">
            Page {number.format(page)} of {number.format(pages)}
          </span>
        </li>
        {page < pages ? (
          <li>
            <Link to={queryWith({ page: page + 1 })} rel="next">
              Next<span className="visually-hidden"> page</span> ›
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/** A column heading that sorts the list; says which way it is sorted now. */
export function SortHeader({
  label,
  sortKey,
  current,
  dir,
  defaultDir = "asc",
  className,
}: {
  label: string;
  sortKey: string;
  current: string;
  dir: "asc" | "desc";
  defaultDir?: "asc" | "desc";
  className?: string;
}) {
  const queryWith = useQueryWith();
  const active = current === sortKey;
  const next = active ? (dir === "asc" ? "desc" : "asc") : defaultDir;
  return (
    <th
      scope="col"
      className={className}
      aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}
    >
      <Link to={queryWith({ sort: sortKey, dir: next })} className="sort-link">
        {label}
        <span aria-hidden="true">{active ? (dir === "asc" ? " ▲" : " ▼") : ""}</span>
        <span className="visually-hidden">
          {active ? `, sorted ${dir === "asc" ? "ascending" : "descending"}` : ""}, sort{" "}
          {next === "asc" ? "ascending" : "descending"}
        </span>
      </Link>
    </th>
  );
}

/** The search and filter form above a list: a GET form, so results have an address and work without JavaScript. */
export function FilterForm({ children, label }: { children: ReactNode; label: string }) {
  const navigation = useNavigation();
  const location = useLocation();
  return (
    <Form method="get" className="filters" role="search" aria-label={label}>
      <MarkOptional value={false}>{children}</MarkOptional>
      <div className="filters__buttons">
        <button type="submit" className="button" disabled={navigation.state === "loading"}>
          Apply
        </button>
        {location.search && location.search !== "?" ? (
          <Link to={location.pathname} className="button button--secondary">
            Clear
          </Link>
        ) : null}
      </div>
    </Form>
  );
}

/** A link that downloads the list as it is filtered now. */
export function CsvLink({ to, label = "Download CSV" }: { to: string; label?: string }) {
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  params.delete("page");
  params.delete("notice");
  const query = params.toString();
  return (
    <a href={`${to}${query ? `?${query}` : ""}`} className="button button--secondary" download>
      {label}
    </a>
  );
}
