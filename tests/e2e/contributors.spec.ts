import { expect, test, type Page, expectAccessible, signIn } from "./support";

// Unique per run, so the test finds its own records among those other tests leave behind.
const stamp = Date.now().toString(36);
const partnerName = `Northtown Arts Trust ${stamp}`;
const contributorName = `Amara Okafor ${stamp}`;
const skill = `kathak${stamp}`;

async function addPartner(page: Page) {
  await page.goto("/partners/new");
  await page.getByLabel("Name", { exact: true }).fill(partnerName);
  await page.getByLabel("Type of organisation").selectOption({ label: "Charity" });
  await page.getByRole("button", { name: "Add partner" }).click();
  await expect(page.getByRole("heading", { level: 1, name: partnerName })).toBeVisible();
  return page.url().match(/\/partners\/(\d+)/)![1];
}

test.describe("contributors", () => {
  test("an editor adds a contributor from a partner, then finds them by search and filters", async ({
    page,
  }) => {
    await signIn(page);
    const partnerId = await addPartner(page);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Contributors" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Contributors" })).toBeVisible();
    await expectAccessible(page);

    // Coming from the partner's page chooses the partner in advance.
    await page.goto(`/contributors/new?partnerId=${partnerId}`);
    await expect(page.getByRole("heading", { level: 1, name: "Add a contributor" })).toBeVisible();
    const form = page.getByRole("main");
    await expect(form.getByLabel("Partner")).toHaveValue(partnerId);
    await expectAccessible(page);

    // A mistake first: every problem is explained and nothing typed is lost.
    await form.getByLabel("Name", { exact: true }).fill(contributorName);
    await form.getByLabel("Skills").fill(`Classical ${skill} dance for families`);
    await form.getByLabel("Active from").fill("2024-03-01");
    await form.getByLabel("Active to").fill("2024-01-01");
    await form.getByRole("button", { name: "Add contributor" }).click();
    const problems = page.getByRole("alert");
    await expect(problems).toContainText("There is a problem");
    await expect(problems).toContainText("Choose what kind of contributor they are.");
    await expect(problems).toContainText("The end date must be on or after the start date.");
    await expect(form.getByLabel("Name", { exact: true })).toHaveValue(contributorName);
    await expect(form.getByLabel("Partner")).toHaveValue(partnerId);
    await expectAccessible(page);

    await form.getByLabel("Kind of contributor").selectOption({ label: "Dancer" });
    await form.getByLabel("Active to").fill("");
    await form.getByLabel("Email address").fill("amara@dance.example");
    await form.getByRole("button", { name: "Add contributor" }).click();

    await expect(page.getByRole("heading", { level: 1, name: contributorName })).toBeVisible();
    await expect(page.getByRole("status")).toContainText("The contributor has been added.");
    await expect(page.getByRole("main").getByRole("link", { name: partnerName })).toBeVisible();
    await expect(page.getByRole("list", { name: "Summary" })).toContainText("Active now");
    await expect(page.getByRole("heading", { name: "Projects" })).toBeVisible();
    await expect(page.getByText("Contributor added by")).toBeVisible();
    await expectAccessible(page);

    // Find them again: by a word from their skills and their kind…
    await page.goto("/contributors");
    const filters = page.getByRole("search", { name: "Search and filter contributors" });
    await filters.getByLabel("Name or skills").fill(skill.toUpperCase());
    await filters.getByLabel("Kind").selectOption({ label: "Dancer" });
    await filters.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]kind=dancer/);
    await expect(page.getByRole("status")).toHaveText("1 contributor");
    await expect(page.getByRole("link", { name: contributorName })).toBeVisible();
    await expectAccessible(page);

    // …and by their partner and whether they are active now.
    await page.goto("/contributors");
    await filters.getByLabel("Partner").fill(partnerName);
    await filters.getByLabel("Active now").selectOption({ label: "Active now" });
    await filters.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]partner=Northtown/);
    await expect(page.getByRole("link", { name: contributorName })).toBeVisible();

    await filters.getByLabel("Active now").selectOption({ label: "Not active now" });
    await filters.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]active=no/);
    await expect(page.getByRole("link", { name: contributorName })).toHaveCount(0);
    await expect(page.getByText("No contributors match these filters.")).toBeVisible();

    // A link that names the partner by id shows it by name, with a way back to all partners.
    await page.goto(`/contributors?partnerId=${partnerId}`);
    await expect(filters).toContainText(`Partner: ${partnerName}`);
    await expect(page.getByRole("status")).toHaveText("1 contributor");
    await expectAccessible(page);
    await filters.getByRole("link", { name: "Show all partners" }).click();
    await expect(page).not.toHaveURL(/partnerId=/);
  });
});
