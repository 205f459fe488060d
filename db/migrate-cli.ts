// Applies any pending migrations to the database (the server also does this when it starts).
import { migrateDatabase } from "./migrate.server";

const { sqlite } = await import("~/utils/db.server");
const { applied, backupPath } = await migrateDatabase(sqlite);
console.log(
  applied === 0
    ? "The database is up to date."
    : `Applied ${applied} migration(s)${backupPath ? `; backup taken first: ${backupPath}` : ""}.`,
);
sqlite.close();
