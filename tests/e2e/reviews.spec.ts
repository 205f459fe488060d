import { admin, expect, test, expectAccessible, signIn } from "./support";

// Unique per run, so the test finds its own records among those other tests leave behind.
const stamp = Date.now().toString(36);
const partnerName = `Northtown Adult Learning ${stamp}`;

test.describe("partnership reviews", () => {
  test("a partner started long ago is overdue for review; withdrawing ends it and suggests evidence", async ({
    page,
  }) => {
    await signIn(page);

    // A partner that started years ago, reviewed every 12 months (the default).
    await page.goto("/partners/new");
    await page.getByLabel("Name", { exact: true }).fill(partnerName);
    await page.getByLabel("Type of organisation").selectOption({ label: "Training agency" });
    await page.getByLabel("Start date").fill("2019-03-01");
    const cadence = page.getByRole("group", { name: "How often the partnership is reviewed" });
    await expect(cadence.getByRole("radio", { name: "Every 12 months" })).toBeChecked();
    await page.getByRole("button", { name: "Add partner" }).click();
    await expect(page.getByRole("heading", { level: 1, name: partnerName })).toBeVisible();
    const partnerPath = new URL(page.url()).pathname;

    // The review schedule shows it as overdue.
    await page.goto("/reviews");
    await expect(page.getByRole("heading", { level: 1, name: "Reviews" })).toBeVisible();
    const overdue = page.getByRole("region", { name: /^Overdue/ });
    const row = overdue.getByRole("row", { name: new RegExp(partnerName) });
    await expect(row.getByRole("link", { name: partnerName, exact: true })).toBeVisible();
    await expect(row).toContainText("1 Mar 2020");
    await expect(row).toContainText("Never");
    await expect(row).toContainText("Every 12 months");
    await expectAccessible(page);

    await row.getByRole("link", { name: `Hold the review of ${partnerName}` }).click();
    await expect(
      page.getByRole("heading", { level: 1, name: `Hold a review of ${partnerName}` }),
    ).toBeVisible();
    const form = page.getByRole("main");
    await expectAccessible(page);

    // A mistake first: the problems are explained and nothing chosen or typed is lost.
    await form.getByLabel("Who took part").fill("Ada Lovelace; their centre manager");
    await form.getByRole("radio", { name: "Withdraw: end the partnership" }).check();
    await form.getByRole("button", { name: "Record the review" }).click();
    const problems = page.getByRole("alert");
    await expect(problems).toContainText("There is a problem");
    await expect(problems).toContainText(
      "Say whether the partnership is still relevant to your learning aims.",
    );
    await expect(problems).toContainText("Say why you are withdrawing from the partnership.");
    await expect(form.getByLabel("Who took part")).toHaveValue("Ada Lovelace; their centre manager");
    await expect(form.getByRole("radio", { name: "Withdraw: end the partnership" })).toBeChecked();
    // A withdrawal schedules no next review, so the form no longer asks for one.
    await expect(form.getByLabel("Next review")).toBeHidden();
    await expectAccessible(page);

    const relevance = form.getByRole("group", {
      name: "Is the partnership still relevant to your learning aims?",
    });
    await relevance.getByRole("radio", { name: "No" }).check();
    await form.getByRole("radio", { name: "2: Dissatisfied" }).check();
    await form.getByLabel("Lessons learnt").fill("Agree a shared plan before the first session.");
    await form.getByLabel("Why you are withdrawing").fill("Their adult learning centre has closed.");
    const firstAction = form.getByRole("group", { name: "Action 1", exact: true });
    await firstAction.getByLabel("What needs doing").fill(`Return their loan boxes ${stamp}`);
    await firstAction.getByLabel("Who will do it").selectOption({ label: admin.name });
    await form.getByRole("button", { name: "Record the review" }).click();

    // The review's page.
    await expect(page.getByRole("heading", { level: 1, name: `Review of ${partnerName}` })).toBeVisible();
    await expect(page.getByRole("status")).toContainText(
      "The review has been recorded and the partnership has ended.",
    );
    await expect(page.getByRole("list", { name: "Summary" })).toContainText("Decision: Withdraw");
    await expect(page.getByRole("region", { name: "Decision" })).toContainText(
      "Their adult learning centre has closed.",
    );
    await expect(page.getByRole("region", { name: "Follow-up actions" })).toContainText(
      `Return their loan boxes ${stamp}`,
    );
    await expect(page.getByRole("region", { name: "Evidence for the checklist" })).toContainText("3.1.E7");
    await expectAccessible(page);

    // The partnership has ended, for the reason given.
    await page
      .getByRole("navigation", { name: "Breadcrumb" })
      .getByRole("link", { name: partnerName })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: partnerName })).toBeVisible();
    await expect(page.getByRole("list", { name: "Summary" })).toContainText("Ended");
    await expect(page.getByRole("region", { name: "Details" })).toContainText(
      "Their adult learning centre has closed.",
    );

    // No next review: it has left the schedule, and shows among the completed reviews.
    await page.goto("/reviews");
    for (const part of [/^Overdue/, /^Due in the next 30 days/, /^Later/]) {
      await expect(
        page.getByRole("region", { name: part }).getByRole("link", { name: partnerName }),
      ).toHaveCount(0);
    }
    const completed = page.getByRole("region", { name: "Completed reviews" });
    await expect(completed.getByRole("row", { name: new RegExp(partnerName) })).toContainText("Withdraw");

    // The completed reviews are found by words in the partner's name.
    const completedFilter = completed.getByRole("search", { name: "Filter completed reviews" });
    await completedFilter.getByLabel("Partner").fill(partnerName);
    await completedFilter.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]partner=Northtown/);
    await expect(completed.getByRole("status")).toHaveText("1 review");
    await expectAccessible(page);

    // Holding another review is refused, with the reason.
    await page.goto(`${partnerPath}/reviews/new`);
    await expect(page.getByText("This partnership has already ended")).toBeVisible();

    // The withdrawal is suggested as evidence for "acted on decisions to withdraw".
    await page.goto("/evidence/suggestions");
    const filters = page.getByRole("search", { name: "Filter suggestions" });
    await filters.getByLabel("Kind of record").selectOption({ label: "Partnership review" });
    await filters.getByLabel("Checklist line").selectOption("3.1.E7");
    await filters.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]line=3\.1\.E7/);
    const suggestion = page.getByRole("row", { name: new RegExp(`Review of ${partnerName}`) });
    await expect(suggestion).toContainText("3.1.E7");
    await expect(suggestion).toContainText("withdrew from a partnership");
  });
});
