import type { NewAction } from "~/models/action.server";
import { FOLLOW_UP_ROWS, type FollowUpRow } from "~/components/fields/follow-up-action-fields";
import {
  type CrossCheck,
  type FieldErrors,
  optionalDay,
  optionalId,
  optionalText,
} from "~/utils/forms.server";

/**
 * The follow-up action rows under a meeting or a review, one way for both: three rows of
 * description, owner and due date; a blank row is ignored.
 */
export const followUpFields = {
  actionDescription1: optionalText(1000),
  actionOwner1: optionalId("Choose who will do action 1 from the list."),
  actionDue1: optionalDay(),
  actionDescription2: optionalText(1000),
  actionOwner2: optionalId("Choose who will do action 2 from the list."),
  actionDue2: optionalDay(),
  actionDescription3: optionalText(1000),
  actionOwner3: optionalId("Choose who will do action 3 from the list."),
  actionDue3: optionalDay(),
};

type FollowUpForm = {
  [K in keyof typeof followUpFields]?: K extends `actionOwner${number}` ? number : string;
};

/** A row with anything in it needs a description and an owner. */
export const followUpRowsComplete: CrossCheck<FollowUpForm> = (form, addError) => {
  for (const row of FOLLOW_UP_ROWS) {
    const description = form[`actionDescription${row}`];
    const owner = form[`actionOwner${row}`];
    const due = form[`actionDue${row}`];
    if (description && owner === undefined)
      addError(`actionOwner${row}`, `Choose who will do action ${row}.`);
    if (!description && (owner !== undefined || due)) {
      addError(`actionDescription${row}`, `Describe action ${row}, or clear its owner and due date.`);
    }
  }
};

export type FollowUp = NewAction & { row: FollowUpRow };

/** The actions the filled-in rows describe. */
export function followUpActions(form: FollowUpForm): FollowUp[] {
  return FOLLOW_UP_ROWS.flatMap((row) => {
    const description = form[`actionDescription${row}`];
    const ownerId = form[`actionOwner${row}`];
    if (!description || ownerId === undefined) return [];
    return [{ row, description, ownerId, dueDate: form[`actionDue${row}`] ?? null }];
  });
}

/** Owners must be people who can own actions now (active users); problems by row. */
export function followUpOwnerErrors(actions: FollowUp[], activeUserIds: Set<number>): FieldErrors {
  const errors: FieldErrors = {};
  for (const { row, ownerId } of actions) {
    if (!activeUserIds.has(ownerId))
      errors[`actionOwner${row}`] = [`Choose who will do action ${row} from the list.`];
  }
  return errors;
}
