import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, todayIso } from "./dates";

describe("UK dates", () => {
  it("shows calendar days and instants the UK way", () => {
    expect(formatDate("2026-11-23")).toBe("23 Nov 2026");
    expect(formatDate("2026-09-05")).toBe("5 Sep 2026");
    expect(formatDate(null)).toBe("");
    expect(formatDateTime(new Date("2026-07-01T13:05:00Z"))).toBe("1 Jul 2026, 14:05"); // British Summer Time
    expect(formatDateTime(new Date("2026-12-01T13:05:00Z"))).toBe("1 Dec 2026, 13:05"); // GMT
  });

  it("gives the UK's day, not the server's, around midnight and the clock changes", () => {
    expect(todayIso(new Date("2026-06-30T23:30:00Z"))).toBe("2026-07-01");
    expect(todayIso(new Date("2026-12-31T23:30:00Z"))).toBe("2026-12-31");
    expect(formatDate(new Date("2026-03-29T00:30:00Z"))).toBe("29 Mar 2026");
    expect(formatDateTime(new Date("2026-03-29T01:30:00Z"))).toBe("29 Mar 2026, 02:30");
    expect(formatDateTime(new Date("2026-10-25T00:30:00Z"))).toBe("25 Oct 2026, 01:30");
    expect(formatDateTime(new Date("2026-10-25T01:30:00Z"))).toBe("25 Oct 2026, 01:30");
  });

  it("agrees with the platform's UK clock at every quarter hour across three years of clock changes", () => {
    const uk = new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/London",
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    const platform = (instant: Date) => uk.format(instant).replace(" Sept ", " Sep ");
    const mismatches: string[] = [];
    for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2028, 0, 1); t += 15 * 60_000) {
      const instant = new Date(t);
      if (formatDateTime(instant) !== platform(instant)) mismatches.push(instant.toISOString());
    }
    expect(mismatches).toEqual([]);
  });
});
