import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { actions, assessmentAnswers, assessmentEvidence, auditEvents, evidenceLinks } from "~db/schema";
import { ELEMENTS, FOOTNOTES, LINES, SECTION, getElement } from "~/checklist/section3";
import {
  answerFingerprint,
  compareAssessments,
  COPY_STEP,
  finishAssessment,
  releaseInterruptedFinishing,
} from "~/models/assessment.server";
import { listActions } from "~/models/action.server";
import { saveSettings } from "~/models/settings.server";
import { db, sqlite } from "~/utils/db.server";
import { action as pageAction, loader as pageLoader } from "~/routes/_app.assessments.$assessmentId._index";
import {
  action as finishAction,
  loader as finishLoader,
} from "~/routes/_app.assessments.$assessmentId.finish";
import { action as planAction, loader as planLoader } from "~/routes/_app.assessments.$assessmentId.plan";
import { loader as reportLoader } from "~/routes/_app.assessments.$assessmentId.report";
import { loader as listLoader } from "~/routes/_app.assessments._index";
import { loader as compareLoader } from "~/routes/_app.assessments.compare";
import { action as newAction, loader as newLoader } from "~/routes/_app.assessments.new";
import { loader as downloadLoader } from "~/routes/assessments.$assessmentId.report[.]html";
import { action as decideAction } from "~/routes/_app.evidence.suggestions";
import { action as removeEvidence } from "~/routes/_app.evidence.$linkId.remove";
import { action as editPartner } from "~/routes/_app.partners.$partnerId.edit";
import { signedInUser } from "./support/factories";
import { partnerFormData } from "./support/forms";
import { addPartner } from "./support/records";
import { load, submit } from "./support/requests";

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-11-26T12:00:00Z"));
});
afterEach(() => vi.useRealTimers());

// ---------------------------------------------------------------------------------------------
// Helpers: evidence, and the assessment's forms as a browser would post them.

function linkId(type: string, id: number, line: string) {
  return db
    .select({ id: evidenceLinks.id })
    .from(evidenceLinks)
    .where(
      and(
        eq(evidenceLinks.recordType, type),
        eq(evidenceLinks.recordId, id),
        eq(evidenceLinks.lineCode, line),
      ),
    )
    .get()!.id;
}

/** Confirms suggestions through the review queue, as a person would. */
async function confirm(cookie: string, type: string, id: number, lines: string[]) {
  for (const line of lines) {
    const result = await submit(decideAction, {
      path: "/evidence/suggestions",
      cookie,
      form: { intent: "confirm", id: String(linkId(type, id, line)) },
    });
    expect(result.status).toBe(302);
  }
}

/** Evidence put straight into the table: a confirmed link dated `date`. */
function seedLink(lineCode: string, recordId: number, date: string, recordType = "partner") {
  db.insert(evidenceLinks)
    .values({
      lineCode,
      recordType,
      recordId,
      status: "confirmed",
      evidenceDate: date,
      createdAt: new Date(),
    })
    .run();
}

/** A partner whose confirmed evidence supports 3.1.1a and 3.1.E1 (dated today, so recent). */
async function partnerWithEvidence(cookie: string, name = "Riverside College") {
  const id = await addPartner(cookie, { name, startDate: "2026-11-01" });
  await confirm(cookie, "partner", id, ["3.1.1a", "3.1.E1"]);
  return id;
}

async function start(cookie: string, fields: Record<string, string> = {}) {
  const result = await submit(newAction, {
    path: "/assessments/new",
    cookie,
    form: {
      title: "Section 3 self-assessment November 2026",
      heldOn: "2026-11-26",
      participants: "Ada, Tom",
      ...fields,
    },
  });
  expect(result.status, JSON.stringify(result.data)).toBe(302);
  return Number(result.location!.match(/\/assessments\/(\d+)/)![1]);
}

/** An assessment's page, showing its first element or the one asked for. */
function openPage(cookie: string, id: number, element?: string) {
  const query = element ? `?element=${element}` : "";
  return load(pageLoader, {
    path: `/assessments/${id}${query}`,
    params: { assessmentId: String(id) },
    cookie,
  });
}

type Page = Awaited<ReturnType<typeof openPage>>["data"];

/** An element's form as its page shows it (every line's stored values), with some lines changed. */
function elementForm(page: Page, elementCode: string, changes: Record<string, string> = {}) {
  if (page.elementCode !== elementCode)
    throw new Error(`The page shows element ${page.elementCode}, not ${elementCode}.`);
  const element = getElement(elementCode)!;
  const form: Record<string, string> = {};
  for (const line of LINES.filter((l) => l.elementCode === element.code)) {
    const answer = page.answers[line.code];
    form[`answer-${line.code}`] = answer.answer ?? "";
    form[`comments-${line.code}`] = answer.comments ?? "";
    if (line.kind === "prompt") form[`areas-${line.code}`] = answer.areasForImprovement ?? "";
    form[`seen-${line.code}`] = answer.fingerprint;
  }
  return { ...form, ...changes, intent: `save-${elementCode}` };
}

function save(cookie: string, id: number, form: Record<string, string>) {
  return submit(pageAction, {
    path: `/assessments/${id}`,
    params: { assessmentId: String(id) },
    cookie,
    form,
  });
}

function finish(cookie: string, id: number) {
  return submit(finishAction, {
    path: `/assessments/${id}/finish`,
    params: { assessmentId: String(id) },
    cookie,
  });
}

function storedAnswers(id: number) {
  return Object.fromEntries(
    db
      .select({ line: assessmentAnswers.lineCode, answer: assessmentAnswers.answer })
      .from(assessmentAnswers)
      .where(eq(assessmentAnswers.assessmentId, id))
      .all()
      .map((r) => [r.line, r.answer]),
  );
}

async function download(cookie: string, id: number) {
  const response = (await downloadLoader({
    request: new Request(`http://localhost/assessments/${id}/report.html`, { headers: { Cookie: cookie } }),
    params: { assessmentId: String(id) },
    context: {},
  })) as Response;
  return { response, text: await response.text() };
}

// ---------------------------------------------------------------------------------------------

describe("starting an assessment", () => {
  it("offers a title for this month and today's date", async () => {
    const editor = await signedInUser("editor", { name: "Ada Editor" });
    const page = await load(newLoader, { path: "/assessments/new", cookie: editor.cookie });
    expect(page.data).toEqual({
      today: "2026-11-26",
      title: "Section 3 self-assessment November 2026",
      participants: "Ada Editor",
    });
  });

  it("pre-fills all 42 lines with the answer the evidence supports, and shows the evidence", async () => {
    const editor = await signedInUser("editor");
    const partner = await partnerWithEvidence(editor.cookie);
    seedLink("3.1.3", 900, "2024-02-01"); // only old evidence: Have started
    const id = await start(editor.cookie);

    const rows = db.select().from(assessmentAnswers).where(eq(assessmentAnswers.assessmentId, id)).all();
    expect(rows).toHaveLength(42);
    expect(rows.filter((r) => r.answer !== r.supported)).toEqual([]);

    const page = await openPage(editor.cookie, id);
    expect(page.status).toBe(200);
    expect(page.data.assessment).toMatchObject({
      status: "in_progress",
      checklistVersion: "ilfa-section-3-v1",
    });
    // The page sends the shown element's answers (the first element's, unless another is asked for).
    expect(Object.keys(page.data.answers).sort()).toEqual(
      LINES.filter((l) => l.elementCode === "3.1")
        .map((l) => l.code)
        .sort(),
    );
    expect(page.data.answers["3.1.1a"]).toMatchObject({ supported: "yes", answer: "yes", updatedAt: null });
    expect(page.data.answers["3.1.E1"]).toMatchObject({ supported: "yes", answer: "yes" });
    expect(page.data.answers["3.1.3"]).toMatchObject({ supported: "started", answer: "started" });
    // Suggested but not confirmed evidence does not count.
    expect(page.data.answers["3.1.2a"]).toMatchObject({ supported: "no", answer: "no" });
    expect((await openPage(editor.cookie, id, "3.2")).data.answers["3.2.E1"]).toMatchObject({
      supported: "no",
      answer: "no",
    });

    expect(page.data.evidence["3.1.1a"]).toMatchObject({
      count: 1,
      newest: "2026-11-01",
      supportedNow: "yes",
    });
    expect(page.data.evidence["3.1.1a"].items).toEqual([
      expect.objectContaining({
        kind: "Partner",
        label: "Riverside College",
        href: `/partners/${partner}`,
        evidenceDate: "2026-11-01",
      }),
    ]);
    expect(page.data.evidence["3.1.2a"]).toMatchObject({ count: 0, suggested: 1, items: [] });
    expect(page.data.progress).toEqual({ total: 42, answered: 0, changed: 0 });

    // Evidence confirmed while the team works shows beside the line; the pre-filled answer stays.
    await confirm(editor.cookie, "partner", partner, ["3.1.2a"]);
    const later = await openPage(editor.cookie, id);
    expect(later.data.answers["3.1.2a"]).toMatchObject({ supported: "no", answer: "no" });
    expect(later.data.evidence["3.1.2a"]).toMatchObject({ count: 1, supportedNow: "yes" });

    const created = db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordType, "assessment"), eq(auditEvents.recordId, id)))
      .all();
    expect(created.map((e) => e.action)).toEqual(["create"]);
  });

  it("shows only the newest few items per line, with the full count", async () => {
    const editor = await signedInUser("editor");
    for (let i = 1; i <= 7; i += 1) seedLink("3.2.1", 100 + i, `2026-0${i}-01`);
    const id = await start(editor.cookie);
    const page = await openPage(editor.cookie, id, "3.2");
    expect(page.data.evidence["3.2.1"].count).toBe(7);
    expect(page.data.evidence["3.2.1"].newest).toBe("2026-07-01");
    expect(page.data.evidence["3.2.1"].items.map((i: { evidenceDate: string }) => i.evidenceDate)).toEqual([
      "2026-07-01",
      "2026-06-01",
      "2026-05-01",
    ]);
  });

  it("explains a missing title or a bad date, keeping what was typed", async () => {
    const editor = await signedInUser("editor");
    const result = await submit(newAction, {
      path: "/assessments/new",
      cookie: editor.cookie,
      form: { title: " ", heldOn: "31/02/2026", participants: "Ada and Tom" },
    });
    expect(result.status).toBe(400);
    expect(result.data.errors).toEqual({
      title: ["Enter a title for the assessment."],
      heldOn: ["Enter a real date, like 23/11/2026."],
    });
    expect(result.data.values).toMatchObject({ heldOn: "31/02/2026", participants: "Ada and Tom" });
  });
});

describe("the list", () => {
  it("lists assessments newest first, with who took part and how many lines were answered Yes", async () => {
    const editor = await signedInUser("editor");
    await partnerWithEvidence(editor.cookie);
    const older = await start(editor.cookie, { title: "Last year", heldOn: "2025-11-20" });
    await finish(editor.cookie, older);
    await start(editor.cookie, { title: "This year", heldOn: "2026-11-20", participants: "Priya, Tom" });
    const list = await load(listLoader, { path: "/assessments", cookie: editor.cookie });
    expect(list.data.total).toBe(2);
    expect(
      list.data.rows.map((r: Record<string, unknown>) => [r.title, r.status, r.participants, r.yes]),
    ).toEqual([
      ["This year", "in_progress", "Priya, Tom", 2],
      ["Last year", "finished", "Ada, Tom", 2],
    ]);
    // Only finished assessments are offered for comparing.
    expect(list.data.finished.map((a: { title: string }) => a.title)).toEqual(["Last year"]);
  });
});

describe("answering", () => {
  it("saves answers, areas for improvement and comments, and says who changed each line", async () => {
    const editor = await signedInUser("editor", { name: "Ada Editor" });
    await partnerWithEvidence(editor.cookie);
    const id = await start(editor.cookie);
    const before = await openPage(editor.cookie, id);
    const result = await save(
      editor.cookie,
      id,
      elementForm(before.data, "3.1", {
        "answer-3.1.1a": "started",
        "areas-3.1.E4": "Approach the college's ESOL department\r\nand two community groups.",
        "comments-3.1.3": "Reviews happen but are not written up.",
      }),
    );
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/assessments/${id}?notice=saved-3.1#element-3.1`);

    const page = await openPage(editor.cookie, id);
    expect(page.data.answers["3.1.1a"]).toMatchObject({
      supported: "yes",
      answer: "started",
      updatedByName: "Ada Editor",
    });
    expect(page.data.answers["3.1.1a"].updatedAt).toEqual(new Date("2026-11-26T12:00:00Z"));
    expect(page.data.answers["3.1.E4"].areasForImprovement).toBe(
      "Approach the college's ESOL department\r\nand two community groups.",
    );
    expect(page.data.answers["3.1.3"].comments).toBe("Reviews happen but are not written up.");
    // Saving element 3.1 counts all 18 of its lines as answered; only one differs from the evidence.
    expect(page.data.progress).toEqual({ total: 42, answered: 18, changed: 1 });
    expect(page.data.savedLines).toEqual({ "3.1": 18, "3.2": 0, "3.3": 0 });
    expect((await openPage(editor.cookie, id, "3.2")).data.answers["3.2.1"].updatedAt).toBeNull();

    const audit = db
      .select({ action: auditEvents.action, changes: auditEvents.changes })
      .from(auditEvents)
      .where(and(eq(auditEvents.recordType, "assessment"), eq(auditEvents.recordId, id)))
      .all();
    expect(audit.map((a) => a.action)).toEqual(["create", "update"]);
    expect(audit[1].changes).toEqual({
      "3.1.1a answer": ["yes", "started"],
      "3.1.3 comments": [null, "Reviews happen but are not written up."],
      "3.1.E4 areas for improvement": [
        null,
        "Approach the college's ESOL department\r\nand two community groups.",
      ],
    });

    // Saving the same form again, unchanged, writes nothing new.
    const again = await openPage(editor.cookie, id);
    await save(editor.cookie, id, elementForm(again.data, "3.1"));
    expect(
      db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.recordType, "assessment"), eq(auditEvents.recordId, id)))
        .all(),
    ).toHaveLength(2);
  });

  it("refuses an answer a line cannot have, or none, keeping everything typed", async () => {
    const editor = await signedInUser("editor");
    const id = await start(editor.cookie);
    const page = await openPage(editor.cookie, id, "3.2");
    const form = elementForm(page.data, "3.2", {
      "answer-3.2.E1": "started",
      "areas-3.2.E1": "Bid with the health trust",
      "answer-3.2.2a": "",
    });
    const result = await save(editor.cookie, id, form);
    expect(result.status).toBe(400);
    expect(result.data.intent).toBe("save-3.2");
    expect(result.data.errors).toEqual({
      "answer-3.2.2a": ["Choose Yes, Have started or No for 3.2.2a."],
      "answer-3.2.E1": ["Choose Yes or No for 3.2.E1."],
    });
    expect(result.data.values).toMatchObject({ "areas-3.2.E1": "Bid with the health trust" });
    expect((await openPage(editor.cookie, id, "3.2")).data.answers["3.2.E1"].areasForImprovement).toBeNull();
  });

  it("shows one element at a time and comes back to the element just saved", async () => {
    const editor = await signedInUser("editor");
    const id = await start(editor.cookie);
    const open = (query: string) =>
      load(pageLoader, {
        path: `/assessments/${id}${query}`,
        params: { assessmentId: String(id) },
        cookie: editor.cookie,
      });
    expect((await open("")).data.elementCode).toBe("3.1");
    expect((await open("?element=3.3")).data.elementCode).toBe("3.3");
    expect((await open("?element=9.9")).data.elementCode).toBe("3.1");

    const form = async (element: string) => elementForm((await open(`?element=${element}`)).data, element);
    const saved = await save(editor.cookie, id, {
      ...(await form("3.2")),
      "answer-3.2.1": "no",
    });
    expect(saved.location).toBe(`/assessments/${id}?element=3.2&notice=saved-3.2#element-3.2`);
    // "Save and go on" saves, then shows the next element; after the last, it stays.
    const onward = await save(editor.cookie, id, { ...(await form("3.1")), intent: "save-3.1:next" });
    expect(onward.location).toBe(`/assessments/${id}?element=3.2&notice=saved-3.1#element-3.2`);
    const last = await save(editor.cookie, id, { ...(await form("3.3")), intent: "save-3.3:next" });
    expect(last.location).toBe(`/assessments/${id}?element=3.3&notice=saved-3.3#element-3.3`);
    const after = await open("?element=3.2");
    expect(after.data.answers["3.2.1"]).toMatchObject({ answer: "no" });
    // Progress counts the whole of Section 3: all three elements have now been saved.
    expect(after.data.progress).toMatchObject({ total: 42, answered: 42 });
  });

  it("two editors saving the same element keep each other's lines; on one line the last save wins", async () => {
    const ada = await signedInUser("editor", { name: "Ada" });
    const tom = await signedInUser("editor", { name: "Tom" });
    await partnerWithEvidence(ada.cookie);
    const id = await start(ada.cookie);
    const adaSees = await openPage(ada.cookie, id);
    const tomSees = await openPage(tom.cookie, id);

    await save(
      ada.cookie,
      id,
      elementForm(adaSees.data, "3.1", { "answer-3.1.1a": "no", "comments-3.1.3": "Ada's note" }),
    );
    vi.setSystemTime(new Date("2026-11-26T12:05:00Z"));
    // Tom's form was loaded before Ada saved: it still shows 3.1.1a as Yes.
    const tomSaved = await save(
      tom.cookie,
      id,
      elementForm(tomSees.data, "3.1", { "answer-3.1.1b": "started", "comments-3.1.3": "Tom's note" }),
    );
    expect(tomSaved.status).toBe(302);

    const page = await openPage(ada.cookie, id);
    expect(page.data.answers["3.1.1a"]).toMatchObject({ answer: "no", updatedByName: "Ada" });
    expect(page.data.answers["3.1.1b"]).toMatchObject({ answer: "started", updatedByName: "Tom" });
    expect(page.data.answers["3.1.3"]).toMatchObject({ comments: "Tom's note", updatedByName: "Tom" });
    expect(page.data.answers["3.1.3"].updatedAt).toEqual(new Date("2026-11-26T12:05:00Z"));
    // Lines neither changed were marked answered by the first to save them.
    expect(page.data.answers["3.1.2c"]).toMatchObject({ answer: "no", updatedByName: "Ada" });
  });

  it("corrects the title, date and who took part while in progress", async () => {
    const editor = await signedInUser("editor");
    const id = await start(editor.cookie);
    const result = await submit(pageAction, {
      path: `/assessments/${id}`,
      params: { assessmentId: String(id) },
      cookie: editor.cookie,
      form: { intent: "details", title: "Board away day", heldOn: "2026-11-27", participants: "Whole team" },
    });
    expect(result.status).toBe(302);
    const page = await openPage(editor.cookie, id);
    expect(page.data.assessment).toMatchObject({
      title: "Board away day",
      heldOn: "2026-11-27",
      participants: "Whole team",
    });
  });
});

describe("finishing", () => {
  it("asks first, then locks the assessment: later saves are refused and the answers stay", async () => {
    const editor = await signedInUser("editor", { name: "Ada Editor" });
    await partnerWithEvidence(editor.cookie);
    const id = await start(editor.cookie);
    const before = await openPage(editor.cookie, id);
    await save(editor.cookie, id, elementForm(before.data, "3.1", { "answer-3.1.1a": "started" }));

    const confirmPage = await load(finishLoader, {
      path: `/assessments/${id}/finish`,
      params: { assessmentId: String(id) },
      cookie: editor.cookie,
    });
    expect(confirmPage.data.progress).toEqual({ total: 42, answered: 18, changed: 1 });
    // Looking at the confirmation changes nothing.
    expect((await openPage(editor.cookie, id)).data.assessment.status).toBe("in_progress");

    const finished = await finish(editor.cookie, id);
    expect(finished.location).toBe(`/assessments/${id}?notice=finished`);
    const page = await openPage(editor.cookie, id);
    expect(page.data.assessment).toMatchObject({ status: "finished", finishedByName: "Ada Editor" });
    expect(page.data.assessment.finishedAt).toEqual(new Date("2026-11-26T12:00:00Z"));
    const answers = storedAnswers(id);

    const refused = await save(editor.cookie, id, elementForm(page.data, "3.1", { "answer-3.1.1a": "no" }));
    expect(refused.status).toBe(409);
    const details = await submit(pageAction, {
      path: `/assessments/${id}`,
      params: { assessmentId: String(id) },
      cookie: editor.cookie,
      form: { intent: "details", title: "Changed", heldOn: "2026-11-26" },
    });
    expect(details.status).toBe(409);
    expect(storedAnswers(id)).toEqual(answers);
    expect((await openPage(editor.cookie, id)).data.assessment.title).toBe(
      "Section 3 self-assessment November 2026",
    );

    // Finishing again changes nothing; the confirmation page sends you back.
    vi.setSystemTime(new Date("2026-12-01T09:00:00Z"));
    await finish(editor.cookie, id);
    expect((await openPage(editor.cookie, id)).data.assessment.finishedAt).toEqual(
      new Date("2026-11-26T12:00:00Z"),
    );
    const again = await load(finishLoader, {
      path: `/assessments/${id}/finish`,
      params: { assessmentId: String(id) },
      cookie: editor.cookie,
    });
    expect(again.location).toBe(`/assessments/${id}?notice=finished`);
  });

  it("keeps a copy of the evidence that does not change when evidence is later removed, renamed or added", async () => {
    const editor = await signedInUser("editor");
    const partner = await partnerWithEvidence(editor.cookie);
    const id = await start(editor.cookie);
    await finish(editor.cookie, id);

    const copied = () =>
      db
        .select({
          line: assessmentEvidence.lineCode,
          kind: assessmentEvidence.kind,
          label: assessmentEvidence.label,
          date: assessmentEvidence.evidenceDate,
        })
        .from(assessmentEvidence)
        .where(eq(assessmentEvidence.assessmentId, id))
        .all();
    const copy = copied();
    expect(copy).toEqual(
      expect.arrayContaining([
        { line: "3.1.1a", kind: "Partner", label: "Riverside College", date: "2026-11-01" },
        { line: "3.1.E1", kind: "Partner", label: "Riverside College", date: "2026-11-01" },
      ]),
    );
    expect(copy).toHaveLength(2);
    const pageBefore = (await openPage(editor.cookie, id)).data;

    // The evidence changes: a link removed, the partner renamed, new evidence confirmed.
    await submit(removeEvidence, {
      path: `/evidence/${linkId("partner", partner, "3.1.1a")}/remove`,
      params: { linkId: String(linkId("partner", partner, "3.1.1a")) },
      cookie: editor.cookie,
    });
    await submit(editPartner, {
      path: `/partners/${partner}/edit`,
      params: { partnerId: String(partner) },
      cookie: editor.cookie,
      form: partnerFormData({ name: "Riverside College of Further Education", startDate: "2026-11-01" }),
    });
    await partnerWithEvidence(editor.cookie, "Northtown Library Friends");

    expect(copied()).toEqual(copy);
    const pageAfter = (await openPage(editor.cookie, id)).data;
    expect(pageAfter.answers).toEqual(pageBefore.answers);
    expect(pageAfter.evidence["3.1.1a"].count).toBe(1);
    expect(pageAfter.evidence["3.1.1a"].items[0].label).toBe("Riverside College");
    expect(pageAfter.evidence["3.1.E1"].count).toBe(1);

    // A new assessment sees the evidence as it is now.
    const next = await start(editor.cookie);
    const live = (await openPage(editor.cookie, next)).data;
    expect(live.evidence["3.1.E1"].count).toBe(2);
    expect(live.evidence["3.1.1a"].items.map((i: { label: string }) => i.label)).toEqual([
      "Northtown Library Friends",
    ]);
  });

  it("copies all the evidence, however much, and the downloaded report lists it all", async () => {
    const editor = await signedInUser("editor");
    for (let i = 1; i <= 1203; i += 1) seedLink("3.3.1", 5000 + i, "2026-10-01", "volunteer");
    const id = await start(editor.cookie);
    await finish(editor.cookie, id);
    const n = db
      .select()
      .from(assessmentEvidence)
      .where(eq(assessmentEvidence.assessmentId, id))
      .all().length;
    expect(n).toBe(1203);
    const page = (await openPage(editor.cookie, id, "3.3")).data;
    expect(page.evidence["3.3.1"].count).toBe(1203);
    expect(page.evidence["3.3.1"].items).toHaveLength(3);
    const { text } = await download(editor.cookie, id);
    expect(text.match(/Volunteer: A record that no longer exists, 1 Oct 2026/g)).toHaveLength(1203);
  });
});

describe("finishing with years of evidence", () => {
  const copies = (id: number) =>
    db.select().from(assessmentEvidence).where(eq(assessmentEvidence.assessmentId, id)).all().length;

  it("copies in steps, serving other requests between them, and copies nothing when a step fails", async () => {
    const editor = await signedInUser("editor");
    for (let i = 1; i <= 5_000; i += 1) {
      seedLink(i % 2 ? "3.3.1" : "3.1.1a", 9_000 + i, `2026-0${1 + (i % 9)}-01`, "volunteer");
    }
    const id = await start(editor.cookie);

    // The fourth step fails (a full disk, say): the three copied before it are deleted again.
    sqlite.exec(
      `CREATE TEMP TRIGGER copy_fails BEFORE INSERT ON assessment_evidence WHEN (SELECT count(*) FROM assessment_evidence WHERE assessment_id = ${id}) >= ${COPY_STEP * 3} BEGIN SELECT RAISE(ABORT, 'the disk is full'); END`,
    );
    try {
      await expect(finishAssessment(id, editor.id)).rejects.toThrow("the disk is full");
    } finally {
      sqlite.exec("DROP TRIGGER copy_fails");
    }
    expect(copies(id)).toBe(0);
    expect((await openPage(editor.cookie, id)).data.assessment.status).toBe("in_progress");

    // While it copies, the page is served (still in progress) and a second press copies nothing more.
    const finishing = finishAssessment(id, editor.id);
    expect(await finishAssessment(id, editor.id)).toBe("busy");
    expect((await finish(editor.cookie, id)).location).toBe(`/assessments/${id}?notice=finishing`);
    expect((await openPage(editor.cookie, id)).data.assessment.status).toBe("in_progress");
    expect(await finishing).toBe("finished");
    expect(copies(id)).toBe(5_000);
    const page = (await openPage(editor.cookie, id, "3.3")).data;
    expect(page.assessment.status).toBe("finished");
    expect(page.evidence["3.3.1"].count).toBe(2_500);
    // Newest first, as the live evidence was.
    expect(page.evidence["3.3.1"].items.map((item: { evidenceDate: string }) => item.evidenceDate)).toEqual([
      "2026-09-01",
      "2026-09-01",
      "2026-09-01",
    ]);
  });

  it("is busy while another server process finishes it, and can be finished again after a server stopped half-way", async () => {
    const editor = await signedInUser("editor");
    seedLink("3.1.1a", 9_001, "2026-03-01", "volunteer");
    const id = await start(editor.cookie);
    // Another process claimed it, copied a link, and was killed before it could finish.
    sqlite.prepare("UPDATE assessments SET finishing_since = ? WHERE id = ?").run(Date.now(), id);
    sqlite
      .prepare(
        "INSERT INTO assessment_evidence (assessment_id, line_code, record_type, record_id, kind, label, evidence_date) VALUES (?, '3.1.1a', 'volunteer', 9001, 'Volunteer', 'Left behind', '2026-03-01')",
      )
      .run(id);
    expect(await finishAssessment(id, editor.id)).toBe("busy");
    expect((await finish(editor.cookie, id)).location).toBe(`/assessments/${id}?notice=finishing`);

    // At the next start no server process is copying: the claim is let go and finishing works.
    releaseInterruptedFinishing();
    expect(await finishAssessment(id, editor.id)).toBe("finished");
    expect(copies(id)).toBe(1);
    const page = (await openPage(editor.cookie, id)).data;
    expect(page.assessment.status).toBe("finished");
    expect(page.evidence["3.1.1a"].items.map((item: { label: string }) => item.label)).not.toContain(
      "Left behind",
    );
  });
});

describe("comparing two assessments", () => {
  async function finishedWith(cookie: string, heldOn: string, answers: Record<string, string>) {
    const id = await start(cookie, { heldOn, title: `Assessment ${heldOn}` });
    const page = await openPage(cookie, id);
    const changes = Object.fromEntries(Object.entries(answers).map(([line, a]) => [`answer-${line}`, a]));
    expect((await save(cookie, id, elementForm(page.data, "3.1", changes))).status).toBe(302);
    await finish(cookie, id);
    return id;
  }

  it("says line by line what improved, slipped, is still a gap or is unchanged, with counts", async () => {
    const editor = await signedInUser("editor");
    const later = await finishedWith(editor.cookie, "2026-11-20", {
      "3.1.1a": "started",
      "3.1.1b": "yes",
      "3.1.2a": "started",
      "3.1.E1": "yes",
    });
    const earlier = await finishedWith(editor.cookie, "2025-11-20", {
      "3.1.1a": "yes",
      "3.1.1b": "no",
      "3.1.2a": "started",
      "3.1.E1": "no",
    });
    // Asked either way round, the earlier assessment comes first.
    const result = await load(compareLoader, {
      path: `/assessments/compare?a=${later}&b=${earlier}`,
      cookie: editor.cookie,
    });
    const comparison = result.data.comparison;
    expect(comparison.earlier.id).toBe(earlier);
    expect(comparison.later.id).toBe(later);
    const byLine = Object.fromEntries(comparison.rows.map((r: { lineCode: string }) => [r.lineCode, r]));
    expect(byLine["3.1.1a"]).toMatchObject({ earlier: "yes", later: "started", change: "slipped" });
    expect(byLine["3.1.1b"]).toMatchObject({ earlier: "no", later: "yes", change: "improved" });
    expect(byLine["3.1.2a"]).toMatchObject({ earlier: "started", later: "started", change: "unchanged" });
    expect(byLine["3.1.E1"]).toMatchObject({ earlier: "no", later: "yes", change: "improved" });
    expect(byLine["3.1.3"]).toMatchObject({ earlier: "no", later: "no", change: "gap" });
    expect(comparison.counts).toEqual({ improved: 2, slipped: 1, gap: 38, unchanged: 1 });
    expect(comparison.total).toBe(42);
    expect(compareAssessments(earlier, later)!.counts).toEqual(comparison.counts);
  });

  it("explains when the choice cannot be compared", async () => {
    const editor = await signedInUser("editor");
    const one = await start(editor.cookie);
    await finish(editor.cookie, one);
    const draft = await start(editor.cookie);
    const same = await load(compareLoader, {
      path: `/assessments/compare?a=${one}&b=${one}`,
      cookie: editor.cookie,
    });
    expect(same.data).toMatchObject({ comparison: null, problem: "Choose two different assessments." });
    const unfinished = await load(compareLoader, {
      path: `/assessments/compare?a=${one}&b=${draft}`,
      cookie: editor.cookie,
    });
    expect(unfinished.data.problem).toMatch(/Only finished assessments can be compared/);
    const none = await load(compareLoader, { path: "/assessments/compare?a=x", cookie: editor.cookie });
    expect(none.data.problem).toBe("Two assessments must be finished before they can be compared.");
  });
});

describe("the action plan", () => {
  it("turns areas for improvement into actions linked to the assessment and the line, also after finishing", async () => {
    const editor = await signedInUser("editor", { name: "Ada Editor" });
    const owner = await signedInUser("editor", { name: "Tom Owner" });
    const id = await start(editor.cookie, { title: "Autumn review" });
    const page = await openPage(editor.cookie, id);
    await save(
      editor.cookie,
      id,
      elementForm(page.data, "3.1", { "areas-3.1.E4": "Reach more community groups" }),
    );
    const plan = await load(planLoader, {
      path: `/assessments/${id}/plan`,
      params: { assessmentId: String(id) },
      cookie: editor.cookie,
    });
    expect(plan.data.areas).toEqual([
      { lineCode: "3.1.E4", answer: "no", areasForImprovement: "Reach more community groups" },
    ]);

    const post = (form: Record<string, string>) =>
      submit(planAction, {
        path: `/assessments/${id}/plan`,
        params: { assessmentId: String(id) },
        cookie: editor.cookie,
        form,
      });

    const missingOwner = await post({
      intent: "add-action",
      planFor: "3.1.E4",
      "description-3.1.E4": "Meet the Northtown community forum",
      "owner-3.1.E4": "",
      "due-3.1.E4": "2027-01-31",
    });
    expect(missingOwner.status).toBe(400);
    expect(missingOwner.data.intent).toBe("add-3.1.E4");
    expect(missingOwner.data.errors).toEqual({ "owner-3.1.E4": ["Choose who will do it."] });
    expect(missingOwner.data.values["description-3.1.E4"]).toBe("Meet the Northtown community forum");

    const added = await post({
      intent: "add-action",
      planFor: "3.1.E4",
      "description-3.1.E4": "Meet the Northtown community forum",
      "owner-3.1.E4": String(owner.id),
      "due-3.1.E4": "2027-01-31",
    });
    expect(added.status).toBe(302);

    await finish(editor.cookie, id);
    const afterFinish = await post({
      intent: "add-action",
      planFor: "any",
      "line-any": "3.2.1",
      "description-any": "Draft a joint funding bid",
      "owner-any": String(editor.id),
      "due-any": "",
    });
    expect(afterFinish.status).toBe(302);

    const rows = db
      .select({
        description: actions.description,
        ownerId: actions.ownerId,
        dueDate: actions.dueDate,
        status: actions.status,
        source: actions.source,
        sourceId: actions.sourceId,
        lineCode: actions.lineCode,
      })
      .from(actions)
      .all();
    expect(rows).toEqual([
      {
        description: "Meet the Northtown community forum",
        ownerId: owner.id,
        dueDate: "2027-01-31",
        status: "open",
        source: "assessment",
        sourceId: id,
        lineCode: "3.1.E4",
      },
      {
        description: "Draft a joint funding bid",
        ownerId: editor.id,
        dueDate: null,
        status: "open",
        source: "assessment",
        sourceId: id,
        lineCode: "3.2.1",
      },
    ]);

    // They appear in the actions list, linked back to the assessment and the line.
    const list = listActions({ view: "open", page: 1 }, editor.id, "2026-11-26");
    expect(list.rows.map((r) => r.from)).toEqual([
      { label: "Self-assessment: Autumn review (line 3.1.E4)", href: `/assessments/${id}` },
      { label: "Self-assessment: Autumn review (line 3.2.1)", href: `/assessments/${id}` },
    ]);

    // And on the assessment's page, with their status; one click marks one done.
    const planned = (await openPage(editor.cookie, id)).data.plan;
    expect(planned.map((p: { description: string }) => p.description)).toEqual([
      "Meet the Northtown community forum",
      "Draft a joint funding bid",
    ]);
    const done = await post({ intent: "action-done", actionId: String(planned[0].id) });
    expect(done.status).toBe(302);
    expect((await openPage(editor.cookie, id)).data.plan[0].status).toBe("done");
  });

  it("refuses an unknown line", async () => {
    const editor = await signedInUser("editor");
    const id = await start(editor.cookie);
    const result = await submit(planAction, {
      path: `/assessments/${id}/plan`,
      params: { assessmentId: String(id) },
      cookie: editor.cookie,
      form: {
        intent: "add-action",
        planFor: "9.9.9",
        "description-9.9.9": "x",
        "owner-9.9.9": String(editor.id),
      },
    });
    expect(result.status).toBe(400);
    const any = await submit(planAction, {
      path: `/assessments/${id}/plan`,
      params: { assessmentId: String(id) },
      cookie: editor.cookie,
      form: {
        intent: "add-action",
        planFor: "any",
        "line-any": "9.9.9",
        "description-any": "x",
        "owner-any": String(editor.id),
      },
    });
    expect(any.status).toBe(400);
    expect(any.data.errors).toEqual({ "line-any": ["Choose the checklist line it improves."] });
    expect(db.select().from(actions).all()).toEqual([]);
  });
});

describe("the report", () => {
  it("is laid out with the toolkit's wording, the answers ticked, the evidence kept and the plan", async () => {
    const editor = await signedInUser("editor", { name: "Ada Editor" });
    const admin = await signedInUser("admin");
    saveSettings({ organisationName: "Northtown Museum" }, admin.id);
    const partner = await partnerWithEvidence(editor.cookie);
    const id = await start(editor.cookie, { participants: "Priya Shah (Head of Learning)" });
    const page = await openPage(editor.cookie, id);
    await save(
      editor.cookie,
      id,
      elementForm(page.data, "3.1", {
        "answer-3.1.1a": "started",
        "areas-3.1.E4": "Reach more community groups",
        "comments-3.1.3": "Reviews happen but are not written up.",
      }),
    );
    await submit(planAction, {
      path: `/assessments/${id}/plan`,
      params: { assessmentId: String(id) },
      cookie: editor.cookie,
      form: {
        intent: "add-action",
        planFor: "3.1.E4",
        "description-3.1.E4": "Meet the community forum",
        "owner-3.1.E4": String(editor.id),
        "due-3.1.E4": "2027-01-31",
      },
    });

    // Not before it is finished.
    const early = await load(reportLoader, {
      path: `/assessments/${id}/report`,
      params: { assessmentId: String(id) },
      cookie: editor.cookie,
    });
    expect(early.location).toBe(`/assessments/${id}?notice=report-later`);
    await finish(editor.cookie, id);

    const report = await load(reportLoader, {
      path: `/assessments/${id}/report`,
      params: { assessmentId: String(id) },
      cookie: editor.cookie,
    });
    expect(report.status).toBe(200);
    expect(report.data.organisation).toBe("Northtown Museum");
    expect(report.data.answers["3.1.1a"].answer).toBe("started");
    expect(report.data.evidence["3.1.1a"].items[0]).toMatchObject({
      label: "Riverside College",
      kind: "Partner",
    });
    expect(report.data.plan.map((p: { description: string }) => p.description)).toEqual([
      "Meet the community forum",
    ]);

    const { response, text } = await download(editor.cookie, id);
    expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe(
      `attachment; filename="self-assessment-${id}-2026-11-26.html"`,
    );
    expect(text).not.toMatch(/<script/i);
    expect(text).toContain("<style>");
    for (const words of [
      SECTION.title,
      SECTION.subtitle,
      SECTION.actionsHeading,
      SECTION.evidenceHeading,
      SECTION.areasForImprovement,
      FOOTNOTES[1],
      FOOTNOTES[3],
      "Northtown Museum",
      "Priya Shah (Head of Learning)",
      "Reach more community groups",
      "Reviews happen but are not written up.",
      "Meet the community forum",
      "Ada Editor",
    ]) {
      expect(text).toContain(escapeHtml(words));
    }
    for (const element of ELEMENTS) {
      expect(text).toContain(escapeHtml(element.question));
      for (const action of element.actions) expect(text).toContain(escapeHtml(action.question));
      for (const group of element.promptGroups) {
        expect(text).toContain(escapeHtml(group.leadIn));
        for (const line of group.lines) expect(text).toContain(escapeHtml(line.text));
      }
    }
    // 3.1.1a is ticked under Have started; 3.1.E1 under Yes.
    expect(text).toMatch(
      /3\.1\.1a <\/span>actively look for partners<\/th><td class="tick"><\/td><td class="tick"><span aria-hidden="true">✓<\/span><span class="visually-hidden">Have started<\/span><\/td><td class="tick"><\/td>/,
    );
    expect(text).toMatch(
      /3\.1\.E1 <\/span>identified a range of partners with whom you might work effectively<\/th><td class="tick"><span aria-hidden="true">✓<\/span><span class="visually-hidden">Yes<\/span><\/td><td class="tick"><\/td>/,
    );
    // The evidence references, with absolute links.
    expect(text).toContain(
      `Partner: <a href="http://localhost/partners/${partner}">Riverside College</a>, 1 Nov 2026`,
    );
  });
});

describe("permissions", () => {
  it("viewers read finished assessments only, and change nothing; anonymous visitors sign in first", async () => {
    const editor = await signedInUser("editor");
    const viewer = await signedInUser("viewer");
    const finished = await start(editor.cookie, { title: "Finished one" });
    await finish(editor.cookie, finished);
    const draft = await start(editor.cookie, { title: "Draft one" });
    const params = (id: number) => ({ assessmentId: String(id) });

    const list = await load(listLoader, { path: "/assessments", cookie: viewer.cookie });
    expect(list.status).toBe(200);
    expect(list.data.rows.map((r: { title: string }) => r.title).sort()).toEqual([
      "Draft one",
      "Finished one",
    ]);

    expect((await openPage(viewer.cookie, draft)).status).toBe(403);
    expect((await openPage(viewer.cookie, finished)).status).toBe(200);
    const planOf = (id: number) =>
      load(planLoader, { path: `/assessments/${id}/plan`, params: params(id), cookie: viewer.cookie });
    expect((await planOf(draft)).status).toBe(403);
    expect((await planOf(finished)).status).toBe(200);
    expect(
      (
        await load(reportLoader, {
          path: `/assessments/${finished}/report`,
          params: params(finished),
          cookie: viewer.cookie,
        })
      ).status,
    ).toBe(200);
    expect((await download(viewer.cookie, finished)).response.status).toBe(200);
    await expect(download(viewer.cookie, draft)).rejects.toMatchObject({ status: 403 });
    expect((await load(compareLoader, { path: `/assessments/compare`, cookie: viewer.cookie })).status).toBe(
      200,
    );

    // Every change is refused.
    expect((await load(newLoader, { path: "/assessments/new", cookie: viewer.cookie })).status).toBe(403);
    expect(
      (
        await submit(newAction, {
          path: "/assessments/new",
          cookie: viewer.cookie,
          form: { title: "x", heldOn: "2026-11-26" },
        })
      ).status,
    ).toBe(403);
    const draftPage = await openPage(editor.cookie, draft);
    expect((await save(viewer.cookie, draft, elementForm(draftPage.data, "3.1"))).status).toBe(403);
    expect(
      (
        await load(finishLoader, {
          path: `/assessments/${draft}/finish`,
          params: params(draft),
          cookie: viewer.cookie,
        })
      ).status,
    ).toBe(403);
    expect((await finish(viewer.cookie, draft)).status).toBe(403);
    expect(
      (
        await submit(planAction, {
          path: `/assessments/${finished}/plan`,
          params: params(finished),
          cookie: viewer.cookie,
          form: {
            intent: "add-action",
            planFor: "any",
            "line-any": "3.2.1",
            "description-any": "x",
            "owner-any": String(viewer.id),
          },
        })
      ).status,
    ).toBe(403);
    expect(db.select().from(actions).all()).toEqual([]);
    expect((await openPage(editor.cookie, draft)).data.assessment.status).toBe("in_progress");

    // Anonymous visitors are sent to sign in, and come back afterwards.
    const anonymous = await load(listLoader, { path: "/assessments" });
    expect(anonymous.location).toBe("/login?redirectTo=%2Fassessments");
    const anonymousPage = await load(pageLoader, {
      path: `/assessments/${finished}`,
      params: params(finished),
    });
    expect(anonymousPage.location).toMatch(/^\/login\?redirectTo=/);
    await expect(download("", finished)).rejects.toMatchObject({ status: 302 });
    expect((await submit(newAction, { path: "/assessments/new", form: { title: "x" } })).location).toMatch(
      /^\/login/,
    );
  });

  it("answers 404 for an assessment that does not exist", async () => {
    const editor = await signedInUser("editor");
    expect((await openPage(editor.cookie, 999)).status).toBe(404);
    expect(
      (
        await load(pageLoader, {
          path: "/assessments/abc",
          params: { assessmentId: "abc" },
          cookie: editor.cookie,
        })
      ).status,
    ).toBe(404);
  });
});

function escapeHtml(text: string) {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#x27;");
}

// The fingerprint is what lets two people save one element without undoing each other.
describe("answer fingerprints", () => {
  it("ignore how a browser sends line breaks and surrounding space", () => {
    expect(answerFingerprint({ answer: "yes", areasForImprovement: "a\r\nb ", comments: null })).toBe(
      answerFingerprint({ answer: "yes", areasForImprovement: "a\nb", comments: "" }),
    );
    expect(answerFingerprint({ answer: "yes", areasForImprovement: null, comments: null })).not.toBe(
      answerFingerprint({ answer: "no", areasForImprovement: null, comments: null }),
    );
  });
});
