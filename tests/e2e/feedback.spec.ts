import { expect, test, expectAccessible, signIn, signOut } from "./support";

// Unique per run, so the test finds its own records among those other tests leave behind.
const stamp = Date.now().toString(36);
const partnerName = `Riverside College ${stamp}`;
const editor = {
  name: `Eddie Editor ${stamp}`,
  email: `eddie-${stamp}@museum.example`,
  password: "eddie's own long passphrase",
};
const gained = `Our adult learners grew in confidence ${stamp}`;

test.describe("feedback from partners", () => {
  test("an editor sends a partner a link; the partner answers on a phone without JavaScript; the answer shows on the partner's feedback page and as suggested evidence", async ({
    page,
    browser,
  }) => {
    // An editor, added by the administrator.
    await signIn(page);
    await page.goto("/users/new");
    await page.getByLabel("Name").fill(editor.name);
    await page.getByLabel("Email address").fill(editor.email);
    await page.getByLabel("Role").selectOption("editor");
    await page.getByLabel("First password").fill(editor.password);
    await page.getByRole("button", { name: "Add user" }).click();
    await expect(page.getByRole("status")).toContainText("The user has been added");
    await signOut(page);
    await signIn(page, editor);

    // A partner, with something the public page must never show.
    await page.goto("/partners/new");
    await page.getByLabel("Name", { exact: true }).fill(partnerName);
    await page.getByLabel("Type of organisation").selectOption({ label: "College" });
    await page.getByLabel("What they bring").fill(`Confidential arrangement ${stamp}`);
    await page.getByRole("button", { name: "Add partner" }).click();
    await expect(page.getByRole("heading", { level: 1, name: partnerName })).toBeVisible();
    const partnerUrl = new URL(page.url()).pathname;

    // The partner's feedback page: no links yet; a new one, shown once.
    await page.goto(`${partnerUrl}/feedback`);
    await expect(page.getByRole("heading", { level: 1, name: `Feedback from ${partnerName}` })).toBeVisible();
    await expect(page.getByText("No feedback links yet.")).toBeVisible();
    await expectAccessible(page);
    const create = page.getByRole("region", { name: "Create a feedback link" });
    await expect(create.getByLabel("Works until")).not.toHaveValue("");
    await create.getByRole("button", { name: "Create a feedback link" }).click();
    const field = page.getByLabel("New feedback link");
    await expect(field).toHaveAttribute("readonly", "");
    const link = await field.inputValue();
    expect(link).toMatch(/\/feedback\/[A-Za-z0-9_-]{43}$/);
    await expect(page.getByText("it is shown only this once")).toBeVisible();
    const links = page.getByRole("region", { name: "Links", exact: true });
    await expect(links.getByRole("row").filter({ hasText: "Active" })).toHaveCount(1);
    await expectAccessible(page);

    // The accessibility check needs JavaScript in the page: it runs on a phone-sized window that
    // only looks at the form.
    const checking = await browser.newContext({ viewport: { width: 375, height: 740 } });
    const look = await checking.newPage();
    await look.goto(link);
    await expect(
      look.getByRole("heading", { level: 1, name: "Your views on working with us" }),
    ).toBeVisible();
    await expectAccessible(look);
    const overflow = await look.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, "sideways scroll on the feedback form").toBeLessThanOrEqual(0);
    await checking.close();

    // The partner opens it on a phone, signed in to nothing, with JavaScript off.
    const context = await browser.newContext({
      viewport: { width: 375, height: 740 },
      javaScriptEnabled: false,
    });
    const phone = await context.newPage();
    const opened = await phone.goto(link);
    expect(opened?.status()).toBe(200);
    await expect(
      phone.getByRole("heading", { level: 1, name: "Your views on working with us" }),
    ).toBeVisible();
    await expect(phone.getByText(`would like to hear from ${partnerName}`)).toBeVisible();
    await expect(phone.getByText("Every question is optional.")).toBeVisible();
    await expect(phone.getByText("Confidential arrangement")).toHaveCount(0);
    await expect(phone.getByRole("button", { name: "Sign out" })).toHaveCount(0);
    await phone
      .getByRole("group", { name: /How satisfied are you/ })
      .getByRole("radio", { name: "4: Satisfied" })
      .check();
    await phone
      .getByRole("group", { name: /still relevant/ })
      .getByRole("radio", { name: "Partly" })
      .check();
    await phone
      .getByLabel("What does your work add to ours?")
      .fill("Tutors who bring adult learners to you.");
    await phone.getByLabel("What have you gained from working with us?").fill(gained);
    await phone.getByLabel("Is there anything you would change").fill("More notice of gallery closures.");
    // A person takes a moment: answers sent within 3 seconds of the form appearing are not kept.
    await phone.waitForTimeout(3500);
    await phone.getByRole("button", { name: "Send my answers" }).click();
    await expect(phone.getByRole("heading", { level: 1, name: "Thank you" })).toBeVisible();
    await expect(phone.getByText("Your answers have been sent")).toBeVisible();
    await context.close();

    // Back as the editor: the response on the partner's feedback page, in words.
    await page.goto(`${partnerUrl}/feedback`);
    await expect(links.getByRole("row").filter({ hasText: "Active" }).getByRole("cell").nth(3)).toHaveText(
      "1",
    );
    const responses = page.getByRole("region", { name: "Responses", exact: true });
    await expect(responses.getByText(gained)).toBeVisible();
    await expect(responses.getByText("4 of 5: satisfied")).toBeVisible();
    await expectAccessible(page);
    const responseLink = responses.getByRole("link", { name: /^Partner feedback,/ });
    const responseHref = await responseLink.getAttribute("href");
    expect(responseHref).toMatch(/^\/feedback\/responses\/\d+$/);
    await responseLink.click();
    await expect(page.getByRole("heading", { level: 1, name: /^Partner feedback,/ })).toBeVisible();
    await expect(page.getByText("More notice of gallery closures.")).toBeVisible();
    await expect(page.getByRole("region", { name: "Evidence for the checklist" })).toBeVisible();
    await expectAccessible(page);

    // And as suggested evidence, waiting for a person to confirm it.
    await page.goto("/evidence/suggestions?type=feedback");
    const rows = page.getByRole("row").filter({ has: page.locator(`a[href="${responseHref}"]`) });
    await expect(rows.filter({ hasText: "A partner said how satisfied they are" })).toHaveCount(1);
    await expect(rows.filter({ hasText: "A partner said what they have gained" })).toHaveCount(1);
    await expect(rows.filter({ hasText: "3.1.E6" })).toHaveCount(1);

    // Revoked, the link stops working at once.
    await page.goto(`${partnerUrl}/feedback`);
    const row = links.getByRole("row").filter({ hasText: "Active" });
    // The confirmation sits in a disclosure, so it works without JavaScript too.
    await row.locator("summary").click();
    await row.getByRole("checkbox", { name: /Yes, stop this link working/ }).check();
    await row.getByRole("button", { name: /Revoke link/ }).click();
    await expect(page.getByRole("status")).toHaveText("The link has been revoked: it no longer works.");
    await expect(links.getByRole("row").filter({ hasText: "Revoked" })).toHaveCount(1);
    const closed = await browser.newContext({ viewport: { width: 375, height: 740 } });
    const late = await closed.newPage();
    const gone = await late.goto(link);
    expect(gone?.status()).toBe(410);
    await expect(
      late.getByRole("heading", { level: 1, name: "This feedback form has closed" }),
    ).toBeVisible();
    await expectAccessible(late);
    await closed.close();
  });
});
