// Enum values shared by the schema, the forms and the pages. Plain data, safe in the browser.

export const roles = ["admin", "editor", "viewer"] as const;
export type Role = (typeof roles)[number];

/**
 * What an audit event records: a change to a record, or, for personal data, that someone viewed
 * individual equality monitoring answers, exported everything held about a person, or erased it.
 * Stored as text with no database constraint, so adding a value needs no migration.
 */
export const auditActions = ["create", "update", "delete", "view", "export", "erase"] as const;
export type AuditAction = (typeof auditActions)[number];

export const partnerTypes = [
  "college",
  "school",
  "university",
  "community_group",
  "specialist_interest_group",
  "health_trust",
  "training_agency",
  "local_authority",
  "charity",
  "business",
  "other",
] as const;
export type PartnerType = (typeof partnerTypes)[number];

export const partnerStatuses = ["prospective", "active", "paused", "ended"] as const;
export type PartnerStatus = (typeof partnerStatuses)[number];

export const contributorKinds = [
  "writer",
  "artist",
  "dancer",
  "musician",
  "youth_worker",
  "it_specialist",
  "other",
] as const;
export type ContributorKind = (typeof contributorKinds)[number];

export const volunteerProgrammes = [
  "volunteer",
  "work_experience",
  "intern",
  "friends_group",
  "pupil_librarian",
  "community_group",
  "overseas_user",
  "other",
] as const;
export type VolunteerProgramme = (typeof volunteerProgrammes)[number];

export const volunteerStatuses = ["active", "paused", "left"] as const;
export type VolunteerStatus = (typeof volunteerStatuses)[number];

/** The five programme focuses named by the checklist's last 3.3 prompt. */
export const volunteerFocuses = [
  "skills_development",
  "knowledge_awareness",
  "confidence_building",
  "social_opportunities",
  "enterprise_employability",
] as const;
export type VolunteerFocus = (typeof volunteerFocuses)[number];

export const projectStatuses = ["planned", "active", "completed", "cancelled"] as const;
export type ProjectStatus = (typeof projectStatuses)[number];

export const projectPartnerRoles = ["lead", "co_deliverer", "funder", "host", "other"] as const;
export type ProjectPartnerRole = (typeof projectPartnerRoles)[number];

export const fundingStatuses = ["pending", "secured", "declined"] as const;
export type FundingStatus = (typeof fundingStatuses)[number];

export const beneficiaries = ["users", "staff", "partner", "organisation"] as const;
export type Beneficiary = (typeof beneficiaries)[number];

export const benefitSources = ["observation", "feedback", "survey", "meeting", "other"] as const;
export type BenefitSource = (typeof benefitSources)[number];

/** The 5 Generic Learning Outcomes and 3 Generic Social Outcomes of the ILFA framework. */
export const outcomes = [
  "glo_knowledge",
  "glo_skills",
  "glo_enjoyment",
  "glo_activity",
  "glo_attitudes",
  "gso_communities",
  "gso_health",
  "gso_public_life",
] as const;
export type Outcome = (typeof outcomes)[number];

/** Every kind of record that the audit trail and evidence links refer to, as (type, id). */
export const recordTypes = [
  "partner",
  "contact",
  "contributor",
  "volunteer",
  "training",
  "hours",
  "project",
  "funding",
  "user_group",
  "benefit",
  "meeting",
  "review",
  "report",
  "feedback",
] as const;
export type RecordType = (typeof recordTypes)[number];

/** An evidence link is suggested by a rule, then confirmed (it counts) or dismissed (never suggested again). */
export const evidenceStatuses = ["suggested", "confirmed", "dismissed"] as const;
export type EvidenceStatus = (typeof evidenceStatuses)[number];

// Meetings, reviews and follow-up actions
export const meetingKinds = ["meeting", "call", "email", "visit", "event", "other"] as const;
export type MeetingKind = (typeof meetingKinds)[number];

export const attendeeTypes = ["user", "contact", "contributor", "volunteer"] as const;
export type AttendeeType = (typeof attendeeTypes)[number];

/** How often a partnership is reviewed, in months; 0 means it is not reviewed on a cycle. */
export const reviewCadences = [0, 3, 6, 12] as const;
export type ReviewCadence = (typeof reviewCadences)[number];

export const relevanceAnswers = ["yes", "partly", "no"] as const;
export type RelevanceAnswer = (typeof relevanceAnswers)[number];

export const reviewDecisions = ["continue", "change", "withdraw"] as const;
export type ReviewDecision = (typeof reviewDecisions)[number];

export const actionStatuses = ["open", "done"] as const;
export type ActionStatus = (typeof actionStatuses)[number];

/** Where a follow-up action came from. */
export const actionSources = ["meeting", "review", "assessment", "none"] as const;
export type ActionSource = (typeof actionSources)[number];

// Equality monitoring (special category data)
export const monitoredPersonTypes = ["volunteer", "contributor"] as const;
export type MonitoredPersonType = (typeof monitoredPersonTypes)[number];

export const consentMethods = ["paper", "online", "verbal"] as const;
export type ConsentMethod = (typeof consentMethods)[number];

export const ageBands = [
  "under_16",
  "16_24",
  "25_34",
  "35_44",
  "45_54",
  "55_64",
  "65_74",
  "75_plus",
  "prefer_not",
] as const;
export type AgeBand = (typeof ageBands)[number];

export const sexes = ["female", "male", "prefer_not"] as const;
export type Sex = (typeof sexes)[number];

/** "Is the gender you identify with the same as your sex registered at birth?" (Census 2021). */
export const genderIdentities = ["same", "different", "prefer_not"] as const;
export type GenderIdentity = (typeof genderIdentities)[number];

/** The England and Wales 2021 census ethnic groups (19), each within its high-level category. */
export const ethnicGroups = [
  "asian_bangladeshi",
  "asian_chinese",
  "asian_indian",
  "asian_pakistani",
  "asian_other",
  "black_african",
  "black_caribbean",
  "black_other",
  "mixed_white_asian",
  "mixed_white_black_african",
  "mixed_white_black_caribbean",
  "mixed_other",
  "white_british",
  "white_irish",
  "white_gypsy_traveller",
  "white_roma",
  "white_other",
  "other_arab",
  "other_any",
  "prefer_not",
] as const;
export type EthnicGroup = (typeof ethnicGroups)[number];

/** Equality Act 2010 definition, in the census wording. */
export const disabilityAnswers = ["yes_a_lot", "yes_a_little", "no", "prefer_not"] as const;
export type DisabilityAnswer = (typeof disabilityAnswers)[number];

/**
 * "What was the occupation of your main household earner when you were aged about 14?" — the
 * Social Mobility Commission's answers; reports group them into professional, intermediate and
 * lower socio-economic backgrounds.
 */
export const socioEconomicBackgrounds = [
  "modern_professional",
  "clerical_intermediate",
  "senior_managers",
  "technical_craft",
  "semi_routine",
  "routine",
  "middle_junior_managers",
  "traditional_professional",
  "long_term_unemployed",
  "small_business_owners",
  "other_unknown",
  "prefer_not",
] as const;
export type SocioEconomicBackground = (typeof socioEconomicBackgrounds)[number];

/** The questions of the monitoring form, as compared with a community profile. */
export const monitoringQuestions = [
  "age_band",
  "sex",
  "gender_identity",
  "ethnic_group",
  "disability",
  "socio_economic",
] as const;
export type MonitoringQuestion = (typeof monitoringQuestions)[number];

// Self-assessment
export const assessmentStatuses = ["in_progress", "finished"] as const;
export type AssessmentStatus = (typeof assessmentStatuses)[number];

export const answerValues = ["yes", "started", "no"] as const;
export type AssessmentAnswer = (typeof answerValues)[number];

// Imports from spreadsheets
export const importKinds = ["partners", "contributors", "volunteers"] as const;
export type ImportKind = (typeof importKinds)[number];

export const importStatuses = ["draft", "importing", "imported", "undoing", "undone"] as const;
export type ImportStatus = (typeof importStatuses)[number];

// Feedback from partners and participants
export const feedbackKinds = ["partner", "participant"] as const;
export type FeedbackKind = (typeof feedbackKinds)[number];
