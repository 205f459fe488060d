import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { actions, assessments, meetings, partners, reviews } from "~db/schema";
import { listHistory } from "~/models/audit.server";
import { addActions, openActionsFor, overdueActions } from "~/models/action.server";
import { updateUserAccess } from "~/models/user.server";
import { action as listAction, loader as listLoader } from "~/routes/_app.actions._index";
import { action as newAction, loader as newLoader } from "~/routes/_app.actions.new";
import { action as editAction, loader as editLoader } from "~/routes/_app.actions.$actionId.edit";
import { action as deleteAction, loader as deleteLoader } from "~/routes/_app.actions.$actionId.delete";
import { db, write } from "~/utils/db.server";
import { signedInUser } from "./support/factories";
import { load, submit } from "./support/requests";

/** Midday on Tuesday 10 November 2026, UK time: "today" for these tests. */
const NOW = new Date("2026-11-10T12:00:00Z");

function fixClock(at: Date = NOW) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(at);
}

afterEach(() => {
  vi.useRealTimers();
});

async function addAction(cookie: string, form: Record<string, string>) {
  const result = await submit(newAction, { path: "/actions/new", cookie, form });
  expect(result.status).toBe(302);
  return db.select({ id: actions.id }).from(actions).where(eq(actions.description, form.description)).get()!
    .id;
}

type Row = { id: number; description: string };
const descriptions = (rows: Row[]) => rows.map((r) => r.description);

/** Two colleagues with five actions between them, around "today" (10 Nov 2026). */
async function fiveActions() {
  const ada = await signedInUser("editor", { name: "Ada Lovelace" });
  const ben = await signedInUser("editor", { name: "Ben Okri" });
  const add = (description: string, owner: number, dueDate = "") =>
    addAction(ada.cookie, { description, ownerId: String(owner), dueDate });
  const ids = {
    adaOverdue: await add("Ada: send the evaluation form", ada.id, "2026-11-09"),
    adaToday: await add("Ada: book the room", ada.id, "2026-11-10"),
    benOverdue: await add("Ben: chase the invoice", ben.id, "2026-11-01"),
    adaUndated: await add("Ada: think about next year", ada.id),
    benLater: await add("Ben: draft the newsletter", ben.id, "2026-12-01"),
  };
  return { ada, ben, ids };
}

describe("the views of the action list", () => {
  it("shows open, mine, overdue and done actions, soonest due first, with counts for each view", async () => {
    fixClock();
    const { ada, ben, ids } = await fiveActions();
    const open = await load(listLoader, { path: "/actions", cookie: ada.cookie });
    expect(open.data.query.view).toBe("open");
    expect(descriptions(open.data.rows)).toEqual([
      "Ben: chase the invoice",
      "Ada: send the evaluation form",
      "Ada: book the room",
      "Ben: draft the newsletter",
      "Ada: think about next year",
    ]);
    expect(open.data.counts).toEqual({ open: 5, mine: 3, overdue: 2, done: 0 });
    const first = open.data.rows[0];
    expect(first).toMatchObject({ ownerName: "Ben Okri", overdue: true, dueToday: false, from: null });
    expect(open.data.rows[2]).toMatchObject({ overdue: false, dueToday: true });

    const mine = await load(listLoader, { path: "/actions?view=mine", cookie: ada.cookie });
    expect(descriptions(mine.data.rows)).toEqual([
      "Ada: send the evaluation form",
      "Ada: book the room",
      "Ada: think about next year",
    ]);
    const bensMine = await load(listLoader, {
      path: "/actions?view=mine&owner=" + ada.id,
      cookie: ben.cookie,
    });
    expect(descriptions(bensMine.data.rows)).toEqual(["Ben: chase the invoice", "Ben: draft the newsletter"]);

    const overdue = await load(listLoader, { path: "/actions?view=overdue", cookie: ada.cookie });
    expect(descriptions(overdue.data.rows)).toEqual([
      "Ben: chase the invoice",
      "Ada: send the evaluation form",
    ]);
    expect(overdue.data.rows.every((r: { overdue: boolean }) => r.overdue)).toBe(true);

    const bens = await load(listLoader, { path: `/actions?owner=${ben.id}`, cookie: ada.cookie });
    expect(descriptions(bens.data.rows)).toEqual(["Ben: chase the invoice", "Ben: draft the newsletter"]);
    expect(bens.data.counts).toEqual({ open: 2, mine: 3, overdue: 1, done: 0 });
    const searched = await load(listLoader, { path: "/actions?q=ROOM", cookie: ada.cookie });
    expect(descriptions(searched.data.rows)).toEqual(["Ada: book the room"]);

    // The next day, "book the room" is overdue too.
    fixClock(new Date("2026-11-11T09:00:00Z"));
    await submit(listAction, {
      path: "/actions?index&view=overdue",
      cookie: ben.cookie,
      form: { intent: "done", actionId: String(ids.benOverdue) },
    });
    const nextDay = await load(listLoader, { path: "/actions?view=overdue", cookie: ada.cookie });
    expect(descriptions(nextDay.data.rows)).toEqual(["Ada: send the evaluation form", "Ada: book the room"]);
    const done = await load(listLoader, { path: "/actions?view=done", cookie: ada.cookie });
    expect(done.data.rows).toHaveLength(1);
    expect(done.data.rows[0]).toMatchObject({
      description: "Ben: chase the invoice",
      status: "done",
      completedByName: "Ben Okri",
      overdue: false,
    });
    expect(done.data.counts).toEqual({ open: 4, mine: 3, overdue: 2, done: 1 });
  });

  it("pages through many actions and ignores nonsense in the address", async () => {
    const editor = await signedInUser("editor");
    write((tx) =>
      addActions(
        tx,
        Array.from({ length: 30 }, (_, i) => ({
          description: `Task ${String(i + 1).padStart(2, "0")}`,
          ownerId: editor.id,
          dueDate: `2030-01-${String(i + 1).padStart(2, "0")}`,
        })),
        "none",
        null,
        editor.id,
      ),
    );
    const second = await load(listLoader, { path: "/actions?page=2", cookie: editor.cookie });
    expect(second.data.total).toBe(30);
    expect(descriptions(second.data.rows)).toEqual(["Task 26", "Task 27", "Task 28", "Task 29", "Task 30"]);
    const nonsense = await load(listLoader, {
      path: "/actions?view=everything&owner=abc&page=-1",
      cookie: editor.cookie,
    });
    expect(nonsense.status).toBe(200);
    expect(nonsense.data.query.view).toBe("open");
    expect(nonsense.data.rows).toHaveLength(25);
  });

  it("says where each action came from, with a link, in one query per kind of source", async () => {
    const editor = await signedInUser("editor");
    const meetingId = db
      .insert(meetings)
      .values({ heldAt: NOW, kind: "meeting", title: "Termly planning" })
      .returning({ id: meetings.id })
      .get().id;
    const partnerId = db
      .insert(partners)
      .values({ name: "Riverside College", type: "college", status: "active" })
      .returning({ id: partners.id })
      .get().id;
    const reviewId = db
      .insert(reviews)
      .values({ partnerId, heldOn: "2026-11-01", stillRelevant: "yes", decision: "continue" })
      .returning({ id: reviews.id })
      .get().id;
    const assessmentId = db
      .insert(assessments)
      .values({ title: "Autumn 2026", heldOn: "2026-10-01", status: "in_progress", checklistVersion: "1" })
      .returning({ id: assessments.id })
      .get().id;
    write((tx) => {
      const one = (description: string, dueDate: string, lineCode?: string) => [
        { description, ownerId: editor.id, dueDate, lineCode },
      ];
      addActions(tx, one("From the meeting", "2026-12-01"), "meeting", meetingId, editor.id);
      addActions(tx, one("From the review", "2026-12-02"), "review", reviewId, editor.id);
      addActions(
        tx,
        one("From the assessment", "2026-12-03", "3.1.1a"),
        "assessment",
        assessmentId,
        editor.id,
      );
      addActions(tx, one("From a deleted meeting", "2026-12-04"), "meeting", 9999, editor.id);
    });
    const list = await load(listLoader, { path: "/actions", cookie: editor.cookie });
    expect(list.data.rows.map((r: { from: unknown }) => r.from)).toEqual([
      { label: "Meeting: Termly planning", href: `/meetings/${meetingId}` },
      { label: "Review of Riverside College", href: `/reviews/${reviewId}` },
      { label: "Self-assessment: Autumn 2026 (line 3.1.1a)", href: `/assessments/${assessmentId}` },
      { label: "A meeting that has been deleted", href: null },
    ]);
  });
});

describe("marking actions done, one click, without JavaScript", () => {
  it("records who marked it done and when, and reopening clears both", async () => {
    fixClock();
    const editor = await signedInUser("editor", { name: "Ada Lovelace" });
    const id = await addAction(editor.cookie, {
      description: "Send the risk assessment",
      ownerId: String(editor.id),
      dueDate: "2026-11-20",
    });
    // A plain form POST, as a browser without JavaScript sends it to the index route.
    const done = await submit(listAction, {
      path: "/actions?index&view=mine&page=1",
      cookie: editor.cookie,
      form: { intent: "done", actionId: String(id) },
    });
    expect(done.status).toBe(302);
    expect(done.location).toBe("/actions?view=mine&page=1&notice=action-done");
    const row = db.select().from(actions).where(eq(actions.id, id)).get()!;
    expect(row.status).toBe("done");
    expect(row.completedAt).toEqual(NOW);
    expect(row.completedBy).toBe(editor.id);

    // A second click (or a resubmitted form) keeps the first completion.
    fixClock(new Date("2026-11-12T08:00:00Z"));
    await submit(listAction, {
      path: "/actions?index",
      cookie: editor.cookie,
      form: { intent: "done", actionId: String(id) },
    });
    expect(db.select().from(actions).where(eq(actions.id, id)).get()!.completedAt).toEqual(NOW);

    const reopened = await submit(listAction, {
      path: "/actions?index&view=done",
      cookie: editor.cookie,
      form: { intent: "reopen", actionId: String(id) },
    });
    expect(reopened.location).toBe("/actions?view=done&notice=action-reopened");
    const after = db.select().from(actions).where(eq(actions.id, id)).get()!;
    expect(after).toMatchObject({ status: "open", completedAt: null, completedBy: null });
    expect(listHistory({ type: "action", id }).map((e) => [e.action, e.changes])).toEqual([
      ["update", { status: ["done", "open"] }],
      ["update", { status: ["open", "done"] }],
      ["create", expect.objectContaining({ description: [null, "Send the risk assessment"] })],
    ]);
  });

  it("goes back to another page of the app when asked, but never to another site", async () => {
    const editor = await signedInUser("editor");
    const id = await addAction(editor.cookie, { description: "Phone Sam", ownerId: String(editor.id) });
    const toDashboard = await submit(listAction, {
      path: "/actions?index",
      cookie: editor.cookie,
      form: { intent: "done", actionId: String(id), returnTo: "/" },
    });
    expect(toDashboard.location).toBe("/?notice=action-done");
    const elsewhere = await submit(listAction, {
      path: "/actions?index",
      cookie: editor.cookie,
      form: { intent: "reopen", actionId: String(id), returnTo: "//evil.example/" },
    });
    expect(elsewhere.location).toBe("/actions?notice=action-reopened");
  });

  it("answers 404 for an action that does not exist and 400 for a broken form", async () => {
    const editor = await signedInUser("editor");
    const missing = await submit(listAction, {
      path: "/actions?index",
      cookie: editor.cookie,
      form: { intent: "done", actionId: "9999" },
    });
    expect(missing.status).toBe(404);
    const broken = await submit(listAction, {
      path: "/actions?index",
      cookie: editor.cookie,
      form: { intent: "explode", actionId: "x" },
    });
    expect(broken.status).toBe(400);
  });
});

describe("adding, changing and deleting actions", () => {
  it("adds an action for a colleague, changes it, and deletes it after confirmation", async () => {
    const ada = await signedInUser("editor", { name: "Ada Lovelace" });
    const ben = await signedInUser("viewer", { name: "Ben Okri" });
    const form = await load(newLoader, { path: "/actions/new", cookie: ada.cookie });
    expect(form.data.userId).toBe(ada.id);
    expect(form.data.owners.map((o: { name: string }) => o.name)).toEqual(["Ada Lovelace", "Ben Okri"]);

    const created = await submit(newAction, {
      path: "/actions/new",
      cookie: ada.cookie,
      form: { description: "  Send the evaluation form  ", ownerId: String(ben.id), dueDate: "1/12/2026" },
    });
    expect(created.location).toBe("/actions?notice=created");
    const row = db.select().from(actions).get()!;
    expect(row).toMatchObject({
      description: "Send the evaluation form",
      ownerId: ben.id,
      dueDate: "2026-12-01",
      status: "open",
      source: "none",
      sourceId: null,
      createdBy: ada.id,
    });
    const params = { actionId: String(row.id) };

    const edit = await load(editLoader, { path: `/actions/${row.id}/edit`, params, cookie: ada.cookie });
    expect(edit.data.item).toMatchObject({ description: "Send the evaluation form", ownerName: "Ben Okri" });
    const saved = await submit(editAction, {
      path: `/actions/${row.id}/edit`,
      params,
      cookie: ada.cookie,
      form: {
        description: "Send the evaluation form and the consent form",
        ownerId: String(ada.id),
        dueDate: "",
      },
    });
    expect(saved.location).toBe("/actions?notice=saved");
    expect(db.select().from(actions).get()).toMatchObject({
      description: "Send the evaluation form and the consent form",
      ownerId: ada.id,
      dueDate: null,
    });
    expect(listHistory({ type: "action", id: row.id })[0].changes).toEqual({
      description: ["Send the evaluation form", "Send the evaluation form and the consent form"],
      ownerId: [ben.id, ada.id],
      dueDate: ["2026-12-01", null],
    });

    const confirm = await load(deleteLoader, {
      path: `/actions/${row.id}/delete`,
      params,
      cookie: ada.cookie,
    });
    expect(confirm.data.item.name).toBe("Send the evaluation form and the consent form");
    const deleted = await submit(deleteAction, {
      path: `/actions/${row.id}/delete`,
      params,
      cookie: ada.cookie,
    });
    expect(deleted.location).toBe("/actions?notice=deleted");
    expect(db.select().from(actions).all()).toEqual([]);
    expect(listHistory({ type: "action", id: row.id })[0].action).toBe("delete");
    expect(
      (await load(editLoader, { path: `/actions/${row.id}/edit`, params, cookie: ada.cookie })).status,
    ).toBe(404);
    expect(
      (await submit(deleteAction, { path: `/actions/${row.id}/delete`, params, cookie: ada.cookie })).status,
    ).toBe(404);
  });

  it("explains each invalid field and keeps every typed value", async () => {
    const editor = await signedInUser("editor");
    const result = await submit(newAction, {
      path: "/actions/new",
      cookie: editor.cookie,
      form: { description: "   ", ownerId: "", dueDate: "30/02/2026" },
    });
    expect(result.status).toBe(400);
    expect(result.data.errors).toEqual({
      description: ["Enter what needs to be done."],
      ownerId: ["Choose who will do it."],
      dueDate: ["Enter a real date, like 23/11/2026."],
    });
    expect(result.data.values).toEqual({ description: "   ", ownerId: "", dueDate: "30/02/2026" });

    const stranger = await submit(newAction, {
      path: "/actions/new",
      cookie: editor.cookie,
      form: { description: "Keep me", ownerId: "9999", dueDate: "2026-12-01" },
    });
    expect(stranger.data.errors).toEqual({
      ownerId: ["Choose who will do it from the list of active users."],
    });
    expect(stranger.data.values).toMatchObject({ description: "Keep me", dueDate: "2026-12-01" });
    expect(db.select().from(actions).all()).toEqual([]);
  });

  it("gives actions only to active users, but keeps a departed owner when editing", async () => {
    const admin = await signedInUser("admin");
    const leaver = await signedInUser("editor", { name: "Lee Leaver" });
    const id = await addAction(admin.cookie, {
      description: "Hand over the files",
      ownerId: String(leaver.id),
    });
    updateUserAccess(leaver.id, { active: false }, admin.id);
    const refused = await submit(newAction, {
      path: "/actions/new",
      cookie: admin.cookie,
      form: { description: "Another task", ownerId: String(leaver.id) },
    });
    expect(refused.data.errors.ownerId).toEqual(["Choose who will do it from the list of active users."]);
    const params = { actionId: String(id) };
    const edit = await load(editLoader, { path: `/actions/${id}/edit`, params, cookie: admin.cookie });
    expect(edit.data.owners.map((o: { name: string }) => o.name)).toContain("Lee Leaver (no longer active)");
    const saved = await submit(editAction, {
      path: `/actions/${id}/edit`,
      params,
      cookie: admin.cookie,
      form: { description: "Hand over the files and keys", ownerId: String(leaver.id), dueDate: "" },
    });
    expect(saved.status).toBe(302);
  });
});

describe("actions on the dashboard", () => {
  it("lists a person's open actions and everyone's overdue ones, with totals", async () => {
    fixClock();
    const { ada, ids } = await fiveActions();
    const mine = openActionsFor(ada.id, "2026-11-10", 2);
    expect(mine.total).toBe(3);
    expect(mine.rows.map((r) => [r.id, r.overdue, r.dueToday])).toEqual([
      [ids.adaOverdue, true, false],
      [ids.adaToday, false, true],
    ]);
    const overdue = overdueActions("2026-11-10", 5);
    expect(overdue.total).toBe(2);
    expect(overdue.rows.map((r) => [r.id, r.ownerName])).toEqual([
      [ids.benOverdue, "Ben Okri"],
      [ids.adaOverdue, "Ada Lovelace"],
    ]);
  });
});

describe("action permissions", () => {
  it("lets a viewer read the list and change nothing", async () => {
    const editor = await signedInUser("editor");
    const viewer = await signedInUser("viewer");
    const id = await addAction(editor.cookie, { description: "Phone Sam", ownerId: String(viewer.id) });
    const params = { actionId: String(id) };
    const list = await load(listLoader, { path: "/actions?view=mine", cookie: viewer.cookie });
    expect(descriptions(list.data.rows)).toEqual(["Phone Sam"]);
    for (const [loader, path] of [
      [newLoader, "/actions/new"],
      [editLoader, `/actions/${id}/edit`],
      [deleteLoader, `/actions/${id}/delete`],
    ] as const) {
      expect((await load(loader, { path, params, cookie: viewer.cookie })).status).toBe(403);
    }
    const form = { description: "Hacked", ownerId: String(viewer.id), dueDate: "" };
    expect((await submit(newAction, { path: "/actions/new", cookie: viewer.cookie, form })).status).toBe(403);
    expect(
      (await submit(editAction, { path: `/actions/${id}/edit`, params, cookie: viewer.cookie, form })).status,
    ).toBe(403);
    expect(
      (await submit(deleteAction, { path: `/actions/${id}/delete`, params, cookie: viewer.cookie })).status,
    ).toBe(403);
    for (const intent of ["done", "reopen"]) {
      expect(
        (
          await submit(listAction, {
            path: "/actions?index",
            cookie: viewer.cookie,
            form: { intent, actionId: String(id) },
          })
        ).status,
      ).toBe(403);
    }
    expect(db.select().from(actions).get()).toMatchObject({ description: "Phone Sam", status: "open" });
  });

  it("sends anonymous visitors to sign in", async () => {
    await signedInUser("admin");
    expect((await load(listLoader, { path: "/actions" })).location).toMatch(/^\/login/);
    expect((await load(newLoader, { path: "/actions/new" })).location).toMatch(/^\/login/);
    expect(
      (await submit(listAction, { path: "/actions?index", form: { intent: "done", actionId: "1" } }))
        .location,
    ).toMatch(/^\/login/);
  });
});
