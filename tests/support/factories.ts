import type { Role } from "~db/enums";
import { createUser } from "~/models/user.server";
import { cookieFor } from "./requests";

let counter = 0;
export const TEST_PASSWORD = "correct horse battery staple";

/** A user of the given role, with a session cookie ready for requests. */
export async function signedInUser(
  role: Role,
  overrides: { name?: string; email?: string; canViewEquality?: boolean } = {},
) {
  counter += 1;
  const email = overrides.email ?? `${role}${counter}@example.org`;
  const { id } = await createUser(
    {
      email,
      name: overrides.name ?? `${role[0].toUpperCase()}${role.slice(1)} ${counter}`,
      role,
      password: TEST_PASSWORD,
      canViewEquality: overrides.canViewEquality,
    },
    null,
  );
  return { id, email, role, cookie: await cookieFor(id) };
}
