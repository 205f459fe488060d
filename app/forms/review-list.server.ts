import { z } from "zod";
import { optionalWords } from "~/utils/list-page.server";
import { listQuery, optionalId } from "~/utils/list-query.server";

/** A page of one part of the review schedule. */
const sectionPage = () => z.coerce.number().int().min(1).max(100_000).catch(1);

/**
 * The reviews page: each part of the schedule a page at a time (`overduePage`, `dueSoonPage`,
 * `laterPage`), and the completed reviews a page at a time (`page`), for one partner chosen by id
 * (the link from its page) or those whose names contain the words typed.
 */
export const reviewListQuery = listQuery(
  {
    partnerId: optionalId(),
    partner: optionalWords(),
    overduePage: sectionPage(),
    dueSoonPage: sectionPage(),
    laterPage: sectionPage(),
  },
  ["held"] as const,
);
export type ReviewListQuery = z.infer<typeof reviewListQuery>;
