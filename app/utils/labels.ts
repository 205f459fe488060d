// The words the app shows for each stored value. Plain data, used by pages, forms and exports.
import type {
  MeetingKind,
  RelevanceAnswer,
  ReviewCadence,
  ReviewDecision,
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

export const meetingKindLabels: Record<MeetingKind, string> = {
  meeting: "Meeting",
  call: "Call",
  email: "Email",
  visit: "Visit",
  event: "Event",
  other: "Other",
};
export const meetingKindOptions = optionsOf(meetingKindLabels);

// Words for the review schedule and reviews, shown by the partner form and the review pages.

export const reviewCadenceLabels: Record<ReviewCadence, string> = {
  3: "Every 3 months",
  6: "Every 6 months",
  12: "Every 12 months",
  0: "Not on a cycle",
};

/** The cadence in words, for any number of months stored. */
export function cadenceLabel(months: number) {
  return reviewCadenceLabels[months as ReviewCadence] ?? `Every ${months} months`;
}

export const relevanceLabels: Record<RelevanceAnswer, string> = {
  yes: "Yes",
  partly: "Partly",
  no: "No",
};

export const reviewDecisionLabels: Record<ReviewDecision, string> = {
  continue: "Continue",
  change: "Change",
  withdraw: "Withdraw",
};

/** The partner's satisfaction, 1 to 5, in words. */
export const satisfactionLabels: Record<number, string> = {
  1: "Very dissatisfied",
  2: "Dissatisfied",
  3: "Neither satisfied nor dissatisfied",
  4: "Satisfied",
  5: "Very satisfied",
};

export const reviewStatusLabels = {
  overdue: "Overdue",
  "due-soon": "Due soon",
  later: "Scheduled",
  none: "Not scheduled",
} as const;

/** A badge class for a review's status (as `reviewStatus` in the review schedule model gives it). */
export function reviewStatusBadge(status: keyof typeof reviewStatusLabels) {
  return status === "overdue" ? "badge badge--danger" : status === "due-soon" ? "badge badge--warn" : "badge";
}
