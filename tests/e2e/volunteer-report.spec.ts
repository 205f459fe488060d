import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { expect, expectAccessible, signIn, test } from "./support";

// Unique per run, so the test finds its own profile among those other runs leave behind.
const stamp = Date.now().toString(36);
const profileName = `Northtown, Census 2021 ${stamp}`;

test("an editor enters a community profile, compares volunteers with it, downloads and saves the report", async ({
  page,
}) => {
  await signIn(page);
  await page.goto("/reports/community-profiles");
  await expect(page.getByRole("heading", { level: 1, name: "Community profiles" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Add a community profile", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add a community profile" })).toBeVisible();
  await expectAccessible(page);

  const form = page.getByRole("main");
  await form.getByLabel("Name", { exact: true }).fill(profileName);
  await form.getByLabel("Source").fill("ONS Census 2021, tables TS007 and TS021");
  await form.getByLabel("Year").fill("2021");
  const age = form.getByRole("group", { name: "Age", exact: true });
  await age.getByLabel("25 to 34", { exact: true }).fill("20.5");
  await age.getByLabel("65 to 74", { exact: true }).fill("17.3");
  const sex = form.getByRole("group", { name: "Sex", exact: true });
  await sex.getByLabel("Female", { exact: true }).fill("60");
  await sex.getByLabel("Male", { exact: true }).fill("45");
  const white = form.getByRole("group", { name: "White", exact: true });
  await white.getByLabel("All in this category").fill("79.1");
  await white.getByLabel("Irish", { exact: true }).fill("1.2");

  // A mistake first: the figures for sex add up to more than 100, and nothing typed is lost.
  await form.getByRole("button", { name: "Add community profile" }).click();
  const problems = page.getByRole("alert");
  await expect(problems).toContainText("There is a problem");
  await expect(problems).toContainText("The percentages for sex add up to 105%, more than 100%.");
  await expect(age.getByLabel("25 to 34", { exact: true })).toHaveValue("20.5");
  await expect(white.getByLabel("Irish", { exact: true })).toHaveValue("1.2");
  await expectAccessible(page);

  await sex.getByLabel("Male", { exact: true }).fill("40");
  await form.getByRole("button", { name: "Add community profile" }).click();
  await expect(page.getByRole("status")).toHaveText("The community profile has been added.");
  const row = page.getByRole("row", { name: new RegExp(profileName) });
  await expect(row).toContainText("ONS Census 2021");
  await expect(row).toContainText("2021");
  await expectAccessible(page);

  // Compare the volunteers with it.
  await row.getByRole("link", { name: `Compare volunteers with ${profileName}` }).click();
  await expect(page).toHaveURL(/\/reports\/volunteers\?profile=\d+/);
  await expect(page.getByRole("heading", { level: 1, name: "Volunteer profile" })).toBeVisible();
  await expect(page.getByText(`Compared with ${profileName}`).first()).toBeVisible();
  await expect(page.getByLabel("Compare with")).toHaveValue(/\d+/);
  // What the report shows depends on the volunteers other tests have added: none, too few to show
  // any figure (the table then holds only the community's), or enough for charts.
  const ageSection = page.getByRole("region", { name: "Age", exact: true });
  if (!(await page.getByText("No volunteers were active in this period.").isVisible())) {
    await expect(ageSection.getByRole("columnheader", { name: "Community %" })).toBeVisible();
    await expect(ageSection.getByRole("row", { name: /25 to 34/ })).toContainText("20.5%");
    if ((await ageSection.getByText(/no figures are shown|so none are shown/).count()) === 0) {
      await expect(ageSection.getByRole("img", { name: /^Age of volunteers compared with/ })).toBeVisible();
    }
  }
  await expectAccessible(page);

  // The CSV holds the same suppressed tables: no count of 1 to 4.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    /^volunteer-profile-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/,
  );
  const rows: string[][] = parse(fs.readFileSync(await download.path(), "utf8").replace(/^\ufeff/, ""));
  expect(rows[0]).toEqual([
    "Question",
    "Category",
    "Volunteers",
    "Volunteer %",
    "Community %",
    "Difference (percentage points)",
  ]);
  for (const csvRow of rows.slice(1)) expect(["1", "2", "3", "4"]).not.toContain(csvRow[2]);
  expect(rows).toContainEqual(expect.arrayContaining(["Age", "25 to 34", "20.5"]));

  // Choose a programme with the form (a GET form: the choices are in the address).
  const choices = page.getByRole("form", { name: "Choose the period, programme and community" });
  await choices.getByLabel("Programme").selectOption({ label: "Work experience student" });
  await choices.getByRole("button", { name: "Show report" }).click();
  await expect(page).toHaveURL(/[?&]programme=work_experience/);
  await expect(page.getByText("work experience student programme", { exact: false }).first()).toBeVisible();

  // Save a dated copy as evidence for checklist 3.3.
  const save = page.getByRole("region", { name: "Save a dated copy as evidence" });
  await save
    .getByLabel("How this shows it")
    .fill("Younger people are under-represented; we are working with Northtown College.");
  await save.getByRole("button", { name: "Save a dated copy as evidence" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Volunteer profile, / })).toBeVisible();
  await expect(page.getByRole("status")).toContainText(
    "A dated copy has been saved and linked as evidence for checklist 3.3.",
  );
  const evidence = page.getByRole("region", { name: "Evidence for the checklist" });
  await expect(evidence).toContainText(
    "3.3.E2 taken action to ensure the age, economic and cultural profile",
  );
  await expect(evidence).toContainText("Younger people are under-represented");
  await expectAccessible(page);
});

test("the report and the profile form work on a phone-sized screen without sideways scrolling", async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await signIn(page);
  for (const path of [
    "/reports/volunteers",
    "/reports/community-profiles",
    "/reports/community-profiles/new",
  ]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `sideways scroll on ${path}`).toBeLessThanOrEqual(0);
  }
});
