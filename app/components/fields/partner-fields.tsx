import { CheckboxField, ChoiceGroup, SelectField, TextAreaField, TextField } from "~/components/form";
import { formatDate } from "~/utils/dates";
import { optionsOf, partnerStatusLabels, partnerTypeLabels, reviewCadenceLabels } from "~/utils/labels";

const cadenceOptions = ([3, 6, 12, 0] as const).map((months) => ({
  value: String(months),
  label: reviewCadenceLabels[months],
}));

export type PartnerDefaults = {
  name?: string;
  type?: string;
  status?: string;
  startDate?: string | null;
  endDate?: string | null;
  endReason?: string | null;
  addsValue?: string | null;
  isAdvocate?: boolean;
  extendsOnsite?: boolean;
  extendsOffsite?: boolean;
  website?: string | null;
  area?: string | null;
  notes?: string | null;
  reviewCadenceMonths?: number;
  nextReviewDate?: string | null;
};

/** The fields of a partner, shared by the add and edit forms. */
export function PartnerFields({
  partner = {},
  lastReviewOn,
}: {
  partner?: PartnerDefaults;
  /** The partner's last review, if any: what the next review is worked out from. */
  lastReviewOn?: string | null;
}) {
  return (
    <>
      <TextField name="name" label="Name" defaultValue={partner.name} required />
      <SelectField
        name="type"
        label="Type of organisation"
        options={optionsOf(partnerTypeLabels)}
        defaultValue={partner.type}
        placeholder="Choose…"
        required
      />
      <SelectField
        name="status"
        label="Status"
        options={optionsOf(partnerStatusLabels)}
        defaultValue={partner.status ?? "active"}
        hint="Prospective: a partner you might work with. Ended: the partnership is over (give the date and reason)."
        required
      />
      <TextField
        name="startDate"
        label="Start date"
        type="date"
        defaultValue={partner.startDate}
        width="medium"
      />
      <TextField name="endDate" label="End date" type="date" defaultValue={partner.endDate} width="medium" />
      <TextAreaField
        name="endReason"
        label="Why the partnership ended"
        defaultValue={partner.endReason}
        rows={2}
        hint="Needed when the status is Ended."
      />
      <ChoiceGroup
        name="reviewCadenceMonths"
        label="How often the partnership is reviewed"
        type="radio"
        options={cadenceOptions}
        defaultValue={String(partner.reviewCadenceMonths ?? 12)}
        required
        hint="A review asks whether the partnership is still relevant and whether the partner is satisfied (checklist 3.1.3)."
        inline
      />
      <TextField
        name="nextReviewDate"
        label="Next review"
        type="date"
        defaultValue={partner.nextReviewDate}
        width="medium"
        hint={`Leave it blank to work it out: the last review's date (or else the start date, or else today) plus the months above. A date you give or change is kept; if you change how often or the start date and leave this date as it is, it is worked out again. There is none once the partnership has ended, nor when it is not on a cycle unless you give a date.${lastReviewOn ? ` The last review was on ${formatDate(lastReviewOn)}.` : ""}`}
      />
      <TextAreaField
        name="addsValue"
        label="What they bring"
        defaultValue={partner.addsValue}
        hint="How the work of this organisation adds value to your own work (checklist 3.1)."
      />
      <fieldset className="field">
        <legend>Advocacy and services (checklist 3.1.2)</legend>
        <CheckboxField
          name="isAdvocate"
          label="They act as an advocate for our work"
          defaultChecked={partner.isAdvocate}
        />
        <CheckboxField
          name="extendsOnsite"
          label="The partnership extends our on-site services"
          defaultChecked={partner.extendsOnsite}
        />
        <CheckboxField
          name="extendsOffsite"
          label="The partnership extends our off-site services"
          defaultChecked={partner.extendsOffsite}
        />
      </fieldset>
      <TextField
        name="website"
        label="Website"
        type="url"
        defaultValue={partner.website}
        hint="For example https://college.ac.uk"
      />
      <TextField
        name="area"
        label="Area"
        defaultValue={partner.area}
        hint="Where they work: a town, borough or region."
      />
      <TextAreaField name="notes" label="Notes" defaultValue={partner.notes} />
    </>
  );
}
