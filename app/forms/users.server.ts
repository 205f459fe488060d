import { z } from "zod";
import { roles } from "~db/enums";
import { checkbox, email, newPassword, requiredText } from "~/utils/forms.server";

export const loginForm = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Enter your email address.")
    .max(254, "Enter your email address."),
  password: z.string().min(1, "Enter your password.").max(1000, "That password is too long."),
  redirectTo: z.string().optional(),
});

const confirmed = <T extends { password: string; confirmPassword: string }>(form: T) =>
  form.password === form.confirmPassword;
const notConfirmed = { path: ["confirmPassword"], message: "The two passwords are not the same." };

export const setupForm = z
  .object({
    name: requiredText("your name", 100),
    email: email("your email address"),
    password: newPassword,
    confirmPassword: z.string(),
  })
  .refine(confirmed, notConfirmed);

const role = z.enum(roles, { errorMap: () => ({ message: "Choose a role." }) });

export const newUserForm = z.object({
  name: requiredText("their name", 100),
  email: email("their email address"),
  role,
  canViewEquality: checkbox(),
  password: newPassword,
});

export const userAccessForm = z.object({
  role,
  canViewEquality: checkbox(),
});

export const resetPasswordForm = z.object({ password: newPassword });

export const changePasswordForm = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password."),
    password: newPassword,
    confirmPassword: z.string(),
  })
  .refine(confirmed, notConfirmed);
