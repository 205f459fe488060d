// Enum values shared by the schema, the forms and the pages. Plain data, safe in the browser.

export const roles = ["admin", "editor", "viewer"] as const;
export type Role = (typeof roles)[number];

export const auditActions = ["create", "update", "delete"] as const;
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
] as const;
export type RecordType = (typeof recordTypes)[number];

/** An evidence link is suggested by a rule, then confirmed (it counts) or dismissed (never suggested again). */
export const evidenceStatuses = ["suggested", "confirmed", "dismissed"] as const;
export type EvidenceStatus = (typeof evidenceStatuses)[number];
