import { contributorKinds } from "~db/enums";
import {
  defineForm,
  endNotBeforeStart,
  failure,
  formValues,
  type FormOutput,
  type ParsedForm,
  oneOf,
  optionalDay,
  optionalEmail,
  optionalId,
  optionalPhone,
  optionalText,
  optionalUrl,
  parseForm,
  requiredText,
} from "~/utils/forms.server";

export const PARTNER_NOT_FOUND = "Choose a partner from the list.";

export const contributorForm = defineForm(
  {
    name: requiredText("the contributor's name", 200),
    kind: oneOf(contributorKinds, "Choose what kind of contributor they are."),
    partnerId: optionalId(PARTNER_NOT_FOUND),
    skills: optionalText(2000),
    email: optionalEmail(),
    phone: optionalPhone(),
    website: optionalUrl(),
    activeFrom: optionalDay(),
    activeTo: optionalDay(),
    notes: optionalText(10_000),
  },
  endNotBeforeStart("activeFrom", "activeTo"),
);
export type ContributorInput = FormOutput<typeof contributorForm>;

/**
 * The contributor form, plus the one check that needs the database: a chosen partner must exist
 * (the list may be out of date, or the address tampered with). The action passes the lookup in;
 * a missing partner is reported beside the field together with any other problem.
 */
export function parseContributorForm(
  formData: FormData,
  partnerExists: (id: number) => boolean,
): ParsedForm<ContributorInput> {
  const parsed = parseForm(formData, contributorForm);
  const chosen = contributorForm.fields.shape.partnerId.safeParse(formValues(formData).partnerId);
  const missing = chosen.success && chosen.data !== undefined && !partnerExists(chosen.data);
  if (!missing) return parsed;
  if (!parsed.ok) {
    parsed.errors.partnerId ??= [PARTNER_NOT_FOUND];
    return parsed;
  }
  return { ok: false, ...failure(formValues(formData), undefined, { partnerId: [PARTNER_NOT_FOUND] }) };
}
