import { settings } from "~db/schema";
import { cached } from "~/utils/cache.server";
import { db, write } from "~/utils/db.server";
import { auditUpdate } from "./audit.server";

/** Organisation-wide settings a person changes in the app, with their defaults. */
export type Settings = {
  organisationName: string;
  /** Evidence dated within this many months counts as recent. */
  evidenceRecencyMonths: number;
  /** Equality monitoring is deleted this many months after a person's involvement ends. */
  monitoringRetentionMonths: number;
};

export const DEFAULT_SETTINGS: Settings = {
  organisationName: "",
  evidenceRecencyMonths: 12,
  monitoringRetentionMonths: 12,
};

/** Read on most pages (the checklist's recency, the organisation's name): kept until the data changes. */
export function getSettings(): Settings {
  const stored = cached("settings", () =>
    Object.fromEntries(
      db
        .select({ key: settings.key, value: settings.value })
        .from(settings)
        .all()
        .map((row) => [row.key, row.value]),
    ),
  );
  return { ...DEFAULT_SETTINGS, ...stored } as Settings;
}

export function saveSettings(changes: Partial<Settings>, actorId: number) {
  write((tx) => {
    const before = getSettings();
    for (const [key, value] of Object.entries(changes)) {
      tx.insert(settings)
        .values({ key, value, updatedAt: new Date() })
        .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } })
        .run();
    }
    auditUpdate(tx, actorId, { type: "settings", id: 1 }, before, { ...before, ...changes });
  });
}

export function getSetting<K extends keyof Settings>(key: K): Settings[K] {
  return getSettings()[key];
}
