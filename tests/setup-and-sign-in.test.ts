import { describe, expect, it } from "vitest";
import { action as logoutAction } from "~/routes/logout";
import { action as loginAction, loader as loginLoader } from "~/routes/login";
import { action as setupAction, loader as setupLoader } from "~/routes/setup";
import { loader as appLoader } from "~/routes/_app";
import { loader as notFoundLoader } from "~/routes/$";
import { createUser } from "~/models/user.server";
import { load, submit } from "./support/requests";
import { signedInUser, TEST_PASSWORD } from "./support/factories";

const goodSetup = {
  name: "Ada Admin",
  email: "Ada@Example.org ",
  password: "a long enough passphrase",
  confirmPassword: "a long enough passphrase",
};

function sessionCookieFrom(headers: Headers) {
  return headers.get("Set-Cookie")!.split(";")[0];
}

describe("first run", () => {
  it("sends every page to /setup while there are no users", async () => {
    expect((await load(appLoader, { path: "/" })).location).toBe("/setup");
    expect((await load(loginLoader, { path: "/login" })).location).toBe("/setup");
    expect((await load(notFoundLoader, { path: "/anything" })).location).toBe("/setup");
    expect((await load(setupLoader, { path: "/setup" })).status).toBe(200);
  });

  it("creates the first administrator, signs them in, and is then gone for good", async () => {
    const created = await submit(setupAction, { path: "/setup", form: goodSetup });
    expect(created.status).toBe(302);
    expect(created.location).toBe("/");
    const cookie = sessionCookieFrom(created.headers);
    const shell = await load(appLoader, { path: "/", cookie });
    expect(shell.data.user).toMatchObject({ name: "Ada Admin", email: "ada@example.org", role: "admin" });

    expect((await load(setupLoader, { path: "/setup" })).status).toBe(404);
    const again = await submit(setupAction, {
      path: "/setup",
      form: { ...goodSetup, email: "eve@example.org" },
    });
    expect(again.status).toBe(404);
  });

  it("explains each problem and keeps what was typed, except passwords", async () => {
    const result = await submit(setupAction, {
      path: "/setup",
      form: { name: "  ", email: "not-an-email", password: "short", confirmPassword: "other" },
    });
    expect(result.status).toBe(400);
    expect(result.data.errors.name).toEqual(["Enter your name."]);
    expect(result.data.errors.email[0]).toMatch(/right form/);
    expect(result.data.errors.password).toEqual(["Use at least 12 characters."]);
    expect(result.data.values).toEqual({ name: "  ", email: "not-an-email" });
  });

  it("refuses common passwords and mismatched confirmation", async () => {
    const common = await submit(setupAction, {
      path: "/setup",
      form: { ...goodSetup, password: "password1234", confirmPassword: "password1234" },
    });
    expect(common.data.errors.password[0]).toMatch(/too common/);
    const mismatch = await submit(setupAction, {
      path: "/setup",
      form: { ...goodSetup, confirmPassword: "something else entirely" },
    });
    expect(mismatch.data.errors.confirmPassword).toEqual(["The two passwords are not the same."]);
  });
});

describe("sign-in", () => {
  it("signs in with the right password, case-insensitively by email, and follows a safe redirect", async () => {
    await signedInUser("editor", { email: "eddie@example.org" });
    const result = await submit(loginAction, {
      path: "/login",
      form: { email: "EDDIE@example.org", password: TEST_PASSWORD, redirectTo: "/users" },
    });
    expect(result.status).toBe(302);
    expect(result.location).toBe("/users");
    const setCookie = result.headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i); // plain http here; https is tested below
  });

  it("never redirects to another site after sign-in", async () => {
    await signedInUser("editor", { email: "eddie@example.org" });
    const result = await submit(loginAction, {
      path: "/login",
      form: { email: "eddie@example.org", password: TEST_PASSWORD, redirectTo: "//evil.example/steal" },
    });
    expect(result.location).toBe("/");
  });

  it("gives the same message for a wrong password and an unknown email, keeping the email typed", async () => {
    await signedInUser("editor", { email: "eddie@example.org" });
    const wrong = await submit(loginAction, {
      path: "/login",
      form: { email: "eddie@example.org", password: "wrong password here" },
    });
    const unknown = await submit(loginAction, {
      path: "/login",
      form: { email: "nobody@example.org", password: "wrong password here" },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.data.errors.form).toEqual(unknown.data.errors.form);
    expect(wrong.data.values.email).toBe("eddie@example.org");
    expect(wrong.data.values.password).toBeUndefined();
  });

  it("refuses a deactivated user", async () => {
    const { id } = await createUser(
      { email: "gone@example.org", name: "Gone", role: "editor", password: TEST_PASSWORD },
      null,
    );
    const { updateUserAccess } = await import("~/models/user.server");
    await signedInUser("admin");
    updateUserAccess(id, { active: false }, id);
    const result = await submit(loginAction, {
      path: "/login",
      form: { email: "gone@example.org", password: TEST_PASSWORD },
    });
    expect(result.status).toBe(400);
  });

  it("blocks an email after 10 failures in 15 minutes, even with the right password, with a clear message", async () => {
    await signedInUser("editor", { email: "eddie@example.org" });
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const result = await submit(loginAction, {
        path: "/login",
        form: { email: "eddie@example.org", password: `guess number ${attempt}` },
      });
      expect(result.status).toBe(400);
    }
    const blocked = await submit(loginAction, {
      path: "/login",
      form: { email: "eddie@example.org", password: TEST_PASSWORD },
    });
    expect(blocked.status).toBe(429);
    expect(blocked.data.errors.form[0]).toMatch(/Too many failed sign-in attempts.*try again in 15 minutes/);
    // Another account from another address is not affected.
    await signedInUser("viewer", { email: "vera@example.org" });
    const other = await submit(loginAction, {
      path: "/login",
      form: { email: "vera@example.org", password: TEST_PASSWORD },
      context: { clientAddress: "10.0.0.2" },
    });
    expect(other.status).toBe(302);
  });

  it("sends a signed-in visitor away from the sign-in page", async () => {
    const { cookie } = await signedInUser("viewer");
    expect((await load(loginLoader, { path: "/login", cookie })).location).toBe("/");
  });

  it("uses a Secure __Host- cookie over HTTPS", async () => {
    await signedInUser("editor", { email: "eddie@example.org" });
    const { action } = await import("~/routes/login");
    const body = new URLSearchParams({ email: "eddie@example.org", password: TEST_PASSWORD });
    const response = (await action({
      request: new Request("https://tracker.example.org/login", {
        method: "POST",
        body,
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
      }),
      params: {},
      context: {},
    })) as Response;
    const setCookie = response.headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(/^__Host-tracker_session=/);
    expect(setCookie).toMatch(/Secure/);
    expect(setCookie).toMatch(/Path=\//);
  });
});

describe("sign-out", () => {
  it("ends the session on the server, so the old cookie no longer works", async () => {
    const { cookie } = await signedInUser("editor");
    expect((await load(appLoader, { path: "/", cookie })).status).toBe(200);
    const out = await submit(logoutAction, { path: "/logout", cookie });
    expect(out.location).toBe("/login");
    expect(out.headers.get("Set-Cookie")).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);
    const after = await load(appLoader, { path: "/", cookie });
    expect(after.location).toBe("/login");
  });

  it("asks an anonymous visitor to sign in and brings them back afterwards", async () => {
    await signedInUser("admin");
    const result = await load(appLoader, { path: "/users?x=1" });
    expect(result.location).toBe("/login?redirectTo=%2Fusers%3Fx%3D1");
  });
});
