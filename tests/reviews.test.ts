import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { actions, auditEvents, evidenceLinks, partners } from "~db/schema";
import { db } from "~/utils/db.server";
import { lastReview, overdueReviews, reviewsDueSoon, reviewsForPartner } from "~/models/review.server";
import { action as newPartnerAction } from "~/routes/_app.partners.new";
import {
  action as editPartnerAction,
  loader as editPartnerLoader,
} from "~/routes/_app.partners.$partnerId.edit";
import { action as holdAction, loader as holdLoader } from "~/routes/_app.partners.$partnerId.reviews.new";
import { loader as listLoader } from "~/routes/_app.reviews._index";
import {
  action as reviewPageAction,
  loader as reviewPageLoader,
} from "~/routes/_app.reviews.$reviewId._index";
import { action as editAction, loader as editLoader } from "~/routes/_app.reviews.$reviewId.edit";
import { loader as historyLoader } from "~/routes/_app.history.$recordType.$recordId";
import { signedInUser } from "./support/factories";
import { partnerFormData } from "./support/forms";
import { cookieFor, load, submit } from "./support/requests";
import { listHistory } from "~/models/audit.server";

function setToday(day: string) {
  vi.setSystemTime(new Date(`${day}T12:00:00Z`));
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  setToday("2026-11-26");
});
afterEach(() => vi.useRealTimers());

async function addPartner(cookie: string, overrides: Record<string, string> = {}) {
  const result = await submit(newPartnerAction, {
    path: "/partners/new",
    cookie,
    form: partnerFormData(overrides),
  });
  expect(result.status, JSON.stringify(result.data)).toBe(302);
  return Number(result.location!.match(/\/partners\/(\d+)/)![1]);
}

async function editPartner(cookie: string, id: number, overrides: Record<string, string> = {}) {
  const result = await submit(editPartnerAction, {
    path: `/partners/${id}/edit`,
    params: { partnerId: String(id) },
    cookie,
    form: partnerFormData(overrides),
  });
  expect(result.status, JSON.stringify(result.data)).toBe(302);
}

function partnerRow(id: number) {
  return db.select().from(partners).where(eq(partners.id, id)).get()!;
}

/** A complete review form, as a browser posts it from the form's defaults plus the answers. */
function reviewForm(overrides: Record<string, string> = {}) {
  return {
    heldOn: "2026-11-26",
    participants: "Priya (learning officer), Sam Patel (tutor)",
    stillRelevant: "yes",
    satisfaction: "4",
    partnerWords: "The sessions fit our ESOL course well.",
    valueAdded: "",
    partnerGained: "",
    userBenefits: "",
    lessons: "",
    decision: "continue",
    changes: "",
    endReason: "",
    nextReviewDate: "",
    nextReviewSuggested: "",
    actionDescription1: "",
    actionOwner1: "",
    actionDue1: "",
    actionDescription2: "",
    actionOwner2: "",
    actionDue2: "",
    actionDescription3: "",
    actionOwner3: "",
    actionDue3: "",
    ...overrides,
  };
}

async function holdReview(cookie: string, partnerId: number, overrides: Record<string, string> = {}) {
  return submit(holdAction, {
    path: `/partners/${partnerId}/reviews/new`,
    params: { partnerId: String(partnerId) },
    cookie,
    form: reviewForm(overrides),
  });
}

async function heldReview(cookie: string, partnerId: number, overrides: Record<string, string> = {}) {
  const result = await holdReview(cookie, partnerId, overrides);
  expect(result.status, JSON.stringify(result.data)).toBe(302);
  return Number(result.location!.match(/\/reviews\/(\d+)/)![1]);
}

async function schedule(cookie: string, query = "") {
  const result = await load(listLoader, { path: `/reviews${query}`, cookie });
  expect(result.status).toBe(200);
  return result.data;
}

type Row = {
  partnerId: number;
  nextReviewDate: string;
  lastReviewOn: string | null;
  reviewCadenceMonths: number;
};
const ids = (rows: Row[]) => rows.map((r) => r.partnerId);

function evidenceFor(type: string, id: number) {
  return db
    .select({ line: evidenceLinks.lineCode, status: evidenceLinks.status, date: evidenceLinks.evidenceDate })
    .from(evidenceLinks)
    .where(and(eq(evidenceLinks.recordType, type), eq(evidenceLinks.recordId, id)))
    .all()
    .sort((a, b) => a.line.localeCompare(b.line));
}

describe("the review schedule", () => {
  it("a partner started with a 3-month cadence becomes due soon, then overdue once its cadence passes", async () => {
    setToday("2026-01-10");
    const editor = await signedInUser("editor");
    /** Months pass: a fresh sign-in on the new day. */
    const on = async (day: string) => {
      setToday(day);
      return schedule(await cookieFor(editor.id));
    };
    const id = await addPartner(editor.cookie, { startDate: "2026-01-15", reviewCadenceMonths: "3" });
    expect(partnerRow(id)).toMatchObject({ reviewCadenceMonths: 3, nextReviewDate: "2026-04-15" });

    let data = await on("2026-01-10");
    expect(ids(data.schedule.later)).toEqual([id]);
    expect(data.schedule.overdue).toEqual([]);
    expect(data.schedule.later[0]).toMatchObject({
      nextReviewDate: "2026-04-15",
      lastReviewOn: null,
      reviewCadenceMonths: 3,
    });

    expect(ids((await on("2026-03-15")).schedule.later)).toEqual([id]); // 31 days before
    expect(ids((await on("2026-03-16")).schedule.dueSoon)).toEqual([id]); // 30 days before
    expect(ids((await on("2026-04-15")).schedule.dueSoon)).toEqual([id]); // due today: not yet overdue

    data = await on("2026-04-16");
    expect(ids(data.schedule.overdue)).toEqual([id]);
    expect(data.schedule.totals).toEqual({ overdue: 1, dueSoon: 0, later: 0 });
    expect(overdueReviews("2026-04-16", 5)).toMatchObject({
      total: 1,
      rows: [{ partnerId: id, name: "Riverside College" }],
    });
  });

  it("orders each part soonest first, leaves out ended, prospective and unscheduled partners, and pages the dashboard lists", async () => {
    const { cookie } = await signedInUser("editor");
    const late = await addPartner(cookie, { name: "Late", startDate: "2024-01-01" }); // due 2025-01-01
    await addPartner(cookie, { name: "Later", startDate: "2025-06-01" }); // due 2026-06-01
    const soon = await addPartner(cookie, { name: "Soon", startDate: "2025-12-01" }); // due 2026-12-01
    const paused = await addPartner(cookie, { name: "Paused", status: "paused", startDate: "2025-12-20" });
    await addPartner(cookie, { name: "Far", startDate: "2026-10-01" }); // due 2027-10-01
    await addPartner(cookie, {
      name: "Ended",
      status: "ended",
      startDate: "2020-01-01",
      endDate: "2021-01-01",
      endReason: "Done",
    });
    await addPartner(cookie, { name: "Prospective", status: "prospective", startDate: "2020-01-01" });
    await addPartner(cookie, { name: "No cycle", startDate: "2020-01-01", reviewCadenceMonths: "0" });

    const data = await schedule(cookie);
    expect(data.schedule.overdue.map((r: { name: string }) => r.name)).toEqual(["Late", "Later"]);
    expect(data.schedule.dueSoon.map((r: { name: string }) => r.name)).toEqual(["Soon", "Paused"]);
    expect(data.schedule.later.map((r: { name: string }) => r.name)).toEqual(["Far"]);
    expect(data.schedule.totals).toEqual({ overdue: 2, dueSoon: 2, later: 1 });

    expect(overdueReviews("2026-11-26", 1)).toMatchObject({ total: 2, rows: [{ partnerId: late }] });
    expect(reviewsDueSoon("2026-11-26", 30, 5).rows.map((r) => r.partnerId)).toEqual([soon, paused]);
    expect(reviewsDueSoon("2026-11-26", 5, 5)).toMatchObject({ total: 1, rows: [{ partnerId: soon }] });
  });

  it("pages overdue reviews 25 at a time and later ones 10 at a time, each part on its own", async () => {
    const { cookie } = await signedInUser("editor");
    const name = (prefix: string, i: number) => `${prefix} ${String(i).padStart(2, "0")}`;
    for (let i = 1; i <= 52; i += 1)
      await addPartner(cookie, { name: name("Late", i), startDate: "2024-01-01" });
    for (let i = 1; i <= 27; i += 1)
      await addPartner(cookie, { name: name("Far", i), startDate: "2026-10-01" });
    const names = (rows: { name: string }[]) => rows.map((r) => r.name);

    const first = await schedule(cookie);
    expect(first.schedule.totals).toEqual({ overdue: 52, dueSoon: 0, later: 27 });
    expect(first.schedulePageSizes).toEqual({ overdue: 25, dueSoon: 25, later: 10 });
    expect(names(first.schedule.overdue)).toEqual(Array.from({ length: 25 }, (_, i) => name("Late", i + 1)));
    expect(names(first.schedule.later)).toEqual(Array.from({ length: 10 }, (_, i) => name("Far", i + 1)));

    const third = await schedule(cookie, "?laterPage=3");
    expect(names(third.schedule.later)).toEqual(Array.from({ length: 7 }, (_, i) => name("Far", i + 21)));
    expect(names(third.schedule.overdue)).toEqual(names(first.schedule.overdue));
    expect(third.query.laterPage).toBe(3);
    const beyond = await schedule(cookie, "?laterPage=9");
    expect(beyond.schedule.later).toEqual([]);
    expect(beyond.schedule.totals.later).toBe(27);
    expect((await schedule(cookie, "?laterPage=nonsense")).query.laterPage).toBe(1);

    // Every overdue review is on one of its pages, the later ones staying on theirs.
    const overdue = [];
    for (const page of [1, 2, 3]) {
      const data = await schedule(cookie, `?overduePage=${page}&laterPage=3`);
      expect(names(data.schedule.later)).toEqual(names(third.schedule.later));
      overdue.push(...names(data.schedule.overdue));
    }
    expect(overdue).toEqual(Array.from({ length: 52 }, (_, i) => name("Late", i + 1)));
    expect((await schedule(cookie, "?overduePage=4")).schedule.overdue).toEqual([]);
    expect((await schedule(cookie, "?overduePage=nonsense")).query.overduePage).toBe(1);
  });
});

describe("the partner's schedule, from its form", () => {
  it("works the next review out from the start date, or today, with the cadence; none without a cycle or once ended", async () => {
    const { cookie } = await signedInUser("editor");
    const fromStart = await addPartner(cookie, { startDate: "2025-08-31", reviewCadenceMonths: "6" });
    expect(partnerRow(fromStart).nextReviewDate).toBe("2026-02-28");
    const fromToday = await addPartner(cookie, { startDate: "" });
    expect(partnerRow(fromToday)).toMatchObject({ reviewCadenceMonths: 12, nextReviewDate: "2027-11-26" });
    const noCycle = await addPartner(cookie, { reviewCadenceMonths: "0" });
    expect(partnerRow(noCycle)).toMatchObject({ reviewCadenceMonths: 0, nextReviewDate: null });
    const ended = await addPartner(cookie, {
      status: "ended",
      endDate: "2026-01-01",
      endReason: "Funding ended",
      nextReviewDate: "2027-01-01",
    });
    expect(partnerRow(ended).nextReviewDate).toBeNull();
  });

  it("keeps a next review date the person gave or changed, and works it out again when the cadence changes", async () => {
    const { cookie } = await signedInUser("editor");
    const id = await addPartner(cookie, { startDate: "2025-09-01", nextReviewDate: "03/03/2027" });
    expect(partnerRow(id).nextReviewDate).toBe("2027-03-03");

    // The edit form shows it; saved with other changes, it stays.
    const form = await load(editPartnerLoader, {
      path: `/partners/${id}/edit`,
      params: { partnerId: String(id) },
      cookie,
    });
    expect(form.data.partner).toMatchObject({ reviewCadenceMonths: 12, nextReviewDate: "2027-03-03" });
    await editPartner(cookie, id, {
      nextReviewDate: "2027-03-03",
      reviewCadenceMonths: "12",
      notes: "Met in June",
    });
    expect(partnerRow(id).nextReviewDate).toBe("2027-03-03");

    // A new cadence with the date left alone: worked out again, from the start date.
    await editPartner(cookie, id, { nextReviewDate: "2027-03-03", reviewCadenceMonths: "3" });
    expect(partnerRow(id)).toMatchObject({ reviewCadenceMonths: 3, nextReviewDate: "2025-12-01" });

    // A date the person changes is theirs, whatever else changes with it.
    await editPartner(cookie, id, { nextReviewDate: "2027-01-20", reviewCadenceMonths: "6" });
    expect(partnerRow(id)).toMatchObject({ reviewCadenceMonths: 6, nextReviewDate: "2027-01-20" });

    // Cleared: worked out again. Not on a cycle: none.
    await editPartner(cookie, id, { nextReviewDate: "", reviewCadenceMonths: "6" });
    expect(partnerRow(id).nextReviewDate).toBe("2026-03-01");
    await editPartner(cookie, id, { nextReviewDate: "2026-03-01", reviewCadenceMonths: "0" });
    expect(partnerRow(id)).toMatchObject({ reviewCadenceMonths: 0, nextReviewDate: null });

    // A post without the cadence (an older form) leaves it as it was.
    await editPartner(cookie, id, { notes: "No cadence posted" });
    expect(partnerRow(id).reviewCadenceMonths).toBe(0);
  });

  it("after a review, works the next one out from the last review's date", async () => {
    const { cookie } = await signedInUser("editor");
    const id = await addPartner(cookie, { startDate: "2024-02-10" });
    await heldReview(cookie, id, { heldOn: "2026-05-31" });
    await editPartner(cookie, id, {
      reviewCadenceMonths: "3",
      nextReviewDate: partnerRow(id).nextReviewDate!,
    });
    expect(partnerRow(id).nextReviewDate).toBe("2026-08-31");
  });

  it("refuses a cadence it does not offer", async () => {
    const { cookie } = await signedInUser("editor");
    const result = await submit(newPartnerAction, {
      path: "/partners/new",
      cookie,
      form: partnerFormData({ reviewCadenceMonths: "5", nextReviewDate: "31/02/2027" }),
    });
    expect(result.status).toBe(400);
    expect(result.data.errors).toMatchObject({
      reviewCadenceMonths: ["Choose how often the partnership is reviewed."],
      nextReviewDate: ["Enter a real date, like 23/11/2026."],
    });
    expect(result.data.values).toMatchObject({ reviewCadenceMonths: "5", nextReviewDate: "31/02/2027" });
  });
});

describe("holding a review", () => {
  it("offers today and the next review the cadence suggests", async () => {
    const { cookie } = await signedInUser("editor");
    const id = await addPartner(cookie, { startDate: "2025-01-31", reviewCadenceMonths: "3" });
    const form = await load(holdLoader, {
      path: `/partners/${id}/reviews/new`,
      params: { partnerId: String(id) },
      cookie,
    });
    expect(form.status).toBe(200);
    expect(form.data).toMatchObject({
      today: "2026-11-26",
      suggestedNext: "2027-02-26",
      partner: { id, name: "Riverside College", reviewCadenceMonths: 3, nextReviewDate: "2025-04-30" },
    });
    expect(form.data.owners.length).toBeGreaterThan(0);
  });

  it("with 'continue' records the review, schedules the next one and suggests evidence", async () => {
    const editor = await signedInUser("editor", { name: "Priya Shah" });
    const colleague = await signedInUser("editor", { name: "Tom Reed" });
    setToday("2026-04-20");
    const id = await addPartner(editor.cookie, { startDate: "2026-01-15", reviewCadenceMonths: "3" });
    expect(ids((await schedule(editor.cookie)).schedule.overdue)).toEqual([id]);

    const reviewId = await heldReview(editor.cookie, id, {
      heldOn: "2026-04-20",
      nextReviewDate: "2026-07-20",
      nextReviewSuggested: "2026-07-20",
      valueAdded: "Our collections give their learners a reason to practise English.",
      actionDescription1: "Send the new timetable",
      actionOwner1: String(colleague.id),
      actionDue1: "2026-05-01",
      actionDescription3: "Book the next visit",
      actionOwner3: String(editor.id),
    });
    expect(partnerRow(id)).toMatchObject({ status: "active", nextReviewDate: "2026-07-20" });

    const data = await schedule(editor.cookie);
    expect(data.schedule.overdue).toEqual([]);
    expect(data.schedule.later[0]).toMatchObject({
      partnerId: id,
      nextReviewDate: "2026-07-20",
      lastReviewOn: "2026-04-20",
    });
    expect(data.completed.total).toBe(1);
    expect(data.completed.rows[0]).toMatchObject({
      id: reviewId,
      partnerId: id,
      partnerName: "Riverside College",
      decision: "continue",
      satisfaction: 4,
    });

    const page = await load(reviewPageLoader, {
      path: `/reviews/${reviewId}`,
      params: { reviewId: String(reviewId) },
      cookie: editor.cookie,
    });
    expect(page.data.review).toMatchObject({
      partnerName: "Riverside College",
      heldOn: "2026-04-20",
      stillRelevant: "yes",
      decision: "continue",
      nextReviewDate: "2026-07-20",
      changes: null,
    });
    expect(page.data.actions).toHaveLength(2);
    expect(page.data.actions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          description: "Send the new timetable",
          ownerName: "Tom Reed",
          dueDate: "2026-05-01",
          status: "open",
        }),
        expect.objectContaining({
          description: "Book the next visit",
          ownerName: "Priya Shah",
          dueDate: null,
          status: "open",
        }),
      ]),
    );
    expect(page.data.evidence.map((e: { lineCode: string }) => e.lineCode)).toEqual(
      expect.arrayContaining(["3.1.3", "3.1.E10", "3.1.E11"]),
    );
    expect(evidenceFor("review", reviewId).find((e) => e.line === "3.1.3")).toMatchObject({
      status: "suggested",
      date: "2026-04-20",
    });
    expect(evidenceFor("review", reviewId).map((e) => e.line)).not.toContain("3.1.E7");

    expect(reviewsForPartner(id)).toEqual([
      { id: reviewId, heldOn: "2026-04-20", decision: "continue", satisfaction: 4 },
    ]);
    expect(lastReview(id)).toEqual({ id: reviewId, heldOn: "2026-04-20", decision: "continue" });
  });

  it("moves an untouched suggestion with the review's date, and keeps a next review date the person chose", async () => {
    const { cookie } = await signedInUser("editor");
    const id = await addPartner(cookie, { startDate: "2025-01-01", reviewCadenceMonths: "6" });
    // Suggested from today (26 Nov + 6 months); the review was held a week earlier.
    await heldReview(cookie, id, {
      heldOn: "2026-11-19",
      nextReviewDate: "2027-05-26",
      nextReviewSuggested: "2027-05-26",
    });
    expect(partnerRow(id).nextReviewDate).toBe("2027-05-19");
    // Their own date.
    const own = await heldReview(cookie, id, {
      heldOn: "2026-11-26",
      nextReviewDate: "2027-01-15",
      nextReviewSuggested: "2027-05-26",
    });
    expect(partnerRow(id).nextReviewDate).toBe("2027-01-15");
    const page = await load(reviewPageLoader, {
      path: `/reviews/${own}`,
      params: { reviewId: String(own) },
      cookie,
    });
    expect(page.data.review.nextReviewDate).toBe("2027-01-15");
  });

  it("with 'change' records what changes; a review recorded late does not move the schedule back", async () => {
    const { cookie } = await signedInUser("editor");
    const id = await addPartner(cookie, { startDate: "2024-01-01", reviewCadenceMonths: "12" });
    await heldReview(cookie, id, {
      heldOn: "2026-11-01",
      decision: "change",
      changes: "Sessions move to Tuesdays.",
    });
    expect(partnerRow(id).nextReviewDate).toBe("2027-11-01");
    const late = await heldReview(cookie, id, { heldOn: "2025-11-01" });
    expect(partnerRow(id).nextReviewDate).toBe("2027-11-01");
    const page = await load(reviewPageLoader, {
      path: `/reviews/${late}`,
      params: { reviewId: String(late) },
      cookie,
    });
    expect(page.data.review.nextReviewDate).toBe("2026-11-01");
    expect(lastReview(id)?.heldOn).toBe("2026-11-01");
  });

  it("with 'withdraw' ends the partnership with the reason, schedules nothing and suggests 3.1.E7 and 3.1.3", async () => {
    const admin = await signedInUser("admin");
    const id = await addPartner(admin.cookie, { startDate: "2020-03-01" });
    expect(ids((await schedule(admin.cookie)).schedule.overdue)).toEqual([id]);

    const reviewId = await heldReview(admin.cookie, id, {
      heldOn: "2026-11-20",
      stillRelevant: "no",
      satisfaction: "2",
      decision: "withdraw",
      endReason: "Their adult learning service has closed.",
      nextReviewDate: "2027-11-20",
      nextReviewSuggested: "2027-11-26",
    });
    expect(partnerRow(id)).toMatchObject({
      status: "ended",
      endDate: "2026-11-20",
      endReason: "Their adult learning service has closed.",
      nextReviewDate: null,
    });
    const data = await schedule(admin.cookie);
    expect([...data.schedule.overdue, ...data.schedule.dueSoon, ...data.schedule.later]).toEqual([]);
    expect(data.completed.rows[0]).toMatchObject({
      id: reviewId,
      decision: "withdraw",
      nextReviewDate: null,
    });

    const reviewEvidence = evidenceFor("review", reviewId);
    expect(reviewEvidence).toEqual(
      expect.arrayContaining([
        { line: "3.1.3", status: "suggested", date: "2026-11-20" },
        { line: "3.1.E7", status: "suggested", date: "2026-11-20" },
      ]),
    );
    const page = await load(reviewPageLoader, {
      path: `/reviews/${reviewId}`,
      params: { reviewId: String(reviewId) },
      cookie: admin.cookie,
    });
    expect(page.data.review).toMatchObject({
      decision: "withdraw",
      changes: "Their adult learning service has closed.",
      nextReviewDate: null,
    });

    // Audited: the review's creation and the partner's ending.
    const partnerHistory = await load(historyLoader, {
      path: `/history/partner/${id}`,
      params: { recordType: "partner", recordId: String(id) },
      cookie: admin.cookie,
    });
    expect(partnerHistory.data.history[0].changes).toEqual({
      status: ["active", "ended"],
      endDate: [null, "2026-11-20"],
      endReason: [null, "Their adult learning service has closed."],
      nextReviewDate: ["2021-03-01", null],
    });
    const reviewHistory = await load(historyLoader, {
      path: `/history/review/${reviewId}`,
      params: { recordType: "review", recordId: String(reviewId) },
      cookie: admin.cookie,
    });
    expect(reviewHistory.data.label).toBe("Review of Riverside College (20 Nov 2026)");
    expect(reviewHistory.data.history[0]).toMatchObject({ action: "create" });
    expect(reviewHistory.data.history[0].changes).toMatchObject({
      decision: [null, "withdraw"],
      stillRelevant: [null, "no"],
    });

    // The partnership has ended: no more reviews.
    const form = await load(holdLoader, {
      path: `/partners/${id}/reviews/new`,
      params: { partnerId: String(id) },
      cookie: admin.cookie,
    });
    expect(form.data.partner.status).toBe("ended");
    const again = await holdReview(admin.cookie, id);
    expect(again.status).toBe(409);
    expect(again.data.errors.form[0]).toMatch(/already ended/);
    expect(again.data.values.participants).toBe("Priya (learning officer), Sam Patel (tutor)");
  });

  it("refuses a withdrawal dated before the partnership started", async () => {
    const { cookie } = await signedInUser("editor");
    const id = await addPartner(cookie, { startDate: "2026-06-01" });
    const result = await holdReview(cookie, id, {
      heldOn: "2026-05-01",
      decision: "withdraw",
      endReason: "No longer needed",
    });
    expect(result.status).toBe(400);
    expect(result.data.errors.heldOn).toEqual([
      "A withdrawal cannot be dated before the partnership started (1 Jun 2026).",
    ]);
    expect(partnerRow(id).status).toBe("active");
  });

  it("explains each problem, by field and by action row, and keeps everything typed", async () => {
    const { cookie, id: userId } = await signedInUser("editor");
    const id = await addPartner(cookie);
    const empty = await holdReview(cookie, id, {
      heldOn: "",
      stillRelevant: "",
      satisfaction: "9",
      decision: "",
      actionDescription1: "Send the evaluation form",
      actionOwner2: String(userId),
      actionDue2: "2026-12-01",
      actionDue3: "31/13/2026",
    });
    expect(empty.status).toBe(400);
    expect(empty.data.errors).toEqual({
      heldOn: ["Enter the date of the review."],
      stillRelevant: ["Say whether the partnership is still relevant to your learning aims."],
      satisfaction: ["Choose a satisfaction from 1 to 5."],
      decision: ["Choose what you decided: continue, change or withdraw."],
      actionOwner1: ["Choose who will do action 1."],
      actionDescription2: ["Describe action 2, or clear its owner and due date."],
      actionDue3: ["Enter a real date, like 23/11/2026."],
    });
    expect(empty.data.values).toMatchObject({
      participants: "Priya (learning officer), Sam Patel (tutor)",
      partnerWords: "The sessions fit our ESOL course well.",
      satisfaction: "9",
      actionDescription1: "Send the evaluation form",
      actionOwner2: String(userId),
      actionDue2: "2026-12-01",
      actionDue3: "31/13/2026",
    });

    const future = await holdReview(cookie, id, { heldOn: "2026-11-27" });
    expect(future.data.errors).toEqual({
      heldOn: ["The review date cannot be in the future. Record a review once it has been held."],
    });

    const change = await holdReview(cookie, id, { decision: "change", nextReviewDate: "2026-11-26" });
    expect(change.data.errors).toEqual({
      changes: ["Say what will change."],
      nextReviewDate: ["The next review must be after this review."],
    });

    const withdraw = await holdReview(cookie, id, { decision: "withdraw", nextReviewDate: "2020-01-01" });
    expect(withdraw.data.errors).toEqual({
      endReason: ["Say why you are withdrawing from the partnership."],
    });

    const stranger = await holdReview(cookie, id, { actionDescription1: "Call them", actionOwner1: "99999" });
    expect(stranger.status).toBe(400);
    expect(stranger.data.errors).toEqual({ actionOwner1: ["Choose who will do action 1 from the list."] });
    expect(stranger.data.values.actionDescription1).toBe("Call them");

    expect(db.select().from(actions).all()).toEqual([]);
    expect(partnerRow(id).status).toBe("active");
  });

  it("404s for a partner that does not exist", async () => {
    const { cookie } = await signedInUser("editor");
    const page = await load(holdLoader, {
      path: "/partners/999/reviews/new",
      params: { partnerId: "999" },
      cookie,
    });
    expect(page.status).toBe(404);
    const post = await holdReview(cookie, 999);
    expect(post.status).toBe(404);
  });
});

describe("after the review", () => {
  it("corrects the text, never the date or the decision, and records the change", async () => {
    const admin = await signedInUser("admin");
    const id = await addPartner(admin.cookie);
    const reviewId = await heldReview(admin.cookie, id, { decision: "change", changes: "Fewer sessions." });
    const params = { reviewId: String(reviewId) };
    const form = await load(editLoader, { path: `/reviews/${reviewId}/edit`, params, cookie: admin.cookie });
    expect(form.data.review).toMatchObject({ decision: "change", changes: "Fewer sessions." });

    const blank = await submit(editAction, {
      path: `/reviews/${reviewId}/edit`,
      params,
      cookie: admin.cookie,
      form: { participants: "Everyone", lessons: "Start earlier", changes: "" },
    });
    expect(blank.status).toBe(400);
    expect(blank.data.errors).toEqual({ changes: ["Say what will change."] });
    expect(blank.data.values).toMatchObject({ participants: "Everyone", lessons: "Start earlier" });

    const saved = await submit(editAction, {
      path: `/reviews/${reviewId}/edit`,
      params,
      cookie: admin.cookie,
      form: {
        participants: "Priya, Sam",
        partnerWords: "The sessions fit our ESOL course well.",
        valueAdded: "",
        partnerGained: "",
        userBenefits: "",
        lessons: "Start earlier in the term",
        changes: "Fewer, longer sessions.",
        decision: "withdraw",
        heldOn: "2020-01-01",
      },
    });
    expect(saved.location).toBe(`/reviews/${reviewId}?notice=saved`);
    const page = await load(reviewPageLoader, { path: `/reviews/${reviewId}`, params, cookie: admin.cookie });
    expect(page.data.review).toMatchObject({
      participants: "Priya, Sam",
      lessons: "Start earlier in the term",
      changes: "Fewer, longer sessions.",
      decision: "change",
      heldOn: "2026-11-26",
    });
    expect(page.data.evidence.map((e: { lineCode: string }) => e.lineCode)).toContain("3.1.E5");
    expect(partnerRow(id).status).toBe("active");
    expect(page.data.history[0]).not.toHaveProperty("changes");
    expect(listHistory({ type: "review", id: reviewId })[0].changes).toEqual({
      participants: ["Priya (learning officer), Sam Patel (tutor)", "Priya, Sam"],
      lessons: [null, "Start earlier in the term"],
      changes: ["Fewer sessions.", "Fewer, longer sessions."],
    });
  });

  it("marks a follow-up action done, and open again, from the review's page", async () => {
    const editor = await signedInUser("editor");
    const id = await addPartner(editor.cookie);
    const reviewId = await heldReview(editor.cookie, id, {
      actionDescription2: "Share the photos",
      actionOwner2: String(editor.id),
    });
    const params = { reviewId: String(reviewId) };
    const [item] = (
      await load(reviewPageLoader, { path: `/reviews/${reviewId}`, params, cookie: editor.cookie })
    ).data.actions;
    const done = await submit(reviewPageAction, {
      path: `/reviews/${reviewId}`,
      params,
      cookie: editor.cookie,
      form: { intent: "action-done", actionId: String(item.id) },
    });
    expect(done.location).toBe(`/reviews/${reviewId}?notice=action-done`);
    expect(db.select().from(actions).get()).toMatchObject({ status: "done", completedBy: editor.id });
    await submit(reviewPageAction, {
      path: `/reviews/${reviewId}`,
      params,
      cookie: editor.cookie,
      form: { intent: "action-open", actionId: String(item.id) },
    });
    expect(db.select().from(actions).get()).toMatchObject({ status: "open", completedBy: null });

    // Another review's action is not this page's to change.
    const other = await heldReview(editor.cookie, id);
    const refused = await submit(reviewPageAction, {
      path: `/reviews/${other}`,
      params: { reviewId: String(other) },
      cookie: editor.cookie,
      form: { intent: "action-done", actionId: String(item.id) },
    });
    expect(refused.status).toBe(404);
  });

  it("lists completed reviews newest first, a page at a time, for one partner or all", async () => {
    const { cookie } = await signedInUser("editor");
    const a = await addPartner(cookie, { name: "Alpha Library" });
    const b = await addPartner(cookie, { name: "Beta School" });
    for (let day = 1; day <= 26; day += 1) {
      await heldReview(cookie, a, { heldOn: `2026-10-${String(day).padStart(2, "0")}` });
    }
    await heldReview(cookie, b, { heldOn: "2026-11-02" });
    const first = await schedule(cookie);
    expect(first.completed.total).toBe(27);
    expect(first.completed.rows).toHaveLength(25);
    expect(first.completed.rows[0]).toMatchObject({ partnerName: "Beta School", heldOn: "2026-11-02" });
    expect(first.chosen.partner).toBeNull();
    const second = await schedule(cookie, "?page=2");
    expect(second.completed.rows.map((r: { heldOn: string }) => r.heldOn)).toEqual([
      "2026-10-02",
      "2026-10-01",
    ]);
    const onlyB = await schedule(cookie, `?partnerId=${b}`);
    expect(onlyB.completed.total).toBe(1);
    expect(onlyB.completed.rows[0].partnerId).toBe(b);
    expect(onlyB.chosen.partner).toEqual({ id: b, name: "Beta School" });
    const byName = await schedule(cookie, "?partner=beta");
    expect(byName.completed.total).toBe(1);
    expect(byName.completed.rows[0].partnerId).toBe(b);
    expect((await schedule(cookie, "?partner=library&page=2")).completed.rows).toHaveLength(1);
    const nonsense = await schedule(cookie, "?partnerId=abc&page=-3");
    expect(nonsense.completed.total).toBe(27);
  });

  it("shows nothing scheduled and nothing held on a fresh start", async () => {
    const { cookie } = await signedInUser("viewer");
    const data = await schedule(cookie);
    expect(data.schedule).toEqual({
      overdue: [],
      dueSoon: [],
      later: [],
      totals: { overdue: 0, dueSoon: 0, later: 0 },
    });
    expect(data.completed).toEqual({ rows: [], total: 0 });
  });
});

describe("permissions", () => {
  it("viewers read the schedule and reviews but cannot hold, edit or change anything", async () => {
    const editor = await signedInUser("editor");
    const viewer = await signedInUser("viewer");
    const id = await addPartner(editor.cookie);
    const reviewId = await heldReview(editor.cookie, id, {
      actionDescription1: "Call",
      actionOwner1: String(editor.id),
    });
    const params = { reviewId: String(reviewId) };
    const auditBefore = db.select().from(auditEvents).all().length;

    expect((await load(listLoader, { path: "/reviews", cookie: viewer.cookie })).status).toBe(200);
    expect(
      (await load(reviewPageLoader, { path: `/reviews/${reviewId}`, params, cookie: viewer.cookie })).status,
    ).toBe(200);

    const refused = [
      await load(holdLoader, {
        path: `/partners/${id}/reviews/new`,
        params: { partnerId: String(id) },
        cookie: viewer.cookie,
      }),
      await holdReview(viewer.cookie, id, { decision: "withdraw", endReason: "Viewer tried" }),
      await load(editLoader, { path: `/reviews/${reviewId}/edit`, params, cookie: viewer.cookie }),
      await submit(editAction, {
        path: `/reviews/${reviewId}/edit`,
        params,
        cookie: viewer.cookie,
        form: { lessons: "x" },
      }),
      await submit(reviewPageAction, {
        path: `/reviews/${reviewId}`,
        params,
        cookie: viewer.cookie,
        form: { intent: "action-done", actionId: "1" },
      }),
      await submit(newPartnerAction, {
        path: "/partners/new",
        cookie: viewer.cookie,
        form: partnerFormData(),
      }),
      await submit(editPartnerAction, {
        path: `/partners/${id}/edit`,
        params: { partnerId: String(id) },
        cookie: viewer.cookie,
        form: partnerFormData({ nextReviewDate: "2030-01-01" }),
      }),
    ];
    expect(refused.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403, 403]);
    expect(db.select().from(auditEvents).all().length).toBe(auditBefore);
    expect(partnerRow(id).status).toBe("active");
  });

  it("sends anonymous visitors to sign in, and back afterwards", async () => {
    await signedInUser("editor");
    const list = await load(listLoader, { path: "/reviews" });
    expect(list.status).toBe(302);
    expect(list.location).toBe("/login?redirectTo=%2Freviews");
    const page = await load(reviewPageLoader, { path: "/reviews/1", params: { reviewId: "1" } });
    expect(page.location).toBe("/login?redirectTo=%2Freviews%2F1");
    const hold = await holdReview("", 1);
    expect(hold.status).toBe(302);
    expect(hold.location).toMatch(/^\/login/);
    const edit = await submit(editAction, {
      path: "/reviews/1/edit",
      params: { reviewId: "1" },
      form: { lessons: "x" },
    });
    expect(edit.location).toMatch(/^\/login/);
    const done = await submit(reviewPageAction, {
      path: "/reviews/1",
      params: { reviewId: "1" },
      form: { intent: "action-done", actionId: "1" },
    });
    expect(done.location).toMatch(/^\/login/);
  });
});
