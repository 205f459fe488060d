import { data, redirect } from "@remix-run/node";
import { createLinkForm, linkExpiryBounds, revokeLinkForm } from "~/forms/feedback.server";
import { requireUser } from "~/utils/auth.server";
import { todayIso } from "~/utils/dates";
import { parseForm } from "~/utils/forms.server";
import { notFound, readFormData } from "~/utils/http.server";
import { withNotice } from "~/utils/notice";
import {
  createFeedbackLink,
  getFeedbackSubject,
  listFeedbackLinks,
  responseCount,
  responsesForPartner,
  responsesForProject,
  revokeFeedbackLink,
  type FeedbackOwner,
} from "./feedback.server";

// The server half of the two staff feedback pages (a partner's and a project's), which differ only
// in whose feedback the links ask for.

/** How many responses the feedback page lists, newest first. */
export const RESPONSES_SHOWN = 50;

/** A page that shows a new link's token once must not be kept by a browser or a proxy. */
const PRIVATE = { "Cache-Control": "private, no-store" };

/** Where a feedback page lives: /partners/7/feedback, /projects/3/feedback. */
export const feedbackPath = (owner: FeedbackOwner) =>
  "partnerId" in owner ? `/partners/${owner.partnerId}/feedback` : `/projects/${owner.projectId}/feedback`;

export async function loadFeedbackPage(request: Request, owner: FeedbackOwner) {
  await requireUser(request);
  const subject = getFeedbackSubject(owner) ?? notFound();
  const today = todayIso();
  return {
    subject,
    links: listFeedbackLinks(owner, today),
    responses:
      "partnerId" in owner
        ? responsesForPartner(owner.partnerId, RESPONSES_SHOWN)
        : responsesForProject(owner.projectId, RESPONSES_SHOWN),
    responseTotal: responseCount(owner),
    expiry: linkExpiryBounds(today),
  };
}

export async function feedbackPageAction(request: Request, owner: FeedbackOwner) {
  const user = await requireUser(request, "editor");
  if (!getFeedbackSubject(owner)) notFound();
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  switch (intent) {
    case "create": {
      const parsed = parseForm(formData, createLinkForm);
      if (!parsed.ok) return data({ intent, ...parsed }, { status: 400, headers: PRIVATE });
      const created =
        createFeedbackLink(
          "partnerId" in owner
            ? { kind: "partner", partnerId: owner.partnerId, expiresOn: parsed.data.expiresOn }
            : { kind: "participant", projectId: owner.projectId, expiresOn: parsed.data.expiresOn },
          user.id,
        ) ?? notFound();
      // Shown in this response only: the token is not kept, so it cannot go in a redirect.
      const url = `${new URL(request.url).origin}/feedback/${created.token}`;
      return data({ intent, created: { url, expiresOn: created.expiresOn } }, { headers: PRIVATE });
    }
    case "revoke": {
      const parsed = parseForm(formData, revokeLinkForm);
      if (!parsed.ok) return data({ intent, ...parsed }, { status: 400, headers: PRIVATE });
      if (!revokeFeedbackLink(parsed.data.linkId, owner, user.id)) notFound();
      return redirect(withNotice(feedbackPath(owner), "revoked"));
    }
    default:
      throw new Response("Unknown action", { status: 400 });
  }
}
