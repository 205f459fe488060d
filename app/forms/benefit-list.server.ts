import { z } from "zod";
import { beneficiaries, benefitSources, outcomes } from "~db/enums";
import { optionalWords } from "~/utils/list-page.server";
import { listQuery, optionalEnum, optionalId, optionalIsoDate } from "~/utils/list-query.server";

/** The benefits list. A partner or project is chosen by id (links from their pages) or found by words typed in its name. */
export const benefitListQuery = listQuery(
  {
    beneficiary: optionalEnum(beneficiaries),
    source: optionalEnum(benefitSources),
    outcome: optionalEnum(outcomes),
    partnerId: optionalId(),
    projectId: optionalId(),
    partner: optionalWords(),
    project: optionalWords(),
    from: optionalIsoDate(),
    to: optionalIsoDate(),
  },
  ["date", "beneficiary", "updated"] as const,
);
export type BenefitListQuery = z.infer<typeof benefitListQuery>;
