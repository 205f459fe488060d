import { expect, test, type Page, expectAccessible, signIn } from "./support";

// Unique per run, so the test finds its own records among those other tests leave behind.
const stamp = Date.now().toString(36);
const partnerName = `Eastbridge Reminiscence Group ${stamp}`;
const description = `Learners led their own gallery tour ${stamp}`;

async function addPartner(page: Page) {
  await page.goto("/partners/new");
  await page.getByLabel("Name", { exact: true }).fill(partnerName);
  await page.getByLabel("Type of organisation").selectOption({ label: "Community group" });
  await page.getByRole("button", { name: "Add partner" }).click();
  await expect(page.getByRole("heading", { level: 1, name: partnerName })).toBeVisible();
  return page.url().match(/\/partners\/(\d+)/)![1];
}

test.describe("benefits", () => {
  test("an editor records a benefit for users tagged with two outcomes, then finds it by outcome", async ({
    page,
  }) => {
    await signIn(page);
    const partnerId = await addPartner(page);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Benefits" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Benefits" })).toBeVisible();
    await expectAccessible(page);

    // Coming from the partner's page chooses the partner in advance.
    await page.goto(`/partners/${partnerId}`);
    await page.getByRole("link", { name: "Record a benefit" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Record a benefit" })).toBeVisible();
    const form = page.getByRole("main");
    await expect(form.getByLabel("Partner")).toHaveValue(partnerId);
    await expectAccessible(page);

    // A mistake first: the problem is explained and nothing typed or ticked is lost.
    await form.getByLabel("What the benefit was").fill(description);
    await form.getByLabel("Date").fill("2026-03-12");
    await form.getByLabel("How you know").selectOption({ label: "Observation" });
    await form.getByRole("checkbox", { name: "Skills", exact: true }).check();
    await form.getByRole("checkbox", { name: "Health and well-being" }).check();
    await form.getByRole("button", { name: "Record benefit" }).click();
    const problems = page.getByRole("alert");
    await expect(problems).toContainText("There is a problem");
    await expect(problems).toContainText("Choose who benefits.");
    await expect(form.getByLabel("What the benefit was")).toHaveValue(description);
    await expect(form.getByLabel("Partner")).toHaveValue(partnerId);
    await expect(form.getByRole("checkbox", { name: "Skills", exact: true })).toBeChecked();
    await expect(form.getByRole("checkbox", { name: "Health and well-being" })).toBeChecked();
    await expect(form.getByRole("checkbox", { name: "Knowledge and understanding" })).not.toBeChecked();
    await expectAccessible(page);

    await form.getByLabel("Who benefits").selectOption({ label: "Users" });
    await form.getByRole("button", { name: "Record benefit" }).click();

    await expect(page.getByRole("heading", { level: 1, name: description })).toBeVisible();
    await expect(page.getByRole("status")).toContainText("The benefit has been recorded.");
    await expect(page.getByRole("list", { name: "Summary" })).toContainText("For users");
    await expect(page.getByRole("list", { name: "Generic Learning Outcomes" })).toHaveText("Skills");
    await expect(page.getByRole("list", { name: "Generic Social Outcomes" })).toHaveText(
      "Health and well-being",
    );
    await expect(page.getByRole("main").getByRole("link", { name: partnerName })).toBeVisible();
    await expect(page.getByText("Benefit added by")).toBeVisible();
    await expectAccessible(page);

    // The partner's page lists it too.
    await page.getByRole("main").getByRole("link", { name: partnerName }).click();
    await expect(page.getByRole("heading", { level: 1, name: partnerName })).toBeVisible();
    await expect(
      page.getByRole("region", { name: "Benefits" }).getByRole("link", { name: description }),
    ).toBeVisible();

    // Find it again by one of its outcomes and a word from its description…
    await page.goto("/benefits");
    const filters = page.getByRole("search", { name: "Search and filter benefits" });
    await filters.getByLabel("Description").fill(stamp.toUpperCase());
    await filters.getByLabel("Outcome").selectOption({ label: "Health and well-being" });
    await filters.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]outcome=gso_health/);
    await expect(page.getByRole("status")).toHaveText("1 benefit");
    const row = page.getByRole("row", { name: new RegExp(description) });
    await expect(row.getByRole("link", { name: description })).toBeVisible();
    await expect(row).toContainText("Skills");
    await expect(row).toContainText("Health and well-being");
    await expect(row.getByRole("link", { name: partnerName })).toBeVisible();
    await expectAccessible(page);

    // …and not by an outcome it was not tagged with.
    await filters.getByLabel("Outcome").selectOption({ label: "Attitudes and values" });
    await filters.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]outcome=glo_attitudes/);
    await expect(page.getByRole("link", { name: description })).toHaveCount(0);
    await expect(page.getByText("No benefits match these filters.")).toBeVisible();
  });
});
