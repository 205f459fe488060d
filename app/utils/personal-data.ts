// The people whose personal data an administrator can export or erase, and how pages name them.
// Plain data, safe in the browser.

export const personKinds = ["volunteer", "contributor", "contact"] as const;
export type PersonKind = (typeof personKinds)[number];

export type PersonRef = { kind: PersonKind; id: number };

export const personKindWords: Record<
  PersonKind,
  { noun: string; Noun: string; list: string; listPath: string }
> = {
  volunteer: { noun: "volunteer", Noun: "Volunteer", list: "Volunteers", listPath: "/volunteers" },
  contributor: { noun: "contributor", Noun: "Contributor", list: "Contributors", listPath: "/contributors" },
  contact: { noun: "partner contact", Noun: "Partner contact", list: "Partners", listPath: "/partners" },
};

export function isPersonKind(value: unknown): value is PersonKind {
  return typeof value === "string" && (personKinds as readonly string[]).includes(value);
}

/** What an erased person's record is called from then on: "Erased volunteer 12". */
export function erasedName(person: PersonRef) {
  return `Erased ${person.kind} ${person.id}`;
}

/** Where a person's personal data page lives: /volunteers/7/personal-data, /contacts/3/personal-data. */
export function personalDataPath(person: PersonRef) {
  return `/${person.kind}s/${person.id}/personal-data`;
}

export function erasurePath(person: PersonRef) {
  return `/${person.kind}s/${person.id}/erase`;
}

/** The downloads: /personal-data/volunteer/7.json and .html. */
export function personalDataFile(person: PersonRef, format: "json" | "html") {
  return `/personal-data/${person.kind}/${person.id}.${format}`;
}
