import fs from "node:fs";
import { expect, test, expectAccessible, signIn, type Page } from "./support";

// Unique per run, so the test finds its own records among those other tests leave behind.
const stamp = Date.now().toString(36);
const exported = { name: `Omar Farouk ${stamp}`, email: `omar-${stamp}@example.org` };
const erased = { name: `Lena Novak ${stamp}`, email: `lena-${stamp}@example.org` };

/** A volunteer added as a person would, with an hour and a half given; returns their page's path. */
async function addVolunteerWithHours(page: Page, person: { name: string; email: string }) {
  await page.goto("/volunteers/new");
  const form = page.getByRole("main");
  await form.getByLabel("Name", { exact: true }).fill(person.name);
  await form.getByLabel("Programme", { exact: true }).selectOption({ label: "Volunteer" });
  await form.getByLabel("Email address").fill(person.email);
  await form.getByRole("button", { name: "Add volunteer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: person.name })).toBeVisible();
  const hours = page.getByRole("region", { name: "Hours given" });
  await hours.getByLabel("Date given").fill("2025-06-03");
  await hours.getByLabel("Hours", { exact: true }).fill("1:30");
  await hours.getByLabel("Activity").fill("Welcome desk");
  await hours.getByRole("button", { name: "Add hours" }).click();
  await expect(hours).toContainText("Total: 1 hour 30 minutes");
  return new URL(page.url()).pathname;
}

test.describe("personal data", () => {
  test("the admin downloads everything held about a volunteer", async ({ page }) => {
    await signIn(page);
    const volunteerPath = await addVolunteerWithHours(page, exported);

    await page.goto(`${volunteerPath}/personal-data`);
    await expect(
      page.getByRole("heading", { level: 1, name: `Personal data held about ${exported.name}` }),
    ).toBeVisible();
    const main = page.getByRole("main");
    await expect(main.getByRole("heading", { level: 2, name: "Their record" })).toBeVisible();
    await expect(main).toContainText(exported.email);
    await expect(main).toContainText("In all: 1 hour 30 minutes.");
    await expectAccessible(page);

    const [json] = await Promise.all([
      page.waitForEvent("download"),
      main.getByRole("link", { name: "Download everything held (JSON)" }).click(),
    ]);
    expect(json.suggestedFilename()).toMatch(/^personal-data-volunteer-\d+-\d{4}-\d{2}-\d{2}\.json$/);
    const held = JSON.parse(fs.readFileSync(await json.path(), "utf8"));
    expect(held.about.name).toBe(exported.name);
    expect(held.volunteer.email).toBe(exported.email);
    expect(held.totalMinutes).toBe(90);
    expect(held.hours[0]).toMatchObject({ date: "2025-06-03", minutes: 90, activity: "Welcome desk" });
    expect(held.auditTrail.some((event: { action: string }) => event.action === "create")).toBe(true);
    expect(JSON.stringify(held)).not.toContain(erased.name);

    const [printable] = await Promise.all([
      page.waitForEvent("download"),
      main.getByRole("link", { name: "Download a printable copy (HTML)" }).click(),
    ]);
    expect(printable.suggestedFilename()).toMatch(/\.html$/);
    expect(fs.readFileSync(await printable.path(), "utf8")).toContain(
      `<h1>Personal data held about ${exported.name}</h1>`,
    );
  });

  test("the admin erases a volunteer after typing their name; their hours stay", async ({ page }) => {
    await signIn(page);
    const volunteerPath = await addVolunteerWithHours(page, erased);
    const id = volunteerPath.split("/").pop();

    await page.goto(`${volunteerPath}/personal-data`);
    await page.getByRole("link", { name: `Erase ${erased.name}’s personal data` }).click();
    await expect(
      page.getByRole("heading", { level: 1, name: `Erase ${erased.name}’s personal data` }),
    ).toBeVisible();
    const main = page.getByRole("main");
    await expect(main.getByRole("heading", { name: "What is removed" })).toBeVisible();
    await expect(main).toContainText(`the record will be called “Erased volunteer ${id}”`);
    await expect(main.getByRole("heading", { name: "What is kept, without their name" })).toBeVisible();
    await expect(main).toContainText("1 hour 30 minutes of hours given");
    await expectAccessible(page);

    // Not without the name, typed as it is shown.
    const erase = main.getByRole("button", { name: `Erase ${erased.name}’s personal data` });
    await erase.click();
    await expect(page.getByRole("alert")).toContainText("Enter their name, exactly as it is shown above.");
    await expectAccessible(page);
    const confirm = main.getByLabel(`To confirm, type their name: ${erased.name}`);
    await confirm.fill("Lena");
    await erase.click();
    await expect(page.getByRole("alert")).toContainText(
      `Type their name exactly as it is shown: ${erased.name}.`,
    );
    await expect(confirm).toHaveValue("Lena");

    await confirm.fill(erased.name);
    await erase.click();
    await expect(page.getByRole("status")).toContainText("Their personal data has been erased.");
    await expect(
      page.getByRole("heading", { level: 1, name: `Personal data held about Erased volunteer ${id}` }),
    ).toBeVisible();
    await expect(page.getByRole("main")).toContainText("In all: 1 hour 30 minutes.");
    await expect(page.getByRole("main")).not.toContainText(erased.email);
    await expectAccessible(page);

    await page.goto(`/volunteers?q=${encodeURIComponent(erased.name)}`);
    await expect(page.getByRole("link", { name: erased.name })).toHaveCount(0);
    await page.goto(volunteerPath);
    await expect(page.getByRole("heading", { level: 1, name: `Erased volunteer ${id}` })).toBeVisible();
  });
});
