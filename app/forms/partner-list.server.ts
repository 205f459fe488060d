import { z } from "zod";
import { partnerStatuses, partnerTypes } from "~db/enums";
import { listQuery, optionalEnum, optionalIsoDate } from "~/utils/list-query.server";

export const partnerListQuery = listQuery(
  {
    type: optionalEnum(partnerTypes),
    status: optionalEnum(partnerStatuses),
    advocate: optionalEnum(["yes", "no"] as const),
    services: optionalEnum(["onsite", "offsite"] as const),
    startedFrom: optionalIsoDate(),
    startedTo: optionalIsoDate(),
  },
  ["name", "type", "status", "start", "updated"] as const,
);
export type PartnerListQuery = z.infer<typeof partnerListQuery>;
