import { Form } from "@remix-run/react";

type ActionItem = { id: number; description: string; status: "open" | "done" };

/**
 * An action's status in a table cell, with a one-click "Mark done" or "Reopen" for editors: a
 * plain POST form (intent `action-done` / `action-open`, `actionId`) that works without JavaScript.
 */
export function ActionStatusCell({ item, canEdit }: { item: ActionItem; canEdit: boolean }) {
  return (
    <td>
      {item.status === "done" ? (
        <span className="badge badge--ok">Done</span>
      ) : (
        <span className="badge">Open</span>
      )}
      {canEdit ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="actionId" value={item.id} />
          <button
            type="submit"
            name="intent"
            value={item.status === "done" ? "action-open" : "action-done"}
            className="button button--small button--secondary"
          >
            {item.status === "done" ? "Reopen" : "Mark done"}
            <span className="visually-hidden">: {item.description}</span>
          </button>
        </Form>
      ) : null}
    </td>
  );
}
