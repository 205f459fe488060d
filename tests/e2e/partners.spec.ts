import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { expect, expectAccessible, signIn, test } from "./support";

const stamp = Date.now().toString(36);
const name = `Northtown College ${stamp}`;

test("an editor adds a partner with two contacts, finds it by search and filters, and downloads the list", async ({
  page,
}) => {
  await signIn(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Partners" }).click();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Add a partner" }).click();
  await expectAccessible(page);

  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Type of organisation").selectOption({ label: "College" });
  await page.getByLabel("Start date").fill("2025-09-01");
  await page.getByLabel("What they bring").fill("=ESOL tutors who bring adult learners to our galleries");
  await page.getByLabel("They act as an advocate for our work").check();
  await page.getByLabel("Website").fill("northtown.ac.uk");
  await page.getByRole("button", { name: "Add partner" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("The partner has been added.");
  await expectAccessible(page);

  for (const [contact, role] of [
    [`Sam Patel ${stamp}`, "ESOL coordinator"],
    [`Jo Evans ${stamp}`, "Head of adult learning"],
  ]) {
    await page.getByRole("link", { name: "Add a contact" }).click();
    await page.getByLabel("Name").fill(contact);
    await page.getByLabel("Role").fill(role);
    await page.getByLabel("Email address").fill(`${contact.split(" ")[0].toLowerCase()}@northtown.ac.uk`);
    await page.getByRole("button", { name: "Add contact", exact: true }).click();
    await expect(page.getByRole("status")).toHaveText("The contact has been added.");
  }
  const contacts = page.getByRole("region", { name: "Contacts" });
  await expect(
    contacts.getByRole("listitem").filter({ hasText: `Sam Patel ${stamp}, ESOL coordinator` }),
  ).toBeVisible();
  await expect(
    contacts.getByRole("listitem").filter({ hasText: `Jo Evans ${stamp}, Head of adult learning` }),
  ).toBeVisible();

  await page
    .getByRole("search", { name: "Search partners, people and projects" })
    .getByRole("searchbox")
    .fill("Sam Pat");
  await page
    .getByRole("search", { name: "Search partners, people and projects" })
    .getByRole("button", { name: "Search" })
    .click();
  await expect(
    page
      .getByRole("region", { name: /Contacts at partners/ })
      .getByRole("link", { name: `Sam Patel ${stamp}`, exact: true }),
  ).toBeVisible();
  await expectAccessible(page);

  await page.goto("/partners");
  const filters = page.getByRole("search", { name: "Search and filter partners" });
  await filters.getByLabel("Name or area").fill(stamp);
  await filters.getByLabel("Type").selectOption({ label: "College" });
  await filters.getByLabel("Advocate").selectOption({ label: "Advocates" });
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("status")).toHaveText("1 partner");
  await expect(page.getByRole("link", { name })).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^partners-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows: string[][] = parse(fs.readFileSync(await download.path(), "utf8").replace(/^\ufeff/, ""));
  expect(rows).toHaveLength(2);
  expect(rows[1][1]).toBe(name);
  expect(rows[1][7]).toBe("'=ESOL tutors who bring adult learners to our galleries");
});
