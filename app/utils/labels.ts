// The words the app shows for each stored value. Plain data, used by pages, forms and exports.
import type {
  Beneficiary,
  BenefitSource,
  ContributorKind,
  FundingStatus,
  Outcome,
  PartnerStatus,
  PartnerType,
  ProjectPartnerRole,
  ProjectStatus,
  VolunteerFocus,
  VolunteerProgramme,
  VolunteerStatus,
} from "~db/enums";
import type { Option } from "~/components/form";

export const partnerTypeLabels: Record<PartnerType, string> = {
  college: "College",
  school: "School",
  university: "University",
  community_group: "Community group",
  specialist_interest_group: "Specialist interest group",
  health_trust: "Health trust",
  training_agency: "Training agency",
  local_authority: "Local authority",
  charity: "Charity",
  business: "Business",
  other: "Other",
};

export const partnerStatusLabels: Record<PartnerStatus, string> = {
  prospective: "Prospective",
  active: "Active",
  paused: "Paused",
  ended: "Ended",
};

export const contributorKindLabels: Record<ContributorKind, string> = {
  writer: "Writer",
  artist: "Artist",
  dancer: "Dancer",
  musician: "Musician",
  youth_worker: "Youth worker",
  it_specialist: "IT specialist",
  other: "Other",
};

export const volunteerProgrammeLabels: Record<VolunteerProgramme, string> = {
  volunteer: "Volunteer",
  work_experience: "Work experience student",
  intern: "Intern",
  friends_group: "Friends group member",
  pupil_librarian: "Pupil librarian",
  community_group: "Community group member",
  overseas_user: "Overseas user",
  other: "Other",
};

export const volunteerStatusLabels: Record<VolunteerStatus, string> = {
  active: "Active",
  paused: "Paused",
  left: "Left",
};

/** Worded as the checklist words them (3.3, "Do your volunteering … programmes focus on:"). */
export const volunteerFocusLabels: Record<VolunteerFocus, string> = {
  skills_development: "Skills development",
  knowledge_awareness: "Enhanced knowledge and awareness",
  confidence_building: "Confidence building",
  social_opportunities: "Social opportunities",
  enterprise_employability: "Enterprise and employability",
};

export const projectStatusLabels: Record<ProjectStatus, string> = {
  planned: "Planned",
  active: "Active",
  completed: "Completed",
  cancelled: "Cancelled",
};

export const projectPartnerRoleLabels: Record<ProjectPartnerRole, string> = {
  lead: "Lead",
  co_deliverer: "Co-deliverer",
  funder: "Funder",
  host: "Host",
  other: "Other",
};

export const fundingStatusLabels: Record<FundingStatus, string> = {
  pending: "Pending",
  secured: "Secured",
  declined: "Declined",
};

export const beneficiaryLabels: Record<Beneficiary, string> = {
  users: "Users",
  staff: "Staff",
  partner: "Partner",
  organisation: "Our organisation",
};

export const benefitSourceLabels: Record<BenefitSource, string> = {
  observation: "Observation",
  feedback: "Feedback",
  survey: "Survey",
  meeting: "Meeting",
  other: "Other",
};

/** The ILFA Generic Learning Outcomes and Generic Social Outcomes, as the framework names them. */
export const outcomeLabels: Record<Outcome, string> = {
  glo_knowledge: "Knowledge and understanding",
  glo_skills: "Skills",
  glo_enjoyment: "Enjoyment, inspiration and creativity",
  glo_activity: "Activity or progression",
  glo_attitudes: "Attitudes and values",
  gso_communities: "Stronger and safer communities",
  gso_health: "Health and well-being",
  gso_public_life: "Strengthening public life",
};

export function optionsOf<T extends string>(labels: Record<T, string>): Option[] {
  return (Object.entries(labels) as [T, string][]).map(([value, label]) => ({ value, label }));
}
