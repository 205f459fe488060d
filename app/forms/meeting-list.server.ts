import { z } from "zod";
import { meetingKinds } from "~db/enums";
import { listQuery, optionalEnum, optionalId, optionalIsoDate } from "~/utils/list-query.server";

/** The meetings list: newest first unless another sort is chosen; dates are UK days. */
export const meetingListQuery = listQuery(
  {
    partnerId: optionalId(),
    projectId: optionalId(),
    kind: optionalEnum(meetingKinds),
    from: optionalIsoDate(),
    to: optionalIsoDate(),
  },
  ["date", "title", "kind"] as const,
);
export type MeetingListQuery = z.infer<typeof meetingListQuery>;
