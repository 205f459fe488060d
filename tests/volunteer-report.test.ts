import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import {
  auditEvents,
  communityProfileValues,
  equalityMonitoring,
  evidenceLinks,
  reportSnapshots,
  trainingRecords,
  volunteerFocusLinks,
  volunteerHours,
  volunteers,
  type VolunteerFocus,
  type VolunteerProgramme,
} from "~db/schema";
import { loader as reportLoader, action as reportAction } from "~/routes/_app.reports.volunteers";
import { loader as csvLoader } from "~/routes/reports.volunteers[.]csv";
import { loader as savedLoader } from "~/routes/_app.reports.saved.$reportId";
import { loader as profilesLoader } from "~/routes/_app.reports.community-profiles._index";
import {
  action as newProfileAction,
  loader as newProfileLoader,
} from "~/routes/_app.reports.community-profiles.new";
import {
  action as editProfileAction,
  loader as editProfileLoader,
} from "~/routes/_app.reports.community-profiles.$profileId.edit";
import {
  action as deleteProfileAction,
  loader as deleteProfileLoader,
} from "~/routes/_app.reports.community-profiles.$profileId.delete";
import { db } from "~/utils/db.server";
import { FEWER_THAN_FIVE, HIDDEN } from "~/reports/suppression";
import { load, submit } from "./support/requests";
import { signedInUser } from "./support/factories";

// "Today" is 15 June 2026, so the default period is 16 June 2025 to 15 June 2026.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-06-15T12:00:00Z"));
});
afterEach(() => {
  vi.useRealTimers();
});

type Answers = Partial<
  Pick<
    typeof equalityMonitoring.$inferInsert,
    "ageBand" | "sex" | "genderIdentity" | "ethnicGroup" | "disability" | "socioEconomic"
  >
>;

let counter = 0;

/** Volunteers inserted directly, with monitoring answers (null answers = a record with consent but no answer). */
function addVolunteers(
  n: number,
  options: {
    programme?: VolunteerProgramme;
    startDate?: string | null;
    endDate?: string | null;
    answers?: Answers | "none";
    minutes?: { date: string; minutes: number };
    training?: string;
    focuses?: VolunteerFocus[];
  } = {},
): number[] {
  const ids: number[] = [];
  for (let i = 0; i < n; i += 1) {
    counter += 1;
    const { id } = db
      .insert(volunteers)
      .values({
        name: `Volunteer ${counter}`,
        programme: options.programme ?? "volunteer",
        status: "active",
        startDate: options.startDate === undefined ? "2024-01-10" : options.startDate,
        endDate: options.endDate ?? null,
      })
      .returning({ id: volunteers.id })
      .get();
    ids.push(id);
    if (options.answers !== "none") {
      db.insert(equalityMonitoring)
        .values({
          personType: "volunteer",
          personId: id,
          consentGivenOn: "2025-01-01",
          consentMethod: "paper",
          ...(options.answers ?? {}),
        })
        .run();
    }
    if (options.minutes)
      db.insert(volunteerHours)
        .values({ volunteerId: id, ...options.minutes })
        .run();
    if (options.training)
      db.insert(trainingRecords)
        .values({ volunteerId: id, date: options.training, title: "Induction" })
        .run();
    for (const focus of options.focuses ?? [])
      db.insert(volunteerFocusLinks).values({ volunteerId: id, focus }).run();
  }
  return ids;
}

const everyAnswer = (answer: string): Answers =>
  ({
    ageBand: answer,
    sex: answer,
    genderIdentity: answer,
    ethnicGroup: answer,
    disability: answer,
    socioEconomic: answer,
  }) as Answers;

/** 30 active volunteers whose every figure is 0 or 5 and more. */
function addTypicalVolunteers() {
  addVolunteers(8, {
    answers: {
      ageBand: "25_34",
      sex: "female",
      genderIdentity: "same",
      ethnicGroup: "white_british",
      disability: "no",
      socioEconomic: "routine",
    },
    minutes: { date: "2025-09-01", minutes: 90 },
    focuses: ["skills_development"],
  });
  addVolunteers(6, {
    answers: {
      ageBand: "45_54",
      sex: "male",
      genderIdentity: "same",
      ethnicGroup: "asian_indian",
      disability: "no",
      socioEconomic: "modern_professional",
    },
    training: "2025-10-01",
    focuses: ["skills_development", "confidence_building"],
  });
  addVolunteers(5, { answers: everyAnswer("prefer_not") });
  addVolunteers(6, { answers: "none" });
  addVolunteers(5, { answers: {} });
}

type Row = {
  key: string;
  count: unknown;
  percent: number | null;
  community: number | null;
  difference: number | null;
  children?: Row[];
};
type Question = { question: string; total: unknown; protection: string; rows: Row[] };

function question(data: { report: { questions: Question[] } }, key: string) {
  return data.report.questions.find((q) => q.question === key)!;
}
function counts(rows: Row[]) {
  return Object.fromEntries(rows.map((r) => [r.key, r.count]));
}

/** No figure of people anywhere in the data is a number from 1 to 4. */
function expectNoSmallCounts(value: unknown) {
  const text = JSON.stringify(value);
  expect(text).not.toMatch(/"(count|total|people|trainingRecords)":[1-4](?![0-9.])/);
}

async function csvRows(cookie: string, query = "") {
  const result = await load(csvLoader, { path: `/reports/volunteers.csv${query}`, cookie });
  expect(result.status).toBe(200);
  const text = (result.data as string).replace(/^\ufeff/, "");
  const { parse } = await import("csv-parse/sync");
  return { text, rows: parse(text) as string[][], headers: result.headers };
}

const profileForm = (overrides: Record<string, string> = {}) => ({
  name: "Leeds, Census 2021",
  source: "ONS Census 2021",
  year: "2021",
  age_band__25_34: "20.5",
  age_band__45_54: "15",
  sex__female: "51.2",
  sex__male: "48.8",
  ethnic_group__white: "85",
  ethnic_group__white_british: "80.1",
  ethnic_group__asian_indian: "7.5",
  ...overrides,
});

async function addProfile(cookie: string, overrides: Record<string, string> = {}) {
  const result = await submit(newProfileAction, {
    path: "/reports/community-profiles/new",
    cookie,
    form: profileForm(overrides),
  });
  expect(result.status).toBe(302);
  expect(result.location).toBe("/reports/community-profiles?notice=created");
  const list = await load(profilesLoader, { path: "/reports/community-profiles", cookie });
  return list.data.profiles.at(-1).id as number;
}

describe("the volunteer profile report", () => {
  it("counts each answer, with prefer not to say and not recorded shown apart", async () => {
    const viewer = await signedInUser("viewer");
    addTypicalVolunteers();
    const page = await load(reportLoader, { path: "/reports/volunteers", cookie: viewer.cookie });
    expect(page.status).toBe(200);
    expect(page.data.params).toEqual({
      from: "2025-06-16",
      to: "2026-06-15",
      programme: null,
      profileId: null,
    });
    expect(page.data.report.summary).toMatchObject({ people: 30, minutes: 8 * 90, trainingRecords: 6 });
    expect(page.data.report.summary.focuses.map((f: { count: unknown }) => f.count)).toEqual([
      14, 0, 6, 0, 0,
    ]);

    const age = question(page.data, "age_band");
    expect(age.total).toBe(30);
    expect(age.protection).toBe("none");
    expect(counts(age.rows)).toMatchObject({
      "25_34": 8,
      "45_54": 6,
      under_16: 0,
      prefer_not: 5,
      not_recorded: 11,
    });
    expect(age.rows.find((r) => r.key === "25_34")!.percent).toBe(26.7);

    const ethnic = question(page.data, "ethnic_group");
    expect(counts(ethnic.rows)).toEqual({
      asian: 6,
      black: 0,
      mixed: 0,
      white: 8,
      other: 0,
      prefer_not: 5,
      not_recorded: 11,
    });
    const white = ethnic.rows.find((r) => r.key === "white")!;
    expect(counts(white.children!)).toEqual({
      white_british: 8,
      white_irish: 0,
      white_gypsy_traveller: 0,
      white_roma: 0,
      white_other: 0,
    });

    const background = question(page.data, "socio_economic");
    expect(counts(background.rows)).toEqual({
      professional: 6,
      intermediate: 0,
      lower: 8,
      other_unknown: 0,
      prefer_not: 5,
      not_recorded: 11,
    });
    expect(counts(background.rows.find((r) => r.key === "lower")!.children!)).toMatchObject({
      routine: 8,
      technical_craft: 0,
    });

    // Only totals reach the page: no names, no one's answers.
    expect(JSON.stringify(page.data)).not.toMatch(/Volunteer \d/);
  });

  it("counts volunteers active in the period, and hours and training given in it", async () => {
    const editor = await signedInUser("editor");
    addVolunteers(10, { minutes: { date: "2025-07-01", minutes: 60 }, training: "2025-07-02" }); // counted
    addVolunteers(5, { endDate: "2025-08-31", minutes: { date: "2025-05-01", minutes: 60 } }); // left in the period; hours before it
    addVolunteers(5, { startDate: "2026-06-01", training: "2026-06-16" }); // started in the period; training after it
    addVolunteers(6, { startDate: "2026-07-01" }); // starts after the period
    addVolunteers(7, { startDate: "2020-01-01", endDate: "2025-06-15" }); // left the day before
    addVolunteers(5, { startDate: null }); // no start date
    addVolunteers(6, { programme: "intern", minutes: { date: "2026-01-10", minutes: 120 } });

    const all = await load(reportLoader, { path: "/reports/volunteers", cookie: editor.cookie });
    expect(all.data.report.summary).toMatchObject({
      people: 26,
      minutes: 10 * 60 + 6 * 120,
      trainingRecords: 10,
    });

    const interns = await load(reportLoader, {
      path: "/reports/volunteers?programme=intern",
      cookie: editor.cookie,
    });
    expect(interns.data.report.programme).toEqual({ key: "intern", label: "Intern" });
    expect(interns.data.report.summary).toMatchObject({ people: 6, minutes: 720, trainingRecords: 0 });
    expect(interns.data.report.title).toBe("Volunteer profile, 16 Jun 2025 to 15 Jun 2026, intern programme");

    // An earlier period, given backwards: it is turned round.
    const earlier = await load(reportLoader, {
      path: "/reports/volunteers?from=2025-06-30&to=2025-01-01",
      cookie: editor.cookie,
    });
    expect(earlier.data.params).toMatchObject({ from: "2025-01-01", to: "2025-06-30" });
    expect(earlier.data.report.summary).toMatchObject({ people: 10 + 5 + 7 + 6, minutes: 60 * 5 });

    // Nonsense in the address falls back to the defaults.
    const nonsense = await load(reportLoader, {
      path: "/reports/volunteers?from=2025-02-30&to=soon&programme=pirate&profile=-3",
      cookie: editor.cookie,
    });
    expect(nonsense.status).toBe(200);
    expect(nonsense.data.params).toEqual({
      from: "2025-06-16",
      to: "2026-06-15",
      programme: null,
      profileId: null,
    });
  });

  it("hides small numbers in the page data, with secondary cells so none can be worked out", async () => {
    const viewer = await signedInUser("viewer");
    addTypicalVolunteers();
    // Small groups: 3 aged 16 to 24 (Irish, disabled), 2 aged 75 and over.
    addVolunteers(3, {
      answers: { ageBand: "16_24", ethnicGroup: "white_irish", disability: "yes_a_lot" },
      focuses: ["social_opportunities"],
    });
    addVolunteers(2, {
      answers: { ageBand: "75_plus", ethnicGroup: "white_british", disability: "yes_a_little" },
    });
    const page = await load(reportLoader, { path: "/reports/volunteers", cookie: viewer.cookie });
    expectNoSmallCounts(page.data);

    const age = question(page.data, "age_band");
    expect(age.total).toBe(35);
    expect(counts(age.rows)).toMatchObject({
      "16_24": FEWER_THAN_FIVE,
      "75_plus": FEWER_THAN_FIVE,
      "25_34": 8,
      "45_54": 6,
    });
    expect(age.rows.find((r) => r.key === "16_24")!.percent).toBeNull();

    const ethnic = question(page.data, "ethnic_group");
    const white = ethnic.rows.find((r) => r.key === "white")!;
    expect(white.count).toBe(13); // 8 + 3 + 2: visible, so…
    // …the Irish group is hidden along with a second group, so it cannot be taken from 13.
    expect(counts(white.children!)).toMatchObject({ white_irish: FEWER_THAN_FIVE, white_british: HIDDEN });

    const disability = question(page.data, "disability");
    // "Yes, a lot" (3) and "Yes, a little" (2) are both small: two hidden cells, and the total of 5
    // leaves them 1–4 each, so nothing more is needed.
    expect(counts(disability.rows)).toMatchObject({
      yes_a_lot: FEWER_THAN_FIVE,
      yes_a_little: FEWER_THAN_FIVE,
      no: 14,
    });
    expect(
      page.data.report.summary.focuses.find((f: { key: string }) => f.key === "social_opportunities").count,
    ).toBe(FEWER_THAN_FIVE);
  });

  it("hides the whole report when fewer than 5 people are counted", async () => {
    const viewer = await signedInUser("viewer");
    addTypicalVolunteers();
    addVolunteers(3, {
      programme: "pupil_librarian",
      answers: { ageBand: "under_16" },
      minutes: { date: "2025-12-01", minutes: 45 },
      training: "2025-12-02",
    });
    const page = await load(reportLoader, {
      path: "/reports/volunteers?programme=pupil_librarian",
      cookie: viewer.cookie,
    });
    expectNoSmallCounts(page.data);
    expect(page.data.report.summary).toMatchObject({
      people: FEWER_THAN_FIVE,
      minutes: null,
      trainingRecords: HIDDEN,
    });
    for (const q of page.data.report.questions as Question[]) {
      expect(q.protection).toBe("small-total");
      expect(q.total).toBe(FEWER_THAN_FIVE);
    }
    const { rows } = await csvRows(viewer.cookie, "?programme=pupil_librarian");
    expect(new Set(rows.slice(1).map((r) => r[2]))).toEqual(new Set([FEWER_THAN_FIVE]));
  });

  it("downloads the suppressed tables only, as CSV", async () => {
    const viewer = await signedInUser("viewer");
    const editor = await signedInUser("editor");
    addTypicalVolunteers();
    addVolunteers(3, { answers: { ageBand: "16_24", ethnicGroup: "white_irish", disability: "yes_a_lot" } });
    addVolunteers(2, {
      answers: { ageBand: "75_plus", ethnicGroup: "white_british", disability: "yes_a_little" },
    });
    const profileId = await addProfile(editor.cookie);
    const { text, rows, headers } = await csvRows(viewer.cookie, `?profile=${profileId}`);
    expect(headers.get("Content-Disposition")).toMatch(
      /attachment; filename="volunteer-profile-2025-06-16-to-2026-06-15-2026-06-15\.csv"/,
    );
    expect(rows[0]).toEqual([
      "Question",
      "Category",
      "Volunteers",
      "Volunteer %",
      "Community %",
      "Difference (percentage points)",
    ]);
    // No count of 1 to 4, anywhere in the file.
    expect(text).not.toMatch(/(^|,)[1-4](,|\r?\n|$)/m);
    for (const row of rows.slice(1)) expect(["1", "2", "3", "4"]).not.toContain(row[2]);

    expect(rows).toContainEqual(["Age", "25 to 34", "8", "22.9", "20.5", "2.4"]);
    expect(rows).toContainEqual(["Age", "16 to 24", FEWER_THAN_FIVE, "", "", ""]);
    expect(rows).toContainEqual(["Age", "Prefer not to say", "5", "14.3", "", ""]);
    expect(rows).toContainEqual(["Age", "All volunteers in the period", "35", "", "", ""]);
    expect(rows).toContainEqual(["Ethnic group", "White", "13", "37.1", "85", "-47.9"]);
    expect(rows).toContainEqual(["Ethnic group", "White: Irish", FEWER_THAN_FIVE, "", "", ""]);
    expect(rows).toContainEqual([
      "Ethnic group",
      "White: English, Welsh, Scottish, Northern Irish or British",
      HIDDEN,
      "",
      "80.1",
      "",
    ]);
    expect(text).not.toMatch(/Volunteer \d/);
  });

  it("compares with a community profile, in percentage points", async () => {
    const editor = await signedInUser("editor");
    addTypicalVolunteers();
    const profileId = await addProfile(editor.cookie);
    const page = await load(reportLoader, {
      path: `/reports/volunteers?profile=${profileId}`,
      cookie: editor.cookie,
    });
    expect(page.data.report.profile).toEqual({
      id: profileId,
      name: "Leeds, Census 2021",
      source: "ONS Census 2021",
      year: 2021,
    });
    const age = question(page.data, "age_band");
    expect(age.rows.find((r) => r.key === "25_34")).toMatchObject({
      count: 8,
      percent: 26.7,
      community: 20.5,
      difference: 6.2,
    });
    expect(age.rows.find((r) => r.key === "45_54")).toMatchObject({
      count: 6,
      percent: 20,
      community: 15,
      difference: 5,
    });
    expect(age.rows.find((r) => r.key === "under_16")).toMatchObject({
      count: 0,
      percent: 0,
      community: null,
      difference: null,
    });
    expect(age.rows.find((r) => r.key === "not_recorded")).toMatchObject({
      community: null,
      difference: null,
    });
    const ethnic = question(page.data, "ethnic_group");
    // A category with its own figure uses it; without one, its groups' figures are added up.
    expect(ethnic.rows.find((r) => r.key === "white")).toMatchObject({
      percent: 26.7,
      community: 85,
      difference: -58.3,
    });
    expect(ethnic.rows.find((r) => r.key === "asian")).toMatchObject({
      percent: 20,
      community: 7.5,
      difference: 12.5,
    });
    expect(page.data.report.title).toBe(
      "Volunteer profile, 16 Jun 2025 to 15 Jun 2026, compared with Leeds, Census 2021",
    );
  });
});

describe("saving a dated copy as evidence", () => {
  it("stores the suppressed tables and links the copy as confirmed evidence for 3.3", async () => {
    const editor = await signedInUser("editor", { name: "Esme Editor" });
    addTypicalVolunteers();
    addVolunteers(2, { answers: { ageBand: "75_plus" } });
    const profileId = await addProfile(editor.cookie);
    const saved = await submit(reportAction, {
      path: "/reports/volunteers",
      cookie: editor.cookie,
      form: {
        intent: "save",
        from: "2025-06-16",
        to: "2026-06-15",
        profile: String(profileId),
        note: "Older people are under-represented; we are recruiting through the library's reading groups.",
      },
    });
    expect(saved.status).toBe(302);
    const id = Number(saved.location!.match(/^\/reports\/saved\/(\d+)\?notice=saved$/)![1]);

    const snapshot = db.select().from(reportSnapshots).where(eq(reportSnapshots.id, id)).get()!;
    expect(snapshot).toMatchObject({ kind: "volunteer_profile", createdBy: editor.id });
    expect(snapshot.title).toBe(
      "Volunteer profile, 16 Jun 2025 to 15 Jun 2026, compared with Leeds, Census 2021",
    );
    expectNoSmallCounts(snapshot.content);

    const link = db
      .select()
      .from(evidenceLinks)
      .where(and(eq(evidenceLinks.recordType, "report"), eq(evidenceLinks.recordId, id)))
      .get()!;
    expect(link).toMatchObject({
      lineCode: "3.3.E2",
      status: "confirmed",
      evidenceDate: "2026-06-15",
      decidedBy: editor.id,
      note: "Older people are under-represented; we are recruiting through the library's reading groups.",
    });
    const audit = db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordType, "report"), eq(auditEvents.recordId, id)))
      .get();
    expect(audit?.action).toBe("create");

    // The copy stays as it was, even when the volunteers change.
    addVolunteers(20, { answers: { ageBand: "16_24" } });
    const viewer = await signedInUser("viewer");
    const page = await load(savedLoader, {
      path: `/reports/saved/${id}`,
      params: { reportId: String(id) },
      cookie: viewer.cookie,
    });
    expect(page.status).toBe(200);
    expect(page.data.saved.createdByName).toBe("Esme Editor");
    expect(page.data.saved.content.summary.people).toBe(32);
    expect(counts(question({ report: page.data.saved.content }, "age_band").rows)).toMatchObject({
      "75_plus": FEWER_THAN_FIVE,
      "16_24": 0,
    });
    expect(
      page.data.evidence.map((e: { lineCode: string; status: string }) => [e.lineCode, e.status]),
    ).toEqual([["3.3.E2", "confirmed"]]);
    expectNoSmallCounts(page.data);
  });

  it("keeps the note when it is too long, and saves nothing", async () => {
    const editor = await signedInUser("editor");
    addTypicalVolunteers();
    const result = await submit(reportAction, {
      path: "/reports/volunteers",
      cookie: editor.cookie,
      form: { intent: "save", from: "2025-06-16", to: "2026-06-15", note: "x".repeat(2001) },
    });
    expect(result.status).toBe(400);
    expect(result.data.errors.note).toEqual(["Use at most 2000 characters."]);
    expect(result.data.values.note).toHaveLength(2001);
    expect(db.select().from(reportSnapshots).all()).toEqual([]);
  });

  it("answers 404 for a saved copy that does not exist", async () => {
    const viewer = await signedInUser("viewer");
    const page = await load(savedLoader, {
      path: "/reports/saved/999",
      params: { reportId: "999" },
      cookie: viewer.cookie,
    });
    expect(page.status).toBe(404);
  });
});

describe("community profiles", () => {
  it("adds, edits and deletes a profile, with every figure kept", async () => {
    const editor = await signedInUser("editor");
    expect(
      (await load(newProfileLoader, { path: "/reports/community-profiles/new", cookie: editor.cookie }))
        .status,
    ).toBe(200);
    const id = await addProfile(editor.cookie, { socio_economic__other_unknown: "12.5%" });
    const list = await load(profilesLoader, { path: "/reports/community-profiles", cookie: editor.cookie });
    expect(list.data.profiles).toEqual([
      expect.objectContaining({
        id,
        name: "Leeds, Census 2021",
        source: "ONS Census 2021",
        year: 2021,
        figures: 8,
      }),
    ]);
    const params = { profileId: String(id) };
    const edit = await load(editProfileLoader, {
      path: `/reports/community-profiles/${id}/edit`,
      params,
      cookie: editor.cookie,
    });
    expect(edit.data.values).toMatchObject({
      age_band__25_34: "20.5",
      ethnic_group__white: "85",
      socio_economic__other_unknown: "12.5",
    });

    const saved = await submit(editProfileAction, {
      path: `/reports/community-profiles/${id}/edit`,
      params,
      cookie: editor.cookie,
      form: profileForm({ name: "Leeds 2021", age_band__45_54: "", disability__no: "82.4" }),
    });
    expect(saved.location).toBe("/reports/community-profiles?notice=saved");
    const values = db
      .select()
      .from(communityProfileValues)
      .where(eq(communityProfileValues.profileId, id))
      .all();
    expect(values.map((v) => `${v.question}:${v.category}=${v.percent}`).sort()).toEqual([
      "age_band:25_34=20.5",
      "disability:no=82.4",
      "ethnic_group:asian_indian=7.5",
      "ethnic_group:white=85",
      "ethnic_group:white_british=80.1",
      "sex:female=51.2",
      "sex:male=48.8",
    ]);
    const history = db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.recordType, "community_profile"))
      .all();
    expect(history.map((h) => h.action)).toEqual(["create", "update"]);
    expect(history[1].changes).toMatchObject({ name: ["Leeds, Census 2021", "Leeds 2021"] });
    expect(String(history[1].changes.percentages[1])).toContain("Disability: No 82.4%");

    const confirm = await load(deleteProfileLoader, {
      path: `/reports/community-profiles/${id}/delete`,
      params,
      cookie: editor.cookie,
    });
    expect(confirm.data.dependants).toEqual([]);
    const deleted = await submit(deleteProfileAction, {
      path: `/reports/community-profiles/${id}/delete`,
      params,
      cookie: editor.cookie,
    });
    expect(deleted.location).toBe("/reports/community-profiles?notice=deleted");
    expect(db.select().from(communityProfileValues).all()).toEqual([]);
    expect(
      (
        await load(editProfileLoader, {
          path: `/reports/community-profiles/${id}/edit`,
          params,
          cookie: editor.cookie,
        })
      ).status,
    ).toBe(404);
  });

  it("explains each problem and keeps every typed value", async () => {
    const editor = await signedInUser("editor");
    const result = await submit(newProfileAction, {
      path: "/reports/community-profiles/new",
      cookie: editor.cookie,
      form: profileForm({
        name: " ",
        year: "21",
        age_band__under_16: "abc",
        age_band__16_24: "101",
        age_band__35_44: "12.55",
        sex__female: "60",
        sex__male: "41",
        ethnic_group__white: "5",
        disability__no: "",
      }),
    });
    expect(result.status).toBe(400);
    const percent = "Enter a percentage from 0 to 100, with at most one decimal place, like 12.5.";
    expect(result.data.errors).toEqual({
      name: ["Enter a name for the profile."],
      year: ["Enter a year from 1900 to 2100."],
      age_band__under_16: [percent],
      age_band__16_24: [percent],
      age_band__35_44: [percent],
      sex: ["The percentages for sex add up to 101%, more than 100%. Check each figure."],
      ethnic_group__white: ["The groups within White add up to 80.1%, more than the 5% given for White."],
    });
    expect(result.data.values).toMatchObject({ age_band__under_16: "abc", sex__female: "60", year: "21" });
    // 100.5 is allowed: published figures are rounded.
    const rounded = await submit(newProfileAction, {
      path: "/reports/community-profiles/new",
      cookie: editor.cookie,
      form: profileForm({ sex__female: "51.7", sex__male: "48.8" }),
    });
    expect(rounded.status).toBe(302);
  });
});

describe("report permissions", () => {
  it("lets a viewer read the report, the CSV and saved copies, and change nothing", async () => {
    const editor = await signedInUser("editor");
    const viewer = await signedInUser("viewer");
    addTypicalVolunteers();
    const profileId = await addProfile(editor.cookie);
    const saved = await submit(reportAction, {
      path: "/reports/volunteers",
      cookie: editor.cookie,
      form: { intent: "save", from: "2025-06-16", to: "2026-06-15" },
    });
    const savedId = saved.location!.match(/\/reports\/saved\/(\d+)/)![1];

    expect((await load(reportLoader, { path: "/reports/volunteers", cookie: viewer.cookie })).status).toBe(
      200,
    );
    expect((await load(csvLoader, { path: "/reports/volunteers.csv", cookie: viewer.cookie })).status).toBe(
      200,
    );
    expect(
      (
        await load(savedLoader, {
          path: `/reports/saved/${savedId}`,
          params: { reportId: savedId },
          cookie: viewer.cookie,
        })
      ).status,
    ).toBe(200);
    expect(
      (await load(profilesLoader, { path: "/reports/community-profiles", cookie: viewer.cookie })).status,
    ).toBe(200);

    const save = await submit(reportAction, {
      path: "/reports/volunteers",
      cookie: viewer.cookie,
      form: { intent: "save", from: "2025-06-16", to: "2026-06-15" },
    });
    expect(save.status).toBe(403);
    const params = { profileId: String(profileId) };
    expect(
      (await load(newProfileLoader, { path: "/reports/community-profiles/new", cookie: viewer.cookie }))
        .status,
    ).toBe(403);
    expect(
      (
        await submit(newProfileAction, {
          path: "/reports/community-profiles/new",
          cookie: viewer.cookie,
          form: profileForm(),
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await load(editProfileLoader, {
          path: `/reports/community-profiles/${profileId}/edit`,
          params,
          cookie: viewer.cookie,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await submit(editProfileAction, {
          path: `/reports/community-profiles/${profileId}/edit`,
          params,
          cookie: viewer.cookie,
          form: profileForm({ name: "Hacked" }),
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await load(deleteProfileLoader, {
          path: `/reports/community-profiles/${profileId}/delete`,
          params,
          cookie: viewer.cookie,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await submit(deleteProfileAction, {
          path: `/reports/community-profiles/${profileId}/delete`,
          params,
          cookie: viewer.cookie,
        })
      ).status,
    ).toBe(403);
    expect(db.select().from(reportSnapshots).all()).toHaveLength(1);
  });

  it("sends anonymous visitors to sign in, including for the CSV and saved copies", async () => {
    await signedInUser("admin");
    expect((await load(reportLoader, { path: "/reports/volunteers" })).location).toMatch(/^\/login/);
    expect((await load(csvLoader, { path: "/reports/volunteers.csv" })).location).toMatch(/^\/login/);
    expect(
      (await load(savedLoader, { path: "/reports/saved/1", params: { reportId: "1" } })).location,
    ).toMatch(/^\/login/);
    expect((await load(profilesLoader, { path: "/reports/community-profiles" })).location).toMatch(
      /^\/login/,
    );
  });
});
