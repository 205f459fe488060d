import { z } from "zod";
import { projectStatuses } from "~db/enums";
import { listQuery, optionalEnum, optionalId, optionalIsoDate } from "~/utils/list-query.server";

export const projectListQuery = listQuery(
  {
    status: optionalEnum(projectStatuses),
    partner: optionalId(),
    startedFrom: optionalIsoDate(),
    startedTo: optionalIsoDate(),
  },
  ["title", "status", "start", "updated"] as const,
);
export type ProjectListQuery = z.infer<typeof projectListQuery>;
