import { beneficiaries, benefitSources, outcomes } from "~db/enums";
import {
  defineForm,
  type FormOutput,
  manyOf,
  oneOf,
  optionalId,
  requiredDay,
  requiredText,
} from "~/utils/forms.server";

/**
 * A benefit. Whether a chosen partner or project exists needs the database, so the action checks
 * that after this form (see `benefitLinkErrors`).
 */
export const benefitForm = defineForm({
  beneficiary: oneOf(beneficiaries, "Choose who benefits."),
  description: requiredText("what the benefit was", 2000),
  date: requiredDay("the date of the benefit"),
  partnerId: optionalId("Choose a partner from the list."),
  projectId: optionalId("Choose a project from the list."),
  source: oneOf(benefitSources, "Choose how you know about the benefit."),
  outcomes: manyOf(outcomes, "Choose outcomes from the list."),
});
export type BenefitInput = FormOutput<typeof benefitForm>;
