import { describe, expect, it } from "vitest";
import { loader as usersLoader } from "~/routes/_app.users._index";
import { action as newUserAction, loader as newUserLoader } from "~/routes/_app.users.new";
import { action as userAction, loader as userLoader } from "~/routes/_app.users.$userId";
import { action as profileAction } from "~/routes/_app.profile";
import { loader as appLoader } from "~/routes/_app";
import { action as loginAction } from "~/routes/login";
import { load, submit } from "./support/requests";
import { signedInUser, TEST_PASSWORD } from "./support/factories";

const newColleague = {
  name: "Vera Viewer",
  email: "vera@example.org",
  role: "viewer",
  password: "another long passphrase",
};

describe("the users pages, by role", () => {
  it("lets an administrator list, open and add users", async () => {
    const admin = await signedInUser("admin");
    expect((await load(usersLoader, { path: "/users", cookie: admin.cookie })).data.users).toHaveLength(1);
    expect((await load(newUserLoader, { path: "/users/new", cookie: admin.cookie })).status).toBe(200);
    const created = await submit(newUserAction, {
      path: "/users/new",
      cookie: admin.cookie,
      form: newColleague,
    });
    expect(created.status).toBe(302);
    const list = await load(usersLoader, { path: "/users", cookie: admin.cookie });
    expect(list.data.users.map((u: { email: string }) => u.email)).toContain("vera@example.org");
    const vera = list.data.users.find((u: { email: string }) => u.email === "vera@example.org");
    const page = await load(userLoader, {
      path: `/users/${vera.id}`,
      params: { userId: String(vera.id) },
      cookie: admin.cookie,
    });
    expect(page.data.user.role).toBe("viewer");
    expect(page.data.history[0].action).toBe("create");
    expect(JSON.stringify(page.data)).not.toMatch(/argon2|passwordHash/);
  });

  for (const role of ["editor", "viewer"] as const) {
    it(`refuses a ${role} with 403 on every users page and action, and changes nothing`, async () => {
      const admin = await signedInUser("admin");
      const user = await signedInUser(role);
      const params = { userId: String(admin.id) };
      expect((await load(usersLoader, { path: "/users", cookie: user.cookie })).status).toBe(403);
      expect((await load(newUserLoader, { path: "/users/new", cookie: user.cookie })).status).toBe(403);
      expect(
        (await load(userLoader, { path: `/users/${admin.id}`, params, cookie: user.cookie })).status,
      ).toBe(403);
      const add = await submit(newUserAction, {
        path: "/users/new",
        cookie: user.cookie,
        form: newColleague,
      });
      expect(add.status).toBe(403);
      const demote = await submit(userAction, {
        path: `/users/${admin.id}`,
        params,
        cookie: user.cookie,
        form: { intent: "access", role: "viewer" },
      });
      expect(demote.status).toBe(403);
      const list = await load(usersLoader, { path: "/users", cookie: admin.cookie });
      expect(list.data.users).toHaveLength(2);
      expect(list.data.users.find((u: { id: number }) => u.id === admin.id).role).toBe("admin");
    });
  }

  it("sends anonymous visitors to sign in", async () => {
    await signedInUser("admin");
    expect((await load(usersLoader, { path: "/users" })).location).toBe("/login?redirectTo=%2Fusers");
  });

  it("answers 404 for a user that does not exist or a malformed id", async () => {
    const admin = await signedInUser("admin");
    for (const userId of ["9999", "abc", "-1", "1.5"]) {
      const result = await load(userLoader, {
        path: `/users/${userId}`,
        params: { userId },
        cookie: admin.cookie,
      });
      expect(result.status).toBe(404);
    }
  });

  it("refuses a duplicate email, keeping what was typed", async () => {
    const admin = await signedInUser("admin", { email: "ada@example.org" });
    const result = await submit(newUserAction, {
      path: "/users/new",
      cookie: admin.cookie,
      form: { ...newColleague, email: "ADA@example.org" },
    });
    expect(result.status).toBe(400);
    expect(result.data.errors.email).toEqual(["A user with this email address already exists."]);
    expect(result.data.values).toMatchObject({
      name: "Vera Viewer",
      email: "ADA@example.org",
      role: "viewer",
    });
    expect(result.data.values.password).toBeUndefined();
  });
});

describe("managing a user", () => {
  it("changes a role and records who changed what in the history", async () => {
    const admin = await signedInUser("admin");
    const editor = await signedInUser("editor");
    const params = { userId: String(editor.id) };
    const result = await submit(userAction, {
      path: `/users/${editor.id}`,
      params,
      cookie: admin.cookie,
      form: { intent: "access", role: "viewer", canViewEquality: "on" },
    });
    expect(result.location).toBe(`/users/${editor.id}?notice=access`);
    const page = await load(userLoader, { path: `/users/${editor.id}`, params, cookie: admin.cookie });
    expect(page.data.user).toMatchObject({ role: "viewer", canViewEquality: true });
    const change = page.data.history[0];
    expect(change.action).toBe("update");
    expect(change.changes).toEqual({ role: ["editor", "viewer"], canViewEquality: [false, true] });
    expect(change.userName).toMatch(/^Admin \d+$/);
  });

  it("never removes the last active administrator", async () => {
    const admin = await signedInUser("admin");
    const params = { userId: String(admin.id) };
    const demote = await submit(userAction, {
      path: `/users/${admin.id}`,
      params,
      cookie: admin.cookie,
      form: { intent: "access", role: "editor" },
    });
    expect(demote.status).toBe(400);
    expect(demote.data.errors.form[0]).toMatch(/only active administrator/);
    const deactivate = await submit(userAction, {
      path: `/users/${admin.id}`,
      params,
      cookie: admin.cookie,
      form: { intent: "deactivate" },
    });
    expect(deactivate.status).toBe(400);
    // With a second administrator, the first may step down.
    await signedInUser("admin");
    const stepDown = await submit(userAction, {
      path: `/users/${admin.id}`,
      params,
      cookie: admin.cookie,
      form: { intent: "access", role: "editor" },
    });
    expect(stepDown.status).toBe(302);
  });

  it("deactivating a user signs them out at once and stops sign-in", async () => {
    const admin = await signedInUser("admin");
    const editor = await signedInUser("editor");
    expect((await load(appLoader, { path: "/", cookie: editor.cookie })).status).toBe(200);
    await submit(userAction, {
      path: `/users/${editor.id}`,
      params: { userId: String(editor.id) },
      cookie: admin.cookie,
      form: { intent: "deactivate" },
    });
    expect((await load(appLoader, { path: "/", cookie: editor.cookie })).location).toBe("/login");
    const login = await submit(loginAction, {
      path: "/login",
      form: { email: editor.email, password: TEST_PASSWORD },
    });
    expect(login.status).toBe(400);
  });

  it("resetting a password ends the user's sessions and the new password works", async () => {
    const admin = await signedInUser("admin");
    const editor = await signedInUser("editor");
    const reset = await submit(userAction, {
      path: `/users/${editor.id}`,
      params: { userId: String(editor.id) },
      cookie: admin.cookie,
      form: { intent: "reset-password", password: "a brand new passphrase" },
    });
    expect(reset.status).toBe(302);
    expect((await load(appLoader, { path: "/", cookie: editor.cookie })).location).toBe("/login");
    const login = await submit(loginAction, {
      path: "/login",
      form: { email: editor.email, password: "a brand new passphrase" },
    });
    expect(login.status).toBe(302);
    const page = await load(userLoader, {
      path: `/users/${editor.id}`,
      params: { userId: String(editor.id) },
      cookie: admin.cookie,
    });
    expect(page.data.history[0].changes).toEqual({ password: ["(hidden)", "(hidden)"] });
  });
});

describe("changing your own password", () => {
  it("needs the current password, keeps this session and ends the others", async () => {
    const editor = await signedInUser("editor");
    const { cookieFor } = await import("./support/requests");
    const otherDevice = await cookieFor(editor.id);
    const wrong = await submit(profileAction, {
      path: "/profile",
      cookie: editor.cookie,
      form: {
        currentPassword: "not it at all",
        password: "a fresh passphrase",
        confirmPassword: "a fresh passphrase",
      },
    });
    expect(wrong.data.errors.currentPassword).toEqual(["Your current password is not right."]);
    const changed = await submit(profileAction, {
      path: "/profile",
      cookie: editor.cookie,
      form: {
        currentPassword: TEST_PASSWORD,
        password: "a fresh passphrase",
        confirmPassword: "a fresh passphrase",
      },
    });
    expect(changed.status).toBe(302);
    expect((await load(appLoader, { path: "/", cookie: editor.cookie })).status).toBe(200);
    expect((await load(appLoader, { path: "/", cookie: otherDevice })).location).toBe("/login");
  });
});
