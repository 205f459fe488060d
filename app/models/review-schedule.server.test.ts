import { afterEach, describe, expect, it, vi } from "vitest";
import { dueSoonLimit, nextReviewDate, reviewStatus } from "./review-schedule.server";

describe("nextReviewDate", () => {
  it("adds the cadence in calendar months", () => {
    expect(nextReviewDate("2026-01-15", 3)).toBe("2026-04-15");
    expect(nextReviewDate("2026-01-15", 6)).toBe("2026-07-15");
    expect(nextReviewDate("2026-01-15", 12)).toBe("2027-01-15");
    expect(nextReviewDate("2026-11-30", 3)).toBe("2027-02-28");
  });

  it("keeps to the end of a shorter month", () => {
    expect(nextReviewDate("2026-01-31", 3)).toBe("2026-04-30");
    expect(nextReviewDate("2026-05-31", 6)).toBe("2026-11-30");
    expect(nextReviewDate("2026-03-31", 3)).toBe("2026-06-30");
    expect(nextReviewDate("2026-12-31", 6)).toBe("2027-06-30");
  });

  it("lands on 28 February, or 29 February in a leap year", () => {
    expect(nextReviewDate("2026-08-31", 6)).toBe("2027-02-28");
    expect(nextReviewDate("2027-08-31", 6)).toBe("2028-02-29");
    expect(nextReviewDate("2028-02-29", 12)).toBe("2029-02-28");
    expect(nextReviewDate("2028-02-29", 3)).toBe("2028-05-29");
    expect(nextReviewDate("2027-11-29", 3)).toBe("2028-02-29");
    // 2100 is not a leap year (divisible by 100 but not 400); 2000 was.
    expect(nextReviewDate("2099-08-31", 6)).toBe("2100-02-28");
    expect(nextReviewDate("1999-08-31", 6)).toBe("2000-02-29");
  });

  it("has no next review when the partnership is not reviewed on a cycle", () => {
    expect(nextReviewDate("2026-01-15", 0)).toBeNull();
  });

  it("crosses the clock change without losing or gaining a day, whatever the server's time zone", () => {
    // The UK clocks go forward on 29 March 2026 and back on 25 October 2026.
    expect(nextReviewDate("2026-01-29", 3)).toBe("2026-04-29");
    expect(nextReviewDate("2026-03-29", 3)).toBe("2026-06-29");
    expect(nextReviewDate("2026-07-25", 3)).toBe("2026-10-25");
    expect(nextReviewDate("2026-10-25", 6)).toBe("2027-04-25");
    expect(dueSoonLimit("2026-03-15")).toBe("2026-04-14");
    expect(dueSoonLimit("2026-10-10")).toBe("2026-11-09");
    const original = process.env.TZ;
    try {
      for (const zone of ["Europe/London", "America/Los_Angeles", "Pacific/Kiritimati"]) {
        process.env.TZ = zone;
        expect(nextReviewDate("2026-03-29", 3)).toBe("2026-06-29");
        expect(nextReviewDate("2026-10-25", 12)).toBe("2027-10-25");
        expect(nextReviewDate("2027-08-31", 6)).toBe("2028-02-29");
      }
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });
});

describe("reviewStatus", () => {
  afterEach(() => vi.useRealTimers());

  it("is overdue once the day has passed, not on the day itself", () => {
    expect(reviewStatus("2026-11-25", "2026-11-26")).toBe("overdue");
    expect(reviewStatus("2020-01-01", "2026-11-26")).toBe("overdue");
    expect(reviewStatus("2026-11-26", "2026-11-26")).toBe("due-soon");
  });

  it("is due soon up to and including 30 days ahead, later from the 31st day", () => {
    expect(reviewStatus("2026-12-26", "2026-11-26")).toBe("due-soon");
    expect(reviewStatus("2026-12-27", "2026-11-26")).toBe("later");
    // Across a month end and a leap day.
    expect(reviewStatus("2028-03-30", "2028-02-29")).toBe("due-soon");
    expect(reviewStatus("2028-03-31", "2028-02-29")).toBe("later");
    expect(reviewStatus("2027-03-30", "2027-02-28")).toBe("due-soon");
    expect(reviewStatus("2027-03-31", "2027-02-28")).toBe("later");
  });

  it("says none when no review is scheduled", () => {
    expect(reviewStatus(null, "2026-11-26")).toBe("none");
    expect(reviewStatus(undefined, "2026-11-26")).toBe("none");
  });

  it("gives the same answers whatever the time of day the clock reads", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    for (const instant of ["2026-03-29T00:30:00Z", "2026-03-29T23:30:00Z", "2026-10-25T00:30:00Z"]) {
      vi.setSystemTime(new Date(instant));
      expect(nextReviewDate("2026-03-29", 12)).toBe("2027-03-29");
      expect(reviewStatus("2026-04-28", "2026-03-29")).toBe("due-soon");
    }
  });
});
