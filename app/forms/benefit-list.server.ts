import { z } from "zod";
import { beneficiaries, benefitSources, outcomes } from "~db/enums";
import { listQuery, optionalEnum, optionalId, optionalIsoDate } from "~/utils/list-query.server";

export const benefitListQuery = listQuery(
  {
    beneficiary: optionalEnum(beneficiaries),
    source: optionalEnum(benefitSources),
    outcome: optionalEnum(outcomes),
    partnerId: optionalId(),
    projectId: optionalId(),
    from: optionalIsoDate(),
    to: optionalIsoDate(),
  },
  ["date", "beneficiary", "updated"] as const,
);
export type BenefitListQuery = z.infer<typeof benefitListQuery>;
