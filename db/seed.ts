// Loads a demo organisation into an EMPTY database:  npm run db:seed
// It refuses to touch a database that already holds data.
import { parseArgs } from "node:util";
import { migrateDatabase } from "./migrate.server";
import { demoUsers } from "./seed/demo-users";

async function main() {
  const { values } = parseArgs({ options: { size: { type: "string", default: "demo" } } });
  if (values.size !== "demo") throw new Error(`Unknown --size "${values.size}". Use: npm run db:seed`);
  const { sqlite } = await import("~/utils/db.server");
  await migrateDatabase(sqlite);
  const { hasAnyUser, createUser } = await import("~/models/user.server");
  if (hasAnyUser()) {
    throw new Error(
      `This database already holds data (${sqlite.name}); the demo is only loaded into an empty one. ` +
        "Point DATABASE_PATH at a new file to try the demo.",
    );
  }
  const started = Date.now();
  for (const user of demoUsers) await createUser(user, null);
  const { seedDemoRecords } = await import("./seed/demo-records");
  const summary = seedDemoRecords();
  console.log(`Loaded the demo organisation in ${((Date.now() - started) / 1000).toFixed(1)} s: ${summary}`);
  console.log("Sign in as any of these (demo passwords; change them for real use):");
  for (const user of demoUsers)
    console.log(`  ${user.role.padEnd(7)} ${user.email.padEnd(22)} ${user.password}`);
  sqlite.close();
}

main().catch((error: Error) => {
  console.error(error.name === "ConfigError" ? error.message : `Could not seed: ${error.message}`);
  process.exit(1);
});
