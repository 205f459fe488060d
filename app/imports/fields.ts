// What each kind of import can fill in: the fields, their labels, which are required, and the
// column headings that match them automatically. Plain data, safe in the browser: the matching
// step, the preview and the fix form all read it.
import {
  consentMethods,
  type ImportKind,
  type ContributorKind,
  type PartnerStatus,
  type PartnerType,
  type VolunteerProgramme,
  type VolunteerStatus,
} from "~db/enums";
import type { Option } from "~/components/form";
import {
  ageBandLabels,
  consentMethodLabels,
  disabilityLabels,
  ethnicGroupShortLabels,
  genderIdentityShortLabels,
  sexLabels,
  socioEconomicShortLabels,
} from "~/utils/equality-labels";
import {
  contributorKindLabels,
  optionsOf,
  partnerStatusLabels,
  partnerTypeLabels,
  volunteerFocusLabels,
  volunteerProgrammeLabels,
  volunteerStatusLabels,
} from "~/utils/labels";

/** How a cell is read: as text, a date, one of a list, yes or no, a list of choices, or a partner's name. */
export type FieldType = "text" | "date" | "choice" | "yesno" | "choices" | "partner";

/** Where a field goes: the record itself, its partner contact, or the person's equality monitoring. */
export type FieldGroup = "record" | "contact" | "monitoring" | "consent";

export type ImportField = {
  key: string;
  label: string;
  type: FieldType;
  group: FieldGroup;
  /** The row cannot be imported without it. */
  required?: boolean;
  /** What a blank cell becomes (a stored value), as the add form preselects it. */
  blankMeans?: string;
  /** Column headings that mean this field, besides the label itself. */
  synonyms: string[];
  /** For choice fields: the allowed answers, by stored value and label. */
  options?: Option[];
  hint?: string;
};

export const importKindLabels: Record<ImportKind, { one: string; many: string; path: string }> = {
  partners: { one: "partner", many: "partners", path: "/partners" },
  contributors: { one: "contributor", many: "contributors", path: "/contributors" },
  volunteers: { one: "volunteer", many: "volunteers", path: "/volunteers" },
};

/** "1 volunteer", "300 volunteers". */
export function countOf(kind: ImportKind, n: number) {
  const words = importKindLabels[kind];
  return `${n.toLocaleString("en-GB")} ${n === 1 ? words.one : words.many}`;
}

const name = (who: string, extra: string[] = []): ImportField => ({
  key: "name",
  label: "Name",
  type: "text",
  group: "record",
  required: true,
  synonyms: ["name", "full name", `${who} name`, who, ...extra],
});

const email = (synonyms: string[] = []): ImportField => ({
  key: "email",
  label: "Email address",
  type: "text",
  group: "record",
  synonyms: ["email", "email address", "e mail", "e mail address", "mail", ...synonyms],
});

const phone: ImportField = {
  key: "phone",
  label: "Phone",
  type: "text",
  group: "record",
  synonyms: ["phone", "phone number", "telephone", "telephone number", "tel", "mobile", "mobile number"],
};

const website: ImportField = {
  key: "website",
  label: "Website",
  type: "text",
  group: "record",
  synonyms: ["website", "web site", "web", "url", "web address", "homepage", "site"],
};

const notes: ImportField = {
  key: "notes",
  label: "Notes",
  type: "text",
  group: "record",
  synonyms: [
    "notes",
    "note",
    "comments",
    "comment",
    "remarks",
    "other information",
    "additional information",
  ],
};

/** Names split over two columns, as many spreadsheets keep them: used when there is no single name column. */
const firstName: ImportField = {
  key: "firstName",
  label: "First name",
  type: "text",
  group: "record",
  synonyms: ["first name", "forename", "forenames", "given name", "first names", "christian name"],
  hint: "Used with Last name when the file has no single Name column.",
};
const lastName: ImportField = {
  key: "lastName",
  label: "Last name",
  type: "text",
  group: "record",
  synonyms: ["last name", "surname", "family name", "second name"],
};

const day = (key: string, label: string, synonyms: string[], group: FieldGroup = "record"): ImportField => ({
  key,
  label,
  type: "date",
  group,
  synonyms,
  hint: "Dates like 23/11/2026, 2026-11-23, 23-11-2026 or 23 Nov 2026.",
});

const yesNo = (key: string, label: string, synonyms: string[]): ImportField => ({
  key,
  label,
  type: "yesno",
  group: "record",
  synonyms,
  hint: "Yes or No (also Y, N, True, False, 1, 0, or X for yes). Blank means No.",
});

export const PARTNER_FIELDS: ImportField[] = [
  name("partner", [
    "organisation",
    "organisation name",
    "organization",
    "organization name",
    "org",
    "org name",
    "partner organisation",
    "company",
    "company name",
    "institution",
  ]),
  {
    key: "type",
    label: "Type of organisation",
    type: "choice",
    group: "record",
    required: true,
    options: optionsOf<PartnerType>(partnerTypeLabels),
    synonyms: [
      "type",
      "type of organisation",
      "type of organization",
      "organisation type",
      "organization type",
      "org type",
      "partner type",
      "type of partner",
      "category",
      "sector",
      "kind",
    ],
  },
  {
    key: "status",
    label: "Status",
    type: "choice",
    group: "record",
    blankMeans: "active",
    options: optionsOf<PartnerStatus>(partnerStatusLabels),
    synonyms: ["status", "partnership status", "partner status", "stage"],
  },
  day("startDate", "Start date", [
    "start",
    "start date",
    "date started",
    "started",
    "partner since",
    "since",
    "date joined",
    "joined",
    "start of partnership",
    "partnership start",
    "from",
  ]),
  day("endDate", "End date", ["end", "end date", "date ended", "ended", "partnership end", "until", "to"]),
  {
    key: "endReason",
    label: "Why it ended",
    type: "text",
    group: "record",
    synonyms: ["end reason", "reason ended", "reason for ending", "why ended", "why it ended", "reason"],
  },
  {
    key: "addsValue",
    label: "How their work adds value to ours",
    type: "text",
    group: "record",
    synonyms: ["adds value", "value", "value added", "what they bring", "how they add value", "added value"],
  },
  yesNo("isAdvocate", "Advocate", ["advocate", "is advocate", "acts as advocate", "advocate for us"]),
  yesNo("extendsOnsite", "Extends on-site services", [
    "extends on site services",
    "on site",
    "onsite",
    "on site services",
    "extends onsite",
  ]),
  yesNo("extendsOffsite", "Extends off-site services", [
    "extends off site services",
    "off site",
    "offsite",
    "off site services",
    "extends offsite",
  ]),
  website,
  {
    key: "area",
    label: "Area",
    type: "text",
    group: "record",
    synonyms: ["area", "location", "town", "city", "borough", "region", "district", "place"],
  },
  notes,
  {
    key: "contactName",
    label: "Contact name",
    type: "text",
    group: "contact",
    synonyms: ["contact", "contact name", "main contact", "contact person", "key contact", "lead contact"],
  },
  {
    key: "contactRole",
    label: "Contact's role",
    type: "text",
    group: "contact",
    synonyms: ["contact role", "contacts role", "role", "job title", "position", "contact job title"],
  },
  {
    key: "contactEmail",
    label: "Contact's email address",
    type: "text",
    group: "contact",
    synonyms: [
      "contact email",
      "contacts email",
      "contact email address",
      "email",
      "email address",
      "e mail",
      "e mail address",
    ],
  },
  {
    key: "contactPhone",
    label: "Contact's phone",
    type: "text",
    group: "contact",
    synonyms: [
      "contact phone",
      "contacts phone",
      "contact number",
      "contact telephone",
      "phone",
      "phone number",
      "telephone",
      "tel",
      "mobile",
    ],
  },
];

export const CONTRIBUTOR_FIELDS: ImportField[] = [
  name("contributor", ["person", "contributor"]),
  firstName,
  lastName,
  {
    key: "kind",
    label: "Kind of contributor",
    type: "choice",
    group: "record",
    blankMeans: "other",
    options: optionsOf<ContributorKind>(contributorKindLabels),
    synonyms: [
      "kind",
      "type",
      "contributor type",
      "kind of contributor",
      "type of contributor",
      "discipline",
      "profession",
      "art form",
      "role",
    ],
  },
  {
    key: "partner",
    label: "Partner organisation",
    type: "partner",
    group: "record",
    synonyms: [
      "partner",
      "partner organisation",
      "organisation",
      "organization",
      "company",
      "employer",
      "partner name",
    ],
    hint: "The name of a partner already in the tracker.",
  },
  {
    key: "skills",
    label: "Skills",
    type: "text",
    group: "record",
    synonyms: ["skills", "skill", "expertise", "specialism", "specialisms", "specialist area"],
  },
  email(),
  phone,
  website,
  day("activeFrom", "Active from", ["active from", "start", "start date", "from", "date started", "started"]),
  day("activeTo", "Active to", ["active to", "end", "end date", "to", "until", "date ended", "ended"]),
  notes,
];

const monitoringChoice = (
  key: string,
  label: string,
  labels: Record<string, string>,
  synonyms: string[],
): ImportField => ({
  key,
  label,
  type: "choice",
  group: "monitoring",
  options: optionsOf(labels),
  synonyms,
});

export const VOLUNTEER_FIELDS: ImportField[] = [
  name("volunteer"),
  firstName,
  lastName,
  {
    key: "programme",
    label: "Programme",
    type: "choice",
    group: "record",
    blankMeans: "volunteer",
    options: optionsOf<VolunteerProgramme>(volunteerProgrammeLabels),
    synonyms: ["programme", "program", "volunteer type", "type", "type of volunteer", "scheme", "category"],
  },
  {
    key: "status",
    label: "Status",
    type: "choice",
    group: "record",
    blankMeans: "active",
    options: optionsOf<VolunteerStatus>(volunteerStatusLabels),
    synonyms: ["status", "volunteer status", "current status"],
  },
  day("startDate", "Start date", [
    "start",
    "start date",
    "date started",
    "started",
    "date joined",
    "joined",
    "volunteering since",
    "since",
    "from",
  ]),
  day("endDate", "End date", [
    "end",
    "end date",
    "date ended",
    "ended",
    "date left",
    "left on",
    "until",
    "to",
  ]),
  {
    key: "roles",
    label: "Roles",
    type: "text",
    group: "record",
    synonyms: ["roles", "role", "volunteer role", "volunteering role", "tasks", "duties", "job"],
  },
  {
    key: "skills",
    label: "Skills",
    type: "text",
    group: "record",
    synonyms: ["skills", "skill", "expertise", "interests"],
  },
  {
    key: "focuses",
    label: "Focus of their programme",
    type: "choices",
    group: "record",
    options: optionsOf(volunteerFocusLabels),
    synonyms: ["focus", "focuses", "focus of their programme", "programme focus", "focus of programme"],
    hint: "Several may be given, separated by commas or semicolons.",
  },
  email(["volunteer email"]),
  phone,
  notes,
  monitoringChoice("ageBand", "Age band", ageBandLabels, ["age", "age band", "age group", "age range"]),
  monitoringChoice("sex", "Sex", sexLabels, ["sex", "gender"]),
  monitoringChoice("genderIdentity", "Gender identity", genderIdentityShortLabels, [
    "gender identity",
    "gender same as at birth",
    "gender same as sex registered at birth",
    "trans",
  ]),
  monitoringChoice("ethnicGroup", "Ethnic group", ethnicGroupShortLabels, [
    "ethnic group",
    "ethnicity",
    "ethnic origin",
    "ethnic background",
    "ethnic group or background",
  ]),
  monitoringChoice("disability", "Disability", disabilityLabels, [
    "disability",
    "disabled",
    "disability or health condition",
    "long term health condition",
    "health condition",
    "limited by health or disability",
  ]),
  monitoringChoice("socioEconomic", "Socio-economic background", socioEconomicShortLabels, [
    "socio economic background",
    "socioeconomic background",
    "socio economic",
    "socioeconomic",
    "main earner occupation",
    "occupation of main household earner",
    "parent occupation",
    "parents occupation",
    "social background",
  ]),
  {
    key: "area",
    label: "Area where they live",
    type: "text",
    group: "monitoring",
    synonyms: [
      "area",
      "area where they live",
      "where they live",
      "home area",
      "lives in",
      "postcode",
      "postcode district",
      "local authority",
      "borough",
    ],
  },
  day(
    "consentGivenOn",
    "Consent date",
    [
      "consent date",
      "date of consent",
      "consent given on",
      "date consent given",
      "consented on",
      "consent given date",
      "monitoring consent date",
    ],
    "consent",
  ),
  {
    key: "consentMethod",
    label: "How consent was given",
    type: "choice",
    group: "consent",
    options: consentMethods.map((value) => ({ value, label: consentMethodLabels[value] })),
    synonyms: [
      "consent method",
      "how consent was given",
      "how consent given",
      "method of consent",
      "consent type",
      "consent how",
      "consent given by",
    ],
    hint: "On paper, online or verbally.",
  },
];

export const IMPORT_FIELDS: Record<ImportKind, ImportField[]> = {
  partners: PARTNER_FIELDS,
  contributors: CONTRIBUTOR_FIELDS,
  volunteers: VOLUNTEER_FIELDS,
};

export const fieldGroupLabels: Record<FieldGroup, string> = {
  record: "The record",
  contact: "Their contact (one person at the partner)",
  monitoring: "Equality monitoring answers",
  consent: "Consent to equality monitoring",
};

export function fieldOf(kind: ImportKind, key: string): ImportField | undefined {
  return IMPORT_FIELDS[kind].find((field) => field.key === key);
}

/** Whether a field holds equality monitoring data (special category data), consent included. */
export function isEqualityField(field: ImportField) {
  return field.group === "monitoring" || field.group === "consent";
}

// ---------------------------------------------------------------------------------------------
// Matching column headings to fields

/**
 * A heading or a cell reduced to what matters for matching: lower case, no accents, no
 * punctuation, no notes in brackets ("Start date (dd/mm/yyyy)"), single spaces.
 */
export function normalise(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, " ")
    .replace(/&/g, " and ")
    .replace(/['’‘`]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/\s+/g, " ");
}

/** The same, without spaces too, so "StartDate", "start_date" and "Start date" meet. */
const squash = (text: string) => normalise(text).replace(/ /g, "");

/**
 * The column each field takes its values from, worked out from the file's headings: each field
 * takes the first column whose heading is its label or one of its synonyms; a column feeds one
 * field at most. Labels are tried before synonyms, so "Contact email" wins over "Email".
 */
export function autoMapping(kind: ImportKind, headers: readonly string[]): Record<string, number> {
  const fields = IMPORT_FIELDS[kind];
  const squashed = headers.map(squash);
  const mapping: Record<string, number> = {};
  const taken = new Set<number>();
  const tryMatch = (field: ImportField, candidates: string[]) => {
    if (field.key in mapping) return;
    for (const candidate of candidates.map(squash)) {
      const column = squashed.findIndex((heading, index) => heading === candidate && !taken.has(index));
      if (column >= 0) {
        mapping[field.key] = column;
        taken.add(column);
        return;
      }
    }
  };
  // Exact labels and field keys first, then each field's synonyms in order of preference.
  for (const field of fields) tryMatch(field, [field.label, field.key]);
  for (const field of fields) tryMatch(field, field.synonyms);
  // A single name column makes first and last names unnecessary; they are then left unmatched.
  if ("name" in mapping && kind !== "partners") {
    delete mapping.firstName;
    delete mapping.lastName;
  }
  return mapping;
}

/** Where a field's value came from, in words: "column C, 'Start'". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A data row's number as the spreadsheet shows it: the heading is row 1, so the first row of data is row 2. */
export function rowNumber(index: number) {
  return index + 2;
}

/** The name of the column-matching select for one field. */
export const mappingFieldName = (key: string) => `map-${key}`;
