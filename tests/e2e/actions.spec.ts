import { expect, test, admin, expectAccessible, signIn } from "./support";

// Unique per run, so the tests find their own records among those other tests leave behind.
const stamp = Date.now().toString(36);
const forMe = `Send the evaluation form ${stamp}`;
const noScript = `Return the loan boxes ${stamp}`;

test.describe("follow-up actions and the calendar", () => {
  test("an editor adds an action for themselves, finds it under Mine, on the calendar and in their feed", async ({
    page,
  }) => {
    await signIn(page);
    await page.goto("/actions");
    await expect(page.getByRole("heading", { level: 1, name: "Actions" })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Add an action" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Add an action" })).toBeVisible();
    await expectAccessible(page);
    const form = page.getByRole("main");

    // A mistake first: the problem is explained and the date typed is kept.
    await form.getByLabel("Due date").fill("2030-01-15");
    await form.getByRole("button", { name: "Add action" }).click();
    await expect(page.getByRole("alert")).toContainText("Enter what needs to be done.");
    await expect(form.getByLabel("Due date")).toHaveValue("2030-01-15");
    await expectAccessible(page);

    await form.getByLabel("What needs to be done").fill(forMe);
    await form.getByLabel("Owner").selectOption({ label: admin.name });
    await form.getByRole("button", { name: "Add action" }).click();
    await expect(page.getByText("The action has been added.")).toBeVisible();

    await page
      .getByRole("navigation", { name: "Views of the actions" })
      .getByRole("link", { name: /^Mine/ })
      .click();
    await expect(page).toHaveURL(/view=mine/);
    const row = page.getByRole("row").filter({ hasText: forMe });
    await expect(row).toContainText("15 Jan 2030");
    await expect(row).toContainText(admin.name);
    await expect(row).toContainText("Added directly");
    await expect(row.getByRole("button", { name: new RegExp(`^Mark as done\\W+${forMe}$`) })).toBeVisible();
    await expectAccessible(page);

    // The in-app calendar shows it on its day, in the month grid and in the agenda.
    await page.goto("/calendar?month=2030-01");
    await expect(page.getByRole("heading", { level: 2, name: "January 2030", exact: true })).toBeVisible();
    const agenda = page.getByRole("region", { name: "Agenda for January 2030" });
    await expect(agenda.getByRole("heading", { name: "Tuesday 15 January 2030" })).toBeVisible();
    await expect(agenda.getByRole("link", { name: `Action due: ${forMe}` })).toBeVisible();
    const grid = page.getByRole("table", { name: /January 2030/ });
    await expect(grid.getByRole("cell").filter({ hasText: forMe })).toContainText("15");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Set up your calendar feed" }).click();

    // The calendar feed: create the address on the profile, then fetch it as a calendar app would.
    await expect(page.getByRole("heading", { level: 1, name: "Your profile" })).toBeVisible();
    const feed = page.getByRole("region", { name: "Calendar feed" });
    await feed.getByRole("button", { name: "Create my calendar address" }).click();
    await expect(page.getByText("Your calendar address is ready.")).toBeVisible();
    const address = await feed.getByLabel("Your calendar address").inputValue();
    expect(address).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    await expectAccessible(page);

    const response = await page.request.get(address);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
    // Long lines are folded (RFC 5545 3.1): unfold before looking for the text.
    const body = (await response.text()).replace(/\r\n[ \t]/g, "");
    expect(body).toContain("BEGIN:VCALENDAR");
    expect(body).toContain(`SUMMARY:Action due: ${forMe}`);
    expect(body).toContain("DTSTART;VALUE=DATE:20300115");

    // Turning the feed off stops the address working at once.
    await feed.getByRole("button", { name: "Turn off the feed" }).click();
    await expect(page.getByText("Your calendar feed is turned off.")).toBeVisible();
    expect((await page.request.get(address)).status()).toBe(404);
    await expect(feed.getByRole("button", { name: "Create my calendar address" })).toBeVisible();
  });
});

test.describe("actions without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an action is marked as done with one click, then reopened", async ({ page }) => {
    await signIn(page);
    await page.goto("/actions/new");
    await page.getByLabel("What needs to be done").fill(noScript);
    await page.getByRole("button", { name: "Add action" }).click();
    await expect(page.getByText("The action has been added.")).toBeVisible();

    await page.getByRole("link", { name: /^Mine/ }).click();
    await page
      .getByRole("row")
      .filter({ hasText: noScript })
      .getByRole("button", { name: new RegExp(`^Mark as done\\W+${noScript}$`) })
      .click();
    await expect(page.getByText("The action has been marked as done.")).toBeVisible();
    await expect(page).toHaveURL(/view=mine/);
    await expect(page.getByRole("row").filter({ hasText: noScript })).toHaveCount(0);

    await page.getByRole("link", { name: /^Done/ }).click();
    const done = page.getByRole("row").filter({ hasText: noScript });
    await expect(done).toContainText(`by ${admin.name}`);
    await done.getByRole("button", { name: new RegExp(`^Reopen\\W+${noScript}$`) }).click();
    await expect(page.getByText("The action is open again.")).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: noScript })).toHaveCount(0);
  });
});
