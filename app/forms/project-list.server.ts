import { z } from "zod";
import { projectStatuses } from "~db/enums";
import { optionalWords } from "~/utils/list-page.server";
import { listQuery, optionalEnum, optionalId, optionalIsoDate } from "~/utils/list-query.server";

/** The projects list. A partner is chosen by id (the link from its page) or found by words typed in its name. */
export const projectListQuery = listQuery(
  {
    status: optionalEnum(projectStatuses),
    partnerId: optionalId(),
    partner: optionalWords(),
    startedFrom: optionalIsoDate(),
    startedTo: optionalIsoDate(),
  },
  ["title", "status", "start", "updated"] as const,
);
export type ProjectListQuery = z.infer<typeof projectListQuery>;
