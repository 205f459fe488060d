import type { Role } from "../enums";

/** The demo organisation's staff. Demo passwords are printed when seeding; change them for real use. */
export const demoUsers: {
  name: string;
  email: string;
  role: Role;
  canViewEquality?: boolean;
  password: string;
}[] = [
  { name: "Ada Lovelace", email: "admin@demo.example", role: "admin", password: "demo admin passphrase" },
  {
    name: "Priya Shah",
    email: "priya@demo.example",
    role: "editor",
    password: "demo editor passphrase",
    canViewEquality: true,
  },
  { name: "Tom Baker", email: "tom@demo.example", role: "editor", password: "demo editor passphrase" },
  { name: "Grace Hopper", email: "grace@demo.example", role: "viewer", password: "demo viewer passphrase" },
];
