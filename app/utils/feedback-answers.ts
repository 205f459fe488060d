import type { Outcome, RelevanceAnswer } from "~db/enums";

/** What a partner says through a feedback link. Every answer is optional. */
export type PartnerFeedbackAnswers = {
  /** 1 (very dissatisfied) to 5 (very satisfied) with the working arrangements. */
  satisfaction?: number;
  /** How relevant the partnership still is to them. */
  relevance?: RelevanceAnswer;
  /** The value their work adds, in their words. */
  valueAdded?: string;
  /** What they have gained from working with us. */
  gained?: string;
  /** Anything they would change. */
  changes?: string;
};

/** What a participant in a project says through a feedback link. Every answer is optional. */
export type ParticipantFeedbackAnswers = {
  /** What they got out of it, in their words. */
  gotOutOfIt?: string;
  /** The Generic Learning Outcomes they recognise in what they got. */
  outcomes?: Outcome[];
  /** Whether they found other learning opportunities through it. */
  otherOpportunities?: "yes" | "no";
  otherOpportunitiesText?: string;
};
