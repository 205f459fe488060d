import type { Role } from "~db/enums";
import type { Option } from "~/components/form";

const rank: Record<Role, number> = { viewer: 1, editor: 2, admin: 3 };

/** Whether a role may do what `needed` may: admin ⊃ editor ⊃ viewer. */
export function roleAllows(role: Role, needed: Role) {
  return rank[role] >= rank[needed];
}

export const roleOptions: Option[] = [
  { value: "viewer", label: "Viewer: reads records" },
  { value: "editor", label: "Editor: creates and changes records" },
  { value: "admin", label: "Administrator: everything, including users" },
];
