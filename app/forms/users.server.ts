import { z } from "zod";
import { roles } from "~db/enums";
import { passwordNotPersonal } from "~/utils/password-policy.server";
import {
  checkbox,
  defineForm,
  email,
  newPassword,
  requiredText,
  type CrossCheck,
} from "~/utils/forms.server";

export const loginForm = defineForm({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Enter your email address.")
    .max(254, "Enter your email address."),
  password: z.string().min(1, "Enter your password.").max(1000, "That password is too long."),
  redirectTo: z.string().optional(),
});

const confirmed: CrossCheck<{ password: string; confirmPassword: string }> = (form, addError) => {
  if (typeof form.password === "string" && form.password !== form.confirmPassword) {
    addError("confirmPassword", "The two passwords are not the same.");
  }
};

export const setupForm = defineForm(
  {
    name: requiredText("your name", 100),
    email: email("your email address"),
    password: newPassword,
    confirmPassword: z.string().optional(),
  },
  confirmed,
  passwordNotPersonal,
);

const role = z.enum(roles, { errorMap: () => ({ message: "Choose a role." }) });

export const newUserForm = defineForm(
  {
    name: requiredText("their name", 100),
    email: email("their email address"),
    role,
    canViewEquality: checkbox(),
    password: newPassword,
  },
  passwordNotPersonal,
);

export const userAccessForm = defineForm({
  role,
  canViewEquality: checkbox(),
});

export const resetPasswordForm = defineForm({ password: newPassword });

export const changePasswordForm = defineForm(
  {
    currentPassword: z
      .string({ required_error: "Enter your current password." })
      .min(1, "Enter your current password."),
    password: newPassword,
    confirmPassword: z.string().optional(),
  },
  confirmed,
);
