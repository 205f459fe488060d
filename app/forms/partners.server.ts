import { z } from "zod";
import { partnerStatuses, partnerTypes, reviewCadences } from "~db/enums";
import {
  checkbox,
  defineForm,
  type FormOutput,
  endNotBeforeStart,
  oneOf,
  optionalDay,
  optionalEmail,
  optionalPhone,
  optionalText,
  optionalUrl,
  requiredText,
} from "~/utils/forms.server";

const cadenceValues = reviewCadences.map(String) as [string, ...string[]];

/**
 * Months between reviews. Left out of a post (an older form, a script) it stays as it was, or the
 * usual 12 months for a new partner: the model decides.
 */
const reviewCadence = () =>
  z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .enum(cadenceValues, { errorMap: () => ({ message: "Choose how often the partnership is reviewed." }) })
      .transform(Number)
      .optional(),
  );

export const partnerForm = defineForm(
  {
    name: requiredText("the partner's name", 200),
    type: oneOf(partnerTypes, "Choose the type of organisation."),
    status: oneOf(partnerStatuses, "Choose the status of the partnership."),
    startDate: optionalDay(),
    endDate: optionalDay(),
    endReason: optionalText(2000),
    addsValue: optionalText(5000),
    isAdvocate: checkbox(),
    extendsOnsite: checkbox(),
    extendsOffsite: checkbox(),
    website: optionalUrl(),
    area: optionalText(200),
    notes: optionalText(10_000),
    reviewCadenceMonths: reviewCadence(),
    nextReviewDate: optionalDay(),
  },
  endNotBeforeStart("startDate", "endDate"),
  (form, addError) => {
    if (form.status !== "ended") return;
    if (!form.endDate) addError("endDate", "Enter the date the partnership ended.");
    if (!form.endReason) addError("endReason", "Say why the partnership ended.");
  },
);
export type PartnerInput = FormOutput<typeof partnerForm>;

export const contactForm = defineForm({
  name: requiredText("the contact's name", 200),
  role: optionalText(200),
  email: optionalEmail(),
  phone: optionalPhone(),
  notes: optionalText(5000),
});
export type ContactInput = FormOutput<typeof contactForm>;
