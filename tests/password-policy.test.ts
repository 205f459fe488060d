import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { setupForm } from "~/forms/users.server";
import { COMMON_PASSWORDS, COMMON_WORDS } from "~/utils/common-passwords";
import { defineForm, email, newPassword, parseForm } from "~/utils/forms.server";
import { PASSWORD_MIN } from "~/utils/password-policy";
import {
  containsEmailName,
  HAS_EMAIL_NAME,
  IS_APP_NAME,
  isCommonPassword,
  passwordNotPersonal,
  passwordProblem,
  TOO_COMMON,
} from "~/utils/password-policy.server";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};

describe("the list of common passwords", () => {
  it("holds several hundred distinct, lower-case passwords, all long enough to pass the length rule", () => {
    expect(COMMON_PASSWORDS.length).toBeGreaterThanOrEqual(400);
    expect(new Set(COMMON_PASSWORDS).size).toBe(COMMON_PASSWORDS.length);
    for (const password of COMMON_PASSWORDS) {
      expect(password.length, password).toBeGreaterThanOrEqual(PASSWORD_MIN);
      expect(password, password).toBe(password.toLowerCase());
      expect(isCommonPassword(password), password).toBe(true);
    }
    expect(COMMON_WORDS.length).toBeGreaterThanOrEqual(100);
  });

  it("is imported by the server's password policy only, so it never reaches the browser", () => {
    const appDir = path.resolve("app");
    const importers: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.tsx?$/.test(entry.name) && /common-passwords/.test(fs.readFileSync(file, "utf8"))) {
          importers.push(path.relative(appDir, file));
        }
      }
    };
    walk(appDir);
    expect(importers.filter((file) => !file.endsWith("common-passwords.ts"))).toEqual([
      path.join("utils", "password-policy.server.ts"),
    ]);
    // The policy module that pages import holds no list.
    const shared = fs.readFileSync(path.join(appDir, "utils", "password-policy.ts"), "utf8");
    expect(shared).not.toMatch(/qwerty|iloveyou|COMMON_PASSWORDS/);
  });
});

describe("refusing common passwords", () => {
  it("refuses breached passwords however they are typed", () => {
    for (const password of [
      "password1234",
      "Password1234",
      "PASSWORD123!",
      "iloveyou1234",
      "I love you 1234",
      "i-love-you-forever",
      "qwertyuiop123",
      "1qaz2wsx3edc",
      "123456789012",
      "football1234",
      "Liverpool1892",
      "letmein12345",
      "P@ssw0rd1234",
    ]) {
      expect(isCommonPassword(password), password).toBe(true);
    }
  });

  it("refuses a common word padded only with digits and symbols, and swaps of symbols for letters", () => {
    for (const password of [
      "Sunshine2024!!",
      "!!Sunshine2024",
      "Passw0rd!2025",
      "p4ssw0rd987654",
      "Arsenal#1886!!",
      "M0nkey12345678",
      "Tr0ub4d0r&3",
    ].filter((p) => p.length >= 12)) {
      expect(isCommonPassword(password), password).toBe(true);
    }
  });

  it("refuses repeated patterns and runs", () => {
    for (const password of [
      "aaaaaaaaaaaa",
      "abcabcabcabc",
      "xyz123xyz123",
      "!!!!!!!!!!!!",
      "abcdefghijklmno",
      "0123456789012",
      "987654321098",
      "qwertyqwertyqwerty",
      "dragondragon",
    ]) {
      expect(isCommonPassword(password), password).toBe(true);
    }
  });

  it("refuses the app's name", () => {
    for (const password of [
      "partnership tracker",
      "Partnership Tracker",
      "PartnershipTracker1",
      "partnership-tracker-2024",
      "The Partnership Tracker!",
      "partn3rsh1p tr4ck3r",
    ]) {
      expect(isCommonPassword(password), password).toBe(true);
      expect(passwordProblem(password), password).toBe(IS_APP_NAME);
    }
  });

  it("accepts passphrases of a few unrelated words, and long passwords that merely contain a common word", () => {
    for (const password of [
      "correct horse battery staple",
      "analytical engine notes",
      "vera's own long passphrase",
      "a long enough passphrase",
      "wrong password here",
      "my password is a teapot",
      "Liverpool in the rain at dusk",
      "sunshine over the estuary",
      "tracker of partnerships and friends",
      "x7#Kp2!vQm9@Lw",
    ]) {
      expect(isCommonPassword(password), password).toBe(false);
      expect(passwordProblem(password), password).toBeNull();
    }
  });

  it("refuses them through the new password field every form uses, with the form's message", () => {
    expect(newPassword.safeParse("Partnership Tracker").success).toBe(false);
    const refused = newPassword.safeParse("Qwerty123456");
    expect(refused.error?.issues[0].message).toBe(TOO_COMMON);
    expect(newPassword.safeParse("walnut lantern cobalt river").success).toBe(true);
    const setup = parseForm(
      form({
        name: "Ada",
        email: "ada@museum.example",
        password: "password1234",
        confirmPassword: "password1234",
      }),
      setupForm,
    );
    expect(setup.ok).toBe(false);
    if (!setup.ok) expect(setup.errors.password).toEqual([TOO_COMMON]);
  });
});

describe("refusing a password that contains the person's email name", () => {
  it("looks for the name before the @, ignoring dots, dashes, plus-tags and case", () => {
    expect(containsEmailName("JaneSmith-rules-2026", "jane.smith@example.org")).toBe(true);
    expect(containsEmailName("my name is jane smith ok", "Jane.Smith+news@example.org")).toBe(true);
    expect(containsEmailName("smith and jones forever", "jane.smith@example.org")).toBe(false);
    expect(containsEmailName("walnut lantern cobalt river", "jane.smith@example.org")).toBe(false);
    expect(containsEmailName("anything at all here", null)).toBe(false);
    expect(passwordProblem("i am priya patel!!", { email: "priyapatel@museum.example" })).toBe(
      HAS_EMAIL_NAME,
    );
  });

  it("does not let a short name rule out every password that happens to contain it", () => {
    // "ada" is in "Canada", but a password about Canada is not about Ada.
    expect(containsEmailName("holidays in canada 2019", "ada@museum.example")).toBe(false);
    expect(containsEmailName("ada1234567890", "ada@museum.example")).toBe(true);
  });

  it("checks across fields on forms that have both", () => {
    const signUp = defineForm({ email: email(), password: newPassword }, passwordNotPersonal);
    const refused = parseForm(
      form({ email: "eddie@example.org", password: "eddie's own long passphrase" }),
      signUp,
    );
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.errors).toEqual({ password: [HAS_EMAIL_NAME] });
      expect(refused.values).toEqual({ email: "eddie@example.org" });
    }
    const accepted = parseForm(
      form({ email: "eddie@example.org", password: "walnut lantern cobalt river" }),
      signUp,
    );
    expect(accepted.ok).toBe(true);
  });
});
