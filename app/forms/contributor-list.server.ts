import { z } from "zod";
import { contributorKinds } from "~db/enums";
import { optionalWords } from "~/utils/list-page.server";
import { listQuery, optionalEnum, optionalId } from "~/utils/list-query.server";

/** The contributors list. A partner is chosen by id (the link from its page) or found by words typed in its name. */
export const contributorListQuery = listQuery(
  {
    kind: optionalEnum(contributorKinds),
    partnerId: optionalId(),
    partner: optionalWords(),
    active: optionalEnum(["yes", "no"] as const),
  },
  ["name", "kind", "activeFrom", "updated"] as const,
);
export type ContributorListQuery = z.infer<typeof contributorListQuery>;
