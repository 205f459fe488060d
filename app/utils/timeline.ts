import type { AuditAction } from "~db/enums";
import type { TimelineItem } from "~/components/timeline";

type AuditEvent = {
  id: number;
  at: string | Date;
  action: AuditAction;
  userName: string | null;
  changedFields: string[];
};

function words(field: string) {
  return field.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

const actionWords: Record<AuditAction, string> = {
  create: "Added",
  update: "Changed",
  delete: "Deleted",
  view: "Viewed",
  export: "Personal data downloaded",
  erase: "Personal data erased",
};

/** The audit trail of a record as timeline entries: "Added by Priya", "Changed status, notes by Tom". */
export function auditTimeline(events: AuditEvent[], noun: string): TimelineItem[] {
  return events.map((event) => ({
    key: `audit-${event.id}`,
    date: event.at,
    text:
      event.action === "create"
        ? `${noun} added by ${event.userName ?? "a removed user"}`
        : event.action === "update"
          ? `Changed ${event.changedFields.map(words).join(", ")} (${event.userName ?? "a removed user"})`
          : `${actionWords[event.action]} by ${event.userName ?? "a removed user"}`,
  }));
}
