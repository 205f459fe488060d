import { asc } from "drizzle-orm";
import { contributors, partners, volunteers, type ImportKind } from "~db/schema";
import { contributorForm, type ContributorInput } from "~/forms/contributors.server";
import { monitoringForm, type MonitoringAnswers } from "~/forms/monitoring.server";
import { contactForm, partnerForm, type ContactInput, type PartnerInput } from "~/forms/partners.server";
import { volunteerForm, type VolunteerInput } from "~/forms/volunteers.server";
import type { Tx } from "~/utils/db.server";
import type { ConsentMethod } from "~db/enums";
import {
  ageBandLabels,
  consentMethodLabels,
  disabilityLabels,
  ethnicCategoryLabels,
  ethnicGroupsByCategory,
  ethnicGroupShortLabels,
  genderIdentityLabels,
  genderIdentityShortLabels,
  sexLabels,
  socioEconomicLabels,
  socioEconomicShortLabels,
} from "~/utils/equality-labels";
import type { FormSchema } from "~/utils/forms.server";
import {
  contributorKindLabels,
  partnerStatusLabels,
  partnerTypeLabels,
  volunteerFocusLabels,
  volunteerProgrammeLabels,
  volunteerStatusLabels,
} from "~/utils/labels";
import type { z } from "zod";
import {
  IMPORT_FIELDS,
  importKindLabels,
  isEqualityField,
  normalise,
  rowNumber,
  type ImportField,
} from "./fields";

// Each row of an import is checked as the add form would check it (the same zod schemas), after
// its cells are read the way people write them in spreadsheets: dates in several styles, choices
// by their label in any case, yes and no in many spellings. Problems are in plain words, naming
// the value and the field, so a person can fix the cell.

/** What a batch holds, as far as checking it goes. */
export type BatchContent = {
  kind: ImportKind;
  rows: string[][];
  mapping: Record<string, number>;
  skipped: number[];
  edits: Record<string, Record<string, string>>;
};

/** The records already in the tracker that a new one must not repeat, read once per check. */
export type Lookups = {
  names: Map<string, string>;
  emails: Map<string, string>;
  /** For contributors: partners by name, to link a contributor to their organisation. */
  partners: Map<string, number>;
  partnerIds: Set<number>;
};

export type CheckOptions = {
  /** Only people allowed to see equality monitoring answers may record them (UK GDPR special category data). */
  canRecordEquality: boolean;
};

export type Monitoring = { consentGivenOn: string; consentMethod: ConsentMethod; answers: MonitoringAnswers };

export type ParsedRecord =
  | { kind: "partners"; input: PartnerInput; contact: ContactInput | null }
  | { kind: "contributors"; input: ContributorInput }
  | { kind: "volunteers"; input: VolunteerInput; monitoring: Monitoring | null };

export type CheckedRow = {
  index: number;
  /** The row as the spreadsheet numbers it: the heading is row 1. */
  number: number;
  skipped: boolean;
  /** Each field's text, after any correction the person made. */
  values: Record<string, string>;
  problems: string[];
  /** Things worth knowing that do not stop the import. */
  notes: string[];
  record: ParsedRecord | null;
};

// ---------------------------------------------------------------------------------------------
// The records already there

/** Names compared in any case and spacing: "Riverside  college" is "Riverside College". */
export const nameKey = (name: string) => name.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
const key = nameKey;

/** The database or an open transaction: lookups are read either way. */
type Reader = Pick<Tx, "select">;

export function loadLookups(tx: Reader, kind: ImportKind): Lookups {
  const names = new Map<string, string>();
  const emails = new Map<string, string>();
  const partnerNames = new Map<string, number>();
  const partnerIds = new Set<number>();
  if (kind === "partners" || kind === "contributors") {
    for (const partner of tx
      .select({ id: partners.id, name: partners.name })
      .from(partners)
      .orderBy(asc(partners.id))
      .all()) {
      partnerIds.add(partner.id);
      if (!partnerNames.has(key(partner.name))) partnerNames.set(key(partner.name), partner.id);
      if (kind === "partners") names.set(key(partner.name), partner.name);
    }
  }
  if (kind === "contributors" || kind === "volunteers") {
    const table = kind === "contributors" ? contributors : volunteers;
    for (const person of tx.select({ name: table.name, email: table.email }).from(table).all()) {
      names.set(key(person.name), person.name);
      if (person.email) emails.set(person.email.toLowerCase(), person.name);
    }
  }
  return { names, emails, partners: partnerNames, partnerIds };
}

// ---------------------------------------------------------------------------------------------
// Reading cells

/** A field's text in a row: the person's correction if they made one, else the cell it is matched to. */
export function cellValues(batch: BatchContent, index: number): Record<string, string> {
  const row = batch.rows[index] ?? [];
  const edits = batch.edits[String(index)] ?? {};
  const values: Record<string, string> = {};
  for (const field of IMPORT_FIELDS[batch.kind]) {
    const column = batch.mapping[field.key];
    const cell = column === undefined ? "" : (row[column] ?? "");
    values[field.key] = (field.key in edits ? edits[field.key] : cell).trim();
  }
  return values;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

function fullYear(text: string): number {
  const year = Number(text);
  if (text.length === 4) return year;
  // Two-digit years: up to ten years ahead is this century, the rest the last.
  const century = Math.floor(new Date().getFullYear() / 100) * 100;
  return century + year > new Date().getFullYear() + 10 ? century - 100 + year : century + year;
}

const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

function isRealDay(y: number, m: number, d: number) {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * A calendar day as spreadsheets write it: 23/11/2026, 23-11-2026, 23.11.2026 (UK order, day
 * first), 2026-11-23, 23 Nov 2026, 23rd November 2026, Nov 23, 2026; a time after it (as Google
 * Sheets may add) is ignored. "invalid" when it looks like a date that does not exist (31/02/2024),
 * "unreadable" when it does not look like a date at all.
 */
export const readDay = remembered(readDayOnce);

function readDayOnce(text: string): string | "invalid" | "unreadable" {
  const value = text.trim().replace(/[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[ap]m)?$/i, "");
  let parts: [number, number, number] | null = null;
  const isoLike = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value);
  const ukLike = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$/.exec(value);
  const dayMonthName = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]+)\.?,?[\s-]+(\d{4}|\d{2})$/i.exec(value);
  const monthNameDay = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i.exec(value);
  if (isoLike) parts = [Number(isoLike[1]), Number(isoLike[2]), Number(isoLike[3])];
  else if (ukLike) parts = [fullYear(ukLike[3]), Number(ukLike[2]), Number(ukLike[1])];
  else if (dayMonthName) {
    const month = MONTHS[dayMonthName[2].toLowerCase()];
    if (!month) return "unreadable";
    parts = [fullYear(dayMonthName[3]), month, Number(dayMonthName[1])];
  } else if (monthNameDay) {
    const month = MONTHS[monthNameDay[1].toLowerCase()];
    if (!month) return "unreadable";
    parts = [Number(monthNameDay[3]), month, Number(monthNameDay[2])];
  }
  if (!parts) return "unreadable";
  const [y, m, d] = parts;
  return isRealDay(y, m, d) ? iso(y, m, d) : "invalid";
}

const YES = new Set(["yes", "y", "true", "1", "x", "✓", "✔", "ticked", "checked"]);
const NO = new Set(["no", "n", "false", "0", "-", "unticked", "unchecked"]);

/** True, false, or undefined when the text is neither. Blank is false. */
export function readYesNo(text: string): boolean | undefined {
  const value = text.trim().toLowerCase();
  if (value === "" || NO.has(value)) return false;
  if (YES.has(value)) return true;
  return undefined;
}

const squash = (text: string) => normalise(text).replace(/ /g, "");

/** The same answer for the same text, worked out once: a column of 20,000 cells holds a few distinct values. */
function remembered<T>(read: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    if (seen.has(text)) return seen.get(text)!;
    if (seen.size > 5000) seen.clear();
    const result = read(text);
    seen.set(text, result);
    return result;
  };
}

/** Finds a stored value by its label or value, in any case and spelling of spaces, or by a common variant. */
function chooser(labels: Record<string, string>, variants: Record<string, string> = {}) {
  const known = new Map<string, string>();
  for (const [value, label] of Object.entries(labels)) {
    known.set(squash(label), value);
    known.set(squash(value.replace(/_/g, " ")), value);
  }
  for (const [variant, value] of Object.entries(variants)) known.set(squash(variant), value);
  return remembered((text: string): string | undefined => {
    const wanted = squash(text);
    if (!wanted) return undefined;
    return known.get(wanted) ?? (wanted.endsWith("s") ? known.get(wanted.slice(0, -1)) : undefined);
  });
}

const ageChooser = chooser(ageBandLabels, {
  "<16": "under_16",
  "under 16s": "under_16",
  "0-15": "under_16",
  "16-24": "16_24",
  "18-24": "16_24",
  "25-34": "25_34",
  "35-44": "35_44",
  "45-54": "45_54",
  "55-64": "55_64",
  "65-74": "65_74",
  "75+": "75_plus",
  "75 plus": "75_plus",
  "over 75": "75_plus",
  "75 or over": "75_plus",
});

/** An age band from a band ("25-34", "25 to 34") or an age in years ("37"). */
function chooseAgeBand(text: string): string | undefined {
  const years = /^\d{1,3}$/.test(text.trim()) ? Number(text) : NaN;
  if (!Number.isNaN(years) && years <= 120) {
    const bands: [number, string][] = [
      [16, "under_16"],
      [25, "16_24"],
      [35, "25_34"],
      [45, "35_44"],
      [55, "45_54"],
      [65, "55_64"],
      [75, "65_74"],
    ];
    return bands.find(([below]) => years < below)?.[1] ?? "75_plus";
  }
  // "25 – 34", "25–34", "25 - 34" all read as "25-34".
  return ageChooser(text.replace(/\s*[–—-]\s*/g, "-").replace(/\s*to\s*/i, "-")) ?? ageChooser(text);
}

const PREFER_NOT = {
  "prefer not to say": "prefer_not",
  "prefer not": "prefer_not",
  pnts: "prefer_not",
  "rather not say": "prefer_not",
  "not stated": "prefer_not",
};

/** Each ethnic group also by its category and name together ("White Irish", "Asian Indian", "Black African"). */
const ethnicVariants: Record<string, string> = {
  ...PREFER_NOT,
  "white british": "white_british",
  british: "white_british",
  english: "white_british",
  welsh: "white_british",
  scottish: "white_british",
  "northern irish": "white_british",
};
for (const [category, groups] of Object.entries(ethnicGroupsByCategory)) {
  const word =
    category === "other"
      ? "other"
      : ethnicCategoryLabels[category as keyof typeof ethnicCategoryLabels].split(/[ ,]/)[0];
  for (const group of groups) {
    ethnicVariants[`${word} ${ethnicGroupShortLabels[group]}`] = group;
    ethnicVariants[`${word}: ${ethnicGroupShortLabels[group]}`] = group;
    ethnicVariants[`${word} - ${ethnicGroupShortLabels[group]}`] = group;
  }
}

type Choice = {
  choose: (text: string) => string | undefined;
  /** "a partner type", "an answer to 'Sex'": what the value should have been. */
  noun: string;
  /** The answers to suggest, in words. */
  answers: string[];
};

const PARTNER_TYPE_VARIANTS = {
  "fe college": "college",
  "further education college": "college",
  "further education": "college",
  "sixth form college": "college",
  "primary school": "school",
  "secondary school": "school",
  "special school": "school",
  primary: "school",
  secondary: "school",
  academy: "school",
  uni: "university",
  "higher education": "university",
  community: "community_group",
  "community organisation": "community_group",
  "community organization": "community_group",
  "voluntary group": "community_group",
  "specialist group": "specialist_interest_group",
  "interest group": "specialist_interest_group",
  "special interest group": "specialist_interest_group",
  society: "specialist_interest_group",
  nhs: "health_trust",
  "nhs trust": "health_trust",
  health: "health_trust",
  hospital: "health_trust",
  "training provider": "training_agency",
  training: "training_agency",
  "training organisation": "training_agency",
  council: "local_authority",
  "local council": "local_authority",
  "county council": "local_authority",
  "city council": "local_authority",
  "borough council": "local_authority",
  "local government": "local_authority",
  "registered charity": "charity",
  "charitable trust": "charity",
  "voluntary organisation": "charity",
  "third sector": "charity",
  company: "business",
  firm: "business",
  "private sector": "business",
  commercial: "business",
  corporate: "business",
};

const labelsOf = (labels: Record<string, string>) => Object.values(labels);

/** How each choice field reads its cells. */
function choicesFor(kind: ImportKind): Record<string, Choice> {
  const monitoring = (
    label: string,
    choose: (text: string) => string | undefined,
    answers: Record<string, string>,
  ): Choice => ({
    choose,
    noun: `an answer to '${label}'`,
    answers: labelsOf(answers),
  });
  const common: Record<string, Choice> = {
    consentMethod: {
      // The app's own words for each (which the fix form offers) and the short ones people type.
      choose: chooser(consentMethodLabels, {
        "on paper": "paper",
        "paper form": "paper",
        written: "paper",
        "in writing": "paper",
        form: "paper",
        "on a paper form": "paper",
        web: "online",
        "online form": "online",
        email: "online",
        "by email": "online",
        spoken: "verbal",
        verbally: "verbal",
        "in person": "verbal",
        phone: "verbal",
        telephone: "verbal",
        "by phone": "verbal",
      }),
      noun: "a way of giving consent",
      answers: ["On paper", "Online", "Verbally"],
    },
    ageBand: monitoring("Age band", chooseAgeBand, ageBandLabels),
    sex: monitoring(
      "Sex",
      chooser(sexLabels, { ...PREFER_NOT, f: "female", woman: "female", m: "male", man: "male" }),
      sexLabels,
    ),
    genderIdentity: monitoring(
      "Gender identity",
      chooser(
        { ...genderIdentityLabels },
        {
          ...PREFER_NOT,
          ...Object.fromEntries(Object.entries(genderIdentityShortLabels).map(([v, l]) => [l, v])),
          same: "same",
          different: "different",
        },
      ),
      genderIdentityLabels,
    ),
    ethnicGroup: monitoring(
      "Ethnic group",
      chooser(ethnicGroupShortLabels, ethnicVariants),
      ethnicGroupShortLabels,
    ),
    disability: monitoring(
      "Disability",
      chooser(disabilityLabels, {
        ...PREFER_NOT,
        "yes a lot": "yes_a_lot",
        "yes a little": "yes_a_little",
        "limited a lot": "yes_a_lot",
        "limited a little": "yes_a_little",
      }),
      disabilityLabels,
    ),
    socioEconomic: monitoring(
      "Socio-economic background",
      chooser(socioEconomicShortLabels, {
        ...PREFER_NOT,
        ...Object.fromEntries(Object.entries(socioEconomicLabels).map(([v, l]) => [l, v])),
      }),
      socioEconomicShortLabels,
    ),
  };
  switch (kind) {
    case "partners":
      return {
        type: {
          choose: chooser(partnerTypeLabels, PARTNER_TYPE_VARIANTS),
          noun: "a partner type",
          answers: labelsOf(partnerTypeLabels),
        },
        status: {
          choose: chooser(partnerStatusLabels, {
            potential: "prospective",
            prospect: "prospective",
            possible: "prospective",
            current: "active",
            live: "active",
            ongoing: "active",
            "on hold": "paused",
            inactive: "paused",
            dormant: "paused",
            suspended: "paused",
            finished: "ended",
            closed: "ended",
            former: "ended",
            past: "ended",
            withdrawn: "ended",
          }),
          noun: "a partnership status",
          answers: labelsOf(partnerStatusLabels),
        },
      };
    case "contributors":
      return {
        kind: {
          choose: chooser(contributorKindLabels, {
            author: "writer",
            poet: "writer",
            storyteller: "writer",
            "visual artist": "artist",
            illustrator: "artist",
            painter: "artist",
            sculptor: "artist",
            photographer: "artist",
            choreographer: "dancer",
            "dance artist": "dancer",
            composer: "musician",
            singer: "musician",
            it: "it_specialist",
            developer: "it_specialist",
            programmer: "it_specialist",
            "digital specialist": "it_specialist",
            technologist: "it_specialist",
          }),
          noun: "a kind of contributor",
          answers: labelsOf(contributorKindLabels),
        },
      };
    case "volunteers":
      return {
        ...common,
        programme: {
          choose: chooser(volunteerProgrammeLabels, {
            "general volunteer": "volunteer",
            "work experience": "work_experience",
            "work placement": "work_experience",
            "placement student": "work_experience",
            placement: "work_experience",
            internship: "intern",
            friends: "friends_group",
            friend: "friends_group",
            "friends group": "friends_group",
            "student librarian": "pupil_librarian",
            "community group": "community_group",
            overseas: "overseas_user",
            "overseas volunteer": "overseas_user",
            international: "overseas_user",
          }),
          noun: "a volunteer programme",
          answers: labelsOf(volunteerProgrammeLabels),
        },
        status: {
          choose: chooser(volunteerStatusLabels, {
            current: "active",
            "on hold": "paused",
            inactive: "paused",
            "on a break": "paused",
            former: "left",
            ended: "left",
            finished: "left",
            leaver: "left",
            "no longer volunteering": "left",
          }),
          noun: "a volunteer status",
          answers: labelsOf(volunteerStatusLabels),
        },
      };
  }
}

const CHOICES: Record<ImportKind, Record<string, Choice>> = {
  partners: choicesFor("partners"),
  contributors: choicesFor("contributors"),
  volunteers: choicesFor("volunteers"),
};

const focusChooser = chooser(volunteerFocusLabels, {
  skills: "skills_development",
  knowledge: "knowledge_awareness",
  "knowledge and awareness": "knowledge_awareness",
  confidence: "confidence_building",
  social: "social_opportunities",
  enterprise: "enterprise_employability",
  employability: "enterprise_employability",
});

// ---------------------------------------------------------------------------------------------
// Checking one row

/** Field results remembered within one check of a batch: most cells repeat (statuses, dates, blanks). */
export type ParseCache = Map<z.ZodTypeAny, Map<string, z.SafeParseReturnType<unknown, unknown>>>;

/**
 * The form's own check (`parseForm`'s rules: each field's schema, then the checks across fields,
 * first message per field), on the values a browser would post, without building a FormData.
 */
function formCheck<Shape extends z.ZodRawShape>(
  form: FormSchema<Shape>,
  values: Record<string, string | string[]>,
  cache: ParseCache,
): { ok: true; data: z.infer<z.ZodObject<Shape>> } | { ok: false; errors: Record<string, string[]> } {
  const errors: Record<string, string[]> = {};
  const partial: Record<string, unknown> = {};
  for (const [field, schema] of Object.entries(form.fields.shape) as [string, z.ZodTypeAny][]) {
    const value = values[field];
    let result: z.SafeParseReturnType<unknown, unknown>;
    if (typeof value === "string") {
      let known = cache.get(schema);
      if (!known) cache.set(schema, (known = new Map()));
      result = known.get(value) ?? schema.safeParse(value);
      known.set(value, result);
    } else result = schema.safeParse(value);
    if (result.success) partial[field] = result.data;
    else errors[field] = [result.error.issues[0]?.message ?? "This is not valid."];
  }
  for (const check of form.checks) {
    check(partial as Partial<z.infer<z.ZodObject<Shape>>>, (field, message) => {
      errors[field] ??= [message];
    });
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, data: partial as z.infer<z.ZodObject<Shape>> };
}

type Problems = { byField: Map<string, string>; general: string[] };

function addFormErrors(
  problems: Problems,
  errors: Record<string, string[] | undefined>,
  fields: ImportField[],
  rename: Record<string, string> = {},
) {
  for (const [name, messages] of Object.entries(errors)) {
    const fieldKey = rename[name] ?? name;
    if (!messages?.length || problems.byField.has(fieldKey)) continue;
    const label = fields.find((field) => field.key === fieldKey)?.label;
    problems.byField.set(fieldKey, label ? `${label}: ${messages[0]}` : messages[0]);
  }
}

/**
 * One row, checked on its own (duplicates within the file are found by `checkRows`). The cells
 * are read into the values the add form would receive, then the form's schema checks them.
 */
export function checkRow(
  kind: ImportKind,
  values: Record<string, string>,
  lookups: Lookups,
  options: CheckOptions,
  cache: ParseCache = new Map(),
): { problems: string[]; notes: string[]; record: ParsedRecord | null } {
  const fields = IMPORT_FIELDS[kind];
  const choices = CHOICES[kind];
  const problems: Problems = { byField: new Map(), general: [] };
  const notes: string[] = [];
  const form: Record<string, string | string[]> = {};

  const monitoringGiven = fields.some((field) => field.group === "monitoring" && values[field.key] !== "");
  const consentGiven = values.consentGivenOn !== undefined && values.consentGivenOn !== "";
  // Equality answers are read only when they will be kept: consent recorded, by someone permitted.
  const readEquality = kind === "volunteers" && options.canRecordEquality && consentGiven;
  if (kind === "volunteers" && (monitoringGiven || consentGiven)) {
    if (!options.canRecordEquality) {
      notes.push(
        "Equality answers left out: only administrators and people with the equality data permission can import them.",
      );
    } else if (!consentGiven) {
      notes.push("Equality answers left out: no consent recorded");
    }
  }

  for (const field of fields) {
    if (isEqualityField(field) && !readEquality) continue;
    const text = values[field.key] ?? "";
    const problem = (message: string) => problems.byField.set(field.key, message);
    switch (field.type) {
      case "text":
        form[field.key] = text;
        break;
      case "date": {
        if (text === "") {
          form[field.key] = "";
          break;
        }
        const day = readDay(text);
        if (day === "invalid") problem(`'${text}' is not a real date in '${field.label}'`);
        else if (day === "unreadable")
          problem(`'${text}' is not a date in '${field.label}': write dates like 23/11/2026`);
        form[field.key] = day === "invalid" || day === "unreadable" ? "" : day;
        break;
      }
      case "choice": {
        const choice = choices[field.key];
        if (text === "") {
          form[field.key] = field.blankMeans ?? "";
          break;
        }
        const chosen = choice.choose(text);
        if (chosen === undefined)
          problem(`'${text}' is not ${choice.noun}; use one of: ${choice.answers.join(", ")}`);
        form[field.key] = chosen ?? "";
        break;
      }
      case "yesno": {
        const yes = readYesNo(text);
        if (yes === undefined) problem(`'${text}' is not Yes or No in '${field.label}'`);
        form[field.key] = yes ? "on" : "";
        break;
      }
      case "choices": {
        const chosen: string[] = [];
        for (const part of text
          .split(/[,;/|\n]+/)
          .map((p) => p.trim())
          .filter(Boolean)) {
          const focus = focusChooser(part);
          if (focus === undefined) {
            problem(
              `'${part}' is not a programme focus; use any of: ${labelsOf(volunteerFocusLabels).join(", ")}`,
            );
          } else chosen.push(focus);
        }
        form[field.key] = chosen;
        break;
      }
      case "partner": {
        if (text === "") {
          form.partnerId = "";
          break;
        }
        const id = lookups.partners.get(key(text));
        if (id === undefined) {
          problem(
            `'${text}' is not a partner in the tracker: add the partner first, or leave '${field.label}' blank`,
          );
        }
        form.partnerId = id === undefined ? "" : String(id);
        break;
      }
    }
  }

  // A name over two columns, when the file has no single name column.
  if (!form.name && (values.firstName || values.lastName)) {
    form.name = [values.firstName, values.lastName].filter(Boolean).join(" ");
  }

  let record: ParsedRecord | null = null;
  const one = importKindLabels[kind].one;
  if (kind === "partners") {
    const partner = formCheck(partnerForm, form, cache);
    if (!partner.ok) addFormErrors(problems, partner.errors, fields);
    let contact: ContactInput | null = null;
    const contactValues = {
      name: values.contactName,
      role: values.contactRole,
      email: values.contactEmail,
      phone: values.contactPhone,
    };
    if (Object.values(contactValues).some((v) => v)) {
      const checked = formCheck(contactForm, contactValues, cache);
      if (checked.ok) contact = checked.data;
      else
        addFormErrors(problems, checked.errors, fields, {
          name: "contactName",
          role: "contactRole",
          email: "contactEmail",
          phone: "contactPhone",
        });
    }
    if (partner.ok) record = { kind, input: partner.data, contact };
  } else if (kind === "contributors") {
    const contributor = formCheck(contributorForm, form, cache);
    if (!contributor.ok) addFormErrors(problems, contributor.errors, fields, { partnerId: "partner" });
    else record = { kind, input: contributor.data };
  } else {
    const volunteer = formCheck(volunteerForm, form, cache);
    if (!volunteer.ok) addFormErrors(problems, volunteer.errors, fields);
    let monitoring: Monitoring | null = null;
    if (readEquality) {
      const answers = [
        "consentGivenOn",
        "consentMethod",
        "ageBand",
        "sex",
        "genderIdentity",
        "ethnicGroup",
        "disability",
        "socioEconomic",
        "area",
      ];
      const checked = formCheck(
        monitoringForm,
        { consentGiven: "on", ...Object.fromEntries(answers.map((name) => [name, form[name] ?? ""])) },
        cache,
      );
      if (checked.ok) {
        const { consentGiven: _given, consentGivenOn, consentMethod, ...rest } = checked.data;
        monitoring = { consentGivenOn, consentMethod, answers: rest };
      } else {
        if (checked.errors.consentMethod && !values.consentMethod) {
          problems.byField.set(
            "consentMethod",
            "How consent was given: say whether it was on paper, online or verbally, or leave the consent date blank to leave their equality answers out.",
          );
        }
        addFormErrors(problems, checked.errors, fields);
      }
    }
    if (volunteer.ok) record = { kind, input: volunteer.data, monitoring };
  }

  // Already in the tracker: the same name in any case and spacing, or the same email address.
  const name = typeof form.name === "string" ? form.name.trim() : "";
  if (name && !problems.byField.has("name")) {
    const existing = lookups.names.get(key(name));
    if (existing !== undefined)
      problems.general.push(`A ${one} called '${existing}' is already in the tracker.`);
  }
  const email = typeof form.email === "string" ? form.email.trim().toLowerCase() : "";
  if (email && !problems.byField.has("email")) {
    const existing = lookups.emails.get(email);
    if (existing !== undefined) {
      problems.general.push(
        `A ${one} with the email address '${email}' is already in the tracker (${existing}).`,
      );
    }
  }

  const all = [
    ...fields.map((field) => problems.byField.get(field.key)).filter((p): p is string => Boolean(p)),
    ...problems.general,
  ];
  return { problems: all, notes, record: all.length === 0 ? record : null };
}

/** The name a row will have (for duplicates within the file), as checkRow reads it. */
function nameOf(values: Record<string, string>) {
  return values.name || [values.firstName, values.lastName].filter(Boolean).join(" ");
}

/**
 * Every row of a batch, checked: each on its own, then for names and email addresses repeated
 * within the file (among the rows not skipped: the first keeps its place, later ones are
 * problems). Runs a chunk at a time, letting other requests in between, so a large file never
 * holds the server for long.
 */
export async function checkRows(
  batch: BatchContent,
  lookups: Lookups,
  options: CheckOptions,
  chunk = 250,
): Promise<CheckedRow[]> {
  const skipped = new Set(batch.skipped);
  const firstByName = new Map<string, number>();
  const firstByEmail = new Map<string, number>();
  const checked: CheckedRow[] = [];
  const cache: ParseCache = new Map();
  for (let index = 0; index < batch.rows.length; index += 1) {
    if (index > 0 && index % chunk === 0) await new Promise((resolve) => setImmediate(resolve));
    const values = cellValues(batch, index);
    const result = checkRow(batch.kind, values, lookups, options, cache);
    const row: CheckedRow = {
      index,
      number: rowNumber(index),
      skipped: skipped.has(index),
      values,
      ...result,
    };
    if (!row.skipped) {
      const name = key(nameOf(values));
      if (name) {
        const first = firstByName.get(name);
        if (first === undefined) firstByName.set(name, index);
        else
          row.problems.push(
            `The same name as row ${rowNumber(first)} of this file: skip one of the two, or change the name.`,
          );
      }
      const email = (batch.kind === "partners" ? "" : values.email).toLowerCase();
      if (email) {
        const first = firstByEmail.get(email);
        if (first === undefined) firstByEmail.set(email, index);
        else
          row.problems.push(
            `The same email address as row ${rowNumber(first)} of this file: skip one of the two, or change the email address.`,
          );
      }
      if (row.problems.length > 0) row.record = null;
    }
    checked.push(row);
  }
  return checked;
}

/** The stored value a choice field's text reads as ("FE college" is "college"), or undefined. */
export function chooseValue(kind: ImportKind, fieldKey: string, text: string): string | undefined {
  return CHOICES[kind][fieldKey]?.choose(text);
}
