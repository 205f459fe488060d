import { and, asc, eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { auditEvents, equalityMonitoring, monitoringFormLinks, volunteers } from "~db/schema";
import { createContributor } from "~/models/contributor.server";
import { createFormLink, saveMonitoring } from "~/models/monitoring.server";
import {
  applyMonitoringRetention,
  retentionCutoff,
  startRetentionSchedule,
  stopRetentionSchedule,
} from "~/models/retention.server";
import { getSetting, saveSettings } from "~/models/settings.server";
import { createVolunteer } from "~/models/volunteer.server";
import { action as settingsAction, loader as settingsLoader } from "~/routes/_app.settings";
import { db, write } from "~/utils/db.server";
import { signedInUser } from "./support/factories";
import { load, submit } from "./support/requests";

afterEach(() => {
  stopRetentionSchedule();
  vi.useRealTimers();
});

const TODAY = new Date("2026-03-02T10:00:00Z");
const answers = {
  ageBand: "45_54",
  ethnicGroup: "white_irish",
  disability: "yes_a_little",
  area: "Northtown",
} as const;

function answered(type: "volunteer" | "contributor", id: number, actorId: number) {
  saveMonitoring(
    { type, id },
    { consentGiven: true, consentGivenOn: "2024-01-10", consentMethod: "verbal", ...answers },
    actorId,
  );
  return id;
}

function volunteer(
  actorId: number,
  name: string,
  status: "active" | "paused" | "left",
  endDate?: string,
  monitored = true,
) {
  const id = createVolunteer(
    { name, programme: "volunteer", status, startDate: "2023-09-01", endDate, focuses: [] },
    actorId,
  );
  return monitored ? answered("volunteer", id, actorId) : id;
}

function contributor(actorId: number, name: string, activeTo?: string) {
  const id = createContributor({ name, kind: "artist", activeFrom: "2023-01-01", activeTo }, actorId);
  return answered("contributor", id, actorId);
}

/** Who still has monitoring, as "volunteer 3", "contributor 1". */
function stillHeld() {
  return db
    .select({ type: equalityMonitoring.personType, id: equalityMonitoring.personId })
    .from(equalityMonitoring)
    .orderBy(asc(equalityMonitoring.personType), asc(equalityMonitoring.personId))
    .all()
    .map((row) => `${row.type} ${row.id}`);
}

function erasures() {
  return db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.action, "erase"))
    .orderBy(asc(auditEvents.id))
    .all();
}

async function people() {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(TODAY);
  const admin = await signedInUser("admin");
  const ids = {
    leftLongAgo: volunteer(admin.id, "Left long ago", "left", "2025-02-28"),
    leftExactlyAYearAgo: volunteer(admin.id, "Left a year ago today", "left", "2025-03-02"),
    leftRecently: volunteer(admin.id, "Left recently", "left", "2025-06-01"),
    activeWithOldEnd: volunteer(admin.id, "Still active", "active", "2024-06-01"),
    pausedWithOldEnd: volunteer(admin.id, "Paused", "paused", "2024-06-01"),
    leftNoEndLongAgo: volunteer(admin.id, "Left, no end date, long ago", "left"),
    leftNoEndRecently: volunteer(admin.id, "Left, no end date, recently", "left"),
    leftNoMonitoring: volunteer(admin.id, "Left, never answered", "left", "2024-01-01", false),
    contributorEndedLongAgo: contributor(admin.id, "Ended long ago", "2025-01-31"),
    contributorEndedRecently: contributor(admin.id, "Ended recently", "2025-12-31"),
    contributorOngoing: contributor(admin.id, "Ongoing"),
  };
  // Marked as left, with no end date, well over a year ago: their record was last changed then.
  write((tx) =>
    tx
      .update(volunteers)
      .set({ updatedAt: new Date("2024-12-01T09:00:00Z") })
      .where(eq(volunteers.id, ids.leftNoEndLongAgo))
      .run(),
  );
  createFormLink({ type: "volunteer", id: ids.leftLongAgo }, admin.id);
  createFormLink({ type: "volunteer", id: ids.leftRecently }, admin.id);
  return { admin, ids };
}

describe("deleting equality monitoring after involvement ends", () => {
  it("works out the cut-off a set number of months before today", () => {
    expect(retentionCutoff("2026-03-02", 12)).toBe("2025-03-02");
    expect(retentionCutoff("2026-03-31", 1)).toBe("2026-02-28");
    expect(retentionCutoff("2024-02-29", 12)).toBe("2023-02-28");
  });

  it("deletes only the answers of people whose involvement ended more than 12 months ago, audited as the retention rule's", async () => {
    const { ids } = await people();
    const result = applyMonitoringRetention(TODAY);
    expect(result).toEqual({ cutoff: "2025-03-02", months: 12, volunteers: 2, contributors: 1 });
    expect(stillHeld()).toEqual(
      [
        `contributor ${ids.contributorEndedRecently}`,
        `contributor ${ids.contributorOngoing}`,
        `volunteer ${ids.leftExactlyAYearAgo}`,
        `volunteer ${ids.leftRecently}`,
        `volunteer ${ids.activeWithOldEnd}`,
        `volunteer ${ids.pausedWithOldEnd}`,
        `volunteer ${ids.leftNoEndRecently}`,
      ].sort((a, b) => a.localeCompare(b, "en", { numeric: true })),
    );
    // Their volunteer and contributor records stay.
    expect(db.select().from(volunteers).where(eq(volunteers.id, ids.leftLongAgo)).get()?.name).toBe(
      "Left long ago",
    );
    // Their link to fill in the form goes too; others' stay.
    expect(
      db
        .select()
        .from(monitoringFormLinks)
        .all()
        .map((l) => l.personId),
    ).toEqual([ids.leftRecently]);

    const events = erasures();
    expect(events.map((e) => [e.recordType, e.recordId])).toEqual(
      expect.arrayContaining([
        ["volunteer_monitoring", ids.leftLongAgo],
        ["volunteer_monitoring", ids.leftNoEndLongAgo],
        ["contributor_monitoring", ids.contributorEndedLongAgo],
      ]),
    );
    expect(events).toHaveLength(3);
    for (const event of events) {
      expect(event.userId).toBeNull();
      expect(event.at.toISOString()).toBe(TODAY.toISOString());
      expect(event.changes).toMatchObject({
        erasedBy: [null, "the retention rule: 12 months after involvement ended"],
        consentGivenOn: ["(erased)", null],
        ethnicGroup: ["(erased)", null],
        area: ["(erased)", null],
      });
      expect(event.changes).not.toHaveProperty("sex");
    }
    const trail = JSON.stringify(db.select().from(auditEvents).all());
    for (const value of Object.values(answers)) expect(trail).not.toContain(value);

    // Run again: nothing more is due.
    expect(applyMonitoringRetention(TODAY)).toMatchObject({ volunteers: 0, contributors: 0 });
    expect(erasures()).toHaveLength(3);
  });

  it("follows the setting", async () => {
    const { admin, ids } = await people();
    saveSettings({ monitoringRetentionMonths: 24 }, admin.id);
    // 24 months: only involvement that ended before 2 March 2024 is past keeping; none has.
    expect(applyMonitoringRetention(TODAY)).toEqual({
      cutoff: "2024-03-02",
      months: 24,
      volunteers: 0,
      contributors: 0,
    });
    saveSettings({ monitoringRetentionMonths: 3 }, admin.id);
    const result = applyMonitoringRetention("2026-03-02");
    expect(result).toMatchObject({ cutoff: "2025-12-02", volunteers: 4, contributors: 1 });
    expect(stillHeld()).toEqual(
      [
        `contributor ${ids.contributorEndedRecently}`,
        `contributor ${ids.contributorOngoing}`,
        `volunteer ${ids.activeWithOldEnd}`,
        `volunteer ${ids.pausedWithOldEnd}`,
        `volunteer ${ids.leftNoEndRecently}`,
      ].sort((a, b) => a.localeCompare(b, "en", { numeric: true })),
    );
    expect(erasures()[0].changes.erasedBy).toEqual([
      null,
      "the retention rule: 3 months after involvement ended",
    ]);
  });

  it("runs at start-up and then every 24 hours", async () => {
    const { admin, ids } = await people();
    vi.useFakeTimers({ toFake: ["Date", "setInterval", "clearInterval"] });
    vi.setSystemTime(TODAY);
    startRetentionSchedule();
    expect(stillHeld()).not.toContain(`volunteer ${ids.leftLongAgo}`);
    expect(stillHeld()).toContain(`volunteer ${ids.leftRecently}`);
    // A year and a day after Left recently's end date, the next daily run removes theirs.
    vi.setSystemTime(new Date("2026-06-02T09:00:00Z"));
    vi.advanceTimersByTime(24 * 60 * 60 * 1000);
    expect(stillHeld()).not.toContain(`volunteer ${ids.leftRecently}`);
    stopRetentionSchedule();
    answered("volunteer", ids.leftRecently, admin.id);
    vi.advanceTimersByTime(48 * 60 * 60 * 1000);
    expect(stillHeld()).toContain(`volunteer ${ids.leftRecently}`);
  });
});

describe("the retention setting", () => {
  const post = (cookie: string, months?: string) =>
    submit(settingsAction, {
      path: "/settings",
      cookie,
      form: {
        organisationName: "Northtown Museums",
        evidenceRecencyMonths: "12",
        ...(months === undefined ? {} : { monitoringRetentionMonths: months }),
      },
    });

  it("is 12 months unless changed, and takes a whole number of months from 1 to 120", async () => {
    const admin = await signedInUser("admin");
    const page = await load(settingsLoader, { path: "/settings", cookie: admin.cookie });
    expect(page.data.settings.monitoringRetentionMonths).toBe(12);
    for (const [typed, message] of [
      ["", "Enter a whole number of months, like 12."],
      ["six", "Enter a whole number of months, like 12."],
      ["1.5", "Enter a whole number of months, like 12."],
      ["0", "Enter at least 1 month."],
      ["121", "Enter at most 120 months."],
    ] as const) {
      const refused = await post(admin.cookie, typed);
      expect(refused.status, typed).toBe(400);
      expect(refused.data.errors).toEqual({ monitoringRetentionMonths: [message] });
      expect(refused.data.values).toMatchObject({
        monitoringRetentionMonths: typed,
        organisationName: "Northtown Museums",
      });
    }
    expect(getSetting("monitoringRetentionMonths")).toBe(12);

    const saved = await post(admin.cookie, " 24 ");
    expect(saved.location).toBe("/settings?notice=saved");
    expect(getSetting("monitoringRetentionMonths")).toBe(24);
    const change = db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordType, "settings"), eq(auditEvents.action, "update")))
      .all()
      .at(-1)!;
    expect(change.changes).toMatchObject({ monitoringRetentionMonths: [12, 24] });

    // A submission without the field (an older form) leaves the setting as it is.
    expect((await post(admin.cookie)).status).toBe(302);
    expect(getSetting("monitoringRetentionMonths")).toBe(24);
  });

  it("can be changed by administrators only", async () => {
    const editor = await signedInUser("editor");
    expect((await post(editor.cookie, "6")).status).toBe(403);
    expect(getSetting("monitoringRetentionMonths")).toBe(12);
  });
});
