import { and, count, eq, type SQL } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import {
  benefitOutcomes,
  benefits,
  contributors,
  feedbackResponses,
  fundingLines,
  meetingPartners,
  meetingProjects,
  meetings,
  partners,
  projectContributors,
  projectPartners,
  projects,
  projectVolunteers,
  reviews,
  trainingRecords,
  userGroups,
  volunteerFocusLinks,
  volunteerHours,
  volunteers,
  type Outcome,
  type VolunteerFocus,
} from "~db/schema";
import type { Tx } from "~/utils/db.server";
import { todayIso } from "~/utils/dates";
import type { ParticipantFeedbackAnswers, PartnerFeedbackAnswers } from "~/utils/feedback-answers";

/**
 * The evidence suggestion rules, all in one place. Each record type has a loader of the facts
 * the rules need, and rules: when `applies`, the record is suggested as evidence for `lines`,
 * for the reason `why` (shown in the review queue). A person confirms or dismisses each one.
 */
export type Rule<F> = {
  id: string;
  lines: string[];
  why: string;
  applies: (facts: F) => boolean;
  /** The day the evidence is from, when not the record's own date. */
  date?: (facts: F) => string | null;
};

export type RecordRules<F> = {
  load: (tx: Tx, id: number) => F | undefined;
  /** The record's own date: what the evidence is dated when a rule does not say otherwise. */
  date: (facts: F) => string | null;
  rules: Rule<F>[];
};

function define<F>(rules: RecordRules<F>) {
  return rules;
}

/** How many rows of a table match: the facts rules count (partners of a project, and so on). */
function countWhere(tx: Tx, table: SQLiteTable, where: SQL | undefined) {
  return tx.select({ n: count() }).from(table).where(where).get()!.n;
}

// ---------------------------------------------------------------------------------------------
// Partners

type PartnerFacts = {
  type: string;
  startDate: string | null;
  addsValue: boolean;
  isAdvocate: boolean;
  extendsOnsite: boolean;
  extendsOffsite: boolean;
};

const partnerRules = define<PartnerFacts>({
  load: (tx, id) => {
    const row = tx
      .select({
        type: partners.type,
        startDate: partners.startDate,
        addsValue: partners.addsValue,
        isAdvocate: partners.isAdvocate,
        extendsOnsite: partners.extendsOnsite,
        extendsOffsite: partners.extendsOffsite,
      })
      .from(partners)
      .where(eq(partners.id, id))
      .get();
    return row && { ...row, addsValue: Boolean(row.addsValue?.trim()) };
  },
  date: (f) => f.startDate,
  rules: [
    {
      id: "partner-added",
      lines: ["3.1.1a", "3.1.E1"],
      why: "A partner was added: you look for partners and have identified a range of them.",
      applies: () => true,
    },
    {
      id: "partner-adds-value",
      lines: ["3.1.E2", "3.1.1b"],
      why: "The partner's record says how their work adds value to yours, and so how you build on their skills.",
      applies: (f) => f.addsValue,
    },
    {
      id: "partner-advocate",
      lines: ["3.1.2a"],
      why: "The partner acts as an advocate for your work.",
      applies: (f) => f.isAdvocate,
    },
    {
      id: "partner-onsite",
      lines: ["3.1.2b"],
      why: "The partnership extends your on-site services.",
      applies: (f) => f.extendsOnsite,
    },
    {
      id: "partner-offsite",
      lines: ["3.1.2c"],
      why: "The partnership extends your off-site services.",
      applies: (f) => f.extendsOffsite,
    },
    {
      id: "partner-broader-community",
      lines: ["3.1.E4"],
      why: "A college, community group or specialist interest group: a link that more broadly represents the learning community.",
      applies: (f) => ["college", "community_group", "specialist_interest_group"].includes(f.type),
    },
    {
      id: "partner-others-initiatives",
      lines: ["3.2.3"],
      why: "A health trust or training agency: your collections and skills can add value to their learning initiatives (footnote 1).",
      applies: (f) => ["health_trust", "training_agency"].includes(f.type),
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// Projects (their partners, contributors, volunteers, funding and user groups are facts of the project)

type ProjectFacts = {
  startDate: string | null;
  partners: number;
  funders: number;
  contributors: number;
  volunteers: number;
  securedFunding: number;
  userGroups: number;
  learningOpportunities: boolean;
  audienceResearchShared: boolean;
};

const projectRules = define<ProjectFacts>({
  load: (tx, id) => {
    const project = tx
      .select({
        startDate: projects.startDate,
        learningOpportunities: projects.learningOpportunities,
        audienceResearchShared: projects.audienceResearchShared,
      })
      .from(projects)
      .where(eq(projects.id, id))
      .get();
    if (!project) return undefined;
    return {
      startDate: project.startDate,
      audienceResearchShared: project.audienceResearchShared,
      learningOpportunities: Boolean(project.learningOpportunities?.trim()),
      partners: countWhere(tx, projectPartners, eq(projectPartners.projectId, id)),
      funders: countWhere(
        tx,
        projectPartners,
        and(eq(projectPartners.projectId, id), eq(projectPartners.role, "funder")),
      ),
      contributors: countWhere(tx, projectContributors, eq(projectContributors.projectId, id)),
      volunteers: countWhere(tx, projectVolunteers, eq(projectVolunteers.projectId, id)),
      securedFunding: countWhere(
        tx,
        fundingLines,
        and(eq(fundingLines.projectId, id), eq(fundingLines.status, "secured")),
      ),
      userGroups: countWhere(tx, userGroups, eq(userGroups.projectId, id)),
    };
  },
  date: (f) => f.startDate,
  rules: [
    {
      id: "project-with-partner",
      lines: ["3.2.E2"],
      why: "A project run with partners: a cooperative scheme that extends opportunities for learning.",
      applies: (f) => f.partners > 0,
    },
    {
      id: "project-promotes-opportunities",
      lines: ["3.2.2a"],
      why: "A project with partners that offers learning opportunities.",
      applies: (f) => f.partners > 0 && f.learningOpportunities,
    },
    {
      id: "project-resources-with-partners",
      lines: ["3.2.1"],
      why: "A project with partners that has a funder among them or secured funding: resources secured together.",
      applies: (f) => f.partners > 0 && (f.funders > 0 || f.securedFunding > 0),
    },
    {
      id: "project-engages-communities",
      lines: ["3.2.E3"],
      why: "A project with partners that reached user groups: communities engaged through partnership.",
      applies: (f) => f.partners > 0 && f.userGroups > 0,
    },
    {
      id: "project-shared-research",
      lines: ["3.2.E4"],
      why: "Audience research was shared with the project's partners.",
      applies: (f) => f.audienceResearchShared,
    },
    {
      id: "project-contributors",
      lines: ["3.3.2a"],
      why: "External contributors work on this project with you.",
      applies: (f) => f.contributors > 0,
    },
    {
      id: "project-contributors-enhance-learning",
      lines: ["3.3.2b"],
      why: "External contributors work on a project that offers learning opportunities to users.",
      applies: (f) => f.contributors > 0 && f.learningOpportunities,
    },
    {
      id: "project-volunteers",
      lines: ["3.3.E1"],
      why: "Volunteers are involved in this project: a broader range of people in your work.",
      applies: (f) => f.volunteers > 0,
    },
  ],
});

type FundingFacts = { status: string; date: string | null; projectStart: string | null; partners: number };

const fundingRules = define<FundingFacts>({
  load: (tx, id) => {
    const line = tx
      .select({
        status: fundingLines.status,
        date: fundingLines.date,
        projectId: projects.id,
        projectStart: projects.startDate,
      })
      .from(fundingLines)
      .innerJoin(projects, eq(projects.id, fundingLines.projectId))
      .where(eq(fundingLines.id, id))
      .get();
    return (
      line && {
        status: line.status,
        date: line.date,
        projectStart: line.projectStart,
        partners: countWhere(tx, projectPartners, eq(projectPartners.projectId, line.projectId)),
      }
    );
  },
  date: (f) => f.date ?? f.projectStart,
  rules: [
    {
      id: "funding-secured-with-partners",
      lines: ["3.2.1", "3.2.E1"],
      why: "Funding secured for a project run with partners.",
      applies: (f) => f.status === "secured" && f.partners > 0,
    },
  ],
});

type UserGroupFacts = { newOrInfrequent: boolean; projectStart: string | null; partners: number };

const userGroupRules = define<UserGroupFacts>({
  load: (tx, id) => {
    const group = tx
      .select({
        newOrInfrequent: userGroups.newOrInfrequent,
        projectId: projects.id,
        projectStart: projects.startDate,
      })
      .from(userGroups)
      .innerJoin(projects, eq(projects.id, userGroups.projectId))
      .where(eq(userGroups.id, id))
      .get();
    return (
      group && {
        newOrInfrequent: group.newOrInfrequent,
        projectStart: group.projectStart,
        partners: countWhere(tx, projectPartners, eq(projectPartners.projectId, group.projectId)),
      }
    );
  },
  date: (f) => f.projectStart,
  rules: [
    {
      id: "user-group-new-users",
      lines: ["3.2.2b", "3.1.E4"],
      why: "New or infrequent users were reached: access to new users and links with new user groups.",
      applies: (f) => f.newOrInfrequent,
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// Contributors, volunteers, their training and hours

const contributorRules = define<{ activeFrom: string | null }>({
  load: (tx, id) =>
    tx
      .select({ activeFrom: contributors.activeFrom })
      .from(contributors)
      .where(eq(contributors.id, id))
      .get(),
  date: (f) => f.activeFrom,
  rules: [
    {
      id: "contributor-added",
      lines: ["3.3.2a"],
      why: "An external contributor works with you (footnote 3: writers, youth workers, artists, dancers, IT specialists).",
      applies: () => true,
    },
  ],
});

type VolunteerFacts = { startDate: string | null; focuses: VolunteerFocus[] };

const focusLines: Record<VolunteerFocus, string> = {
  skills_development: "3.3.E7",
  knowledge_awareness: "3.3.E8",
  confidence_building: "3.3.E9",
  social_opportunities: "3.3.E10",
  enterprise_employability: "3.3.E11",
};

const volunteerRules = define<VolunteerFacts>({
  load: (tx, id) => {
    const volunteer = tx
      .select({ startDate: volunteers.startDate })
      .from(volunteers)
      .where(eq(volunteers.id, id))
      .get();
    if (!volunteer) return undefined;
    const focuses = tx
      .select({ focus: volunteerFocusLinks.focus })
      .from(volunteerFocusLinks)
      .where(eq(volunteerFocusLinks.volunteerId, id))
      .all()
      .map((r) => r.focus);
    return { ...volunteer, focuses };
  },
  date: (f) => f.startDate,
  rules: [
    {
      id: "volunteer-added",
      lines: ["3.3.1", "3.3.E1"],
      why: "A volunteer (or work experience student, intern, friends group member…) helps deliver your services.",
      applies: () => true,
    },
    ...(Object.entries(focusLines) as [VolunteerFocus, string][]).map(([focus, line]) => ({
      id: `volunteer-focus-${focus}`,
      lines: [line],
      why: "The volunteer's programme has this focus.",
      applies: (f: VolunteerFacts) => f.focuses.includes(focus),
    })),
  ],
});

const trainingRules = define<{ date: string }>({
  load: (tx, id) =>
    tx.select({ date: trainingRecords.date }).from(trainingRecords).where(eq(trainingRecords.id, id)).get(),
  date: (f) => f.date,
  rules: [
    {
      id: "training-recorded",
      lines: ["3.3.E3"],
      why: "A volunteer was supported with training and development.",
      applies: () => true,
    },
  ],
});

const hoursRules = define<{ date: string }>({
  load: (tx, id) =>
    tx.select({ date: volunteerHours.date }).from(volunteerHours).where(eq(volunteerHours.id, id)).get(),
  date: (f) => f.date,
  rules: [
    {
      id: "hours-given",
      lines: ["3.3.1"],
      why: "A volunteer gave time to deliver your services.",
      applies: () => true,
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// Benefits

type BenefitFacts = {
  beneficiary: string;
  source: string;
  date: string;
  hasPartner: boolean;
  projectHasExternalPeople: boolean;
  outcomes: Outcome[];
};

const benefitRules = define<BenefitFacts>({
  load: (tx, id) => {
    const benefit = tx
      .select({
        beneficiary: benefits.beneficiary,
        source: benefits.source,
        date: benefits.date,
        partnerId: benefits.partnerId,
        projectId: benefits.projectId,
      })
      .from(benefits)
      .where(eq(benefits.id, id))
      .get();
    if (!benefit) return undefined;
    const outcomes = tx
      .select({ outcome: benefitOutcomes.outcome })
      .from(benefitOutcomes)
      .where(eq(benefitOutcomes.benefitId, id))
      .all()
      .map((r) => r.outcome);
    const external = benefit.projectId
      ? tx
          .select({ n: count() })
          .from(projectContributors)
          .where(eq(projectContributors.projectId, benefit.projectId))
          .get()!.n +
        tx
          .select({ n: count() })
          .from(projectVolunteers)
          .where(eq(projectVolunteers.projectId, benefit.projectId))
          .get()!.n
      : 0;
    return {
      beneficiary: benefit.beneficiary,
      source: benefit.source,
      date: benefit.date,
      hasPartner: benefit.partnerId !== null || benefit.projectId !== null,
      projectHasExternalPeople: external > 0,
      outcomes,
    };
  },
  date: (f) => f.date,
  rules: [
    {
      id: "benefit-users-say",
      lines: ["3.2.E6"],
      why: "Users said, in feedback or a survey, that they benefited.",
      applies: (f) => f.beneficiary === "users" && (f.source === "feedback" || f.source === "survey"),
    },
    {
      id: "benefit-users-perspectives",
      lines: ["3.3.E5"],
      why: "Users gained knowledge, skills or new attitudes (Generic Learning Outcomes).",
      applies: (f) =>
        f.beneficiary === "users" &&
        f.outcomes.some((o) => ["glo_knowledge", "glo_skills", "glo_attitudes"].includes(o)),
    },
    {
      id: "benefit-users-positive",
      lines: ["3.3.E6"],
      why: "Users enjoyed and were inspired by what was developed in partnership.",
      applies: (f) => f.beneficiary === "users" && f.hasPartner && f.outcomes.includes("glo_enjoyment"),
    },
    {
      id: "benefit-users-progression",
      lines: ["3.2.E5"],
      why: "Users went on to further activity or progression after a partnership initiative.",
      applies: (f) => f.beneficiary === "users" && f.hasPartner && f.outcomes.includes("glo_activity"),
    },
    {
      id: "benefit-staff",
      lines: ["3.1.E8"],
      why: "Staff describe what they gained from partnership working.",
      applies: (f) => f.beneficiary === "staff" && f.hasPartner,
    },
    {
      id: "benefit-staff-external-people",
      lines: ["3.3.E4"],
      why: "Staff describe the impact of the contributors or volunteers on a project.",
      applies: (f) => f.beneficiary === "staff" && f.projectHasExternalPeople,
    },
    {
      id: "benefit-partner",
      lines: ["3.1.E12"],
      why: "A partner's gain from working with you is recorded.",
      applies: (f) => f.beneficiary === "partner",
    },
    {
      id: "benefit-recorded-with-partner",
      lines: ["3.1.E5"],
      why: "A benefit of working with partners is recorded.",
      applies: (f) => f.hasPartner,
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// Meetings and partnership reviews

type MeetingFacts = { date: string; kind: string; partners: number; projects: number; decisions: boolean };

const meetingRules = define<MeetingFacts>({
  load: (tx, id) => {
    const meeting = tx
      .select({ heldAt: meetings.heldAt, kind: meetings.kind, decisions: meetings.decisions })
      .from(meetings)
      .where(eq(meetings.id, id))
      .get();
    return (
      meeting && {
        date: todayIso(meeting.heldAt),
        kind: meeting.kind,
        partners: countWhere(tx, meetingPartners, eq(meetingPartners.meetingId, id)),
        projects: countWhere(tx, meetingProjects, eq(meetingProjects.meetingId, id)),
        decisions: Boolean(meeting.decisions?.trim()),
      }
    );
  },
  date: (f) => f.date,
  rules: [
    {
      id: "meeting-with-partner",
      lines: ["3.1.E9"],
      why: "Staff met a partner: information and skills exchange.",
      applies: (f) => f.partners > 0 && f.kind !== "email",
    },
    {
      id: "meeting-plans-project",
      lines: ["3.2.E2"],
      why: "A meeting with partners about a project: developing a cooperative scheme together.",
      applies: (f) => f.partners > 0 && f.projects > 0,
    },
    {
      id: "meeting-event-promotes",
      lines: ["3.2.2a"],
      why: "An event held with a partner: promoting learning opportunities together.",
      applies: (f) => f.partners > 0 && f.kind === "event",
    },
  ],
});

type ReviewFacts = {
  heldOn: string;
  relevance: boolean;
  satisfaction: boolean;
  valueAdded: boolean;
  partnerGained: boolean;
  userBenefits: boolean;
  lessons: boolean;
  decision: string;
};

const filled = (text: string | null) => Boolean(text?.trim());

const reviewRules = define<ReviewFacts>({
  load: (tx, id) => {
    const review = tx.select().from(reviews).where(eq(reviews.id, id)).get();
    return (
      review && {
        heldOn: review.heldOn,
        relevance: true,
        satisfaction: review.satisfaction !== null || filled(review.partnerWords),
        valueAdded: filled(review.valueAdded),
        partnerGained: filled(review.partnerGained),
        userBenefits: filled(review.userBenefits),
        lessons: filled(review.lessons),
        decision: review.decision,
      }
    );
  },
  date: (f) => f.heldOn,
  rules: [
    {
      id: "review-held",
      lines: ["3.1.3"],
      why: "A partnership review was held: you review your working arrangements and their relevance.",
      applies: () => true,
    },
    {
      id: "review-partner-views",
      lines: ["3.1.E6"],
      why: "The review asked the partner for their views on the partnership's relevance and impact.",
      applies: (f) => f.relevance && (f.satisfaction || f.valueAdded || f.partnerGained),
    },
    {
      id: "review-satisfaction",
      lines: ["3.1.E10"],
      why: "The review recorded the partner's satisfaction with working arrangements.",
      applies: (f) => f.satisfaction,
    },
    {
      id: "review-value-added",
      lines: ["3.1.E11"],
      why: "The partner described the value the partnership adds to their projects.",
      applies: (f) => f.valueAdded,
    },
    {
      id: "review-partner-gained",
      lines: ["3.1.E12"],
      why: "The partner said what they have gained from working with you.",
      applies: (f) => f.partnerGained,
    },
    {
      id: "review-benefits-lessons",
      lines: ["3.1.E5"],
      why: "The review recorded the benefits of the partnership and the lessons learnt.",
      applies: (f) => f.userBenefits || f.lessons,
    },
    {
      id: "review-withdraw",
      lines: ["3.1.E7"],
      why: "After the review you withdrew from a partnership that was not productive.",
      applies: (f) => f.decision === "withdraw",
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// Feedback from partners and participants

type FeedbackFacts = {
  kind: "partner" | "participant";
  date: string;
  partner: PartnerFeedbackAnswers;
  participant: ParticipantFeedbackAnswers;
};

const said = (text: string | undefined) => Boolean(text?.trim());

const feedbackRules = define<FeedbackFacts>({
  load: (tx, id) => {
    const response = tx
      .select({
        kind: feedbackResponses.kind,
        submittedAt: feedbackResponses.submittedAt,
        answers: feedbackResponses.answers,
      })
      .from(feedbackResponses)
      .where(eq(feedbackResponses.id, id))
      .get();
    return (
      response && {
        kind: response.kind,
        date: todayIso(response.submittedAt),
        partner: response.answers as PartnerFeedbackAnswers,
        participant: response.answers as ParticipantFeedbackAnswers,
      }
    );
  },
  date: (f) => f.date,
  rules: [
    {
      id: "feedback-partner-views",
      lines: ["3.1.E6"],
      why: "A partner gave their views through a feedback link: a strategy for partners to give their views.",
      applies: (f) => f.kind === "partner",
    },
    {
      id: "feedback-partner-satisfaction",
      lines: ["3.1.E10"],
      why: "A partner said how satisfied they are with the working arrangements.",
      applies: (f) => f.kind === "partner" && typeof f.partner.satisfaction === "number",
    },
    {
      id: "feedback-partner-value",
      lines: ["3.1.E11"],
      why: "A partner described the value the partnership adds.",
      applies: (f) => f.kind === "partner" && said(f.partner.valueAdded),
    },
    {
      id: "feedback-partner-gained",
      lines: ["3.1.E12"],
      why: "A partner said what they have gained from working with you.",
      applies: (f) => f.kind === "partner" && said(f.partner.gained),
    },
    {
      id: "feedback-participant-benefited",
      lines: ["3.2.E6"],
      why: "A participant said what they got out of a partnership project.",
      applies: (f) =>
        f.kind === "participant" &&
        (said(f.participant.gotOutOfIt) || (f.participant.outcomes?.length ?? 0) > 0),
    },
    {
      id: "feedback-participant-other-opportunities",
      lines: ["3.2.E5"],
      why: "A participant found other learning opportunities through a partnership project.",
      applies: (f) => f.kind === "participant" && f.participant.otherOpportunities === "yes",
    },
    {
      id: "feedback-participant-perspectives",
      lines: ["3.3.E5"],
      why: "A participant gained knowledge, skills or new attitudes (Generic Learning Outcomes).",
      applies: (f) =>
        f.kind === "participant" &&
        (f.participant.outcomes ?? []).some((o) =>
          ["glo_knowledge", "glo_skills", "glo_attitudes"].includes(o),
        ),
    },
  ],
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each record type has its own facts
export const RULES: Record<string, RecordRules<any>> = {
  partner: partnerRules,
  project: projectRules,
  funding: fundingRules,
  user_group: userGroupRules,
  contributor: contributorRules,
  volunteer: volunteerRules,
  training: trainingRules,
  hours: hoursRules,
  benefit: benefitRules,
  meeting: meetingRules,
  review: reviewRules,
  feedback: feedbackRules,
};

/** Why a rule suggests a link, for the review queue. */
export function ruleReason(ruleId: string | null): string | null {
  if (!ruleId) return null;
  for (const set of Object.values(RULES)) {
    const rule = set.rules.find((r) => r.id === ruleId);
    if (rule) return rule.why;
  }
  return null;
}

/** Which kinds of record the rules suggest for a line, and why: what to record to fill a gap. */
export function rulesForLine(lineCode: string): { recordType: string; why: string }[] {
  return Object.entries(RULES).flatMap(([recordType, set]) =>
    set.rules.filter((rule) => rule.lines.includes(lineCode)).map((rule) => ({ recordType, why: rule.why })),
  );
}
