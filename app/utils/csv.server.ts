import { stringify } from "csv-stringify/sync";

export type CsvColumn<T> = {
  header: string;
  value: (row: T) => string | number | boolean | null | undefined;
};

/**
 * Text that a spreadsheet would read as a formula (=, +, -, @, tab, carriage return) is prefixed
 * with an apostrophe, so a cell never runs. Numbers stay numbers.
 */
export function spreadsheetSafe(value: string | number | boolean | null | undefined): string | number {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? "Yes" : "No";
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * A CSV download, streamed a chunk at a time so a long export never holds the server for long.
 * UTF-8 with a byte-order mark, so Excel shows accents and symbols correctly.
 */
export function csvResponse<T>(filename: string, columns: CsvColumn<T>[], chunks: Iterable<T[]>): Response {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.iterator]();
  let started = false;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode("\ufeff" + stringify([columns.map((c) => c.header)])));
        return;
      }
      const next = iterator.next();
      if (next.done) {
        controller.close();
        return;
      }
      const rows = next.value.map((row) => columns.map((column) => spreadsheetSafe(column.value(row))));
      controller.enqueue(encoder.encode(stringify(rows)));
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "no-store",
    },
  });
}

/** Splits ids into chunks, so an export reads a few hundred rows at a time. */
export function* inChunks<T>(items: readonly T[], size = 500): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

export function csvFilename(what: string, now = new Date()) {
  return `${what}-${now.toISOString().slice(0, 10)}.csv`;
}
