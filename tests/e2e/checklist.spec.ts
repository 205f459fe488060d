import { expect, expectAccessible, signIn, test } from "./support";

const stamp = Date.now().toString(36);
const name = `Eastbridge Reminiscence Network ${stamp}`;

test("adding a partner suggests evidence that, once confirmed, counts on the checklist", async ({ page }) => {
  await signIn(page);
  await page.goto("/checklist");
  await expectAccessible(page);
  const advocatesRow = page.getByRole("row", { name: /Advocates/ });
  const before = await advocatesRow.getByRole("cell").first().innerText();

  await page.goto("/partners/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Type of organisation").selectOption({ label: "Community group" });
  await page.getByLabel("Start date").fill("2026-06-01");
  await page.getByLabel("What they bring").fill("Trained reminiscence volunteers and links to care homes");
  await page.getByLabel("They act as an advocate for our work").check();
  await page.getByRole("button", { name: "Add partner" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  // The partner's page shows what it is suggested for; confirm the advocacy one there.
  const evidence = page.getByRole("region", { name: "Evidence for the checklist" });
  await expect(evidence.getByRole("link", { name: /3\.1\.2a Advocates/ })).toBeVisible();
  await evidence.getByRole("button", { name: "Confirm 3.1.2a" }).click();
  await expect(page.getByRole("status")).toContainText("Confirmed");
  await expect(evidence.getByRole("link", { name: /3\.1\.2a Advocates/ })).toBeVisible();

  // The rest from the review queue.
  await page.goto(`/evidence/suggestions?type=partner`);
  await expectAccessible(page);
  const row = page.getByRole("row", { name: new RegExp(`${name}.*3\\.1\\.E2`) });
  await row.getByRole("checkbox").check();
  await page.getByRole("button", { name: "Confirm the ticked suggestions" }).click();
  await expect(page.getByRole("status").first()).toContainText("Confirmed");

  await page.goto("/checklist");
  const after = await advocatesRow.getByRole("cell").first().innerText();
  expect(after).not.toBe(before);
  await expect(advocatesRow.getByText("Yes")).toBeVisible();

  await page.getByRole("link", { name: "Advocates" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "3.1.2a Advocates" })).toBeVisible();
  await expect(page.getByRole("link", { name })).toBeVisible();
  await expectAccessible(page);

  await page.goto("/checklist/pack?element=3.1");
  await expect(page.getByRole("heading", { level: 1, name: "Evidence pack: element 3.1" })).toBeVisible();
  await expectAccessible(page);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByText(name).first()).toBeVisible();
});
