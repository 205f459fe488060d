import { z } from "zod";
import { fundingStatuses, projectPartnerRoles, projectStatuses } from "~db/enums";
import {
  checkbox,
  defineForm,
  endNotBeforeStart,
  type FormOutput,
  moneyInPence,
  oneOf,
  optionalCount,
  optionalDay,
  optionalId,
  optionalText,
  requiredId,
  requiredText,
} from "~/utils/forms.server";

const partnerRoleMessage = "Choose the partner's role in the project.";

const projectFields = {
  title: requiredText("the project's title", 200),
  description: optionalText(5000),
  status: oneOf(projectStatuses, "Choose the status of the project."),
  startDate: optionalDay(),
  endDate: optionalDay(),
  learningOpportunities: optionalText(5000),
  audienceResearchShared: checkbox(),
  notes: optionalText(10_000),
};

export const projectForm = defineForm(projectFields, endNotBeforeStart("startDate", "endDate"));
export type ProjectInput = FormOutput<typeof projectForm>;

/** Adding a project can name its first partner and that partner's role at the same time. */
export const newProjectForm = defineForm(
  {
    ...projectFields,
    firstPartnerId: optionalId("Choose a partner from the list."),
    firstPartnerRole: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.enum(projectPartnerRoles, { errorMap: () => ({ message: partnerRoleMessage }) }).optional(),
    ),
  },
  endNotBeforeStart("startDate", "endDate"),
  (form, addError) => {
    if (form.firstPartnerId && !form.firstPartnerRole) addError("firstPartnerRole", partnerRoleMessage);
  },
);
export type NewProjectInput = FormOutput<typeof newProjectForm>;

export const projectPartnerForm = defineForm({
  partnerId: requiredId("Choose a partner from the list."),
  role: oneOf(projectPartnerRoles, partnerRoleMessage),
});
export type ProjectPartnerInput = FormOutput<typeof projectPartnerForm>;

export const projectContributorForm = defineForm({
  contributorId: requiredId("Choose a contributor from the list."),
});

export const projectVolunteerForm = defineForm({
  volunteerId: requiredId("Choose a volunteer to add."),
});

export const fundingForm = defineForm({
  source: requiredText("where the money comes from", 200),
  amount: moneyInPence("the amount"),
  status: oneOf(fundingStatuses, "Choose whether the funding is pending, secured or declined."),
  date: optionalDay(),
});
export type FundingInput = FormOutput<typeof fundingForm>;

export const userGroupForm = defineForm({
  description: requiredText("a description of the group", 500),
  number: optionalCount(),
  newOrInfrequent: checkbox(),
});
export type UserGroupInput = FormOutput<typeof userGroupForm>;
