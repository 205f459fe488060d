import { readFormData } from "./http.server";
import { data, redirect } from "@remix-run/node";
import { erasureForm, sameName } from "~/forms/personal-data.server";
import {
  erasePerson,
  erasurePlan,
  exportPersonalData,
  logMonitoringView,
  personalData,
} from "~/models/personal-data.server";
import { requireUser } from "./auth.server";
import { todayIso } from "./dates";
import { failure, formValues, parseForm } from "./forms.server";
import { notFound, parseId } from "./http.server";
import { withNotice } from "./notice";
import { isPersonKind, personalDataPath, type PersonRef } from "./personal-data";

// The server half of the personal data pages (a volunteer's, a contributor's and a partner
// contact's: they differ only in the kind of person), the erasure confirmations and the downloads.
// Administrators only: editors and viewers get 403.

/** Everything about a person: no browser or proxy keeps a copy. */
const PRIVATE = { "Cache-Control": "private, no-store" };

export async function loadPersonalDataPage(request: Request, person: PersonRef) {
  const user = await requireUser(request, "admin");
  const held = personalData(person) ?? notFound();
  // The page shows their individual equality monitoring answers: that is logged, as everywhere.
  if (held.equalityMonitoring && person.kind !== "contact") {
    logMonitoringView(user.id, { type: person.kind, id: person.id });
  }
  return data({ held }, { headers: PRIVATE });
}

export async function loadErasurePage(request: Request, person: PersonRef) {
  await requireUser(request, "admin");
  const plan = erasurePlan(person) ?? notFound();
  return data({ plan }, { headers: PRIVATE });
}

export async function erasureAction(request: Request, person: PersonRef) {
  const user = await requireUser(request, "admin");
  const plan = erasurePlan(person) ?? notFound();
  if (plan.person.erased) return redirect(personalDataPath(person));
  const formData = await readFormData(request);
  const parsed = parseForm(formData, erasureForm);
  if (!parsed.ok) return data(parsed, { status: 400, headers: PRIVATE });
  if (!sameName(parsed.data.confirmName, plan.person.name)) {
    return data(
      failure(formValues(formData), undefined, {
        confirmName: [`Type their name exactly as it is shown: ${plan.person.name}.`],
      }),
      { status: 400, headers: PRIVATE },
    );
  }
  erasePerson(person, user.id);
  return redirect(withNotice(personalDataPath(person), "erased"));
}

/** The download of everything held, as JSON or as a printable page; each download is audited. */
export async function downloadPersonalData(
  request: Request,
  params: { kind?: string; id?: string },
  format: "json" | "html",
) {
  const user = await requireUser(request, "admin");
  if (!isPersonKind(params.kind)) notFound();
  const person: PersonRef = { kind: params.kind, id: parseId(params.id) };
  const held = exportPersonalData(person, user, format === "json" ? "JSON" : "HTML") ?? notFound();
  const filename = `personal-data-${person.kind}-${person.id}-${todayIso()}.${format}`;
  return {
    held,
    headers: {
      ...PRIVATE,
      "Content-Disposition": `attachment; filename="${filename}"`,
      "X-Content-Type-Options": "nosniff",
    },
  };
}
