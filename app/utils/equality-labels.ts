// The words of the equality monitoring form: its questions and every answer, in the wording of
// the England and Wales 2021 census and of the Social Mobility Commission. Plain data, safe in
// the browser: the monitoring pages, the printable sheet and the demographics report share it.
import type {
  AgeBand,
  ConsentMethod,
  DisabilityAnswer,
  EthnicGroup,
  GenderIdentity,
  MonitoringQuestion,
  Sex,
  SocioEconomicBackground,
} from "~db/enums";

export const PREFER_NOT_TO_SAY = "Prefer not to say";

/** Each question as the person is asked it. */
export const questionLabels: Record<MonitoringQuestion, string> = {
  age_band: "What is your age?",
  sex: "What is your sex?",
  gender_identity: "Is the gender you identify with the same as your sex registered at birth?",
  ethnic_group: "What is your ethnic group?",
  disability:
    "Are your day-to-day activities limited because of a health problem or disability which has lasted, or is expected to last, at least 12 months?",
  socio_economic: "What was the occupation of your main household earner when you were about aged 14?",
};

/** Each question in a word or two, for table headings and reports. */
export const questionShortLabels: Record<MonitoringQuestion, string> = {
  age_band: "Age",
  sex: "Sex",
  gender_identity: "Gender identity",
  ethnic_group: "Ethnic group",
  disability: "Disability",
  socio_economic: "Socio-economic background",
};

/** Help shown under a question, where the census or the Commission gives some. */
export const questionHints: Partial<Record<MonitoringQuestion, string>> = {
  sex: "A question about gender identity follows.",
  gender_identity: "Answer Yes or No, or choose Prefer not to say.",
  ethnic_group: "Choose the one that best describes your ethnic group or background.",
  disability:
    "Include problems related to old age. This is how the Equality Act 2010 defines disability: a physical or mental impairment with a substantial and long-term effect on day-to-day activities.",
  socio_economic:
    "If this question does not apply to you (for example, you were in care), or you do not know, choose Other. The Social Mobility Commission recommends this question.",
};

export const areaQuestion = {
  label: "Where do you live?",
  hint: "Your local authority (for example, Leeds) or the first part of your postcode (for example, LS6).",
} as const;

/** Where each question's answer is kept on a monitoring record. */
export const monitoringFieldOf = {
  age_band: "ageBand",
  sex: "sex",
  gender_identity: "genderIdentity",
  ethnic_group: "ethnicGroup",
  disability: "disability",
  socio_economic: "socioEconomic",
} as const satisfies Record<MonitoringQuestion, string>;
export type MonitoringField = (typeof monitoringFieldOf)[MonitoringQuestion];

export const ageBandLabels: Record<AgeBand, string> = {
  under_16: "Under 16",
  "16_24": "16 to 24",
  "25_34": "25 to 34",
  "35_44": "35 to 44",
  "45_54": "45 to 54",
  "55_64": "55 to 64",
  "65_74": "65 to 74",
  "75_plus": "75 and over",
  prefer_not: PREFER_NOT_TO_SAY,
};

export const sexLabels: Record<Sex, string> = {
  female: "Female",
  male: "Male",
  prefer_not: PREFER_NOT_TO_SAY,
};

export const genderIdentityLabels: Record<GenderIdentity, string> = {
  same: "Yes",
  different: "No",
  prefer_not: PREFER_NOT_TO_SAY,
};

/** The answers read on their own, away from the question (in tables and charts). */
export const genderIdentityShortLabels: Record<GenderIdentity, string> = {
  same: "Same as sex registered at birth",
  different: "Different from sex registered at birth",
  prefer_not: PREFER_NOT_TO_SAY,
};

// ---------------------------------------------------------------------------------------------
// Ethnic group: the 19 census groups, each within one of five high-level categories.

export const ethnicCategories = ["asian", "black", "mixed", "white", "other"] as const;
export type EthnicCategory = (typeof ethnicCategories)[number];

export const ethnicCategoryLabels: Record<EthnicCategory, string> = {
  asian: "Asian, Asian British or Asian Welsh",
  black: "Black, Black British, Black Welsh, Caribbean or African",
  mixed: "Mixed or Multiple ethnic groups",
  white: "White",
  other: "Other ethnic group",
};

/** The groups of each category, in the census order. */
export const ethnicGroupsByCategory: Record<EthnicCategory, readonly Exclude<EthnicGroup, "prefer_not">[]> = {
  asian: ["asian_bangladeshi", "asian_chinese", "asian_indian", "asian_pakistani", "asian_other"],
  black: ["black_african", "black_caribbean", "black_other"],
  mixed: ["mixed_white_asian", "mixed_white_black_african", "mixed_white_black_caribbean", "mixed_other"],
  white: ["white_british", "white_irish", "white_gypsy_traveller", "white_roma", "white_other"],
  other: ["other_arab", "other_any"],
};

/** Each group as the census form lists it under its category heading. */
export const ethnicGroupShortLabels: Record<EthnicGroup, string> = {
  asian_bangladeshi: "Bangladeshi",
  asian_chinese: "Chinese",
  asian_indian: "Indian",
  asian_pakistani: "Pakistani",
  asian_other: "Any other Asian background",
  black_african: "African",
  black_caribbean: "Caribbean",
  black_other: "Any other Black, Black British or Caribbean background",
  mixed_white_asian: "White and Asian",
  mixed_white_black_african: "White and Black African",
  mixed_white_black_caribbean: "White and Black Caribbean",
  mixed_other: "Any other Mixed or Multiple ethnic background",
  white_british: "English, Welsh, Scottish, Northern Irish or British",
  white_irish: "Irish",
  white_gypsy_traveller: "Gypsy or Irish Traveller",
  white_roma: "Roma",
  white_other: "Any other White background",
  other_arab: "Arab",
  other_any: "Any other ethnic group",
  prefer_not: PREFER_NOT_TO_SAY,
};

/** Each group in full, category first, as the census publishes it. */
export const ethnicGroupLabels = Object.fromEntries(
  Object.entries(ethnicGroupShortLabels).map(([group, label]) => {
    const category = ethnicCategoryOf(group as EthnicGroup);
    return [group, category === "prefer_not" ? label : `${ethnicCategoryLabels[category]}: ${label}`];
  }),
) as Record<EthnicGroup, string>;

/** The high-level category of an ethnic group ("prefer_not" stays itself). */
export function ethnicCategoryOf(group: EthnicGroup): EthnicCategory | "prefer_not" {
  if (group === "prefer_not") return "prefer_not";
  for (const category of ethnicCategories) {
    if ((ethnicGroupsByCategory[category] as readonly string[]).includes(group)) return category;
  }
  throw new Error(`Unknown ethnic group: ${group}`);
}

// ---------------------------------------------------------------------------------------------
// Disability (Equality Act 2010, in the census wording)

export const disabilityLabels: Record<DisabilityAnswer, string> = {
  yes_a_lot: "Yes, limited a lot",
  yes_a_little: "Yes, limited a little",
  no: "No",
  prefer_not: PREFER_NOT_TO_SAY,
};

// ---------------------------------------------------------------------------------------------
// Socio-economic background: the Social Mobility Commission's answers, in its order and words.

export const socioEconomicLabels: Record<SocioEconomicBackground, string> = {
  modern_professional:
    "Modern professional occupations such as: teacher or lecturer, nurse, physiotherapist, social worker, welfare officer, artist, musician, police officer (sergeant or above), software designer",
  clerical_intermediate:
    "Clerical and intermediate occupations such as: secretary, personal assistant, call centre agent, clerical worker, nursery nurse",
  senior_managers:
    "Senior managers and administrators usually responsible for planning, organising and co-ordinating work, and for finance such as: finance manager, chief executive",
  technical_craft:
    "Technical and craft occupations such as: motor mechanic, plumber, printer, electrician, gardener, train driver",
  semi_routine:
    "Semi-routine manual and service occupations such as: postal worker, machine operative, security guard, caretaker, farm worker, catering assistant, sales assistant",
  routine:
    "Routine manual and service occupations such as: HGV driver, van driver, cleaner, porter, packer, sewing machinist, messenger, labourer, waiter or waitress, bar staff",
  middle_junior_managers:
    "Middle or junior managers such as: office manager, retail manager, bank manager, restaurant manager, warehouse manager",
  traditional_professional:
    "Traditional professional occupations such as: accountant, solicitor, medical practitioner, scientist, civil or mechanical engineer",
  long_term_unemployed:
    "Long-term unemployed (claimed Jobseeker’s Allowance or earlier unemployment benefit for more than a year)",
  small_business_owners:
    "Small business owners who employed fewer than 25 people such as: corner shop owner, small plumbing company, retail shop owner, single restaurant or cafe owner, taxi owner, garage owner",
  other_unknown: "Other such as: retired, this question does not apply to me, I don’t know",
  prefer_not: PREFER_NOT_TO_SAY,
};

/** Each answer in a few words, for tables and charts. */
export const socioEconomicShortLabels: Record<SocioEconomicBackground, string> = {
  modern_professional: "Modern professional",
  clerical_intermediate: "Clerical and intermediate",
  senior_managers: "Senior managers and administrators",
  technical_craft: "Technical and craft",
  semi_routine: "Semi-routine manual and service",
  routine: "Routine manual and service",
  middle_junior_managers: "Middle or junior managers",
  traditional_professional: "Traditional professional",
  long_term_unemployed: "Long-term unemployed",
  small_business_owners: "Small business owners",
  other_unknown: "Other (retired, does not apply, don’t know)",
  prefer_not: PREFER_NOT_TO_SAY,
};

/** The Commission's grouping of the answers into backgrounds. */
export const socioEconomicGroups = ["professional", "intermediate", "lower", "other"] as const;
export type SocioEconomicGroup = (typeof socioEconomicGroups)[number];

export const socioEconomicGroupLabels: Record<SocioEconomicGroup, string> = {
  professional: "Professional background",
  intermediate: "Intermediate background",
  lower: "Lower socio-economic background",
  other: "Other",
};

export const socioEconomicAnswersByGroup: Record<
  SocioEconomicGroup,
  readonly Exclude<SocioEconomicBackground, "prefer_not">[]
> = {
  professional: [
    "modern_professional",
    "senior_managers",
    "middle_junior_managers",
    "traditional_professional",
  ],
  intermediate: ["clerical_intermediate", "small_business_owners"],
  lower: ["technical_craft", "semi_routine", "routine", "long_term_unemployed"],
  other: ["other_unknown"],
};

/** The background an answer belongs to ("prefer_not" stays itself). */
export function socioEconomicGroupOf(answer: SocioEconomicBackground): SocioEconomicGroup | "prefer_not" {
  if (answer === "prefer_not") return "prefer_not";
  for (const group of socioEconomicGroups) {
    if ((socioEconomicAnswersByGroup[group] as readonly string[]).includes(answer)) return group;
  }
  throw new Error(`Unknown socio-economic answer: ${answer}`);
}

// ---------------------------------------------------------------------------------------------

/** Every answer of every question, in the order the form lists them. */
export const answerLabels = {
  age_band: ageBandLabels,
  sex: sexLabels,
  gender_identity: genderIdentityLabels,
  ethnic_group: ethnicGroupLabels,
  disability: disabilityLabels,
  socio_economic: socioEconomicLabels,
} as const satisfies Record<MonitoringQuestion, Record<string, string>>;

/** Every answer in a few words, for tables and charts, where the question is not beside it. */
export const answerShortLabels = {
  age_band: ageBandLabels,
  sex: sexLabels,
  gender_identity: genderIdentityShortLabels,
  ethnic_group: ethnicGroupLabels,
  disability: disabilityLabels,
  socio_economic: socioEconomicShortLabels,
} as const satisfies Record<MonitoringQuestion, Record<string, string>>;

/** The label of one stored answer, or "" when there is none. */
export function answerLabel(question: MonitoringQuestion, value: string | null | undefined): string {
  if (!value) return "";
  return (answerLabels[question] as Record<string, string>)[value] ?? value;
}

export const consentMethodLabels: Record<ConsentMethod, string> = {
  paper: "On a paper form",
  online: "Online, on the form they filled in themselves",
  verbal: "Verbally, in person or by phone",
};
