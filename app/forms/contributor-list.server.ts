import { z } from "zod";
import { contributorKinds } from "~db/enums";
import { listQuery, optionalEnum, optionalId } from "~/utils/list-query.server";

export const contributorListQuery = listQuery(
  {
    kind: optionalEnum(contributorKinds),
    partner: optionalId(),
    active: optionalEnum(["yes", "no"] as const),
  },
  ["name", "kind", "activeFrom", "updated"] as const,
);
export type ContributorListQuery = z.infer<typeof contributorListQuery>;
