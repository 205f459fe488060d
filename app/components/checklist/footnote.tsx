import { FOOTNOTES } from "~/checklist/section3";

/** A toolkit footnote marker that links to its text, which is always on the same page. */
export function FootnoteRef({ number }: { number?: number }) {
  if (!number) return null;
  return (
    <sup>
      <a href={`#footnote-${number}`} aria-label={`footnote ${number}`}>
        {number}
      </a>
    </sup>
  );
}

export function Footnotes({ numbers }: { numbers: number[] }) {
  if (numbers.length === 0) return null;
  return (
    <ol className="footnotes" aria-label="Footnotes">
      {numbers.map((n) => (
        <li key={n} id={`footnote-${n}`} value={n}>
          {FOOTNOTES[n]}
        </li>
      ))}
    </ol>
  );
}
