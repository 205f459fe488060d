import { cached } from "~/utils/cache.server";
import { readInWorker } from "~/utils/read-worker.server";
import { latestCommunityProfileId } from "./community-profile.server";
import { addDays, format, parseISO, subMonths } from "date-fns";
import { and, count, desc, eq, gte, isNull, lte, or, sql, sum, type SQL } from "drizzle-orm";
import { z } from "zod";
import {
  equalityMonitoring,
  monitoringQuestions,
  reportSnapshots,
  trainingRecords,
  users,
  volunteerFocuses,
  volunteerFocusLinks,
  volunteerHours,
  volunteerProgrammes,
  volunteers,
  type MonitoringQuestion,
  type VolunteerProgramme,
} from "~db/schema";
import { NOT_RECORDED, reportLayout, reportQuestionLabels, type LayoutRow } from "~/reports/labels";
import {
  HIDDEN,
  isShownNumber,
  isSmall,
  protectionNotes,
  suppressCount,
  suppressTable,
  type CountRow,
  type Protection,
  type ShownCount,
  type ShownRow,
} from "~/reports/suppression";
import { db, write } from "~/utils/db.server";
import { formatDate, todayIso } from "~/utils/dates";
import { defineForm, optionalText } from "~/utils/forms.server";
import { volunteerFocusLabels, volunteerProgrammeLabels } from "~/utils/labels";
import { auditCreate } from "./audit.server";
import { communityPercentages, getCommunityProfile } from "./community-profile.server";
import { linkEvidence } from "./evidence.server";

// The volunteer demographics report: who volunteered in a period, by each monitoring question,
// against a community profile. Only aggregates leave this module, and only after small-number
// suppression: no page, download or saved copy ever sees a count of 1 to 4.

export const VOLUNTEER_REPORT_KIND = "volunteer_profile";
export const REPORT = "report";
/** "Have you taken action to ensure the age, economic and cultural profile of these people fairly represents the community" */
export const REPRESENTATION_LINE = "3.3.E2";

export type ReportParams = {
  from: string;
  to: string;
  programme: VolunteerProgramme | null;
  profileId: number | null;
};

function isRealDay(value: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const day = z.string().trim().refine(isRealDay).optional().catch(undefined);

const reportQuery = z.object({
  from: day,
  to: day,
  programme: z.enum(volunteerProgrammes).optional().catch(undefined),
  profile: z.coerce.number().int().positive().optional().catch(undefined),
});

/** The last 12 months, ending today (UK time). */
export function defaultPeriod(now = new Date()) {
  const to = todayIso(now);
  return { from: yearEndingOn(to), to };
}

/** The first day of the 12 months that end on `to` (both ISO days). */
function yearEndingOn(to: string) {
  return format(addDays(subMonths(parseISO(to), 12), 1), "yyyy-MM-dd");
}

/**
 * The report's choices from the address (or the save form): anything missing or not valid falls
 * back to its default, never an error page; a period given backwards is turned round.
 */
export function readReportParams(source: URLSearchParams | FormData, now = new Date()): ReportParams {
  const raw: Record<string, string> = {};
  for (const key of ["from", "to", "programme", "profile"]) {
    const value = source.get(key);
    if (typeof value === "string" && value.trim() !== "") raw[key] = value;
  }
  const query = reportQuery.parse(raw);
  const fallback = defaultPeriod(now);
  let to = query.to ?? fallback.to;
  let from = query.from ?? (query.to ? yearEndingOn(query.to) : fallback.from);
  if (from > to) [from, to] = [to, from];
  // With no choice made yet, compare with the profile changed most recently; choosing "no
  // profile" (an empty value) is a choice too.
  const profileId =
    source.get("profile") === null ? (latestCommunityProfileId() ?? null) : (query.profile ?? null);
  return { from, to, programme: query.programme ?? null, profileId };
}

/** The report's choices as an address's query string, for links to the CSV and back. */
export function reportSearch(params: ReportParams) {
  const search = new URLSearchParams({ from: params.from, to: params.to });
  if (params.programme) search.set("programme", params.programme);
  if (params.profileId) search.set("profile", String(params.profileId));
  return search.toString();
}

/** The "save a dated copy" form: the report's choices travel as hidden fields, read by `readReportParams`. */
export const saveReportForm = defineForm({ note: optionalText(2000) });

// ---------------------------------------------------------------------------------------------

export type ReportRow = {
  key: string;
  label: string;
  count: ShownCount;
  /** Share of all volunteers in the period (including "prefer not to say" and "not recorded"). */
  percent: number | null;
  community: number | null;
  /** Volunteers' share minus the community's, in percentage points; null when either is not shown. */
  difference: number | null;
  children?: ReportRow[];
};

export type QuestionReport = {
  question: MonitoringQuestion;
  label: string;
  total: ShownCount;
  protection: Protection;
  note: string | null;
  rows: ReportRow[];
};

export type ReportSummary = {
  people: ShownCount;
  /** Minutes given in the period; null when fewer than 5 people are counted. */
  minutes: number | null;
  trainingRecords: ShownCount;
  focuses: { key: string; label: string; count: ShownCount }[];
};

export type VolunteerReport = {
  version: 1;
  kind: typeof VOLUNTEER_REPORT_KIND;
  title: string;
  from: string;
  to: string;
  programme: { key: VolunteerProgramme; label: string } | null;
  profile: { id: number; name: string; source: string | null; year: number | null } | null;
  summary: ReportSummary;
  questions: QuestionReport[];
};

const answerColumns = {
  age_band: equalityMonitoring.ageBand,
  sex: equalityMonitoring.sex,
  gender_identity: equalityMonitoring.genderIdentity,
  ethnic_group: equalityMonitoring.ethnicGroup,
  disability: equalityMonitoring.disability,
  socio_economic: equalityMonitoring.socioEconomic,
} as const;

/** Volunteers active at some point in the period, in the programme if one is chosen. */
function activeIn(params: ReportParams): SQL {
  return and(
    lte(volunteers.startDate, params.to),
    or(isNull(volunteers.endDate), gte(volunteers.endDate, params.from)),
    params.programme ? eq(volunteers.programme, params.programme) : undefined,
  )!;
}

const monitoringOfVolunteer = and(
  eq(equalityMonitoring.personType, "volunteer"),
  eq(equalityMonitoring.personId, volunteers.id),
);

type RawCounts = {
  people: number;
  answers: Record<MonitoringQuestion, Map<string, number>>;
  minutes: number;
  trainingRecords: number;
  focuses: Map<string, number>;
};

/** The answers a question's rows count (every leaf but "not recorded"). */
function answerKeys(question: MonitoringQuestion): string[] {
  const leaves = (rows: LayoutRow[]): string[] =>
    rows.flatMap((row) => (row.children ? leaves(row.children) : [row.key]));
  return leaves(reportLayout[question]).filter((key) => key !== NOT_RECORDED);
}

/**
 * An answer written into the SQL as a literal. The answers are the app's own enum values, never
 * anything typed; SQLite compares a column with a literal several times faster than with a bound
 * parameter, which matters once per volunteer and answer.
 */
function answerLiteral(answer: string) {
  if (!/^[a-z0-9_]+$/.test(answer)) throw new Error(`Unexpected answer value: ${answer}`);
  return sql.raw(`'${answer}'`);
}

/**
 * Every count the report needs, in one read transaction (so the totals agree), aggregated by
 * SQLite. The answers come from a single pass over the active volunteers left-joined to their
 * monitoring records, with one filtered count per answer: over 50,000 volunteers that takes about
 * 50 ms, where one GROUP BY per question (a sort each) takes about 140 ms. "Not recorded" is
 * whatever is left: no monitoring record, or no answer to that question.
 */
async function countAll(params: ReportParams): Promise<RawCounts> {
  const active = activeIn(params);
  const answerColumns_: { question: MonitoringQuestion; answer: string }[] = [];
  const columns: Record<string, SQL.Aliased<number>> = {};
  for (const question of monitoringQuestions) {
    answerKeys(question).forEach((answer, i) => {
      answerColumns_.push({ question, answer });
      columns[`${question}__${i}`] =
        sql<number>`count(*) filter (where ${answerColumns[question]} = ${answerLiteral(answer)})`.as(
          `${question}__${i}`,
        );
    });
  }
  const inPeriod = (column: typeof volunteerHours.date | typeof trainingRecords.date) =>
    and(gte(column, params.from), lte(column, params.to));
  const queries = [
    db
      .select({ people: count(), ...columns })
      .from(volunteers)
      .leftJoin(equalityMonitoring, monitoringOfVolunteer)
      .where(active),
    db
      .select({ minutes: sum(volunteerHours.minutes) })
      .from(volunteerHours)
      .innerJoin(volunteers, eq(volunteers.id, volunteerHours.volunteerId))
      .where(and(inPeriod(volunteerHours.date), active)),
    db
      .select({ n: count() })
      .from(trainingRecords)
      .innerJoin(volunteers, eq(volunteers.id, trainingRecords.volunteerId))
      .where(and(inPeriod(trainingRecords.date), active)),
    db
      .select({ focus: volunteerFocusLinks.focus, n: count() })
      .from(volunteerFocusLinks)
      .innerJoin(volunteers, eq(volunteers.id, volunteerFocusLinks.volunteerId))
      .where(active)
      .groupBy(volunteerFocusLinks.focus),
  ].map((query) => query.toSQL());
  // One pass over every active volunteer: in the reader thread, in one read transaction (so the
  // totals agree), leaving this thread free for other people's requests meanwhile.
  const [[main], [hours], [training], focusGroups] = await readInWorker(queries);
  const people = Number(main[0]);
  const answers = {} as RawCounts["answers"];
  for (const question of monitoringQuestions) answers[question] = new Map();
  const recorded = new Map<MonitoringQuestion, number>();
  answerColumns_.forEach(({ question, answer }, i) => {
    const n = Number(main[i + 1]);
    answers[question].set(answer, n);
    recorded.set(question, (recorded.get(question) ?? 0) + n);
  });
  for (const question of monitoringQuestions)
    answers[question].set(NOT_RECORDED, people - (recorded.get(question) ?? 0));
  return {
    people,
    answers,
    minutes: Number(hours?.[0] ?? 0),
    trainingRecords: Number(training?.[0] ?? 0),
    focuses: new Map(focusGroups.map((row) => [String(row[0]), Number(row[1])])),
  };
}

/** One question's counts in the report's rows, each category the sum of its groups. */
function countRows(question: MonitoringQuestion, counts: Map<string, number>): CountRow[] {
  const build = (row: LayoutRow): CountRow => {
    if (!row.children) return { key: row.key, count: counts.get(row.key) ?? 0 };
    const children = row.children.map(build);
    return { key: row.key, count: children.reduce((s, c) => s + c.count, 0), children };
  };
  return reportLayout[question].map(build);
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

function compare(
  shown: ShownRow[],
  layout: LayoutRow[],
  community: Record<string, number> | null,
): ReportRow[] {
  return shown.map((row, i) => {
    const share = community?.[row.key];
    const communityPercent = share === undefined ? null : share;
    const result: ReportRow = {
      key: row.key,
      label: layout[i].label,
      count: row.count,
      percent: row.percent,
      community: communityPercent,
      difference:
        row.percent !== null && communityPercent !== null ? oneDecimal(row.percent - communityPercent) : null,
    };
    if (row.children) result.children = compare(row.children, layout[i].children ?? [], community);
    return result;
  });
}

export function reportTitle(report: Pick<VolunteerReport, "from" | "to" | "programme" | "profile">) {
  const period = `${formatDate(report.from)} to ${formatDate(report.to)}`;
  const programme = report.programme ? `, ${report.programme.label.toLowerCase()} programme` : "";
  const profile = report.profile ? `, compared with ${report.profile.name}` : "";
  return `Volunteer profile, ${period}${programme}${profile}`;
}

/** The report for a period (and programme), against a community profile if one is chosen: suppressed throughout. */
export function buildVolunteerReport(params: ReportParams): Promise<VolunteerReport> {
  // Aggregating over every volunteer takes tens of milliseconds: once per change of the data.
  return cached(`volunteer-report:${JSON.stringify(params)}`, () => computeVolunteerReport(params));
}

async function computeVolunteerReport(params: ReportParams): Promise<VolunteerReport> {
  const profileRecord = params.profileId ? getCommunityProfile(params.profileId) : undefined;
  const community = profileRecord ? communityPercentages(profileRecord.id) : null;
  const raw = await countAll(params);
  const peopleHidden = isSmall(raw.people);
  const questions = monitoringQuestions.map((question): QuestionReport => {
    const table = suppressTable(countRows(question, raw.answers[question]), raw.people);
    return {
      question,
      label: reportQuestionLabels[question],
      total: table.total,
      protection: table.protection,
      note: protectionNotes[table.protection],
      rows: compare(table.rows, reportLayout[question], community?.[question] ?? null),
    };
  });
  const base = {
    from: params.from,
    to: params.to,
    programme: params.programme
      ? { key: params.programme, label: volunteerProgrammeLabels[params.programme] }
      : null,
    profile: profileRecord ?? null,
  };
  return {
    version: 1,
    kind: VOLUNTEER_REPORT_KIND,
    title: reportTitle(base),
    ...base,
    summary: {
      people: suppressCount(raw.people),
      minutes: peopleHidden ? null : raw.minutes,
      trainingRecords: peopleHidden ? HIDDEN : suppressCount(raw.trainingRecords),
      focuses: volunteerFocuses.map((focus) => ({
        key: focus,
        label: volunteerFocusLabels[focus],
        count: suppressCount(raw.focuses.get(focus) ?? 0),
      })),
    },
    questions,
  };
}

/** Whether any figure of a report is shown as a number of 1 to 4 (never: a check for tests and saving). */
export function showsSmallNumber(report: VolunteerReport): boolean {
  const small = (value: ShownCount) => isShownNumber(value) && isSmall(value);
  const rows = (list: ReportRow[]): boolean => list.some((r) => small(r.count) || rows(r.children ?? []));
  return (
    small(report.summary.people) ||
    small(report.summary.trainingRecords) ||
    report.summary.focuses.some((f) => small(f.count)) ||
    report.questions.some((q) => small(q.total) || rows(q.rows))
  );
}

// ---------------------------------------------------------------------------------------------
// Dated copies kept as evidence

/**
 * Saves the report as it is now (worked out again on the server from the choices, never taken from
 * the page) and links it as confirmed evidence for 3.3, in one transaction.
 */
export async function saveVolunteerReport(
  params: ReportParams,
  note: string | null,
  actorId: number,
  now = new Date(),
) {
  const report = await buildVolunteerReport(params);
  if (showsSmallNumber(report)) throw new Error("A report with a small number must never be saved.");
  return write((tx) => {
    const { id } = tx
      .insert(reportSnapshots)
      .values({
        kind: VOLUNTEER_REPORT_KIND,
        title: report.title,
        content: report,
        createdBy: actorId,
        createdAt: now,
      })
      .returning({ id: reportSnapshots.id })
      .get();
    auditCreate(tx, actorId, { type: REPORT, id }, { kind: VOLUNTEER_REPORT_KIND, title: report.title });
    // linkEvidence opens its own transaction: inside this one it becomes a savepoint, so the copy
    // and its evidence link are saved together or not at all.
    linkEvidence(
      { type: REPORT, id },
      [REPRESENTATION_LINE],
      note ?? `Volunteer profile compared with the community, saved ${formatDate(now)}.`,
      todayIso(now),
      actorId,
    );
    return id;
  });
}

export function listSavedReports(limit = 10) {
  return cached(`saved-reports:${limit}`, () =>
    db
      .select({
        id: reportSnapshots.id,
        title: reportSnapshots.title,
        createdAt: reportSnapshots.createdAt,
        createdByName: users.name,
      })
      .from(reportSnapshots)
      .leftJoin(users, eq(users.id, reportSnapshots.createdBy))
      .where(eq(reportSnapshots.kind, VOLUNTEER_REPORT_KIND))
      .orderBy(desc(reportSnapshots.createdAt), desc(reportSnapshots.id))
      .limit(limit)
      .all(),
  );
}

export function getSavedReport(id: number) {
  const row = db
    .select({
      id: reportSnapshots.id,
      kind: reportSnapshots.kind,
      title: reportSnapshots.title,
      content: reportSnapshots.content,
      createdAt: reportSnapshots.createdAt,
      createdByName: users.name,
    })
    .from(reportSnapshots)
    .leftJoin(users, eq(users.id, reportSnapshots.createdBy))
    .where(eq(reportSnapshots.id, id))
    .get();
  if (!row || row.kind !== VOLUNTEER_REPORT_KIND) return null;
  return { ...row, content: row.content as VolunteerReport };
}
