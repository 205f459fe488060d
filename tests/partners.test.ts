import { describe, expect, it } from "vitest";
import { loader as listLoader } from "~/routes/_app.partners._index";
import { loader as csvLoader } from "~/routes/partners[.]csv";
import { action as newAction, loader as newLoader } from "~/routes/_app.partners.new";
import { action as editAction, loader as editLoader } from "~/routes/_app.partners.$partnerId.edit";
import { loader as pageLoader } from "~/routes/_app.partners.$partnerId._index";
import { action as deleteAction, loader as deleteLoader } from "~/routes/_app.partners.$partnerId.delete";
import { action as newContactAction } from "~/routes/_app.partners.$partnerId.contacts.new";
import { loader as historyLoader } from "~/routes/_app.history.$recordType.$recordId";
import { load, submit } from "./support/requests";
import { signedInUser } from "./support/factories";
import { partnerFormData } from "./support/forms";

async function addPartner(cookie: string, overrides: Record<string, string> = {}) {
  const result = await submit(newAction, { path: "/partners/new", cookie, form: partnerFormData(overrides) });
  expect(result.status).toBe(302);
  return Number(result.location!.match(/\/partners\/(\d+)/)![1]);
}

describe("adding and changing partners", () => {
  it("adds a partner with two contacts and shows everything on its page", async () => {
    const editor = await signedInUser("editor");
    const id = await addPartner(editor.cookie);
    for (const name of ["Sam Patel", "Jo Evans"]) {
      const contact = await submit(newContactAction, {
        path: `/partners/${id}/contacts/new`,
        params: { partnerId: String(id) },
        cookie: editor.cookie,
        form: {
          name,
          role: "Tutor",
          email: `${name.split(" ")[0].toLowerCase()}@riverside.ac.uk`,
          phone: "01632 960123",
        },
      });
      expect(contact.status).toBe(302);
    }
    const page = await load(pageLoader, {
      path: `/partners/${id}`,
      params: { partnerId: String(id) },
      cookie: editor.cookie,
    });
    expect(page.data.partner).toMatchObject({
      name: "Riverside College",
      website: "https://riverside.ac.uk",
      isAdvocate: true,
      extendsOnsite: false,
      extendsOffsite: true,
    });
    expect(page.data.contacts.map((c: { name: string }) => c.name)).toEqual(["Jo Evans", "Sam Patel"]);
    expect(page.data.history[0].action).toBe("create");
  });

  it("explains each invalid field and keeps every typed value", async () => {
    const editor = await signedInUser("editor");
    const result = await submit(newAction, {
      path: "/partners/new",
      cookie: editor.cookie,
      form: partnerFormData({
        name: "",
        type: "spaceship",
        status: "ended",
        startDate: "2025-02-30",
        endDate: "",
        website: "not a website at all",
        notes: "Keep this note",
      }),
    });
    expect(result.status).toBe(400);
    expect(result.data.errors).toMatchObject({
      name: ["Enter the partner's name."],
      type: ["Choose the type of organisation."],
      startDate: ["Enter a real date, like 23/11/2026."],
      endDate: ["Enter the date the partnership ended."],
      endReason: ["Say why the partnership ended."],
      website: ["Enter a web address, like https://example.org."],
    });
    expect(result.data.values).toMatchObject({
      type: "spaceship",
      notes: "Keep this note",
      isAdvocate: "on",
    });
  });

  it("refuses an end date before the start date, and accepts UK-style dates", async () => {
    const editor = await signedInUser("editor");
    const bad = await submit(newAction, {
      path: "/partners/new",
      cookie: editor.cookie,
      form: partnerFormData({ startDate: "2025-09-01", endDate: "2025-01-01" }),
    });
    expect(bad.data.errors.endDate).toEqual(["The end date must be on or after the start date."]);
    const id = await addPartner(editor.cookie, { startDate: "1/9/2025" });
    const page = await load(pageLoader, {
      path: `/partners/${id}`,
      params: { partnerId: String(id) },
      cookie: editor.cookie,
    });
    expect(page.data.partner.startDate).toBe("2025-09-01");
  });

  it("records each change in the history, with before and after", async () => {
    const admin = await signedInUser("admin");
    const id = await addPartner(admin.cookie);
    const params = { partnerId: String(id) };
    const edited = await submit(editAction, {
      path: `/partners/${id}/edit`,
      params,
      cookie: admin.cookie,
      form: partnerFormData({
        status: "ended",
        endDate: "2026-07-31",
        endReason: "Funding ended",
        isAdvocate: "",
      }),
    });
    expect(edited.location).toBe(`/partners/${id}?notice=saved`);
    const history = await load(historyLoader, {
      path: `/history/partner/${id}`,
      params: { recordType: "partner", recordId: String(id) },
      cookie: admin.cookie,
    });
    expect(history.data.label).toBe("Riverside College");
    expect(history.data.history[0].changes).toEqual({
      status: ["active", "ended"],
      endDate: [null, "2026-07-31"],
      endReason: [null, "Funding ended"],
      isAdvocate: [true, false],
      // An ended partnership is no longer reviewed (12 months after its start, by default).
      nextReviewDate: ["2026-09-01", null],
    });
  });
});

describe("finding partners", () => {
  it("searches, filters, sorts and pages on the server, with counts", async () => {
    const editor = await signedInUser("editor");
    for (let i = 1; i <= 30; i += 1) {
      await addPartner(editor.cookie, {
        name: `Partner ${String(i).padStart(2, "0")}`,
        type: i % 3 === 0 ? "school" : "charity",
        status: i % 5 === 0 ? "paused" : "active",
        isAdvocate: i % 2 === 0 ? "on" : "",
        area: i === 7 ? "Eastbridge" : "Northtown",
      });
    }
    const all = await load(listLoader, { path: "/partners", cookie: editor.cookie });
    expect(all.data.total).toBe(30);
    expect(all.data.rows).toHaveLength(25);
    expect(all.data.rows[0].name).toBe("Partner 01");
    const second = await load(listLoader, { path: "/partners?page=2", cookie: editor.cookie });
    expect(second.data.rows.map((r: { name: string }) => r.name)).toEqual([
      "Partner 26",
      "Partner 27",
      "Partner 28",
      "Partner 29",
      "Partner 30",
    ]);
    const schools = await load(listLoader, {
      path: "/partners?type=school&status=active",
      cookie: editor.cookie,
    });
    expect(schools.data.total).toBe(8); // 10 schools, minus 15 and 30 which are paused
    const byArea = await load(listLoader, { path: "/partners?q=eastbr", cookie: editor.cookie });
    expect(byArea.data.rows.map((r: { name: string }) => r.name)).toEqual(["Partner 07"]);
    const desc = await load(listLoader, { path: "/partners?sort=name&dir=desc", cookie: editor.cookie });
    expect(desc.data.rows[0].name).toBe("Partner 30");
    const advocates = await load(listLoader, { path: "/partners?advocate=yes", cookie: editor.cookie });
    expect(advocates.data.total).toBe(15);
  });

  it("treats search text literally and ignores nonsense in the address", async () => {
    const editor = await signedInUser("editor");
    await addPartner(editor.cookie, { name: "100% Arts" });
    await addPartner(editor.cookie, { name: "Arts Hub" });
    const percent = await load(listLoader, { path: "/partners?q=100%25", cookie: editor.cookie });
    expect(percent.data.rows.map((r: { name: string }) => r.name)).toEqual(["100% Arts"]);
    const nonsense = await load(listLoader, {
      path: "/partners?type=zzz&page=-4&sort=evil&dir=sideways",
      cookie: editor.cookie,
    });
    expect(nonsense.status).toBe(200);
    expect(nonsense.data.total).toBe(2);
  });

  it("downloads exactly what the filters show as spreadsheet-safe CSV", async () => {
    const editor = await signedInUser("editor");
    await addPartner(editor.cookie, { name: '=HYPERLINK("http://evil")', type: "business" });
    await addPartner(editor.cookie, {
      name: "Plain Partner",
      type: "business",
      notes: "Line one\nLine two, with comma",
    });
    await addPartner(editor.cookie, { name: "Other Type", type: "school" });
    const result = await load(csvLoader, { path: "/partners.csv?type=business", cookie: editor.cookie });
    expect(result.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(result.headers.get("Content-Disposition")).toMatch(
      /attachment; filename="partners-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const { parse } = await import("csv-parse/sync");
    const rows: string[][] = parse((result.data as string).replace(/^\ufeff/, ""));
    expect(rows[0].slice(0, 4)).toEqual(["ID", "Name", "Type", "Status"]);
    expect(rows.slice(1).map((r) => r[1])).toEqual(['\'=HYPERLINK("http://evil")', "Plain Partner"]);
    expect(rows[2][13]).toBe("Line one\nLine two, with comma");
    expect(rows[1][8]).toBe("Yes");
  });
});

describe("deleting partners", () => {
  it("confirms, then deletes a partner nothing depends on", async () => {
    const editor = await signedInUser("editor");
    const id = await addPartner(editor.cookie);
    const params = { partnerId: String(id) };
    const confirm = await load(deleteLoader, {
      path: `/partners/${id}/delete`,
      params,
      cookie: editor.cookie,
    });
    expect(confirm.data.dependants).toEqual([]);
    const deleted = await submit(deleteAction, {
      path: `/partners/${id}/delete`,
      params,
      cookie: editor.cookie,
    });
    expect(deleted.location).toBe("/partners?notice=deleted");
    expect((await load(pageLoader, { path: `/partners/${id}`, params, cookie: editor.cookie })).status).toBe(
      404,
    );
  });

  it("refuses to delete a partner that others depend on, and explains why", async () => {
    const editor = await signedInUser("editor");
    const id = await addPartner(editor.cookie);
    const params = { partnerId: String(id) };
    await submit(newContactAction, {
      path: `/partners/${id}/contacts/new`,
      params,
      cookie: editor.cookie,
      form: { name: "Sam" },
    });
    const confirm = await load(deleteLoader, {
      path: `/partners/${id}/delete`,
      params,
      cookie: editor.cookie,
    });
    expect(confirm.data.dependants).toEqual(["1 contact"]);
    await submit(deleteAction, { path: `/partners/${id}/delete`, params, cookie: editor.cookie });
    expect((await load(pageLoader, { path: `/partners/${id}`, params, cookie: editor.cookie })).status).toBe(
      200,
    );
  });
});

describe("partner permissions", () => {
  it("lets a viewer read everything and change nothing", async () => {
    const editor = await signedInUser("editor");
    const viewer = await signedInUser("viewer");
    const id = await addPartner(editor.cookie);
    const params = { partnerId: String(id) };
    expect((await load(listLoader, { path: "/partners", cookie: viewer.cookie })).data.total).toBe(1);
    expect((await load(pageLoader, { path: `/partners/${id}`, params, cookie: viewer.cookie })).status).toBe(
      200,
    );
    expect((await load(csvLoader, { path: "/partners.csv", cookie: viewer.cookie })).status).toBe(200);
    expect((await load(newLoader, { path: "/partners/new", cookie: viewer.cookie })).status).toBe(403);
    expect(
      (await load(editLoader, { path: `/partners/${id}/edit`, params, cookie: viewer.cookie })).status,
    ).toBe(403);
    expect(
      (await load(deleteLoader, { path: `/partners/${id}/delete`, params, cookie: viewer.cookie })).status,
    ).toBe(403);
    expect(
      (await submit(newAction, { path: "/partners/new", cookie: viewer.cookie, form: partnerFormData() }))
        .status,
    ).toBe(403);
    expect(
      (
        await submit(editAction, {
          path: `/partners/${id}/edit`,
          params,
          cookie: viewer.cookie,
          form: partnerFormData({ name: "Hacked" }),
        })
      ).status,
    ).toBe(403);
    expect(
      (await submit(deleteAction, { path: `/partners/${id}/delete`, params, cookie: viewer.cookie })).status,
    ).toBe(403);
    expect(
      (
        await submit(newContactAction, {
          path: `/partners/${id}/contacts/new`,
          params,
          cookie: viewer.cookie,
          form: { name: "X" },
        })
      ).status,
    ).toBe(403);
    const page = await load(pageLoader, { path: `/partners/${id}`, params, cookie: viewer.cookie });
    expect(page.data.partner.name).toBe("Riverside College");
    expect(page.data.contacts).toEqual([]);
  });

  it("sends anonymous visitors to sign in, including for the CSV", async () => {
    await signedInUser("admin");
    expect((await load(listLoader, { path: "/partners" })).location).toMatch(/^\/login/);
    expect((await load(csvLoader, { path: "/partners.csv" })).location).toMatch(/^\/login/);
  });

  it("keeps the history for administrators only", async () => {
    const editor = await signedInUser("editor");
    const id = await addPartner(editor.cookie);
    const params = { recordType: "partner", recordId: String(id) };
    expect(
      (await load(historyLoader, { path: `/history/partner/${id}`, params, cookie: editor.cookie })).status,
    ).toBe(403);
  });
});
