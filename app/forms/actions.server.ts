import { z } from "zod";
import {
  defineForm,
  type FormOutput,
  oneOf,
  optionalDay,
  requiredId,
  requiredText,
} from "~/utils/forms.server";
import { listQuery, optionalId } from "~/utils/list-query.server";

/** The list's views: every open action, the signed-in user's open ones, the overdue ones, the done ones. */
export const actionViews = ["open", "mine", "overdue", "done"] as const;
export type ActionView = (typeof actionViews)[number];

/**
 * An action added or changed by hand. The owner must be one of `ownerIds`: the active users
 * (plus, when editing, the present owner, so an action whose owner has left can still be edited).
 */
export function actionForm(ownerIds: readonly number[]) {
  const allowed = new Set(ownerIds);
  return defineForm(
    {
      description: requiredText("what needs to be done", 1000),
      ownerId: requiredId("Choose who will do it."),
      dueDate: optionalDay(),
    },
    (form, addError) => {
      if (form.ownerId !== undefined && !allowed.has(form.ownerId)) {
        addError("ownerId", "Choose who will do it from the list of active users.");
      }
    },
  );
}
export type ActionInput = FormOutput<ReturnType<typeof actionForm>>;

/** The one-click "Mark as done" and "Reopen" buttons on the list (or on any page that shows actions). */
export const actionStatusForm = defineForm({
  intent: oneOf(["done", "reopen"] as const, "Choose whether the action is done or open."),
  actionId: requiredId("Choose an action."),
  returnTo: z.string().max(2000).optional(),
});

export const actionListQuery = listQuery(
  {
    view: z.enum(actionViews).catch("open"),
    owner: optionalId(),
  },
  ["due"] as const,
);
export type ActionListQuery = z.infer<typeof actionListQuery>;
