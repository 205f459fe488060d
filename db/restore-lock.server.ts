import fs from "node:fs";

/**
 * The lock file a process holds while it uses the database as its owner: the server from start-up
 * to shutdown, `db:restore` while it replaces the file. It holds the owner's process id, so a lock
 * left behind by a process that was killed (its id no longer alive) is ignored and taken over.
 */
export type LockHolder = { pid: number; purpose: string; since: string };

export class LockHeldError extends Error {
  name = "LockHeldError";
  constructor(
    readonly lockPath: string,
    readonly holder: LockHolder,
  ) {
    super(
      holder.purpose === "restore"
        ? `A restore is replacing the database (process ${holder.pid}, lock file ${lockPath}). Wait for it to finish.`
        : `The app is running on this database (process ${holder.pid}, since ${holder.since}; lock file ${lockPath}). Stop it first. If you are sure nothing is using the database, delete the lock file and try again.`,
    );
  }
}

export function lockPathFor(databasePath: string) {
  return `${databasePath}.lock`;
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Who holds the lock, if a live process other than this one does. */
export function lockHolder(databasePath: string): LockHolder | null {
  let holder: LockHolder;
  try {
    holder = JSON.parse(fs.readFileSync(lockPathFor(databasePath), "utf8")) as LockHolder;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    // Unreadable (half-written by a process that was killed): treat as stale.
    return null;
  }
  if (!Number.isInteger(holder.pid) || holder.pid <= 0) return null;
  if (holder.pid === process.pid || !isAlive(holder.pid)) return null;
  return holder;
}

/**
 * Takes the lock for this process, or throws `LockHeldError` naming the live process that holds it.
 * A stale lock (its process is gone) is replaced.
 */
export function acquireLock(databasePath: string, purpose: "server" | "restore") {
  const lockPath = lockPathFor(databasePath);
  const content = JSON.stringify({ pid: process.pid, purpose, since: new Date().toISOString() });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, content, { flag: "wx", mode: 0o644 });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = lockHolder(databasePath);
    if (holder) throw new LockHeldError(lockPath, holder);
    fs.rmSync(lockPath, { force: true }); // stale
  }
  throw new Error(`Could not take the lock ${lockPath}: another process keeps replacing it.`);
}

/** Removes the lock if this process holds it (never another process's). */
export function releaseLock(databasePath: string) {
  const lockPath = lockPathFor(databasePath);
  try {
    const holder = JSON.parse(fs.readFileSync(lockPath, "utf8")) as LockHolder;
    if (holder.pid === process.pid) fs.rmSync(lockPath, { force: true });
  } catch {
    // Already gone, or not ours to judge: leave it.
  }
}
