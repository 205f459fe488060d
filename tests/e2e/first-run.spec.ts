import { expect, test, admin, expectAccessible, signIn, signOut } from "./support";

test("a new organisation sets up, adds a viewer, and the viewer is refused the users page", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Set up the partnership tracker" })).toBeVisible();
  await expectAccessible(page);

  // A mistake first: the page explains it and keeps what was typed.
  await page.getByLabel("Your name").fill(admin.name);
  await page.getByLabel("Email address").fill(admin.email);
  await page.getByLabel("Password", { exact: true }).fill("too short");
  await page.getByLabel("Confirm password").fill("too short");
  await page.getByRole("button", { name: "Create administrator and sign in" }).click();
  await expect(page.getByRole("alert")).toContainText("Use at least 12 characters.");
  await expect(page.getByLabel("Your name")).toHaveValue(admin.name);
  await expectAccessible(page);

  await page.getByLabel("Password", { exact: true }).fill(admin.password);
  await page.getByLabel("Confirm password").fill(admin.password);
  await page.getByRole("button", { name: "Create administrator and sign in" }).click();
  await expect(page.getByRole("heading", { name: `Hello, ${admin.name}` })).toBeVisible();

  // Setup is gone for good.
  const setupAgain = await page.goto("/setup");
  expect(setupAgain?.status()).toBe(404);

  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
  await page.getByRole("link", { name: "Add a user" }).click();
  await page.getByLabel("Name").fill("Victor Viewer");
  await page.getByLabel("Email address").fill("victor@museum.example");
  await page.getByLabel("Role").selectOption("viewer");
  await page.getByLabel("First password").fill("a lighthouse keeper's logbook");
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("status")).toContainText("The user has been added");
  await expect(page.getByRole("cell", { name: "victor@museum.example" })).toBeVisible();
  await signOut(page);

  await signIn(page, { email: "victor@museum.example", password: "a lighthouse keeper's logbook" });
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }),
  ).toHaveCount(0);
  const refused = await page.goto("/users");
  expect(refused?.status()).toBe(403);
  await expect(
    page.getByRole("heading", { name: "You do not have permission to see this page" }),
  ).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  const health = await page.request.get("/healthz");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ ok: true });
});
