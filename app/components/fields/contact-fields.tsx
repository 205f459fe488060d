import { TextAreaField, TextField } from "~/components/form";

export type ContactDefaults = {
  name?: string;
  role?: string | null;
  email?: string | null;
  phone?: string | null;
  notes?: string | null;
};

export function ContactFields({ contact = {} }: { contact?: ContactDefaults }) {
  return (
    <>
      <TextField name="name" label="Name" defaultValue={contact.name} autoComplete="off" required />
      <TextField
        name="role"
        label="Role"
        defaultValue={contact.role}
        hint="For example: Head of Community Learning"
      />
      <TextField
        name="email"
        label="Email address"
        type="email"
        defaultValue={contact.email}
        autoComplete="off"
      />
      <TextField
        name="phone"
        label="Phone"
        type="tel"
        defaultValue={contact.phone}
        autoComplete="off"
        width="medium"
      />
      <TextAreaField name="notes" label="Notes" defaultValue={contact.notes} rows={3} />
    </>
  );
}
