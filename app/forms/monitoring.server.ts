import { z } from "zod";
import {
  ageBands,
  consentMethods,
  disabilityAnswers,
  ethnicGroups,
  genderIdentities,
  sexes,
  socioEconomicBackgrounds,
} from "~db/enums";
import { todayIso } from "~/utils/dates";
import {
  checkbox,
  defineForm,
  type CrossCheck,
  type FormOutput,
  oneOf,
  optionalText,
  requiredDay,
} from "~/utils/forms.server";

/** A radio group nobody has to answer: left blank it is simply not recorded. */
const optionalChoice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.enum(values, { errorMap: () => ({ message: "Choose one of the answers listed." }) }).optional(),
  );

/** The questions, shared by the form staff fill in and the one a person fills in themselves. */
const questions = {
  ageBand: optionalChoice(ageBands),
  sex: optionalChoice(sexes),
  genderIdentity: optionalChoice(genderIdentities),
  ethnicGroup: optionalChoice(ethnicGroups),
  disability: optionalChoice(disabilityAnswers),
  socioEconomic: optionalChoice(socioEconomicBackgrounds),
  area: optionalText(100),
};

const consentConfirmed =
  (message: string): CrossCheck<{ consentGiven: boolean }> =>
  (form, addError) => {
    if (form.consentGiven !== true) addError("consentGiven", message);
  };

const consentNotInFuture: CrossCheck<{ consentGivenOn: string }> = (form, addError) => {
  if (typeof form.consentGivenOn === "string" && form.consentGivenOn > todayIso()) {
    addError("consentGivenOn", "The date they agreed cannot be in the future.");
  }
};

/**
 * Recorded by a member of staff. Nothing is kept until consent is confirmed, with its date and how
 * it was given; every question is optional.
 */
export const monitoringForm = defineForm(
  {
    consentGiven: checkbox(),
    consentGivenOn: requiredDay("the date they agreed"),
    consentMethod: oneOf(consentMethods, "Choose how they agreed: on paper, online or verbally."),
    ...questions,
  },
  consentConfirmed("Confirm that they have agreed to their answers being recorded."),
  consentNotInFuture,
);
export type MonitoringFormInput = FormOutput<typeof monitoringForm>;

/** The answers alone, as kept: each one optional. */
export type MonitoringAnswers = Omit<
  MonitoringFormInput,
  "consentGiven" | "consentGivenOn" | "consentMethod"
>;

/** Filled in by the person themselves through their link: consent is their own tick. */
export const selfFillForm = defineForm(
  {
    consentGiven: checkbox(),
    ...questions,
    /** A honeypot: hidden from people, so only a robot fills it in. */
    website: z.string().optional(),
  },
  consentConfirmed(
    "Tick the box to agree to your answers being kept, or close this page if you would rather not.",
  ),
);
export type SelfFillInput = FormOutput<typeof selfFillForm>;

export const withdrawConsentForm = defineForm({ confirmWithdrawal: checkbox() }, (form, addError) => {
  if (form.confirmWithdrawal !== true) {
    addError("confirmWithdrawal", "Tick the box to confirm that their answers should be erased.");
  }
});
