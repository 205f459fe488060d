import { expect, test, admin, expectAccessible, signIn } from "./support";

test.describe("the app shell", () => {
  test("every page passes the accessibility check", async ({ page }) => {
    await page.goto("/login");
    await expectAccessible(page);
    await signIn(page);
    for (const path of ["/", "/users", "/users/new", "/users/1", "/profile", "/no-such-page"]) {
      await page.goto(path);
      await expectAccessible(page);
    }
  });

  test("the first Tab reaches the skip link, which moves focus to the content", async ({ page }) => {
    await signIn(page);
    await page.goto("/users", { waitUntil: "networkidle" });
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to main content" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main$/);
  });

  test("a missing page says so, within the shell, with a way back", async ({ page }) => {
    await signIn(page);
    const response = await page.goto("/users/99999");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Go to the dashboard" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  });

  test("works on a phone-sized screen without sideways scrolling", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await signIn(page);
    for (const path of ["/", "/users", "/users/1", "/profile"]) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `sideways scroll on ${path}`).toBeLessThanOrEqual(0);
    }
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a person can sign in, add a user after a mistake, and sign out", async ({ page }) => {
    await signIn(page, admin);
    await page.goto("/users/new");
    await page.getByLabel("Name").fill("Nora No-Script");
    await page.getByLabel("Email address").fill("nora@museum.example");
    await page.getByLabel("First password").fill("short");
    await page.getByRole("button", { name: "Add user" }).click();
    await expect(page.getByText("There is a problem")).toBeVisible();
    await expect(page.getByLabel("Name")).toHaveValue("Nora No-Script");
    await page.getByLabel("First password").fill("a long enough passphrase");
    await page.getByRole("button", { name: "Add user" }).click();
    await expect(page.getByRole("cell", { name: "nora@museum.example" })).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  });
});
