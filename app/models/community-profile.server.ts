import { asc, count, desc, eq } from "drizzle-orm";
import { z } from "zod";
import {
  communityProfiles,
  communityProfileValues,
  monitoringQuestions,
  type MonitoringQuestion,
} from "~db/schema";
import {
  communityLayout,
  layoutKeys,
  percentField,
  reportQuestionLabels,
  type LayoutRow,
} from "~/reports/labels";
import { cached } from "~/utils/cache.server";
import { db, write } from "~/utils/db.server";
import { defineForm, type FormOutput, optionalText, requiredText } from "~/utils/forms.server";
import { auditCreate, auditDelete, auditUpdate } from "./audit.server";

// The communities the organisation compares its volunteers with: for example its local
// authority's census percentages, with where they come from and the year.

export const COMMUNITY_PROFILE = "community_profile";

const percentMessage = "Enter a percentage from 0 to 100, with at most one decimal place, like 12.5.";

/** A percentage typed as "12.5" or "12.5%"; blank means the source does not give one. */
const optionalPercent = () =>
  z.preprocess(
    (v) => {
      if (typeof v !== "string") return v;
      const text = v.trim().replace(/\s*%$/, "");
      return text === "" ? undefined : text;
    },
    z
      .string({ invalid_type_error: percentMessage })
      .regex(/^\d{1,3}(\.\d)?$/, percentMessage)
      .transform(Number)
      .refine((n) => n <= 100, percentMessage)
      .optional(),
  );

const optionalYear = () =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v),
    z.coerce
      .number({ invalid_type_error: "Enter a year, like 2021." })
      .int("Enter a year, like 2021.")
      .min(1900, "Enter a year from 1900 to 2100.")
      .max(2100, "Enter a year from 1900 to 2100.")
      .optional(),
  );

/** Percentages a little over 100 are allowed: published figures are rounded. */
export const PERCENT_TOLERANCE = 0.5;

/** Sums of one-decimal figures compared in whole tenths, so 51.7 + 48.8 is exactly 100.5. */
const tenths = (n: number) => Math.round(n * 10);

const oneDecimal = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });

function percentShape() {
  const shape: Record<string, ReturnType<typeof optionalPercent>> = {};
  for (const question of monitoringQuestions) {
    for (const key of layoutKeys(communityLayout[question]))
      shape[percentField(question, key)] = optionalPercent();
  }
  return shape;
}

/** A row's share: its own figure, or else the sum of the figures given for its groups. */
function rowShare(
  question: MonitoringQuestion,
  row: LayoutRow,
  value: (field: string) => number | undefined,
): number | undefined {
  const own = value(percentField(question, row.key));
  if (own !== undefined || !row.children) return own;
  const given = row.children
    .map((child) => value(percentField(question, child.key)))
    .filter((v) => v !== undefined);
  return given.length ? given.reduce((s, v) => s + v!, 0) : undefined;
}

export const communityProfileForm = defineForm(
  {
    name: requiredText("a name for the profile", 200),
    source: optionalText(500),
    year: optionalYear(),
    ...percentShape(),
  },
  (form, addError) => {
    const value = (field: string) => (form as Record<string, unknown>)[field] as number | undefined;
    // Field names are built from the questions, so the checks report errors by name, not by type.
    const report = addError as (field: string, message: string) => void;
    for (const question of monitoringQuestions) {
      const rows = communityLayout[question];
      for (const row of rows) {
        const own = value(percentField(question, row.key));
        if (!row.children || own === undefined) continue;
        const groups = row.children.reduce(
          (s, child) => s + (value(percentField(question, child.key)) ?? 0),
          0,
        );
        if (tenths(groups) > tenths(own + PERCENT_TOLERANCE)) {
          report(
            percentField(question, row.key),
            `The groups within ${row.label} add up to ${oneDecimal.format(groups)}%, more than the ${oneDecimal.format(own)}% given for ${row.label}.`,
          );
        }
      }
      const total = rows.reduce((s, row) => s + (rowShare(question, row, value) ?? 0), 0);
      if (tenths(total) > tenths(100 + PERCENT_TOLERANCE)) {
        report(
          question,
          `The percentages for ${reportQuestionLabels[question].toLowerCase()} add up to ${oneDecimal.format(total)}%, more than 100%. Check each figure.`,
        );
      }
    }
  },
);
export type CommunityProfileInput = FormOutput<typeof communityProfileForm>;

type ProfileValue = { question: MonitoringQuestion; category: string; percent: number };

function valuesOf(input: CommunityProfileInput): ProfileValue[] {
  const fields = input as Record<string, unknown>;
  const values: ProfileValue[] = [];
  for (const question of monitoringQuestions) {
    for (const category of layoutKeys(communityLayout[question])) {
      const percent = fields[percentField(question, category)];
      if (typeof percent === "number") values.push({ question, category, percent });
    }
  }
  return values;
}

/** The percentages in words, for the audit trail: "Age: Under 16 18.2%, 16 to 24 11%; Sex: …". */
function percentagesInWords(values: ProfileValue[]): string {
  return monitoringQuestions
    .map((question) => {
      const given = values.filter((v) => v.question === question);
      if (given.length === 0) return null;
      const labels = new Map(flattenLayout(communityLayout[question]).map((row) => [row.key, row.label]));
      return `${reportQuestionLabels[question]}: ${given
        .map((v) => `${labels.get(v.category) ?? v.category} ${oneDecimal.format(v.percent)}%`)
        .join(", ")}`;
    })
    .filter(Boolean)
    .join("; ");
}

function flattenLayout(rows: LayoutRow[]): LayoutRow[] {
  return rows.flatMap((row) => [row, ...flattenLayout(row.children ?? [])]);
}

export function listCommunityProfiles() {
  const profiles = db
    .select({
      id: communityProfiles.id,
      name: communityProfiles.name,
      source: communityProfiles.source,
      year: communityProfiles.year,
      updatedAt: communityProfiles.updatedAt,
    })
    .from(communityProfiles)
    .orderBy(asc(communityProfiles.name), asc(communityProfiles.id))
    .all();
  const counts = db
    .select({ profileId: communityProfileValues.profileId, n: count() })
    .from(communityProfileValues)
    .groupBy(communityProfileValues.profileId)
    .all();
  const byId = new Map(counts.map((c) => [c.profileId, c.n]));
  return profiles.map((profile) => ({ ...profile, figures: byId.get(profile.id) ?? 0 }));
}

/** Profiles for the report's select list. */
export function communityProfileOptions() {
  return cached("community-profile-options", () =>
    db
      .select({ id: communityProfiles.id, name: communityProfiles.name, year: communityProfiles.year })
      .from(communityProfiles)
      .orderBy(asc(communityProfiles.name), asc(communityProfiles.id))
      .all(),
  );
}

export function getCommunityProfile(id: number) {
  return db
    .select({
      id: communityProfiles.id,
      name: communityProfiles.name,
      source: communityProfiles.source,
      year: communityProfiles.year,
    })
    .from(communityProfiles)
    .where(eq(communityProfiles.id, id))
    .get();
}

/** A profile and its figures as the form's values ("age_band__under_16" → "18.2"). */
export function getCommunityProfileForEdit(id: number) {
  const profile = getCommunityProfile(id);
  if (!profile) return null;
  const values: Record<string, string> = {};
  for (const v of profileValues(id)) values[percentField(v.question, v.category)] = String(v.percent);
  return { profile, values };
}

function profileValues(id: number) {
  return db
    .select({
      question: communityProfileValues.question,
      category: communityProfileValues.category,
      percent: communityProfileValues.percent,
    })
    .from(communityProfileValues)
    .where(eq(communityProfileValues.profileId, id))
    .all();
}

/**
 * A profile's percentage for every row of every question: the figure given, or for a category
 * without one, the sum of its groups' figures (when any are given); absent when not given.
 */
export function communityPercentages(id: number): Record<MonitoringQuestion, Record<string, number>> {
  const given = new Map(profileValues(id).map((v) => [percentField(v.question, v.category), v.percent]));
  const result = {} as Record<MonitoringQuestion, Record<string, number>>;
  for (const question of monitoringQuestions) {
    const shares: Record<string, number> = {};
    const visit = (rows: LayoutRow[]) => {
      for (const row of rows) {
        const share = rowShare(question, row, (field) => given.get(field));
        if (share !== undefined) shares[row.key] = Math.round(share * 10) / 10;
        visit(row.children ?? []);
      }
    };
    visit(communityLayout[question]);
    result[question] = shares;
  }
  return result;
}

function profileRow(input: CommunityProfileInput) {
  return { name: input.name, source: input.source ?? null, year: input.year ?? null };
}

export function createCommunityProfile(input: CommunityProfileInput, actorId: number) {
  return write((tx) => {
    const row = profileRow(input);
    const values = valuesOf(input);
    const { id } = tx.insert(communityProfiles).values(row).returning({ id: communityProfiles.id }).get();
    if (values.length)
      tx.insert(communityProfileValues)
        .values(values.map((v) => ({ profileId: id, ...v })))
        .run();
    auditCreate(
      tx,
      actorId,
      { type: COMMUNITY_PROFILE, id },
      { ...row, percentages: percentagesInWords(values) },
    );
    return id;
  });
}

export function updateCommunityProfile(id: number, input: CommunityProfileInput, actorId: number) {
  return write((tx) => {
    const before = tx.select().from(communityProfiles).where(eq(communityProfiles.id, id)).get();
    if (!before) return false;
    const beforeValues = tx
      .select({
        question: communityProfileValues.question,
        category: communityProfileValues.category,
        percent: communityProfileValues.percent,
      })
      .from(communityProfileValues)
      .where(eq(communityProfileValues.profileId, id))
      .all();
    const row = profileRow(input);
    const values = valuesOf(input);
    tx.update(communityProfiles)
      .set({ ...row, updatedAt: new Date() })
      .where(eq(communityProfiles.id, id))
      .run();
    tx.delete(communityProfileValues).where(eq(communityProfileValues.profileId, id)).run();
    if (values.length)
      tx.insert(communityProfileValues)
        .values(values.map((v) => ({ profileId: id, ...v })))
        .run();
    auditUpdate(
      tx,
      actorId,
      { type: COMMUNITY_PROFILE, id },
      { ...before, percentages: percentagesInWords(sortValues(beforeValues)) },
      { ...row, percentages: percentagesInWords(values) },
    );
    return true;
  });
}

/** Stored rows in the form's order, so an unchanged profile reads the same before and after. */
function sortValues(values: ProfileValue[]): ProfileValue[] {
  const order = new Map<string, number>();
  for (const question of monitoringQuestions) {
    for (const key of layoutKeys(communityLayout[question]))
      order.set(percentField(question, key), order.size);
  }
  const rank = (v: ProfileValue) =>
    order.get(percentField(v.question, v.category)) ?? Number.MAX_SAFE_INTEGER;
  return [...values].sort((a, b) => rank(a) - rank(b));
}

/**
 * Nothing depends on a profile: saved copies of the report keep the figures they showed. So a
 * profile can always be deleted; the list is kept for the delete page's shape.
 */
export function communityProfileDependants(_id: number): string[] {
  return [];
}

export function deleteCommunityProfile(id: number, actorId: number) {
  return write((tx) => {
    const before = tx.select().from(communityProfiles).where(eq(communityProfiles.id, id)).get();
    if (!before) return false;
    const values = tx
      .select({
        question: communityProfileValues.question,
        category: communityProfileValues.category,
        percent: communityProfileValues.percent,
      })
      .from(communityProfileValues)
      .where(eq(communityProfileValues.profileId, id))
      .all();
    tx.delete(communityProfiles).where(eq(communityProfiles.id, id)).run();
    auditDelete(
      tx,
      actorId,
      { type: COMMUNITY_PROFILE, id },
      { ...before, percentages: percentagesInWords(sortValues(values)) },
    );
    return true;
  });
}

/** The profile changed most recently: the report's comparison when none is chosen. */
export function latestCommunityProfileId(): number | undefined {
  return cached(
    "latest-community-profile",
    () =>
      db
        .select({ id: communityProfiles.id })
        .from(communityProfiles)
        .orderBy(desc(communityProfiles.updatedAt), desc(communityProfiles.id))
        .limit(1)
        .get()?.id,
  );
}
