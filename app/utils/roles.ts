import type { Option } from "~/components/form";

export const roleOptions: Option[] = [
  { value: "viewer", label: "Viewer: reads records" },
  { value: "editor", label: "Editor: creates and changes records" },
  { value: "admin", label: "Administrator: everything, including users" },
];
