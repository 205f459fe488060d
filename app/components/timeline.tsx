import type { ReactNode } from "react";
import { formatDate } from "~/utils/dates";

export type TimelineItem = { key: string; date: string | Date | number; text: ReactNode };

/** What happened with a record, newest first. */
export function Timeline({
  items,
  empty = "Nothing has happened yet.",
}: {
  items: TimelineItem[];
  empty?: string;
}) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  const sorted = [...items].sort((a, b) => sortKey(b.date).localeCompare(sortKey(a.date)));
  return (
    <ol className="timeline">
      {sorted.map((item) => (
        <li key={item.key}>
          <time dateTime={sortKey(item.date)}>{formatDate(item.date)}</time>
          <span>{item.text}</span>
        </li>
      ))}
    </ol>
  );
}

function sortKey(date: string | Date | number) {
  if (typeof date === "string") return date;
  return new Date(date).toISOString();
}
