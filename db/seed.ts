// Loads a demo organisation into an EMPTY database:  npm run db:seed
//   --size large   a large organisation for measuring speed (about 50,000 volunteers, 200,000 meetings)
//   --size tenth   a tenth of that, to see how pages grow with the data
// It refuses to touch a database that already holds data.
import { parseArgs } from "node:util";
import { migrateDatabase } from "./migrate.server";
import { demoUsers } from "./seed/demo-users";

async function main() {
  const { values } = parseArgs({ options: { size: { type: "string", default: "demo" } } });
  const scales: Record<string, number | null> = { demo: null, large: 1, tenth: 0.1 };
  if (!(values.size! in scales)) {
    throw new Error(`Unknown --size "${values.size}". Use demo (the default), large or tenth.`);
  }
  const scale = scales[values.size!];
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
  const userIds: number[] = [];
  for (const user of demoUsers) userIds.push((await createUser(user, null)).id);
  let summary: string;
  if (scale === null) {
    const { seedDemoRecords } = await import("./seed/demo-records");
    summary = seedDemoRecords();
  } else {
    const { seedLarge } = await import("./seed/large");
    // A fresh database being filled: durability per transaction is not needed until the end.
    sqlite.pragma("synchronous = OFF");
    sqlite.pragma("cache_size = -65536");
    const counts = seedLarge(sqlite, { scale, actorIds: userIds });
    sqlite.pragma("synchronous = NORMAL");
    sqlite.exec("ANALYZE");
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
    summary = Object.entries(counts)
      .map(([what, n]) => `${n.toLocaleString("en-GB")} ${what}`)
      .join(", ");
  }
  console.log(
    `Loaded the ${scale === null ? "demo" : values.size} organisation in ${((Date.now() - started) / 1000).toFixed(1)} s: ${summary}`,
  );
  console.log("Sign in as any of these (demo passwords; change them for real use):");
  for (const user of demoUsers)
    console.log(`  ${user.role.padEnd(7)} ${user.email.padEnd(22)} ${user.password}`);
  sqlite.close();
}

main().catch((error: Error) => {
  console.error(error.name === "ConfigError" ? error.message : `Could not seed: ${error.message}`);
  process.exit(1);
});
