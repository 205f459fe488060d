import { SelectField, TextAreaField, TextField } from "~/components/form";
import { contributorKindLabels, optionsOf } from "~/utils/labels";

export type ContributorDefaults = {
  name?: string;
  kind?: string;
  partnerId?: number | null;
  skills?: string | null;
  email?: string | null;
  phone?: string | null;
  website?: string | null;
  activeFrom?: string | null;
  activeTo?: string | null;
  notes?: string | null;
};

/** A partner a contributor can be linked to, as `partnerOptions()` gives them. */
export type PartnerOption = { id: number; name: string; status: string };

/** The fields of a contributor, shared by the add and edit forms. */
export function ContributorFields({
  contributor = {},
  partners,
}: {
  contributor?: ContributorDefaults;
  partners: PartnerOption[];
}) {
  return (
    <>
      <TextField name="name" label="Name" defaultValue={contributor.name} autoComplete="off" required />
      <SelectField
        name="kind"
        label="Kind of contributor"
        options={optionsOf(contributorKindLabels)}
        defaultValue={contributor.kind}
        placeholder="Choose…"
        required
      />
      <SelectField
        name="partnerId"
        label="Partner"
        options={partners.map((p) => ({
          value: String(p.id),
          label: p.status === "ended" ? `${p.name} (ended)` : p.name,
        }))}
        defaultValue={contributor.partnerId}
        placeholder="None"
        hint="The partner organisation they come through, if any."
      />
      <TextAreaField
        name="skills"
        label="Skills"
        defaultValue={contributor.skills}
        rows={3}
        hint="What they bring to learning, for example: creative writing workshops, Bollywood dance, coding clubs."
      />
      <TextField
        name="email"
        label="Email address"
        type="email"
        defaultValue={contributor.email}
        autoComplete="off"
      />
      <TextField
        name="phone"
        label="Phone"
        type="tel"
        defaultValue={contributor.phone}
        autoComplete="off"
        width="medium"
      />
      <TextField
        name="website"
        label="Website"
        type="url"
        defaultValue={contributor.website}
        hint="For example https://poet.example"
      />
      <TextField
        name="activeFrom"
        label="Active from"
        type="date"
        defaultValue={contributor.activeFrom}
        width="medium"
        hint="When they started working with you."
      />
      <TextField
        name="activeTo"
        label="Active to"
        type="date"
        defaultValue={contributor.activeTo}
        width="medium"
        hint="Leave empty while they still work with you."
      />
      <TextAreaField name="notes" label="Notes" defaultValue={contributor.notes} />
    </>
  );
}
