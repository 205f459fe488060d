import { expect, test, expectAccessible, signIn } from "./support";

// Unique per run, so the test finds its own records among those other tests leave behind.
const stamp = Date.now().toString(36);
const volunteerName = `Priya Shah ${stamp}`;
const role = `Oral history interviewer ${stamp}`;

test.describe("volunteers", () => {
  test("an editor adds a volunteer with a focus, records training and hours, then finds them", async ({
    page,
  }) => {
    await signIn(page);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Volunteers" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Volunteers" })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Add a volunteer" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Add a volunteer" })).toBeVisible();
    await expectAccessible(page);
    const form = page.getByRole("main");

    // A mistake first: every problem is explained and nothing typed is lost, ticked focuses included.
    await form.getByLabel("Name", { exact: true }).fill(volunteerName);
    await form.getByLabel("Start date").fill("2025-06-02");
    await form.getByLabel("End date").fill("2025-01-01");
    await form.getByRole("checkbox", { name: "Confidence building" }).check();
    await form.getByRole("button", { name: "Add volunteer" }).click();
    const problems = page.getByRole("alert");
    await expect(problems).toContainText("There is a problem");
    await expect(problems).toContainText("Choose the programme they are part of.");
    await expect(problems).toContainText("The end date must be on or after the start date.");
    await expect(form.getByLabel("Name", { exact: true })).toHaveValue(volunteerName);
    await expect(form.getByRole("checkbox", { name: "Confidence building" })).toBeChecked();
    await expectAccessible(page);

    await form.getByLabel("Programme", { exact: true }).selectOption({ label: "Work experience student" });
    await form.getByLabel("End date").fill("");
    await form.getByLabel("Roles").fill(role);
    await form.getByRole("checkbox", { name: "Skills development" }).check();
    await form.getByRole("button", { name: "Add volunteer" }).click();

    await expect(page.getByRole("heading", { level: 1, name: volunteerName })).toBeVisible();
    await expect(page.getByRole("status")).toContainText("The volunteer has been added.");
    const focuses = page.getByRole("list", { name: "Focuses" });
    await expect(focuses).toContainText("Skills development");
    await expect(focuses).toContainText("Confidence building");
    await expect(page.getByText("Volunteer added by")).toBeVisible();
    await expectAccessible(page);

    // Training: a missing date is explained beside the training form, and the title is kept.
    const training = page.getByRole("region", { name: "Training and development" });
    await training.getByLabel("Training or development").fill("Object handling");
    await training.getByRole("button", { name: "Add training record" }).click();
    await expect(training.getByRole("alert")).toContainText("Enter the date of the training.");
    await expect(training.getByLabel("Training or development")).toHaveValue("Object handling");
    await expectAccessible(page);
    await training.getByLabel("Date of training").fill("2025-06-03");
    await training.getByLabel("Provided by").fill("Collections team");
    await training.getByRole("button", { name: "Add training record" }).click();
    await expect(page.getByRole("status")).toContainText("The training record has been added.");
    await expect(training.getByRole("cell", { name: "Object handling", exact: true })).toBeVisible();
    await expect(training.getByRole("cell", { name: "Collections team" })).toBeVisible();
    await expect(page.getByText("Training: Object handling (Collections team)")).toBeVisible();

    // Hours, typed as hours and minutes, then as a decimal; the total adds them up.
    const hours = page.getByRole("region", { name: "Hours given" });
    await hours.getByLabel("Date given").fill("2025-06-03");
    await hours.getByLabel("Hours", { exact: true }).fill("2:30");
    await hours.getByLabel("Activity").fill("Recording interviews");
    await hours.getByRole("button", { name: "Add hours" }).click();
    await expect(page.getByRole("status")).toContainText("The hours have been added.");
    await expect(hours).toContainText("Total: 2 hours 30 minutes");
    await expect(hours.getByLabel("Hours", { exact: true })).toHaveValue("");
    await hours.getByLabel("Date given").fill("2025-06-10");
    await hours.getByLabel("Hours", { exact: true }).fill("1.5");
    await hours.getByRole("button", { name: "Add hours" }).click();
    await expect(hours).toContainText("Total: 4 hours");
    await expect(hours.getByRole("cell", { name: "Recording interviews" })).toBeVisible();
    await expectAccessible(page);

    // Find them again: by a word from their roles and their programme…
    await page.goto("/volunteers");
    const filters = page.getByRole("search", { name: "Search and filter volunteers" });
    await filters.getByLabel("Name, role or skill").fill(role.toUpperCase());
    await filters.getByLabel("Programme", { exact: true }).selectOption({ label: "Work experience student" });
    await filters.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]programme=work_experience/);
    await expect(page.getByRole("status")).toHaveText("1 volunteer");
    await expect(page.getByRole("link", { name: volunteerName })).toBeVisible();
    await expect(page.getByRole("row", { name: new RegExp(volunteerName) })).toContainText("4 hours");
    await expectAccessible(page);

    // …and by the focus of their programme and the dates they were active.
    await page.goto("/volunteers");
    await filters.getByLabel("Name, role or skill").fill(stamp);
    await filters.getByLabel("Focus", { exact: true }).selectOption({ label: "Confidence building" });
    await filters.getByLabel("Active from").fill("2025-07-01");
    await filters.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]focus=confidence_building/);
    await expect(page.getByRole("status")).toHaveText("1 volunteer");
    await expect(page.getByRole("link", { name: volunteerName })).toBeVisible();

    await filters.getByLabel("Focus", { exact: true }).selectOption({ label: "Social opportunities" });
    await filters.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByRole("status")).toHaveText("No volunteers match.");
    await expect(page.getByText("No volunteers match these filters.")).toBeVisible();
  });
});
