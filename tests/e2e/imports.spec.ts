import path from "node:path";
import { expect, test, expectAccessible, signIn } from "./support";

const fixture = path.resolve("tests/fixtures/imports/volunteers-300.csv");

test.describe("imports", () => {
  test("an administrator imports 300 volunteers from a messy Excel export, fixes two rows, undoes and imports again", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await signIn(page);
    await page.goto("/imports");
    await expect(page.getByRole("heading", { level: 1, name: "Imports" })).toBeVisible();
    await expectAccessible(page);

    // Step 1: upload. A mistake first: nothing chosen, and both problems are explained.
    await page.getByRole("link", { name: "Import a spreadsheet" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Import a spreadsheet" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Upload and continue" }).click();
    const problems = page.getByRole("alert");
    await expect(problems).toContainText("Choose what the file holds: partners, contributors or volunteers.");
    await expect(problems).toContainText("Choose the CSV file to upload.");
    await expectAccessible(page);
    await page.getByRole("radio", { name: /^Volunteers/ }).check();
    await page.getByLabel("CSV file").setInputFiles(fixture);
    await page.getByRole("button", { name: "Upload and continue" }).click();

    // Step 2: the columns were matched from their headings; unused ones are named.
    await expect(
      page.getByRole("heading", { level: 2, name: "Match the file’s columns to fields" }),
    ).toBeVisible();
    await expect(
      page.getByText(
        "Columns not matched to any field, which will not be imported: Hours this year, Shoe size.",
      ),
    ).toBeVisible();
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue("0");
    await expect(page.getByLabel("Start date", { exact: true })).toHaveValue("5");
    await expect(page.getByLabel("Ethnic group", { exact: true })).toHaveValue("10");
    await expect(page.getByLabel("Consent date", { exact: true })).toHaveValue("12");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Save and check the rows" }).click();
    const batchUrl = page.url().replace(/\?.*$/, "");

    // Step 3: two rows have problems, in plain words, and importing waits for them.
    await expect(page.getByRole("status").filter({ hasText: "The columns are matched." })).toBeVisible();
    await expect(page.getByText("298 ready to import")).toBeVisible();
    await expect(page.getByText("2 rows have problems. Fix or skip them before importing")).toBeVisible();
    await expect(page.getByRole("button", { name: "Import 298 volunteers" })).toBeDisabled();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Problems only (2)" }).click();
    const first = page.getByRole("row", { name: /^43 Priya Chowdhury/ });
    await expect(first).toContainText("'31/02/2024' is not a real date in 'Start date'");
    const second = page.getByRole("row", { name: /^189 Kwame Adeyemi/ });
    await expect(second).toContainText("'Vollunteer' is not a volunteer programme; use one of: Volunteer,");

    await first.getByRole("link", { name: "Fix row 43" }).click();
    const fixFirst = page.getByRole("region", { name: "Fix row 43" });
    await expect(fixFirst.getByLabel("Start date", { exact: true })).toHaveValue("31/02/2024");
    await expectAccessible(page);
    await fixFirst.getByLabel("Start date", { exact: true }).fill("28/02/2024");
    await fixFirst.getByRole("button", { name: "Save row 43" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "Your correction has been saved." }),
    ).toBeVisible();
    await expect(page.getByRole("link", { name: "Problems only (1)" })).toBeVisible();

    await page
      .getByRole("row", { name: /^189 Kwame Adeyemi/ })
      .getByRole("link", { name: "Fix row 189" })
      .click();
    const fixSecond = page.getByRole("region", { name: "Fix row 189" });
    await expect(fixSecond.getByLabel("Programme", { exact: true })).toHaveValue("Vollunteer");
    await fixSecond.getByLabel("Programme", { exact: true }).selectOption({ label: "Volunteer" });
    await fixSecond.getByRole("button", { name: "Save row 189" }).click();
    await expect(
      page.getByText("No row has a problem: every row is ready to import or skipped."),
    ).toBeVisible();
    await expect(page.getByText("300 ready to import")).toBeVisible();
    await expectAccessible(page);

    // Step 4: import, all at once.
    await page.getByRole("button", { name: "Import 300 volunteers" }).click();
    const done = page.getByRole("status").filter({ hasText: "Imported 300 volunteers." });
    await expect(done).toBeVisible();
    await expect(done.getByRole("link", { name: "Undo" })).toBeVisible();
    await expect(page.getByText("Equality monitoring answers for 150 volunteers")).toBeVisible();
    await expectAccessible(page);

    // The volunteers are with the others, the fixed date as corrected.
    await page.goto("/volunteers?q=Priya+Chowdhury");
    await page.getByRole("link", { name: "Priya Chowdhury" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Priya Chowdhury" })).toBeVisible();
    await expect(page.getByRole("definition").filter({ hasText: "28 Feb 2024" })).toBeVisible();

    // Undo, after a confirmation.
    await page.goto(batchUrl);
    await page.getByRole("link", { name: "Undo this import" }).click();
    await expect(
      page.getByRole("heading", { level: 1, name: "Undo the import of volunteers-300.csv" }),
    ).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Yes, undo the import" }).click();
    await expect(page.getByRole("status").filter({ hasText: "The import has been undone." })).toBeVisible();
    const listed = page.getByRole("row", { name: /volunteers-300\.csv/ });
    await expect(listed).toContainText("Undone");
    await expectAccessible(page);
    await page.goto("/volunteers?q=Priya+Chowdhury");
    await expect(page.getByText("No volunteers match these filters.")).toBeVisible();

    // Import again: the corrections are still there.
    await page.goto("/imports");
    await page.getByRole("link", { name: "Continue with volunteers-300.csv" }).click();
    await expect(page.getByText(/This import was undone/)).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Import 300 volunteers" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Imported 300 volunteers." })).toBeVisible();
  });
});
