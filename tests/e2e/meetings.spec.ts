import { admin, expect, test, expectAccessible, signIn } from "./support";

// Unique per run, so the test finds its own records among those other tests leave behind.
const stamp = Date.now().toString(36);
const partnerName = `Riverside College ${stamp}`;
const contactName = `Sam Patel ${stamp}`;
const meetingTitle = `Meeting with ${partnerName}`;
const colleague = {
  name: `Priya Shah ${stamp}`,
  email: `priya-${stamp}@museum.example`,
  password: "priya's own long passphrase",
};

test.describe("meetings", () => {
  test("from a partner's page, an editor logs a meeting with follow-up actions for two colleagues, then finds it by partner", async ({
    page,
  }) => {
    await signIn(page);

    // A colleague to share the follow-up work with.
    await page.goto("/users/new");
    await page.getByLabel("Name").fill(colleague.name);
    await page.getByLabel("Email address").fill(colleague.email);
    await page.getByLabel("Role").selectOption("editor");
    await page.getByLabel("First password").fill(colleague.password);
    await page.getByRole("button", { name: "Add user" }).click();
    await expect(page.getByRole("status")).toContainText("The user has been added");

    // A partner with a contact.
    await page.goto("/partners/new");
    await page.getByLabel("Name", { exact: true }).fill(partnerName);
    await page.getByLabel("Type of organisation").selectOption({ label: "College" });
    await page.getByRole("button", { name: "Add partner" }).click();
    await expect(page.getByRole("heading", { level: 1, name: partnerName })).toBeVisible();
    const partnerId = page.url().match(/\/partners\/(\d+)/)![1];
    await page.getByRole("link", { name: "Add a contact" }).click();
    await page.getByLabel("Name", { exact: true }).fill(contactName);
    await page.getByLabel("Role").fill("Tutor");
    await page.getByRole("button", { name: "Add contact", exact: true }).click();
    await expect(page.getByRole("status")).toContainText("The contact has been added.");

    // Log a meeting from the partner's page: the partner, a title and the time now are filled in.
    await page.getByRole("link", { name: "Log a meeting" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Log a meeting" })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/meetings/new\\?partnerId=${partnerId}$`));
    await expectAccessible(page);
    const form = page.getByRole("main");
    await expect(form.getByLabel("Title", { exact: true })).toHaveValue(meetingTitle);
    await expect(form.getByLabel(/^Partner( \(optional\))?$/)).toHaveValue(partnerId);
    await expect(form.getByLabel("Kind")).toHaveValue("meeting");
    await expect(form.getByLabel("Date")).not.toHaveValue("");
    await expect(form.getByLabel("Time")).toHaveValue(/^\d{2}:(00|15|30|45)$/);
    await expect(form.getByRole("checkbox", { name: admin.name, exact: true })).toBeChecked();
    await form.getByRole("checkbox", { name: `${contactName}, Tutor` }).check();
    await form.getByLabel("Summary").fill("ESOL learners visiting the archive in the summer.");
    await form.getByLabel("Decisions").fill("Run two pilot sessions in July.");

    // A mistake first: an action without an owner is explained, and nothing typed is lost.
    const first = form.getByRole("group", { name: "Action 1" });
    const second = form.getByRole("group", { name: "Action 2" });
    await first.getByLabel("What needs doing").fill("Book the learning room");
    await first.getByLabel("Who will do it").selectOption({ label: colleague.name });
    await first.getByLabel("Due by").fill("2030-06-20");
    await second.getByLabel("What needs doing").fill("Send the session plan to Sam");
    await form.getByRole("button", { name: "Log meeting" }).click();
    const problems = page.getByRole("alert");
    await expect(problems).toContainText("There is a problem");
    await expect(problems).toContainText("Choose who will do action 2.");
    await expect(second.getByLabel("What needs doing")).toHaveValue("Send the session plan to Sam");
    await expect(first.getByLabel("Who will do it")).toHaveValue(/\d+/);
    await expect(form.getByRole("checkbox", { name: `${contactName}, Tutor` })).toBeChecked();
    await expect(form.getByLabel("Summary")).toHaveValue("ESOL learners visiting the archive in the summer.");
    await expectAccessible(page);

    await second.getByLabel("Who will do it").selectOption({ label: admin.name });
    await form.getByRole("button", { name: "Log meeting" }).click();

    await expect(page.getByRole("heading", { level: 1, name: meetingTitle })).toBeVisible();
    await expect(page.getByRole("status")).toContainText("The meeting has been logged.");
    const attended = page.getByRole("region", { name: "Who attended", exact: true });
    await expect(attended).toContainText(admin.name);
    await expect(attended).toContainText(contactName);
    const details = page.getByRole("region", { name: "Details", exact: true });
    await expect(details.getByRole("link", { name: partnerName })).toHaveAttribute(
      "href",
      `/partners/${partnerId}`,
    );
    const followUps = page.getByRole("region", { name: "Follow-up actions" });
    const booking = followUps.getByRole("row", { name: /Book the learning room/ });
    await expect(booking).toContainText(colleague.name);
    await expect(booking).toContainText("20 Jun 2030");
    await expect(booking).toContainText("Open");
    await expect(followUps.getByRole("row", { name: /Send the session plan to Sam/ })).toContainText(
      admin.name,
    );
    await expect(followUps.getByRole("link", { name: "All actions" })).toHaveAttribute("href", "/actions");
    await expect(page.getByText("Meeting added by")).toBeVisible();
    await expectAccessible(page);

    // Find it again in the list, by its partner.
    await page.goto("/meetings");
    await expect(page.getByRole("heading", { level: 1, name: "Meetings" })).toBeVisible();
    await expectAccessible(page);
    const filters = page.getByRole("search", { name: "Search and filter meetings" });
    await filters.getByLabel("Partner").fill(partnerName);
    await filters.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]partner=Riverside/);
    await expect(page.getByRole("status")).toHaveText("1 meeting");
    const row = page.getByRole("row", { name: new RegExp(meetingTitle) });
    await expect(row.getByRole("link", { name: meetingTitle })).toBeVisible();
    await expect(row).toContainText("2 (2 open)");

    // …and not under another kind.
    await filters.getByLabel("Kind").selectOption({ label: "Event" });
    await filters.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]kind=event/);
    await expect(page.getByRole("status")).toHaveText("No meetings match.");
    await expect(page.getByText("No meetings match these filters.")).toBeVisible();

    // From the partner's page, the list shows that partner by name, with a way back to all of them.
    await page.goto(`/meetings?partnerId=${partnerId}`);
    await expect(filters).toContainText(`Partner: ${partnerName}`);
    await expect(page.getByRole("status")).toHaveText("1 meeting");
    await expectAccessible(page);
    await filters.getByRole("link", { name: "Show all partners" }).click();
    await expect(page).not.toHaveURL(/partnerId=/);
    await expect(filters.getByLabel("Partner")).toHaveValue("");
  });
});
