import { sqlite } from "./db.server";

/**
 * Results worked out from the data, kept until the data changes: any change through this
 * connection (SQLite's `total_changes()`) or a commit by another process (`data_version`). Used
 * for the aggregates people open all day (checklist coverage, reports), so they are worked out
 * once per change rather than once per visit.
 */
const changesHere = sqlite.prepare("SELECT total_changes()").pluck();
const dataVersion = sqlite.prepare("PRAGMA data_version").pluck();
let storedVersion = "";
const store = new Map<string, unknown>();
const MAX_ENTRIES = 500;

function currentVersion() {
  return `${changesHere.get()}:${dataVersion.get()}`;
}

export function cached<T>(key: string, compute: () => T): T {
  const version = currentVersion();
  if (version !== storedVersion) {
    store.clear();
    storedVersion = version;
  }
  if (store.has(key)) return store.get(key) as T;
  const value = compute();
  if (store.size >= MAX_ENTRIES) store.delete(store.keys().next().value as string);
  store.set(key, value);
  return value;
}
