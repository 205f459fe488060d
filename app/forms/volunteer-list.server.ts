import { z } from "zod";
import { volunteerFocuses, volunteerProgrammes, volunteerStatuses } from "~db/enums";
import { listQuery, optionalEnum, optionalIsoDate } from "~/utils/list-query.server";

export const volunteerListQuery = listQuery(
  {
    programme: optionalEnum(volunteerProgrammes),
    status: optionalEnum(volunteerStatuses),
    focus: optionalEnum(volunteerFocuses),
    /** "Active between": started by `activeTo` and not left before `activeFrom`. */
    activeFrom: optionalIsoDate(),
    activeTo: optionalIsoDate(),
  },
  ["name", "programme", "status", "start", "updated"] as const,
);
export type VolunteerListQuery = z.infer<typeof volunteerListQuery>;
