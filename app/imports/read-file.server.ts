import { CsvError, parse } from "csv-parse/sync";
import { columnLetter } from "./fields";

// Turns an uploaded CSV file, as Excel, LibreOffice or Google Sheets save it, into a heading row
// and rows of text cells. Every way a file can be wrong ends in a message a person can act on,
// never an exception: the limits keep one upload from holding the server for long.

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_COLUMNS = 200;
export const MAX_CELL_CHARS = 10_000;
export const MAX_ROWS = 50_000;

export type Encoding = "utf-8" | "windows-1252" | "utf-16le" | "utf-16be";
export type Separator = "," | ";" | "\t";

export type Sheet = {
  headers: string[];
  rows: string[][];
  encoding: Encoding;
  separator: Separator;
};

export type ReadResult = ({ ok: true } & Sheet) | { ok: false; message: string };

const number = (n: number) => n.toLocaleString("en-GB");

export const TOO_BIG = `The file is larger than 5 MB. Split it into smaller files (for example, one per year) and import them one at a time.`;
export const EMPTY = "The file is empty. Choose the CSV file you saved from your spreadsheet.";

const SAVE_AS_CSV =
  "In Excel choose File › Save As › “CSV UTF-8 (Comma delimited)”; in LibreOffice File › Save As › “Text CSV”; in Google Sheets File › Download › “Comma-separated values”.";

class FileProblem extends Error {}

/** Reads the bytes of an uploaded file. */
export function readSpreadsheet(bytes: Uint8Array): ReadResult {
  try {
    return { ok: true, ...readOrThrow(bytes) };
  } catch (error) {
    if (error instanceof FileProblem) return { ok: false, message: error.message };
    if (error instanceof CsvError) return { ok: false, message: csvProblem(error) };
    throw error;
  }
}

function readOrThrow(bytes: Uint8Array): Sheet {
  if (bytes.length === 0) throw new FileProblem(EMPTY);
  if (bytes.length > MAX_FILE_BYTES) throw new FileProblem(TOO_BIG);
  refuseOtherFormats(bytes);
  const { text, encoding } = decode(bytes);
  if (mostlyUnprintable(text)) {
    throw new FileProblem(
      `This file does not look like a CSV file: much of it is not text. Save your spreadsheet as CSV and upload that. ${SAVE_AS_CSV}`,
    );
  }
  if (text.trim() === "") throw new FileProblem(EMPTY);
  const separator = detectSeparator(text);
  const records = parseRecords(text, separator);
  if (records.length === 0) throw new FileProblem(EMPTY);
  const [heading, ...data] = records;
  if (data.length === 0) {
    throw new FileProblem(
      "The file has a heading row but no rows of data below it. Check that you saved the right sheet.",
    );
  }
  const width = Math.max(heading.length, ...data.map((row) => row.length));
  const headers = Array.from({ length: width }, (_, i) => heading[i] || `Column ${columnLetter(i)}`);
  const rows = data.map((row) =>
    row.length === width ? row : [...row, ...Array(width - row.length).fill("")],
  );
  return { headers, rows, encoding, separator };
}

/** Spreadsheets and documents that are not CSV, named, so the person knows what to do. */
function refuseOtherFormats(bytes: Uint8Array) {
  const starts = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0xd0, 0xcf, 0x11, 0xe0)) {
    throw new FileProblem(
      `This is a spreadsheet workbook (such as .xlsx, .xls or .ods), not a CSV file. Save it as CSV first. ${SAVE_AS_CSV}`,
    );
  }
  if (starts(0x25, 0x50, 0x44, 0x46)) {
    throw new FileProblem(`This is a PDF, not a CSV file. ${SAVE_AS_CSV}`);
  }
  const utf16 = starts(0xff, 0xfe) || starts(0xfe, 0xff);
  if (!utf16 && bytes.includes(0)) {
    throw new FileProblem(
      `This file does not look like a CSV file: it contains binary data. Save your spreadsheet as CSV and upload that. ${SAVE_AS_CSV}`,
    );
  }
}

/**
 * UTF-8 (with or without a byte-order mark) when the bytes are valid UTF-8; UTF-16 when a
 * byte-order mark says so (Excel's "Unicode text"); otherwise Windows-1252, which is what Excel
 * for Windows writes for plain "CSV (Comma delimited)" in the UK.
 */
function decode(bytes: Uint8Array): { text: string; encoding: Encoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8", { ignoreBOM: false }).decode(bytes), encoding: "utf-8" };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes), encoding: "utf-16le" };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder("utf-16be").decode(bytes), encoding: "utf-16be" };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: "windows-1252" };
  }
}

/**
 * Windows-1252's characters at 0x80–0x9F (€, curly quotes, dashes, …); the rest of its bytes are
 * Latin-1. Node 20's TextDecoder("windows-1252") decodes these bytes as Latin-1 control
 * characters instead, so this table does it (bytes Windows leaves undefined stay as they are).
 */
const WINDOWS_1252_HIGH = "€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ";

export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = new TextDecoder("latin1").decode(bytes);
  return latin1.replace(/[\x80-\x9f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]);
}

/** Control characters (other than tabs and line breaks) and undecodable bytes in more than 5% of the text. */
function mostlyUnprintable(text: string): boolean {
  const sample = text.slice(0, 100_000);
  let bad = 0;
  for (let i = 0; i < sample.length; i += 1) {
    const code = sample.charCodeAt(i);
    if (
      (code < 32 && code !== 9 && code !== 10 && code !== 13) ||
      (code >= 0x7f && code <= 0x9f) ||
      code === 0xfffd
    ) {
      bad += 1;
    }
  }
  return bad > sample.length * 0.05;
}

/**
 * Comma, semicolon (what Excel writes where the decimal mark is a comma) or tab: whichever the
 * heading row has most of, outside quotes. A file with a single column counts as commas.
 */
export function detectSeparator(text: string): Separator {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (let i = 0; i < text.length && i < 100_000; i += 1) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) {
      if (counts[","] + counts[";"] + counts["\t"] > 0) break;
    } else if (!quoted && (c === "," || c === ";" || c === "\t")) counts[c] += 1;
  }
  if (counts[";"] > counts[","] && counts[";"] >= counts["\t"]) return ";";
  if (counts["\t"] > counts[","] && counts["\t"] > counts[";"]) return "\t";
  return ",";
}

/** A cell the app's own CSV exports protected from running as a formula ("'=SUM…") gets its text back. */
const unprotect = (cell: string) => (/^'[=+\-@]/.test(cell) ? cell.slice(1) : cell);

function parseRecords(text: string, separator: Separator): string[][] {
  const records: string[][] = [];
  parse(text, {
    delimiter: separator,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    on_record: (record: string[], context: { lines: number }) => {
      if (record.length > MAX_COLUMNS) {
        throw new FileProblem(
          `The file has more than ${number(MAX_COLUMNS)} columns (line ${number(context.lines)} has ${number(record.length)}). Remove the columns you do not need, or check that the file was saved as CSV, then upload it again.`,
        );
      }
      const cells = record.map((cell) => unprotect(cell.replace(/\r\n?/g, "\n").trim()));
      const long = cells.findIndex((cell) => cell.length > MAX_CELL_CHARS);
      if (long >= 0) {
        throw new FileProblem(
          `Line ${number(context.lines)} has a cell longer than ${number(MAX_CELL_CHARS)} characters (column ${columnLetter(long)}). Shorten it and upload the file again.`,
        );
      }
      // Rows with nothing in any cell (",,,," as spreadsheets write empty rows) are left out.
      if (cells.every((cell) => cell === "")) return null;
      if (records.length > MAX_ROWS) {
        throw new FileProblem(
          `The file has more than ${number(MAX_ROWS)} rows. Split it into smaller files and import them one at a time.`,
        );
      }
      records.push(cells);
      return null;
    },
  });
  return records;
}

function csvProblem(error: CsvError): string {
  const line = (error as CsvError & { lines?: number }).lines;
  const where = line ? ` (near line ${number(line)})` : "";
  if (error.code === "CSV_QUOTE_NOT_CLOSED") {
    return `A cell starts with a quotation mark (") that is never closed${where}, so the rest of the file cannot be read. Check that cell in your spreadsheet, save it as CSV again and upload it.`;
  }
  return `The file could not be read as CSV${where}. Save your spreadsheet as CSV and upload it again. ${SAVE_AS_CSV}`;
}
