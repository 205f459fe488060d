import { z } from "zod";
import { meetingKinds } from "~db/enums";
import { optionalWords } from "~/utils/list-page.server";
import { listQuery, optionalEnum, optionalId, optionalIsoDate } from "~/utils/list-query.server";

/**
 * The meetings list: newest first unless another sort is chosen; dates are UK days. A partner or
 * project is chosen by id (links from their pages) or found by words typed in its name.
 */
export const meetingListQuery = listQuery(
  {
    partnerId: optionalId(),
    projectId: optionalId(),
    partner: optionalWords(),
    project: optionalWords(),
    kind: optionalEnum(meetingKinds),
    from: optionalIsoDate(),
    to: optionalIsoDate(),
  },
  ["date", "title", "kind"] as const,
);
export type MeetingListQuery = z.infer<typeof meetingListQuery>;
