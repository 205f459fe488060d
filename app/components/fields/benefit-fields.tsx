import { ChoiceGroup, SelectField, TextAreaField, TextField, type Option } from "~/components/form";
import { beneficiaryLabels, benefitSourceLabels, optionsOf, outcomeLabels } from "~/utils/labels";

export type BenefitDefaults = {
  beneficiary?: string;
  description?: string;
  date?: string;
  partnerId?: number | null;
  projectId?: number | null;
  source?: string;
  outcomes?: readonly string[];
};

const outcomeOptions = optionsOf(outcomeLabels);
const learningOutcomes = outcomeOptions.filter((option) => option.value.startsWith("glo_"));
const socialOutcomes = outcomeOptions.filter((option) => option.value.startsWith("gso_"));

/** The fields of a benefit, shared by the add and edit forms. */
export function BenefitFields({
  benefit = {},
  partners,
  projects,
}: {
  benefit?: BenefitDefaults;
  partners: readonly { id: number; name: string }[];
  projects: readonly { id: number; title: string }[];
}) {
  const partnerOptions: Option[] = partners.map((p) => ({ value: String(p.id), label: p.name }));
  const projectOptions: Option[] = projects.map((p) => ({ value: String(p.id), label: p.title }));
  return (
    <>
      <SelectField
        name="beneficiary"
        label="Who benefits"
        options={optionsOf(beneficiaryLabels)}
        defaultValue={benefit.beneficiary}
        placeholder="Choose…"
        required
      />
      <TextAreaField
        name="description"
        label="What the benefit was"
        defaultValue={benefit.description}
        hint="What changed, and for whom. For example: “Eight adult learners gave their first talk in the gallery.”"
        required
      />
      <TextField
        name="date"
        label="Date"
        type="date"
        defaultValue={benefit.date}
        hint="When it happened or was noticed."
        width="medium"
        required
      />
      <SelectField
        name="partnerId"
        label="Partner"
        options={partnerOptions}
        defaultValue={benefit.partnerId}
        placeholder="No partner"
        hint="The partner it came from or was shared with, if any."
      />
      <SelectField
        name="projectId"
        label="Project"
        options={projectOptions}
        defaultValue={benefit.projectId}
        placeholder="No project"
        hint="Planned and active projects are listed."
      />
      <SelectField
        name="source"
        label="How you know"
        options={optionsOf(benefitSourceLabels)}
        defaultValue={benefit.source}
        placeholder="Choose…"
        hint="Something you saw, feedback, a survey, a meeting…"
        required
      />
      <p className="hint">
        Tick every outcome the benefit shows, as the Inspiring Learning for All framework names them.
      </p>
      {/* Both groups post under the one name, `outcomes`; each ticks only its own values. */}
      <ChoiceGroup
        name="outcomes"
        label="Generic Learning Outcomes"
        type="checkbox"
        options={learningOutcomes}
        defaultValue={benefit.outcomes}
      />
      <ChoiceGroup
        name="outcomes"
        label="Generic Social Outcomes"
        id="field-outcomes-social"
        type="checkbox"
        options={socialOutcomes}
        defaultValue={benefit.outcomes}
      />
    </>
  );
}
