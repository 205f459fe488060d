import {
  followUpActions,
  followUpFields,
  followUpRowsComplete,
  type FollowUp,
} from "./follow-up-actions.server";
import { TZDate } from "@date-fns/tz";
import { format, roundToNearestMinutes } from "date-fns";
import { z } from "zod";
import { attendeeTypes, meetingKinds, type AttendeeType, type MeetingKind } from "~db/enums";
import { formatDate, TIME_ZONE } from "~/utils/dates";
import {
  type CrossCheck,
  defineForm,
  type FormOutput,
  oneOf,
  optionalDay,
  optionalId,
  optionalText,
  requiredDay,
  requiredId,
  requiredText,
} from "~/utils/forms.server";

// ---------------------------------------------------------------------------------------------
// The date and time a meeting was held: typed as UK wall-clock time, stored as a UTC instant.

const timeMessage = "Enter a time between 00:00 and 23:59, like 14:30.";

/** A time of day from a time input ("14:30", or "14:30:00" from some browsers), as HH:MM. */
const timeOfDay = () =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z
      .string({
        required_error: "Enter the time, like 14:30.",
        invalid_type_error: "Enter the time, like 14:30.",
      })
      .min(1, "Enter the time, like 14:30.")
      .regex(/^([01]?\d|2[0-3])[:.]([0-5]\d)(:[0-5]\d(\.\d+)?)?$/, timeMessage)
      .transform((v) => {
        const [hours, minutes] = v.split(/[:.]/);
        return `${hours.padStart(2, "0")}:${minutes}`;
      }),
  );

export type UkInstant = { ok: true; at: Date; ambiguous: boolean } | { ok: false; message: string };

function wallClock(instant: number) {
  return format(new TZDate(instant, TIME_ZONE), "yyyy-MM-dd HH:mm");
}

/**
 * A UK day and time of day as an instant. When the clocks go forward (last Sunday in March) the
 * hour from 01:00 to 01:59 does not exist, so it is refused with an explanation. When they go back
 * (last Sunday in October) that hour happens twice; the first one (British Summer Time) is meant,
 * as the time field's hint says.
 */
export function ukInstant(day: string, time: string): UkInstant {
  const [year, month, date] = day.split("-").map(Number);
  const [hours, minutes] = time.split(":").map(Number);
  const wanted = `${day} ${time}`;
  const guess = new TZDate(year, month - 1, date, hours, minutes, TIME_ZONE).getTime();
  const matches = [guess - 3_600_000, guess, guess + 3_600_000].filter((t) => wallClock(t) === wanted);
  if (matches.length === 0) {
    return {
      ok: false,
      message: `There is no ${time} on ${formatDate(day)} in UK time: the clocks go forward that night, from 01:00 straight to 02:00. Enter the time as the clock showed it, for example 02:${String(minutes).padStart(2, "0")}.`,
    };
  }
  return { ok: true, at: new Date(Math.min(...matches)), ambiguous: matches.length > 1 };
}

/** The UK day and time of an instant, as a date input and a time input show them. */
export function ukDayAndTime(at: Date | number) {
  const local = new TZDate(new Date(at).getTime(), TIME_ZONE);
  return { date: format(local, "yyyy-MM-dd"), time: format(local, "HH:mm") };
}

/** Today and now in the UK, rounded to the nearest quarter hour: the defaults for a new meeting. */
export function defaultDayAndTime(now = new Date()) {
  return ukDayAndTime(roundToNearestMinutes(now, { nearestTo: 15 }));
}

export const TIME_HINT =
  "UK time. On the night the clocks go back, a time from 01:00 to 01:59 is taken as the first one (British Summer Time).";

// ---------------------------------------------------------------------------------------------
// Fields

/** Several ids under one name (checkboxes), each a positive whole number, without repeats. */
const idList = (message: string) =>
  z.preprocess(
    (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v.filter((x) => x !== "") : [v]),
    z
      .array(z.coerce.number({ invalid_type_error: message }).int(message).positive(message))
      .transform((list) => [...new Set(list)]),
  );

const partnerMessage = "Choose a partner from the list.";
const projectMessage = "Choose a project from the list.";

const meetingFields = {
  date: requiredDay("the date of the meeting"),
  time: timeOfDay(),
  kind: oneOf(meetingKinds, "Choose what kind of meeting it was."),
  title: requiredText("a title for the meeting", 200),
  partnerId: optionalId(partnerMessage),
  partnerId2: optionalId(partnerMessage),
  projectId: optionalId(projectMessage),
  projectId2: optionalId(projectMessage),
  staff: idList("Choose staff from the list."),
  contacts: idList("Choose people from the list."),
  summary: optionalText(10_000),
  decisions: optionalText(10_000),
};

type MeetingFields = z.infer<z.ZodObject<typeof meetingFields>>;

const heldAtExists: CrossCheck<MeetingFields> = (form, addError) => {
  if (!form.date || !form.time) return;
  const held = ukInstant(form.date, form.time);
  if (!held.ok) addError("time", held.message);
};

const newMeetingFields = { ...meetingFields, ...followUpFields };

/** Logging a meeting: the meeting, who attended and up to three follow-up actions, in one form. */
export const newMeetingForm = defineForm(newMeetingFields, heldAtExists, followUpRowsComplete);
export type NewMeetingForm = FormOutput<typeof newMeetingForm>;

/** Changing a meeting: the same fields, plus the contributors and volunteers who attended. */
export const meetingForm = defineForm(
  {
    ...meetingFields,
    contributors: idList("Choose contributors from the list."),
    volunteers: idList("Choose volunteers from the list."),
  },
  heldAtExists,
);
export type MeetingForm = FormOutput<typeof meetingForm>;

/** The meeting page's "who attended" form: our staff and the partners' contacts. */
export const meetingPeopleForm = defineForm({
  staff: idList("Choose staff from the list."),
  contacts: idList("Choose people from the list."),
});
export type MeetingPeopleForm = FormOutput<typeof meetingPeopleForm>;

/** Adding (from the search) or removing one attendee on the meeting page. */
export const attendeeForm = defineForm({
  attendeeType: oneOf(attendeeTypes, "Choose a person to add."),
  attendeeId: requiredId("Choose a person to add."),
});

// ---------------------------------------------------------------------------------------------
// What the model saves

export type Attendee = { type: AttendeeType; id: number };

export type MeetingInput = {
  heldAt: Date;
  kind: MeetingKind;
  title: string;
  summary: string | null;
  decisions: string | null;
  partnerIds: number[];
  projectIds: number[];
  attendees: Attendee[];
};

export type NewMeetingInput = MeetingInput & { actions: FollowUp[] };

const present = (ids: (number | undefined)[]) => [
  ...new Set(ids.filter((id): id is number => typeof id === "number")),
];

function commonInput(form: MeetingFields): MeetingInput {
  const held = ukInstant(form.date, form.time);
  // The form's own check has refused times that do not exist, so this cannot happen.
  if (!held.ok) throw new Error(held.message);
  return {
    heldAt: held.at,
    kind: form.kind,
    title: form.title,
    summary: form.summary ?? null,
    decisions: form.decisions ?? null,
    partnerIds: present([form.partnerId, form.partnerId2]),
    projectIds: present([form.projectId, form.projectId2]),
    attendees: [
      ...form.staff.map((id) => ({ type: "user" as const, id })),
      ...form.contacts.map((id) => ({ type: "contact" as const, id })),
    ],
  };
}

export function newMeetingInput(form: NewMeetingForm): NewMeetingInput {
  return { ...commonInput(form), actions: followUpActions(form) };
}

export function meetingInput(form: MeetingForm): MeetingInput {
  const input = commonInput(form);
  return {
    ...input,
    attendees: [
      ...input.attendees,
      ...form.contributors.map((id) => ({ type: "contributor" as const, id })),
      ...form.volunteers.map((id) => ({ type: "volunteer" as const, id })),
    ],
  };
}
