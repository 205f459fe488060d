import { lineChangeLabels, lineChanges, type LineChange } from "./line-changes";

// The comparison's summary as horizontal stacked bars in plain SVG: for the whole section and for
// each element, how many lines improved, slipped, are still a gap, or are unchanged. Colours come
// from classes in assessments.css (the Content-Security-Policy forbids inline styles); every
// segment wide enough carries its count, and the legend and the table below say it in words.

export type BarRow = { label: string; counts: Record<LineChange, number>; total: number };

const WIDTH = 640;
const LABEL_WIDTH = 120;
const BAR_WIDTH = WIDTH - LABEL_WIDTH - 10;
const BAR_HEIGHT = 26;
const GAP = 12;

function describe(row: BarRow) {
  return `${row.label}: ${lineChanges.map((c) => `${lineChangeLabels[c].toLowerCase()} ${row.counts[c]}`).join(", ")}.`;
}

export function ComparisonBars({ rows, title }: { rows: BarRow[]; title: string }) {
  const height = rows.length * (BAR_HEIGHT + GAP);
  return (
    <figure className="comparison-figure">
      <svg
        className="comparison-bars"
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby="comparison-bars-title comparison-bars-desc"
      >
        <title id="comparison-bars-title">{title}</title>
        <desc id="comparison-bars-desc">{rows.map(describe).join(" ")}</desc>
        {rows.map((row, index) => {
          const y = index * (BAR_HEIGHT + GAP);
          let x = LABEL_WIDTH;
          return (
            <g key={row.label}>
              <text x={0} y={y + BAR_HEIGHT / 2} dominantBaseline="middle" className="comparison-bars__label">
                {row.label}
              </text>
              {lineChanges.map((change) => {
                const n = row.counts[change];
                if (n === 0 || row.total === 0) return null;
                const width = (n / row.total) * BAR_WIDTH;
                const segment = (
                  <g key={change}>
                    <rect
                      x={x}
                      y={y}
                      width={width}
                      height={BAR_HEIGHT}
                      className={`comparison-bars__segment change--${change}`}
                    />
                    {width >= 18 ? (
                      <text
                        x={x + width / 2}
                        y={y + BAR_HEIGHT / 2}
                        dominantBaseline="middle"
                        textAnchor="middle"
                        className="comparison-bars__count"
                      >
                        {n}
                      </text>
                    ) : null}
                  </g>
                );
                x += width;
                return segment;
              })}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="comparison-legend">
          {lineChanges.map((change) => (
            <li key={change}>
              <span className={`comparison-legend__swatch change--${change}`} aria-hidden="true" />
              {lineChangeLabels[change]}: {rows[0]?.counts[change] ?? 0}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
