import { admin, expect, expectAccessible, signIn, test, type Page } from "./support";

// Unique per run, so the test finds its own records among those other tests leave behind.
const stamp = Date.now().toString(36);
const partnerName = `Harbourside Reminiscence Group ${stamp}`;
const firstTitle = `Last year's self-assessment ${stamp}`;
const secondTitle = `This year's self-assessment ${stamp}`;

const iso = (date: Date) => date.toISOString().slice(0, 10);
const today = new Date();
const lastYear = iso(new Date(today.getFullYear() - 1, today.getMonth(), Math.min(today.getDate(), 28)));
const inSixWeeks = iso(new Date(today.getTime() + 42 * 24 * 3600 * 1000));

/** Confirms one of the partner's suggestions from its page, and waits until it counts. */
async function confirmOnPartnerPage(page: Page, line: string) {
  const evidence = page.getByRole("region", { name: "Evidence for the checklist" });
  await evidence.getByRole("button", { name: `Confirm ${line}` }).click();
  await expect(evidence.getByRole("button", { name: `Confirm ${line}` })).toHaveCount(0);
}

test("a team assesses itself from its evidence, plans improvements, prints the report and compares with a later assessment", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page);

  // Evidence first: a partner, and two of the lines it is suggested for, confirmed.
  await page.goto("/partners/new");
  await page.getByLabel("Name", { exact: true }).fill(partnerName);
  await page.getByLabel("Type of organisation").selectOption({ label: "Community group" });
  await page.getByLabel("Start date").fill(iso(today));
  await page.getByLabel("What they bring").fill("Trained reminiscence volunteers and links to care homes");
  await page.getByLabel("They act as an advocate for our work").check();
  await page.getByRole("button", { name: "Add partner" }).click();
  await expect(page.getByRole("heading", { level: 1, name: partnerName })).toBeVisible();
  const partnerUrl = page.url();
  await confirmOnPartnerPage(page, "3.1.1a");
  await confirmOnPartnerPage(page, "3.1.E1");

  // Start an assessment: it opens with the answers the evidence supports.
  await page.goto("/assessments");
  await expect(page.getByRole("heading", { level: 1, name: "Self-assessments" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Start an assessment" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Start a self-assessment" })).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue(/^Section 3 self-assessment \w+ \d{4}$/);
  await expectAccessible(page);
  await page.getByLabel("Title").fill(firstTitle);
  await page.getByLabel("Date").fill(lastYear);
  await page.getByLabel("Who took part").fill(`${admin.name} (Head of Learning), Tom Reid (Volunteers)`);
  await page.getByRole("button", { name: "Start the assessment" }).click();
  await expect(page.getByRole("heading", { level: 1, name: firstTitle })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("The assessment has been started.");
  const firstUrl = page.url().replace(/\?.*$/, "");

  const element31 = page.getByRole("form", { name: /^3\.1 Do you identify suitable partners/ });
  await expect(
    element31.getByRole("radio", { name: "3.1.1a actively look for partners: Yes" }),
  ).toBeChecked();
  await expect(
    element31.getByRole("radio", {
      name: "3.1.E1 identified a range of partners with whom you might work effectively: Yes",
    }),
  ).toBeChecked();
  await expect(element31.getByRole("link", { name: "All evidence for 3.1.1a" })).toHaveAttribute(
    "href",
    "/checklist/3.1.1a",
  );
  await expect(element31.getByRole("link", { name: partnerName }).first()).toBeVisible();
  await expectAccessible(page);

  // The team changes two answers and writes areas for improvement.
  await element31.getByRole("radio", { name: "3.1.1a actively look for partners: Have started" }).check();
  await element31
    .getByRole("radio", {
      name: "3.1.E1 identified a range of partners with whom you might work effectively: No",
    })
    .check();
  await element31
    .getByLabel(/^Areas for Improvement: 3\.1\.E1 /)
    .fill("Keep a written map of potential partners and review it each term.");
  await element31
    .getByLabel(/^Areas for Improvement: 3\.1\.E4 /)
    .fill("Reach two community groups that represent new users.");
  await element31.getByLabel("Comments on 3.1.3").fill("Reviews happen but are not written up.");
  await element31.getByRole("button", { name: "Save element 3.1" }).click();
  await expect(page.getByRole("status")).toContainText("Element 3.1 has been saved.");
  const progress = page.getByRole("region", { name: "Progress" });
  await expect(progress).toContainText("18 of 42");
  await expect(progress).toContainText("2 lines changed from the answer the evidence supports");
  await expect(page.getByText("Changed from the evidence")).toHaveCount(2);
  await expect(
    element31.getByRole("radio", { name: "3.1.1a actively look for partners: Have started" }),
  ).toBeChecked();
  await expect(element31.getByLabel(/^Areas for Improvement: 3\.1\.E4 /)).toHaveValue(
    "Reach two community groups that represent new users.",
  );
  await expect(element31.getByText(`Last changed by ${admin.name}`).first()).toBeVisible();

  // One element at a time, in the toolkit's order: saving one can go on to the next.
  const elements = page.getByRole("navigation", { name: "Elements of Section 3" });
  await expect(elements.getByRole("link", { name: /^3\.1 / })).toHaveAttribute("aria-current", "page");
  await expect(elements.getByRole("link", { name: /^3\.1 / })).toContainText("18 of 18 lines saved");
  await element31.getByRole("button", { name: "Save and go on to 3.2" }).click();
  await expect(page.getByRole("status")).toContainText("Element 3.1 has been saved.");
  await expect(page.getByRole("form", { name: /^3\.2 Do you work with partners/ })).toBeVisible();
  await expect(element31).toHaveCount(0);
  await expect(elements.getByRole("link", { name: /^3\.2 / })).toHaveAttribute("aria-current", "page");
  await expect(progress).toContainText("18 of 42");

  // The action plan: two areas for improvement become actions.
  await page.getByRole("link", { name: "Action plan", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Action plan" })).toBeVisible();
  await expectAccessible(page);
  const fromE1 = page.getByRole("form", { name: /^3\.1\.E1 / });
  await expect(fromE1.getByLabel("What needs to be done")).toHaveValue(
    "Keep a written map of potential partners and review it each term.",
  );
  await fromE1.getByLabel("Owner").selectOption({ label: admin.name });
  await fromE1.getByLabel("Due date").fill(inSixWeeks);
  await fromE1.getByRole("button", { name: "Add to the plan for 3.1.E1" }).click();
  await expect(page.getByRole("status")).toContainText("The action has been added to the plan.");

  const fromE4 = page.getByRole("form", { name: /^3\.1\.E4 / });
  await fromE4.getByLabel("What needs to be done").fill(`Meet the Northtown community forum ${stamp}`);
  await fromE4.getByLabel("Owner").selectOption({ label: admin.name });
  await fromE4.getByLabel("Due date").fill(inSixWeeks);
  await fromE4.getByRole("button", { name: "Add to the plan for 3.1.E4" }).click();
  await expect(page.getByRole("status")).toContainText("The action has been added to the plan.");
  const planned = page.getByRole("table", { name: "Actions planned from this assessment" });
  await expect(planned.getByRole("row")).toHaveCount(3);
  await expect(planned).toContainText(`Meet the Northtown community forum ${stamp}`);

  // They are in the actions list, linked back to the assessment and the line.
  await page.goto("/actions");
  const actionRow = page.getByRole("row").filter({ hasText: `Meet the Northtown community forum ${stamp}` });
  await expect(
    actionRow.getByRole("link", { name: `Self-assessment: ${firstTitle} (line 3.1.E4)` }),
  ).toBeVisible();

  // Finish and lock.
  await page.goto(firstUrl);
  await page.getByRole("link", { name: "Finish and lock", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Finish and lock the assessment" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Yes, finish and lock it" }).click();
  await expect(page.getByRole("status")).toContainText("The assessment has been finished and locked.");
  await expect(page.getByText(new RegExp(`^Finished on .* by ${admin.name}; locked\\.$`))).toBeVisible();
  await expect(page.getByRole("button", { name: /^Save element/ })).toHaveCount(0);
  await expect(page.getByRole("radio")).toHaveCount(0);
  await expectAccessible(page);

  // The report, laid out like the toolkit's tables, printable and downloadable.
  await page.getByRole("link", { name: "Report", exact: true }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: `Self-assessment report: ${firstTitle}` }),
  ).toBeVisible();
  await expect(page.getByText("Section 3 PARTNERSHIPS", { exact: true })).toBeVisible();
  await expect(page.getByRole("row", { name: /^3\.1\.1a actively look for partners/ })).toContainText(
    "Have started",
  );
  await expect(
    page.getByText("Keep a written map of potential partners and review it each term."),
  ).toHaveCount(2);
  await expect(page.getByRole("link", { name: partnerName }).first()).toBeVisible();
  await expectAccessible(page);
  const file = await page.request.get(`${firstUrl}/report.html`);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-disposition"]).toMatch(/^attachment; filename="self-assessment-\d+-/);
  const html = await file.text();
  expect(html).toContain(firstTitle);
  expect(html).not.toMatch(/<script/i);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(
    page.getByRole("heading", { level: 2, name: /^3\.2 Do you work with partners/ }),
  ).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  // New evidence: another of the partner's suggestions is confirmed.
  await page.goto(partnerUrl);
  await confirmOnPartnerPage(page, "3.1.2a");

  // A second assessment, a year on, starts from the evidence as it is now.
  await page.goto("/assessments/new");
  await page.getByLabel("Title").fill(secondTitle);
  await page.getByRole("button", { name: "Start the assessment" }).click();
  await expect(page.getByRole("heading", { level: 1, name: secondTitle })).toBeVisible();
  const second = page.getByRole("form", { name: /^3\.1 Do you identify suitable partners/ });
  await expect(second.getByRole("radio", { name: "3.1.2a Advocates: Yes" })).toBeChecked();
  await expect(second.getByRole("radio", { name: "3.1.1a actively look for partners: Yes" })).toBeChecked();
  await page.getByRole("link", { name: "Finish and lock", exact: true }).click();
  await page.getByRole("button", { name: "Yes, finish and lock it" }).click();
  await expect(page.getByRole("status")).toContainText("The assessment has been finished and locked.");

  // Compare the two.
  await page.goto("/assessments");
  const earlier = page.getByLabel("Earlier assessment");
  const later = page.getByLabel("Later assessment");
  await earlier.selectOption(
    (await earlier.locator("option", { hasText: firstTitle }).getAttribute("value")) ?? "",
  );
  await later.selectOption(
    (await later.locator("option", { hasText: secondTitle }).getAttribute("value")) ?? "",
  );
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Compare self-assessments" })).toBeVisible();
  await expect(
    page.getByRole("heading", { level: 2, name: new RegExp(`^From ${firstTitle}`) }),
  ).toBeVisible();
  await expect(page.getByRole("img", { name: /How the answers changed/ })).toBeVisible();
  const row = (name: RegExp) => page.getByRole("row", { name });
  await expect(row(/^3\.1\.1a actively look for partners/)).toContainText("Have started");
  await expect(row(/^3\.1\.1a actively look for partners/)).toContainText("Improved");
  await expect(row(/^3\.1\.E1 identified a range of partners/)).toContainText("Improved");
  await expect(row(/^3\.1\.2a Advocates/)).toContainText("Yes");
  await expectAccessible(page);
});
