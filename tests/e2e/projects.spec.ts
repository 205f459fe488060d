import { expect, test, type Page, expectAccessible, signIn } from "./support";

// Unique per run, so the test finds its own records among those other tests leave behind.
const stamp = Date.now().toString(36);
const partnerName = `Riverside College ${stamp}`;
const projectTitle = `Stories of the River ${stamp}`;

async function addPartner(page: Page) {
  await page.goto("/partners/new");
  await page.getByLabel("Name", { exact: true }).fill(partnerName);
  await page.getByLabel("Type of organisation").selectOption({ label: "College" });
  await page.getByRole("button", { name: "Add partner" }).click();
  await expect(page.getByRole("heading", { level: 1, name: partnerName })).toBeVisible();
  return page.url().match(/\/partners\/(\d+)/)![1];
}

test.describe("projects", () => {
  test("an editor adds a project with a partner and secured funding, then finds it by search and status", async ({
    page,
  }) => {
    await signIn(page);
    const partnerId = await addPartner(page);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Projects" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Projects" })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Add a project" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Add a project" })).toBeVisible();
    await expectAccessible(page);

    // A mistake first: a partner without a role is explained, and nothing typed is lost.
    const form = page.getByRole("main");
    await form.getByLabel("Title", { exact: true }).fill(projectTitle);
    await form.getByLabel("Description").fill("Oral history workshops with adult learners.");
    await form.getByLabel("Status").selectOption({ label: "Active" });
    await form.getByLabel("Start date").fill("2025-09-01");
    await form.getByLabel("First partner").selectOption({ label: partnerName });
    await form.getByRole("button", { name: "Add project" }).click();
    const problems = page.getByRole("alert");
    await expect(problems).toContainText("There is a problem");
    await expect(problems).toContainText("Choose the partner's role in the project.");
    await expect(form.getByLabel("Title", { exact: true })).toHaveValue(projectTitle);
    await expect(form.getByLabel("First partner")).toHaveValue(partnerId);
    await expectAccessible(page);

    await form.getByLabel("Their role in the project").selectOption({ label: "Lead" });
    await form.getByRole("button", { name: "Add project" }).click();

    await expect(page.getByRole("heading", { level: 1, name: projectTitle })).toBeVisible();
    await expect(page.getByRole("status")).toContainText("The project has been added.");
    const partners = page.getByRole("region", { name: "Partners" });
    await expect(partners.getByRole("link", { name: partnerName, exact: true })).toBeVisible();
    await expect(partners.getByLabel(`Role of ${partnerName}`)).toHaveValue("lead");
    await expect(page.getByRole("link", { name: "Record a benefit" })).toHaveAttribute(
      "href",
      /\/benefits\/new\?projectId=\d+/,
    );
    await expectAccessible(page);

    // A funding line: a wrong amount is explained beside that form, then put right.
    const funding = page.getByRole("region", { name: "Funding" });
    await funding.getByLabel("Source").fill("Heritage Fund");
    await funding.getByLabel("Amount in pounds").fill("about a grand");
    await funding.getByLabel("Status").selectOption({ label: "Secured" });
    await funding.getByRole("button", { name: "Add funding line" }).click();
    await expect(funding.getByRole("alert")).toContainText(
      "Enter an amount in pounds, like 1250 or 1250.50.",
    );
    await expect(funding.getByLabel("Source")).toHaveValue("Heritage Fund");
    await expect(funding.getByLabel("Amount in pounds")).toHaveValue("about a grand");
    await funding.getByLabel("Amount in pounds").fill("£1,250.50");
    await funding.getByLabel("Date").fill("2025-10-01");
    await funding.getByRole("button", { name: "Add funding line" }).click();
    await expect(page.getByRole("status")).toContainText("The funding line has been added.");
    await expect(funding.getByRole("cell", { name: "£1,250.50" })).toBeVisible();
    await expect(funding.getByRole("cell", { name: "Secured", exact: true })).toBeVisible();
    await expect(page.getByText("Funding secured: £1,250.50 from Heritage Fund")).toBeVisible();
    await expectAccessible(page);

    // Find it again: by a word from its title…
    await page.goto("/projects");
    const filters = page.getByRole("search", { name: "Search and filter projects" });
    await filters.getByLabel("Title or description").fill(stamp.toUpperCase());
    await filters.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]q=${stamp.toUpperCase()}`));
    await expect(page.getByRole("status")).toHaveText("1 project");
    const row = page.getByRole("row", { name: new RegExp(projectTitle) });
    await expect(row.getByRole("link", { name: projectTitle })).toBeVisible();
    await expect(row.getByRole("link", { name: partnerName })).toBeVisible();
    await expect(row.getByRole("cell", { name: "£1,250.50" })).toBeVisible();
    await expectAccessible(page);

    // …by its status and partner…
    await page.goto("/projects");
    await filters.getByLabel("Status").selectOption({ label: "Active" });
    await filters.getByLabel("Partner").fill(partnerName);
    await filters.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]status=active/);
    await expect(page.getByRole("status")).toHaveText("1 project");
    await expect(page.getByRole("link", { name: projectTitle })).toBeVisible();

    // …and not under another status.
    await filters.getByLabel("Status").selectOption({ label: "Completed" });
    await filters.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]status=completed/);
    await expect(page.getByRole("status")).toHaveText("No projects match.");
    await expect(page.getByText("No projects match these filters.")).toBeVisible();
    await expect(page.getByRole("link", { name: projectTitle })).toHaveCount(0);
  });
});
