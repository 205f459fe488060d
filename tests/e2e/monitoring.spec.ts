import { expect, test, expectAccessible, signIn, signOut } from "./support";

// Unique per run, so the test finds its own records among those other tests leave behind.
const stamp = Date.now().toString(36);
const volunteerName = `Nadia Rahman ${stamp}`;
const viewer = {
  name: `Vera Viewer ${stamp}`,
  email: `vera-${stamp}@museum.example`,
  password: "vera's own long passphrase",
};

test.describe("equality monitoring", () => {
  test("the admin records consent and answers, sends a self-fill link, and a viewer sees none of it", async ({
    page,
    browser,
  }) => {
    await signIn(page);

    // A volunteer, added as a person would.
    await page.goto("/volunteers/new");
    const form = page.getByRole("main");
    await form.getByLabel("Name", { exact: true }).fill(volunteerName);
    await form.getByLabel("Programme", { exact: true }).selectOption({ label: "Volunteer" });
    await form.getByRole("button", { name: "Add volunteer" }).click();
    await expect(page.getByRole("heading", { level: 1, name: volunteerName })).toBeVisible();
    const volunteerUrl = new URL(page.url()).pathname;

    const card = page.getByRole("region", { name: "Equality monitoring" });
    await expect(card).toContainText("Not recorded");
    await card.getByRole("link", { name: "Record their answers" }).click();
    await expect(
      page.getByRole("heading", { level: 1, name: `Equality monitoring: ${volunteerName}` }),
    ).toBeVisible();
    await expectAccessible(page);

    // Answers without consent are refused, and the choices made are kept.
    const main = page.getByRole("main");
    await main.getByRole("radio", { name: "Indian", exact: true }).check();
    await main
      .getByRole("group", { name: /What is your age/ })
      .getByRole("radio", { name: "25 to 34" })
      .check();
    await main.getByRole("button", { name: "Save consent and answers" }).click();
    const problems = page.getByRole("alert");
    await expect(problems).toContainText("There is a problem");
    await expect(problems).toContainText("Confirm that they have agreed to their answers being recorded.");
    await expect(problems).toContainText("Enter the date they agreed.");
    await expect(main.getByRole("radio", { name: "Indian", exact: true })).toBeChecked();
    await expectAccessible(page);

    await main.getByRole("checkbox", { name: "They have agreed to this being recorded" }).check();
    await main.getByLabel("Date they agreed").fill("2025-01-15");
    await main.getByRole("radio", { name: "On a paper form" }).check();
    await main.getByRole("radio", { name: "Yes, limited a little" }).check();
    await main.getByLabel("Where do you live?").fill("Leeds");
    await main.getByRole("button", { name: "Save consent and answers" }).click();
    await expect(page.getByRole("status")).toContainText("Their consent and answers have been saved.");
    await expect(page.getByRole("heading", { level: 2, name: "Recorded", exact: true })).toBeVisible();
    await expect(main.getByRole("radio", { name: "Indian", exact: true })).toBeChecked();
    await expect(main.getByRole("radio", { name: "Yes, limited a little" })).toBeChecked();

    // A link for the volunteer to fill in the form themselves, shown once.
    await main.getByRole("button", { name: `Create a link for ${volunteerName}` }).click();
    const link = await page.getByLabel("Their link").inputValue();
    expect(link).toMatch(/\/monitoring\/[A-Za-z0-9_-]{43}$/);
    await expect(page.getByText("it is shown only this once")).toBeVisible();
    await expectAccessible(page);

    // The volunteer opens it on a phone, signed in to nothing.
    const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
    const phone = await context.newPage();
    await phone.goto(link);
    await expect(phone.getByRole("heading", { level: 1, name: "Equality monitoring form" })).toBeVisible();
    await expect(phone.getByText("Every question is optional.")).toBeVisible();
    await expect(phone.getByText(volunteerName)).toHaveCount(0);
    await expectAccessible(phone);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, "sideways scroll on the self-fill page").toBeLessThanOrEqual(0);
    await phone
      .getByRole("group", { name: /What is your age/ })
      .getByRole("radio", { name: "Prefer not to say" })
      .check();
    await phone.getByRole("radio", { name: "Pakistani" }).check();
    await phone.getByRole("button", { name: "Send my answers" }).click();
    await expect(phone.getByRole("alert")).toContainText("Tick the box to agree");
    await expect(phone.getByRole("radio", { name: "Pakistani" })).toBeChecked();
    await phone.getByRole("checkbox", { name: /I agree to/ }).check();
    await phone.getByRole("button", { name: "Send my answers" }).click();
    await expect(phone.getByRole("heading", { level: 1, name: "Thank you" })).toBeVisible();
    const again = await phone.goto(link);
    expect(again?.status()).toBe(410);
    await expect(phone.getByRole("heading", { level: 1, name: "This link no longer works" })).toBeVisible();
    await expect(phone.getByText("ask your coordinator")).toBeVisible();
    await expectAccessible(phone);
    await context.close();

    await page.goto(`${volunteerUrl}/monitoring`);
    await expect(
      page.getByRole("definition").filter({ hasText: "Online, on the form they filled in themselves" }),
    ).toBeVisible();
    await expect(page.getByRole("radio", { name: "Pakistani" })).toBeChecked();

    // A viewer, added by the admin, sees no monitoring at all.
    await page.goto("/users/new");
    await page.getByLabel("Name").fill(viewer.name);
    await page.getByLabel("Email address").fill(viewer.email);
    await page.getByLabel("Role").selectOption("viewer");
    await page.getByLabel("First password").fill(viewer.password);
    await page.getByRole("button", { name: "Add user" }).click();
    await expect(page.getByRole("status")).toContainText("The user has been added");
    await signOut(page);

    await signIn(page, viewer);
    await page.goto(volunteerUrl);
    await expect(page.getByRole("heading", { level: 1, name: volunteerName })).toBeVisible();
    await expect(page.getByRole("main").getByText(/equality monitoring/i)).toHaveCount(0);
    await expect(page.getByRole("region", { name: "Equality monitoring" })).toHaveCount(0);
    const html = await page.content();
    for (const value of [
      "asian_pakistani",
      "Pakistani",
      "yes_a_little",
      "Leeds",
      `${volunteerUrl}/monitoring`,
    ]) {
      expect(html, `the viewer's page holds "${value}"`).not.toContain(value);
    }
    const refused = await page.goto(`${volunteerUrl}/monitoring`);
    expect(refused?.status()).toBe(403);
    await expect(
      page.getByRole("heading", { name: "You do not have permission to see this page" }),
    ).toBeVisible();
    await expect(page.getByText("Pakistani")).toHaveCount(0);
  });

  test("the printable sheet lists every question as tick boxes", async ({ page }) => {
    await signIn(page);
    await page.goto("/monitoring/printable");
    await expect(page.getByRole("heading", { level: 1, name: /Equality monitoring form/ })).toBeVisible();
    await expect(page.getByRole("heading", { name: /What is your ethnic group\?/ })).toBeVisible();
    await expect(page.getByText("Yes, limited a lot")).toBeVisible();
    await expectAccessible(page);
  });
});
