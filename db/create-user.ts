// Creates a user without the web page, for operators and scripts:
//   npm run user:create -- --email E --password P --role admin|editor|viewer [--name N] [--equality]
import { parseArgs } from "node:util";
import { z } from "zod";
import { roles } from "./enums";
import { migrateDatabase } from "./migrate.server";

const usage =
  "Usage: npm run user:create -- --email EMAIL --password PASSWORD --role admin|editor|viewer [--name NAME] [--equality]";

async function main() {
  let args;
  try {
    args = parseArgs({
      options: {
        email: { type: "string" },
        password: { type: "string" },
        role: { type: "string" },
        name: { type: "string" },
        equality: { type: "boolean", default: false },
      },
    }).values;
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${usage}`);
  }
  const { email, newPassword } = await import("~/utils/forms.server");
  const parsed = z
    .object({
      email: email(),
      password: newPassword,
      role: z.enum(roles, { errorMap: () => ({ message: "must be admin, editor or viewer" }) }),
      name: z.string().trim().min(1).max(100).optional(),
    })
    .safeParse(args);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `\n  --${i.path.join(".")}: ${i.message}`).join("");
    throw new Error(`${problems}\n${usage}`);
  }
  const { sqlite } = await import("~/utils/db.server");
  await migrateDatabase(sqlite);
  const { createUser } = await import("~/models/user.server");
  const { email: address, password, role } = parsed.data;
  const name = parsed.data.name ?? address.split("@")[0];
  const { id } = await createUser(
    { email: address, password, role, name, canViewEquality: args.equality },
    null,
  );
  console.log(`Created ${role} ${address} (id ${id}).`);
  sqlite.close();
}

main().catch((error: Error) => {
  console.error(error.name === "ConfigError" ? error.message : `Could not create the user: ${error.message}`);
  process.exit(1);
});
