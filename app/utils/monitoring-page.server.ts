import { readFormData } from "./http.server";
import { data, redirect } from "@remix-run/node";
import type { MonitoredPersonType } from "~db/enums";
import { monitoringForm, withdrawConsentForm } from "~/forms/monitoring.server";
import {
  canSeeEquality,
  createFormLink,
  getMonitoredPerson,
  getMonitoring,
  openFormLink,
  saveMonitoring,
  withdrawConsent,
  type MonitoredPerson,
} from "~/models/monitoring.server";
import { logMonitoringView } from "~/models/personal-data.server";
import { requireUser } from "./auth.server";
import { parseForm } from "./forms.server";
import { forbidden, notFound } from "./http.server";
import { withNotice } from "./notice";

// The server half of the two monitoring pages (a volunteer's and a contributor's), which differ
// only in the kind of person.

const NOT_PERMITTED =
  "Equality monitoring answers are special category data: only administrators and people given the equality data permission can see them.";

/** Where a person's monitoring page lives: /volunteers/7/monitoring, /contributors/3/monitoring. */
export const monitoringPath = (person: { type: MonitoredPersonType; id: number }) =>
  `/${person.type}s/${person.id}/monitoring`;

/** No copy of a page with special category data may be kept by a browser or a proxy. */
const PRIVATE = { "Cache-Control": "private, no-store" };

export async function loadMonitoringPage(request: Request, person: MonitoredPerson) {
  const user = await requireUser(request);
  if (!canSeeEquality(user)) forbidden(NOT_PERMITTED);
  const found = getMonitoredPerson(person) ?? notFound();
  const monitoring = getMonitoring(person);
  // Every showing of a person's individual answers is logged: who, whose, when.
  if (monitoring) logMonitoringView(user.id, person);
  return data({ person: found, monitoring, openLink: openFormLink(person) }, { headers: PRIVATE });
}

export async function monitoringPageAction(request: Request, person: MonitoredPerson) {
  const user = await requireUser(request, "editor");
  if (!canSeeEquality(user)) forbidden(NOT_PERMITTED);
  if (!getMonitoredPerson(person)) notFound();
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  const path = monitoringPath(person);
  switch (intent) {
    case "save": {
      const parsed = parseForm(formData, monitoringForm);
      if (!parsed.ok) return data({ intent, ...parsed }, { status: 400, headers: PRIVATE });
      saveMonitoring(person, parsed.data, user.id);
      return redirect(withNotice(path, "saved"));
    }
    case "withdraw-consent": {
      const parsed = parseForm(formData, withdrawConsentForm);
      if (!parsed.ok) return data({ intent, ...parsed }, { status: 400, headers: PRIVATE });
      withdrawConsent(person, user.id);
      return redirect(withNotice(path, "withdrawn"));
    }
    case "create-link": {
      // Shown in this response only: the token is not kept, so it cannot go in a redirect.
      const { token, expiresAt } = createFormLink(person, user.id);
      const url = `${new URL(request.url).origin}/monitoring/${token}`;
      return data({ intent, link: { url, expiresAt } }, { headers: PRIVATE });
    }
    default:
      throw new Response("Unknown action", { status: 400 });
  }
}
