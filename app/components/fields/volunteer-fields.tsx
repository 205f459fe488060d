import { ChoiceGroup, SelectField, TextAreaField, TextField } from "~/components/form";
import {
  optionsOf,
  volunteerFocusLabels,
  volunteerProgrammeLabels,
  volunteerStatusLabels,
} from "~/utils/labels";

export type VolunteerDefaults = {
  name?: string;
  programme?: string;
  status?: string;
  startDate?: string | null;
  endDate?: string | null;
  roles?: string | null;
  skills?: string | null;
  focuses?: readonly string[];
  email?: string | null;
  phone?: string | null;
  notes?: string | null;
};

/** The fields of a volunteer, shared by the add and edit forms. */
export function VolunteerFields({ volunteer = {} }: { volunteer?: VolunteerDefaults }) {
  return (
    <>
      <TextField name="name" label="Name" defaultValue={volunteer.name} autoComplete="off" required />
      <SelectField
        name="programme"
        label="Programme"
        options={optionsOf(volunteerProgrammeLabels)}
        defaultValue={volunteer.programme}
        placeholder="Choose…"
        hint="Volunteers in the broad sense of checklist 3.3.1: work experience students, interns, friends groups, pupil librarians, community groups, overseas users…"
        required
      />
      <SelectField
        name="status"
        label="Status"
        options={optionsOf(volunteerStatusLabels)}
        defaultValue={volunteer.status ?? "active"}
        hint="Paused: taking a break and expected back. Left: no longer volunteering with you."
        required
      />
      <TextField
        name="startDate"
        label="Start date"
        type="date"
        defaultValue={volunteer.startDate}
        width="medium"
      />
      <TextField
        name="endDate"
        label="End date"
        type="date"
        defaultValue={volunteer.endDate}
        hint="The day they left, if they have."
        width="medium"
      />
      <TextAreaField
        name="roles"
        label="Roles"
        defaultValue={volunteer.roles}
        rows={2}
        hint="What they do with you, for example: gallery guide, oral history transcriber."
      />
      <TextAreaField
        name="skills"
        label="Skills"
        defaultValue={volunteer.skills}
        rows={2}
        hint="Skills they bring, and skills they are developing with you."
      />
      <ChoiceGroup
        name="focuses"
        label="Focus of their programme"
        type="checkbox"
        options={optionsOf(volunteerFocusLabels)}
        defaultValue={volunteer.focuses}
        hint={
          <>
            The checklist (3.3) asks: “Do your volunteering and work experience programmes focus on:” Tick
            each that applies to this person’s programme.
          </>
        }
      />
      <TextField
        name="email"
        label="Email address"
        type="email"
        defaultValue={volunteer.email}
        autoComplete="off"
      />
      <TextField
        name="phone"
        label="Phone"
        type="tel"
        defaultValue={volunteer.phone}
        autoComplete="off"
        width="medium"
      />
      <TextAreaField name="notes" label="Notes" defaultValue={volunteer.notes} />
    </>
  );
}

const decimal = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

/** Time given, exactly and in words: "45 minutes", "3 hours", "2 hours 30 minutes". */
export function formatHours(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const hourWords = `${decimal.format(hours)} hour${hours === 1 ? "" : "s"}`;
  const minuteWords = `${rest} minute${rest === 1 ? "" : "s"}`;
  if (hours === 0) return minutes === 0 ? "0 hours" : minuteWords;
  return rest === 0 ? hourWords : `${hourWords} ${minuteWords}`;
}

/** Minutes as decimal hours for spreadsheets: 150 → 2.5. */
export function minutesAsHours(minutes: number): number {
  return Math.round((minutes / 60) * 100) / 100;
}

/** The status badge's colour: "left" looks like an ended partnership. */
export function volunteerStatusBadge(status: string) {
  return `badge badge--status-${status}`;
}
