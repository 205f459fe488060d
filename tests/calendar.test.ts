import ICAL from "ical.js";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { actions, partners, type PartnerStatus } from "~db/schema";
import { addActions, setActionStatus } from "~/models/action.server";
import { updateUserAccess } from "~/models/user.server";
import { action as editAction } from "~/routes/_app.actions.$actionId.edit";
import { loader as calendarLoader } from "~/routes/_app.calendar";
import { action as profileAction, loader as profileLoader } from "~/routes/_app.profile";
import { loader as feedLoader } from "~/routes/calendar.$token[.]ics";
import { db, write } from "~/utils/db.server";
import { signedInUser } from "./support/factories";
import { load, submit } from "./support/requests";

afterEach(() => {
  vi.useRealTimers();
});

function fixClock(at: string) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(at));
}

function addPartner(
  name: string,
  nextReviewDate: string | null,
  { status = "active", cadence = 12 }: { status?: PartnerStatus; cadence?: number } = {},
) {
  return db
    .insert(partners)
    .values({ name, type: "college", status, reviewCadenceMonths: cadence, nextReviewDate })
    .returning({ id: partners.id })
    .get().id;
}

function addAction(ownerId: number, description: string, dueDate: string | null) {
  return write((tx) => addActions(tx, [{ description, ownerId, dueDate }], "none", null, ownerId))[0];
}

/** Asks for a calendar address on the profile (as the person would) and returns its token. */
async function feedToken(cookie: string, intent = "create-calendar") {
  const result = await submit(profileAction, { path: "/profile", cookie, form: { intent } });
  expect(result.status).toBe(302);
  const profile = await load(profileLoader, { path: "/profile", cookie });
  const address: string | null = profile.data.calendarAddress;
  if (!address) return null;
  expect(address).toMatch(/^http:\/\/localhost\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  return address.match(/\/calendar\/(.+)\.ics$/)![1];
}

function fetchFeed(token: string) {
  return load(feedLoader, { path: `/calendar/${token}.ics`, params: { token } });
}

type Event = { uid: string; summary: string; start: string; end: string; description: string; url: string };

/** The feed, read by a real iCalendar parser. */
function parseFeed(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.name).toBe("vcalendar");
  expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
  expect(calendar.getFirstPropertyValue("prodid")).toMatch(/Partnership tracker/);
  const events: Event[] = calendar.getAllSubcomponents("vevent").map((vevent) => {
    const start = vevent.getFirstProperty("dtstart")!;
    const end = vevent.getFirstProperty("dtend")!;
    // All-day events: dates without a time or a time zone.
    expect(start.type).toBe("date");
    expect(end.type).toBe("date");
    expect(start.getParameter("tzid")).toBeUndefined();
    expect(vevent.getFirstPropertyValue("dtstamp")).toBeTruthy();
    return {
      uid: String(vevent.getFirstPropertyValue("uid")),
      summary: String(vevent.getFirstPropertyValue("summary")),
      start: (start.getFirstValue() as ICAL.Time).toString(),
      end: (end.getFirstValue() as ICAL.Time).toString(),
      description: String(vevent.getFirstPropertyValue("description")),
      url: String(vevent.getFirstPropertyValue("url")),
    };
  });
  return { calendar, events };
}

describe("the calendar feed", () => {
  it("is valid iCalendar with an all-day event for each review and each of my open actions", async () => {
    fixClock("2026-11-10T12:00:00Z");
    const ada = await signedInUser("editor", { name: "Ada Lovelace" });
    const ben = await signedInUser("editor", { name: "Ben Okri" });
    const riverside = addPartner("Riverside College", "2026-11-30");
    const paused = addPartner("Paused Library", "2026-10-01", { status: "paused", cadence: 6 });
    addPartner("Ended Trust", "2026-12-01", { status: "ended" });
    addPartner("Prospect School", "2026-12-02", { status: "prospective" });
    addPartner("Never Reviewed", "2026-12-03", { cadence: 0 });
    addPartner("No Date Yet", null);
    const mine = addAction(ada.id, "Send the evaluation form", "2026-11-20");
    addAction(ada.id, "Undated thought", null);
    const finished = addAction(ada.id, "Already finished", "2026-11-21");
    setActionStatus(finished, "done", ada.id);
    addAction(ben.id, "Ben's private task", "2026-11-22");

    const token = (await feedToken(ada.cookie))!;
    const result = await fetchFeed(token);
    expect(result.status).toBe(200);
    expect(result.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(result.headers.get("Cache-Control")).toMatch(/no-store/);
    const text = result.data as string;
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text).toContain("DTSTART;VALUE=DATE:20261130");
    expect(text).toContain("X-WR-CALNAME:Partnership tracker (Ada Lovelace)");
    expect(text).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT1H");
    expect(text).not.toContain("Ben's private task");

    const { events } = parseFeed(text);
    expect(events.map((e) => [e.uid, e.summary, e.start, e.end])).toEqual([
      [`review-partner-${paused}@partnership-tracker`, "Review: Paused Library", "2026-10-01", "2026-10-02"],
      [
        `action-${mine}@partnership-tracker`,
        "Action due: Send the evaluation form",
        "2026-11-20",
        "2026-11-21",
      ],
      [
        `review-partner-${riverside}@partnership-tracker`,
        "Review: Riverside College",
        "2026-11-30",
        "2026-12-01",
      ],
    ]);
    const review = events[2];
    expect(review.url).toBe(`http://localhost/partners/${riverside}`);
    expect(review.description).toContain(`http://localhost/partners/${riverside}`);
    expect(events[1].description).toContain("http://localhost/actions?view=mine");

    // Ben's feed has the same reviews and only his own action.
    const bens = parseFeed((await fetchFeed((await feedToken(ben.cookie))!)).data).events;
    expect(bens.map((e) => e.summary)).toEqual([
      "Review: Paused Library",
      "Action due: Ben's private task",
      "Review: Riverside College",
    ]);
  });

  it("keeps each event's UID when fetched again and when its date changes", async () => {
    const ada = await signedInUser("editor");
    const partnerId = addPartner("Riverside College", "2026-11-30");
    const actionId = addAction(ada.id, "Send the evaluation form", "2026-11-20");
    const token = (await feedToken(ada.cookie))!;
    const first = parseFeed((await fetchFeed(token)).data).events;
    const again = parseFeed((await fetchFeed(token)).data).events;
    expect(again.map((e) => e.uid)).toEqual(first.map((e) => e.uid));

    db.update(partners).set({ nextReviewDate: "2027-05-31" }).where(eq(partners.id, partnerId)).run();
    await submit(editAction, {
      path: `/actions/${actionId}/edit`,
      params: { actionId: String(actionId) },
      cookie: ada.cookie,
      form: {
        description: "Send the evaluation form (revised)",
        ownerId: String(ada.id),
        dueDate: "2026-12-15",
      },
    });
    const moved = parseFeed((await fetchFeed(token)).data).events;
    expect(moved.map((e) => [e.uid, e.start])).toEqual([
      [`action-${actionId}@partnership-tracker`, "2026-12-15"],
      [`review-partner-${partnerId}@partnership-tracker`, "2027-05-31"],
    ]);
    expect(moved[0].summary).toBe("Action due: Send the evaluation form (revised)");
  });

  it("puts dates around month ends, leap days and the clock changes on the right day, whatever the server's time zone", async () => {
    const ada = await signedInUser("editor");
    const days = [
      ["2026-01-31", "2026-02-01"],
      ["2026-03-29", "2026-03-30"], // the UK clocks go forward
      ["2026-10-25", "2026-10-26"], // and back
      ["2026-12-31", "2027-01-01"],
      ["2028-02-28", "2028-02-29"],
      ["2028-02-29", "2028-03-01"],
    ];
    for (const [day] of days) addAction(ada.id, `Due ${day}`, day);
    const token = (await feedToken(ada.cookie))!;
    const original = process.env.TZ;
    try {
      for (const zone of ["Europe/London", "Pacific/Auckland", "America/Los_Angeles", "UTC"]) {
        process.env.TZ = zone;
        const events = parseFeed((await fetchFeed(token)).data).events;
        expect(
          events.map((e) => [e.start, e.end]),
          `in ${zone}`,
        ).toEqual(days);
      }
    } finally {
      process.env.TZ = original;
    }
  });

  it("stops working when turned off or replaced, and for a deactivated user", async () => {
    const admin = await signedInUser("admin");
    const ada = await signedInUser("editor");
    const first = (await feedToken(ada.cookie))!;
    // Asking again (a second click) keeps the same address.
    expect(await feedToken(ada.cookie)).toBe(first);

    const renewed = (await feedToken(ada.cookie, "renew-calendar"))!;
    expect(renewed).not.toBe(first);
    expect((await fetchFeed(first)).status).toBe(404);
    expect((await fetchFeed(renewed)).status).toBe(200);

    expect(await feedToken(ada.cookie, "revoke-calendar")).toBeNull();
    expect((await fetchFeed(renewed)).status).toBe(404);

    const again = (await feedToken(ada.cookie))!;
    expect((await fetchFeed(again)).status).toBe(200);
    updateUserAccess(ada.id, { active: false }, admin.id);
    expect((await fetchFeed(again)).status).toBe(404);

    expect((await fetchFeed("not-a-token")).status).toBe(404);
    expect((await fetchFeed("A".repeat(43))).status).toBe(404);
  });

  it("lets a viewer have a feed, keeps the secret out of the audit trail, and signs out nobody", async () => {
    const viewer = await signedInUser("viewer");
    const token = (await feedToken(viewer.cookie))!;
    expect((await fetchFeed(token)).status).toBe(200);
    const { listHistory } = await import("~/models/audit.server");
    const history = listHistory({ type: "user", id: viewer.id });
    expect(history[0].changes).toEqual({ calendarToken: [null, "(hidden)"] });
    expect(JSON.stringify(history)).not.toContain(token);
    const notice = await submit(profileAction, {
      path: "/profile",
      cookie: viewer.cookie,
      form: { intent: "renew-calendar" },
    });
    expect(notice.location).toBe("/profile?notice=calendar-renewed#calendar-feed");
    expect((await load(profileLoader, { path: "/profile", cookie: viewer.cookie })).status).toBe(200);
    expect(
      (await submit(profileAction, { path: "/profile", cookie: viewer.cookie, form: { intent: "nonsense" } }))
        .status,
    ).toBe(400);
  });

  it("sends anonymous visitors of the profile to sign in", async () => {
    await signedInUser("admin");
    expect((await load(profileLoader, { path: "/profile" })).location).toMatch(/^\/login/);
    expect(
      (await submit(profileAction, { path: "/profile", form: { intent: "create-calendar" } })).location,
    ).toMatch(/^\/login/);
  });
});

type Cell = { date: string; day: number; items: { uid: string; title: string; overdue: boolean }[] } | null;

describe("the calendar page", () => {
  it("shows this month in UK time by default, with each date on its day", async () => {
    // 23:30 on 30 June in UTC is already 1 July in the UK (British Summer Time).
    fixClock("2026-06-30T23:30:00Z");
    const ada = await signedInUser("editor");
    const ben = await signedInUser("editor");
    const partnerId = addPartner("Riverside College", "2026-07-31");
    addPartner("Last Month Partner", "2026-06-30");
    const first = addAction(ada.id, "Book the room", "2026-07-01");
    addAction(ben.id, "Ben's task", "2026-07-15");

    const page = await load(calendarLoader, { path: "/calendar", cookie: ada.cookie });
    expect(page.data).toMatchObject({
      month: "2026-07",
      label: "July 2026",
      today: "2026-07-01",
      isThisMonth: true,
      previous: { month: "2026-06", label: "June 2026" },
      next: { month: "2026-08", label: "August 2026" },
      hasFeed: false,
    });
    const weeks: Cell[][] = page.data.weeks;
    // 1 July 2026 is a Wednesday; weeks start on Monday.
    expect(weeks[0].map((cell) => cell?.day ?? null)).toEqual([null, null, 1, 2, 3, 4, 5]);
    expect(weeks[weeks.length - 1].map((cell) => cell?.day ?? null)).toEqual([
      27,
      28,
      29,
      30,
      31,
      null,
      null,
    ]);
    const cell = (date: string) => weeks.flat().find((c) => c?.date === date)!;
    expect(cell("2026-07-01").items.map((i) => i.uid)).toEqual([`action-${first}@partnership-tracker`]);
    expect(cell("2026-07-31").items.map((i) => [i.title, i.overdue])).toEqual([
      ["Review: Riverside College", false],
    ]);
    expect(cell("2026-07-15").items).toEqual([]);
    expect(page.data.items.map((i: { uid: string }) => i.uid)).toEqual([
      `action-${first}@partnership-tracker`,
      `review-partner-${partnerId}@partnership-tracker`,
    ]);
  });

  it("moves between months and years, and shows leap days and overdue dates", async () => {
    fixClock("2028-03-10T12:00:00Z");
    const ada = await signedInUser("editor");
    addAction(ada.id, "Leap day task", "2028-02-29");
    const february = await load(calendarLoader, { path: "/calendar?month=2028-02", cookie: ada.cookie });
    const weeks: Cell[][] = february.data.weeks;
    expect(weeks.flat().filter(Boolean)).toHaveLength(29);
    const leap = weeks.flat().find((c) => c?.date === "2028-02-29")!;
    expect(leap.items.map((i) => [i.title, i.overdue])).toEqual([["Action due: Leap day task", true]]);
    expect(february.data.isThisMonth).toBe(false);

    const january = await load(calendarLoader, { path: "/calendar?month=2026-01", cookie: ada.cookie });
    expect(january.data.previous).toEqual({ month: "2025-12", label: "December 2025" });
    const nonsense = await load(calendarLoader, { path: "/calendar?month=2026-13", cookie: ada.cookie });
    expect(nonsense.data.month).toBe("2028-03");
  });

  it("sends anonymous visitors to sign in", async () => {
    await signedInUser("admin");
    expect((await load(calendarLoader, { path: "/calendar" })).location).toMatch(/^\/login/);
  });
});
