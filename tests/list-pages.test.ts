import { describe, expect, it } from "vitest";
import { actions, meetingPartners, meetings, partners } from "~db/schema";
import { loader as actionsLoader } from "~/routes/_app.actions._index";
import { loader as meetingsLoader } from "~/routes/_app.meetings._index";
import { db } from "~/utils/db.server";
import { FEW_ROWS } from "~/utils/list-page.server";
import { signedInUser } from "./support/factories";
import { load } from "./support/requests";

/**
 * A list page is found one of three ways (app/utils/list-page.server.ts): by walking the sort
 * order's index, by reading the few matching rows by id, or by gathering every match through the
 * filters' own indexes. Whichever way, the page must be the same; these tests make a list long
 * enough for each.
 */

type Meeting = {
  id: number;
  heldAt: number;
  kind: "meeting" | "call";
  title: string;
  boat: boolean;
  partnerIds: number[];
};

const COUNT = 2_600;

/** Many meetings at once, straight into the database (the forms would take minutes). */
function manyMeetings() {
  const partner = (name: string) =>
    db
      .insert(partners)
      .values({ name, type: "college", status: "active" })
      .returning({ id: partners.id })
      .get().id;
  const riverside = partner("Riverside College");
  const eastbridge = partner("Eastbridge Library");
  const made: Meeting[] = [];
  db.transaction((tx) => {
    for (let i = 0; i < COUNT; i += 1) {
      // Dates out of step with the ids, and some equal, so the order is the list's, not the table's.
      const heldAt = Date.UTC(2024, 0, 1) + ((i * 7919) % 1_301) * 86_400_000;
      // 2,100 ordinary meetings (more than FEW_ROWS) and 500 calls.
      const kind = i % 26 < 21 ? "meeting" : "call";
      const title = `Catch-up ${String((i * 37) % 400).padStart(3, "0")}`;
      const boat = i % 250 === 0;
      const id = tx
        .insert(meetings)
        .values({ heldAt: new Date(heldAt), kind, title, summary: boat ? "About the BOAT trip" : null })
        .returning({ id: meetings.id })
        .get().id;
      const partnerIds = [...(i % 3 === 0 ? [riverside] : []), ...(i % 700 === 0 ? [eastbridge] : [])];
      for (const partnerId of partnerIds)
        tx.insert(meetingPartners).values({ meetingId: id, partnerId }).run();
      made.push({ id, heldAt, kind, title, boat, partnerIds });
    }
  });
  return { made, riverside, eastbridge };
}

const newestFirst = (a: Meeting, b: Meeting) => b.heldAt - a.heldAt || b.id - a.id;
const compareTitles = (a: Meeting, b: Meeting) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0);
/** By title A to Z, the newest first within each, then by id (as the list sorts). */
const byTitle = (a: Meeting, b: Meeting) => compareTitles(a, b) || b.heldAt - a.heldAt || a.id - b.id;
/** By title Z to A, still the newest first within each. */
const byTitleDesc = (a: Meeting, b: Meeting) => compareTitles(b, a) || b.heldAt - a.heldAt || b.id - a.id;

function pageOf(rows: Meeting[], page: number) {
  return rows.slice((page - 1) * 25, page * 25).map((m) => m.id);
}

describe("finding a page of a long list", () => {
  it("gives the same page whichever way it is found", async () => {
    const editor = await signedInUser("editor");
    const { made, riverside, eastbridge } = manyMeetings();
    const list = async (query: string) => {
      const result = await load(meetingsLoader, { path: `/meetings?${query}`, cookie: editor.cookie });
      expect(result.status).toBe(200);
      return { ids: result.data.rows.map((r: { id: number }) => r.id), total: result.data.total };
    };
    const expectPage = async (query: string, rows: Meeting[], page: number) => {
      expect(await list(`${query}&page=${page}`), query).toEqual({
        ids: pageOf(rows, page),
        total: rows.length,
      });
    };

    // No filter: the date index from the top, and from far down.
    const all = [...made].sort(newestFirst);
    await expectPage("sort=date", all, 1);
    await expectPage("sort=date", all, 100);
    await expectPage("sort=date&dir=asc", [...all].reverse(), 3);
    await expectPage("sort=title&dir=desc", [...made].sort(byTitleDesc), 2);

    // Many match: walked, each row checked (the kind, the partner's links, the words).
    const ordinary = made.filter((m) => m.kind === "meeting");
    expect(ordinary.length).toBeGreaterThan(FEW_ROWS);
    await expectPage("kind=meeting", ordinary.sort(newestFirst), 1);
    await expectPage("kind=meeting&sort=title", ordinary.sort(byTitle), 2);
    const withRiverside = made.filter((m) => m.partnerIds.includes(riverside)).sort(newestFirst);
    await expectPage("partner=riverside", withRiverside, 1);
    await expectPage(`partnerId=${riverside}`, withRiverside, 2);
    await expectPage(
      "q=catch-up%201&sort=title",
      made.filter((m) => m.title.startsWith("Catch-up 1")).sort(byTitle),
      4,
    );

    // Few match: read by id and sorted.
    const withEastbridge = made.filter((m) => m.partnerIds.includes(eastbridge)).sort(newestFirst);
    expect(withEastbridge.length).toBe(4);
    await expectPage("partner=eastbridge", withEastbridge, 1);
    await expectPage("q=boat", made.filter((m) => m.boat).sort(newestFirst), 1);
    // Deep in a list of a few hundred: cheaper by id than walking.
    await expectPage("partner=riverside", withRiverside, 30);

    // Deep in a list of more than FEW_ROWS: gathered through the kind's index.
    await expectPage("kind=meeting&sort=title", ordinary.sort(byTitle), 80);
    await expectPage("kind=meeting&sort=title&dir=desc", ordinary.sort(byTitleDesc), 75);

    // Past the end: nothing, and still the total.
    expect(await list("kind=call&page=400")).toEqual({ ids: [], total: COUNT - ordinary.length });
  });

  it("counts again once the data changes", async () => {
    const editor = await signedInUser("editor");
    const total = async () =>
      (await load(meetingsLoader, { path: "/meetings?kind=call", cookie: editor.cookie })).data.total;
    expect(await total()).toBe(0);
    db.insert(meetings).values({ heldAt: new Date(), kind: "call", title: "Quick call" }).run();
    expect(await total()).toBe(1);
  });

  it("shows a change at once, though the page is kept between visits", async () => {
    const editor = await signedInUser("editor");
    const titles = async () =>
      (await load(meetingsLoader, { path: "/meetings", cookie: editor.cookie })).data.rows.map(
        (row: { title: string }) => row.title,
      );
    db.insert(meetings).values({ heldAt: new Date(), kind: "meeting", title: "Planning" }).run();
    expect(await titles()).toEqual(["Planning"]);
    expect(await titles()).toEqual(["Planning"]);
    db.update(meetings).set({ title: "Planning, renamed" }).run();
    expect(await titles()).toEqual(["Planning, renamed"]);
  });

  it("keeps each person's own actions their own", async () => {
    const ada = await signedInUser("editor", { name: "Ada Editor" });
    const tom = await signedInUser("editor", { name: "Tom Editor" });
    db.insert(actions)
      .values({ description: "Ada's task", ownerId: ada.id, status: "open", source: "none" })
      .run();
    const mine = async (cookie: string) =>
      (await load(actionsLoader, { path: "/actions?view=mine", cookie })).data.rows.map(
        (row: { description: string }) => row.description,
      );
    expect(await mine(ada.cookie)).toEqual(["Ada's task"]);
    expect(await mine(tom.cookie)).toEqual([]);
  });
});
