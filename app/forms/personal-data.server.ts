import { defineForm, requiredText } from "~/utils/forms.server";

/** Erasing a person: an administrator types the person's name, as a deliberate act. */
export const erasureForm = defineForm({
  confirmName: requiredText("their name, exactly as it is shown above", 200),
});

/** The typed name matches: the same words, in any case, however many spaces between them. */
export function sameName(typed: string, name: string) {
  const words = (text: string) => text.trim().replace(/\s+/g, " ").toLocaleLowerCase("en-GB");
  return words(typed) === words(name);
}
