import { z } from "zod";
import { volunteerFocuses, volunteerProgrammes, volunteerStatuses } from "~db/enums";
import {
  defineForm,
  endNotBeforeStart,
  type FormOutput,
  hoursInMinutes,
  manyOf,
  oneOf,
  optionalDay,
  optionalEmail,
  optionalPhone,
  optionalText,
  requiredDay,
  requiredText,
} from "~/utils/forms.server";

export const volunteerForm = defineForm(
  {
    name: requiredText("the volunteer's name", 200),
    programme: oneOf(volunteerProgrammes, "Choose the programme they are part of."),
    status: oneOf(volunteerStatuses, "Choose whether they are active, paused or have left."),
    startDate: optionalDay(),
    endDate: optionalDay(),
    roles: optionalText(2000),
    skills: optionalText(2000),
    focuses: manyOf(volunteerFocuses, "Choose the focuses from the list."),
    email: optionalEmail(),
    phone: optionalPhone(),
    notes: optionalText(10_000),
  },
  endNotBeforeStart("startDate", "endDate"),
);
export type VolunteerInput = FormOutput<typeof volunteerForm>;

// The training and hours forms share the volunteer's page, so their date fields have names of
// their own: every field on a page needs a distinct name (and so a distinct id and label).

export const trainingForm = defineForm({
  trainingDate: requiredDay("the date of the training"),
  title: requiredText("what the training or development was", 200),
  provider: optionalText(200),
});
export type TrainingInput = FormOutput<typeof trainingForm>;

export const hoursForm = defineForm({
  hoursDate: requiredDay("the date the hours were given"),
  hours: hoursInMinutes(),
  activity: optionalText(500),
});
/** `hours` is in whole minutes once parsed. */
export type HoursInput = FormOutput<typeof hoursForm>;
