import type { ReactNode } from "react";
import { formatHours } from "~/components/fields/volunteer-fields";
import type {
  QuestionReport,
  ReportRow,
  ReportSummary,
  VolunteerReport,
} from "~/models/volunteer-report.server";
import { FEWER_THAN_FIVE, type ShownCount } from "~/reports/suppression";
import { formatDate } from "~/utils/dates";

// The volunteer demographics report as pages show it, live or saved: a summary, then for each
// question a table and a chart of volunteers against the community. Server-rendered SVG, so it
// prints and works without JavaScript; no inline styles (the Content-Security-Policy forbids them):
// colours come from classes in reports.css, the community's hatching from an SVG pattern.

const whole = new Intl.NumberFormat("en-GB");
const oneDecimal = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function formatPercent(value: number | null): string {
  return value === null ? "" : `${oneDecimal.format(value)}%`;
}

/** "+5.2", "−3.1" (a true minus sign), "0.0". */
export function formatDifference(value: number | null): string {
  if (value === null) return "";
  if (value === 0) return oneDecimal.format(0);
  return `${value > 0 ? "+" : "−"}${oneDecimal.format(Math.abs(value))}`;
}

export function countText(value: ShownCount): string {
  return typeof value === "number" ? whole.format(value) : value;
}

function Count({ value }: { value: ShownCount }) {
  return typeof value === "number" ? <>{whole.format(value)}</> : <span className="suppressed">{value}</span>;
}

function Hidden() {
  return (
    <span className="muted">
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">not shown</span>
    </span>
  );
}

// ---------------------------------------------------------------------------------------------
// The chart

const WIDTH = 640;
const LABEL_WIDTH = 186;
const BAR_X = 196;
const BAR_MAX = 330;
const BAR_HEIGHT = 14;
const LINE_HEIGHT = 15;
const LEGEND_HEIGHT = 34;
const AXIS_HEIGHT = 22;
const CHARS_PER_LINE = 28;

/** A label on at most two lines (the table beside the chart has the full words). */
function wrap(label: string): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of label.split(/\s+/)) {
    if (line && `${line} ${word}`.length > CHARS_PER_LINE) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length <= 2) return lines;
  const second = lines.slice(1).join(" ");
  return [lines[0], `${second.slice(0, CHARS_PER_LINE - 1).trimEnd()}…`];
}

/** A scale that ends on a round number just above the largest bar. */
function scaleMax(values: number[]) {
  const largest = Math.max(0, ...values);
  if (largest <= 10) return 10;
  if (largest <= 50) return Math.ceil(largest / 10) * 10;
  return Math.min(100, Math.ceil(largest / 20) * 20);
}

function describe(rows: ReportRow[], profileName: string | null) {
  return rows
    .map((row) => {
      const volunteers =
        row.percent !== null ? formatPercent(row.percent) : typeof row.count === "number" ? "0" : row.count;
      const community = profileName
        ? `, community ${row.community === null ? "not given" : formatPercent(row.community)}`
        : "";
      return `${row.label}: volunteers ${volunteers}${community}.`;
    })
    .join(" ");
}

/**
 * Bars for each answer: the volunteers' share (solid) and the community's (hatched), each with its
 * figure written beside it, so neither colour nor pattern is the only way to tell them apart.
 * A hidden count has no bar, only the words ("fewer than 5" or "hidden").
 */
export function ComparisonChart({
  id,
  title,
  rows,
  profileName,
}: {
  id: string;
  title: string;
  rows: ReportRow[];
  profileName: string | null;
}) {
  const withCommunity = profileName !== null;
  const max = scaleMax(rows.flatMap((r) => [r.percent ?? 0, withCommunity ? (r.community ?? 0) : 0]));
  const barsHeight = withCommunity ? BAR_HEIGHT * 2 + 4 : BAR_HEIGHT;
  const blocks = rows.map((row) => {
    const lines = wrap(row.label);
    return { row, lines, height: Math.max(barsHeight, lines.length * LINE_HEIGHT) + 12 };
  });
  const plotTop = LEGEND_HEIGHT;
  const plotHeight = blocks.reduce((s, b) => s + b.height, 0);
  const height = plotTop + plotHeight + AXIS_HEIGHT;
  const x = (percent: number) => (percent / max) * BAR_MAX;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(max * f * 10) / 10);
  const hatch = `${id}-hatch`;
  let y = plotTop;
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width={WIDTH}
      height={height}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{describe(rows, profileName)}</desc>
      <defs>
        <pattern id={hatch} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
          <rect width="6" height="6" className="chart__hatch-back" />
          <line x1="0" y1="0" x2="0" y2="6" className="chart__hatch-line" />
        </pattern>
      </defs>

      <g className="chart__legend">
        <rect x={BAR_X} y={6} width={14} height={14} className="chart__bar chart__bar--volunteers" />
        <text x={BAR_X + 20} y={17}>
          Volunteers
        </text>
        {withCommunity ? (
          <>
            <rect
              x={BAR_X + 110}
              y={6}
              width={14}
              height={14}
              fill={`url(#${hatch})`}
              className="chart__bar chart__bar--community"
            />
            <text x={BAR_X + 130} y={17}>
              Community{profileName.length <= 36 ? `: ${profileName}` : ""}
            </text>
          </>
        ) : null}
      </g>

      <g className="chart__grid">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={BAR_X + x(tick)} x2={BAR_X + x(tick)} y1={plotTop - 4} y2={plotTop + plotHeight} />
            <text
              x={BAR_X + x(tick)}
              y={plotTop + plotHeight + 15}
              textAnchor="middle"
              className="chart__tick"
            >
              {`${tick}%`}
            </text>
          </g>
        ))}
      </g>

      {blocks.map(({ row, lines, height: blockHeight }) => {
        const top = y;
        y += blockHeight;
        const volunteersY = top + 4;
        const communityY = volunteersY + BAR_HEIGHT + 4;
        return (
          <g key={row.key}>
            <text x={0} y={top + 4 + 11} className="chart__label">
              {lines.map((line, i) => (
                <tspan key={i} x={0} dy={i === 0 ? 0 : LINE_HEIGHT}>
                  {line}
                </tspan>
              ))}
            </text>
            {row.percent !== null ? (
              <>
                <rect
                  x={BAR_X}
                  y={volunteersY}
                  width={Math.max(row.percent > 0 ? 1 : 0, x(row.percent))}
                  height={BAR_HEIGHT}
                  className="chart__bar chart__bar--volunteers"
                />
                <text x={BAR_X + x(row.percent) + 6} y={volunteersY + 11} className="chart__value">
                  {formatPercent(row.percent)}
                </text>
              </>
            ) : (
              <text x={BAR_X + 2} y={volunteersY + 11} className="chart__value chart__value--suppressed">
                {typeof row.count === "number" ? "no volunteers" : row.count}
              </text>
            )}
            {withCommunity ? (
              row.community !== null ? (
                <>
                  <rect
                    x={BAR_X}
                    y={communityY}
                    width={Math.max(row.community > 0 ? 1 : 0, x(row.community))}
                    height={BAR_HEIGHT}
                    fill={`url(#${hatch})`}
                    className="chart__bar chart__bar--community"
                  />
                  <text x={BAR_X + x(row.community) + 6} y={communityY + 11} className="chart__value">
                    {formatPercent(row.community)}
                  </text>
                </>
              ) : (
                <text x={BAR_X + 2} y={communityY + 11} className="chart__value chart__value--missing">
                  no community figure
                </text>
              )
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}

// ---------------------------------------------------------------------------------------------
// The table beside it

function TableRow({
  row,
  parent,
  withCommunity,
}: {
  row: ReportRow;
  parent?: string;
  withCommunity: boolean;
}) {
  return (
    <tr className={parent ? "report-table__child" : row.children ? "report-table__category" : undefined}>
      <th scope="row">
        {parent ? <span className="visually-hidden">{parent}: </span> : null}
        {row.label}
      </th>
      <td className="number">
        <Count value={row.count} />
      </td>
      <td className="number">{row.percent === null ? <Hidden /> : formatPercent(row.percent)}</td>
      {withCommunity ? (
        <>
          <td className="number">
            {row.community === null ? (
              <span className="muted">
                <span aria-hidden="true">—</span>
                <span className="visually-hidden">not given</span>
              </span>
            ) : (
              formatPercent(row.community)
            )}
          </td>
          <td className="number">
            {row.difference === null ? <Hidden /> : formatDifference(row.difference)}
          </td>
        </>
      ) : null}
    </tr>
  );
}

export function ComparisonTable({
  question,
  profileName,
  caption,
}: {
  question: QuestionReport;
  profileName: string | null;
  caption: string;
}) {
  const withCommunity = profileName !== null;
  return (
    <div className="table-wrap">
      <table className="report-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{question.label}</th>
            <th scope="col" className="number">
              Volunteers
            </th>
            <th scope="col" className="number">
              % of volunteers
            </th>
            {withCommunity ? (
              <>
                <th scope="col" className="number">
                  Community %
                </th>
                <th scope="col" className="number">
                  Difference <span className="nowrap">(% points)</span>
                </th>
              </>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {question.rows.flatMap((row) => [
            <TableRow key={row.key} row={row} withCommunity={withCommunity} />,
            ...(row.children ?? []).map((child) => (
              <TableRow key={child.key} row={child} parent={row.label} withCommunity={withCommunity} />
            )),
          ])}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All volunteers in the period</th>
            <td className="number">
              <Count value={question.total} />
            </td>
            <td colSpan={withCommunity ? 3 : 1} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** One question: what the table hides and why, the chart, and the table. */
export function QuestionComparison({
  question,
  profileName,
  period,
}: {
  question: QuestionReport;
  profileName: string | null;
  period: string;
}) {
  const id = `question-${question.question}`;
  const compared = profileName ? ` compared with ${profileName}` : "";
  const nothingShown = question.protection === "small-total" || question.protection === "too-thin";
  const grouped = question.rows.some((row) => row.children);
  return (
    <section className="report-question" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{question.label}</h2>
      {question.note ? <p className="hint">{question.note}</p> : null}
      <div className="report-question__body">
        {nothingShown ? null : (
          <figure className="report-question__chart">
            <ComparisonChart
              id={id}
              title={`${question.label} of volunteers${compared}, ${period}`}
              rows={question.rows}
              profileName={profileName}
            />
            <figcaption className="hint">
              {question.label}: share of volunteers
              {profileName ? " (solid bars) and of the community (hatched bars)" : ""}.
              {grouped ? " The table gives the groups within each category." : ""}
            </figcaption>
          </figure>
        )}
        <div className="report-question__table">
          <ComparisonTable
            question={question}
            profileName={profileName}
            caption={`${question.label} of volunteers${compared}, ${period}`}
          />
        </div>
      </div>
    </section>
  );
}

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="card report-figure">
      <p className="report-figure__label">{label}</p>
      <p className="report-figure__value">{children}</p>
    </div>
  );
}

export function ReportSummaryView({ summary }: { summary: ReportSummary }) {
  return (
    <section aria-labelledby="summary-heading">
      <h2 id="summary-heading">Summary</h2>
      <div className="grid grid--3">
        <Figure label="Volunteers active in the period">
          <Count value={summary.people} />
        </Figure>
        <Figure label="Hours given in the period">
          {summary.minutes === null ? (
            <span className="suppressed">hidden</span>
          ) : (
            formatHours(summary.minutes)
          )}
        </Figure>
        <Figure label="Training and development records">
          <Count value={summary.trainingRecords} />
        </Figure>
      </div>
      <h3>Focus of their programmes</h3>
      <p className="hint">Volunteers whose programme has each focus (a programme can have several).</p>
      <div className="table-wrap">
        <table className="table--compact">
          <caption className="visually-hidden">Volunteers by the focus of their programme</caption>
          <thead>
            <tr>
              <th scope="col">Focus</th>
              <th scope="col" className="number">
                Volunteers
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.focuses.map((focus) => (
              <tr key={focus.key}>
                <th scope="row">{focus.label}</th>
                <td className="number">
                  <Count value={focus.count} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function reportPeriod(report: Pick<VolunteerReport, "from" | "to">) {
  return `${formatDate(report.from)} to ${formatDate(report.to)}`;
}

/** The whole report below its choices: summary, then every question. */
export function VolunteerReportBody({ report }: { report: VolunteerReport }) {
  const period = reportPeriod(report);
  const profileName = report.profile?.name ?? null;
  const nobody = report.summary.people === 0;
  return (
    <>
      <ReportSummaryView summary={report.summary} />
      {nobody ? (
        <div className="empty-state">
          <p>No volunteers were active in this period. Try a longer period, or another programme.</p>
        </div>
      ) : (
        <>
          <p className="hint report-method">
            Percentages are of all volunteers active in the period, including those who preferred not to say
            and those whose answer is not recorded. To protect people, a count of 1 to 4 is shown as “
            {FEWER_THAN_FIVE}”, and other counts are hidden where they would let it be worked out.
          </p>
          {report.questions.map((question) => (
            <QuestionComparison
              key={question.question}
              question={question}
              profileName={profileName}
              period={period}
            />
          ))}
        </>
      )}
    </>
  );
}
