import type { LoaderFunctionArgs } from "@remix-run/node";
import { meetingListQuery } from "~/forms/meeting-list.server";
import { ukDayAndTime } from "~/forms/meetings.server";
import { exportMeetings, meetingKindLabels, type MeetingExportRow } from "~/models/meeting.server";
import { requireUser } from "~/utils/auth.server";
import { csvFilename, csvResponse, type CsvColumn } from "~/utils/csv.server";
import { readListQuery } from "~/utils/list-query.server";

const columns: CsvColumn<MeetingExportRow>[] = [
  { header: "ID", value: (m) => m.id },
  { header: "Date (UK)", value: (m) => ukDayAndTime(m.heldAt).date },
  { header: "Time (UK)", value: (m) => ukDayAndTime(m.heldAt).time },
  { header: "Kind", value: (m) => meetingKindLabels[m.kind] },
  { header: "Title", value: (m) => m.title },
  { header: "Partners", value: (m) => m.partners },
  { header: "Projects", value: (m) => m.projects },
  { header: "Attendees", value: (m) => m.attendees },
  { header: "Summary", value: (m) => m.summary },
  { header: "Decisions", value: (m) => m.decisions },
  { header: "Follow-up actions", value: (m) => m.actionCount },
];

/** The meeting list as CSV: exactly the meetings the list's filters show, in the same order. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const query = readListQuery(request, meetingListQuery);
  return csvResponse(csvFilename("meetings"), columns, exportMeetings(query));
}
