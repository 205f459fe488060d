// The authorisation matrix: every route module in app/routes, its loader and its action, requested
// as anonymous, viewer, viewer with the equality data permission, editor, editor with the
// permission, and administrator, against one organisation's records. The expected access is in one
// policy table below; a route file missing from it fails the test, so a new route cannot be
// forgotten. Below the minimum: 403 (signed in) or sign-in (anonymous), no data, nothing changed.
// Then object access by guessing ids and tokens, and special category data in every loader's data.
import fs from "node:fs";
import path from "node:path";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { action as profileAction } from "~/routes/_app.profile";
import { action as usersAction } from "~/routes/_app.users.$userId";
import { action as selfFillAction } from "~/routes/monitoring.$token";
import { action as partnerFeedbackAction } from "~/routes/_app.partners.$partnerId.feedback";
import { formStamp } from "~/models/feedback-guard.server";
import { sqlite } from "~/utils/db.server";
import { load, submit, type Outcome } from "./support/requests";
import {
  buildWorld,
  databaseFingerprint,
  MONITORING_ANSWERS,
  MONITORING_WORDS,
  RECORD_NAMES,
  WORLD_NOW,
  type World,
} from "./support/world";

type RouteModule = {
  loader?: (args: LoaderFunctionArgs) => unknown;
  action?: (args: ActionFunctionArgs) => unknown;
};

// Every route module, found from the folder (as Remix finds them; remix.config.js ignores dotfiles
// and *.test files).
const modules = import.meta.glob<RouteModule>("../app/routes/*.{ts,tsx}", { eager: true });
const routeFiles = fs
  .readdirSync(path.resolve("app/routes"))
  .filter((name) => /\.tsx?$/.test(name) && !name.startsWith(".") && !/\.test\.tsx?$/.test(name))
  .sort();

// ---------------------------------------------------------------------------------------------
// The policy: who may GET (the loader) and POST (the action) each route.
//
//   public    no sign-in (the page or a secret token is the key)
//   viewer    anyone signed in; editor: editors and administrators; admin: administrators only
//   equality  individual equality monitoring answers: administrators, and viewers (to read) or
//             editors (to change) given the equality data permission
//   none      the module has no loader / no action (checked against its exports)

type Level = "public" | "viewer" | "editor" | "admin" | "equality" | "none";
type Params = Record<string, string>;
type Form = Record<string, string | string[]>;

type Policy = {
  get: Level;
  post: Level;
  /** A plausible submission for the page (its main intent). */
  form?: (w: World) => Form;
  /** Route parameters other than the defaults below. */
  params?: (w: World) => Params;
  /** Query string for the request. */
  query?: (w: World) => string;
  /** Further GETs with other queries, to look for special category data in every view. */
  probes?: string[];
  /**
   * Aggregated equality figures (the volunteer profile report, its CSV and saved copies): every
   * answer's label is part of the table, so instead no count of 1 to 4 is shown and one person's
   * answers make no difference to what is sent.
   */
  aggregate?: boolean;
};

const P = (get: Level, post: Level = "none", extra: Omit<Policy, "get" | "post"> = {}): Policy => ({
  get,
  post,
  ...extra,
});

const policy: Record<string, Policy> = {
  "$.tsx": P("public"),
  "_app.tsx": P("viewer"),
  "_app._index.tsx": P("viewer"),
  "_app.actions.$actionId.delete.tsx": P("editor", "editor"),
  "_app.actions.$actionId.edit.tsx": P("editor", "editor", {
    form: (w) => ({ description: "Changed", ownerId: String(w.people.editor.id), dueDate: "" }),
  }),
  "_app.actions._index.tsx": P("viewer", "editor", {
    form: (w) => ({ intent: "done", actionId: String(w.ids.action) }),
  }),
  "_app.actions.new.tsx": P("editor", "editor", {
    form: (w) => ({ description: "New action", ownerId: String(w.people.editor.id) }),
  }),
  "_app.assessments.$assessmentId._index.tsx": P("viewer", "editor", {
    form: () => ({ intent: "details", title: "Renamed", heldOn: "2026-06-12" }),
  }),
  "_app.assessments.$assessmentId.finish.tsx": P("editor", "editor", {
    params: (w) => ({ assessmentId: String(w.ids.assessment) }),
  }),
  "_app.assessments.$assessmentId.plan.tsx": P("viewer", "editor", {
    form: (w) => ({
      intent: "add-action",
      planFor: "any",
      "description-any": "Plan more visits",
      "owner-any": String(w.people.editor.id),
      "line-any": "3.1.1a",
    }),
  }),
  "_app.assessments.$assessmentId.report.tsx": P("viewer"),
  "_app.assessments._index.tsx": P("viewer"),
  "_app.assessments.compare.tsx": P("viewer"),
  "_app.assessments.new.tsx": P("editor", "editor", {
    form: () => ({ title: "Another", heldOn: "2026-06-14" }),
  }),
  "_app.benefits.$benefitId._index.tsx": P("viewer"),
  "_app.benefits.$benefitId.delete.tsx": P("editor", "editor"),
  "_app.benefits.$benefitId.edit.tsx": P("editor", "editor", { form: () => benefitForm }),
  "_app.benefits._index.tsx": P("viewer"),
  "_app.benefits.new.tsx": P("editor", "editor", { form: () => benefitForm }),
  "_app.calendar.tsx": P("viewer"),
  "_app.checklist.$code._index.tsx": P("viewer"),
  "_app.checklist.$code.attach.tsx": P("editor", "editor", {
    form: (w) => ({ recordType: "partner", recordId: String(w.ids.partner), evidenceDate: "2026-06-01" }),
  }),
  "_app.checklist._index.tsx": P("viewer"),
  "_app.checklist.pack.tsx": P("viewer"),
  "_app.contacts.$contactId.delete.tsx": P("editor", "editor"),
  "_app.contacts.$contactId.edit.tsx": P("editor", "editor", { form: () => ({ name: "Renamed contact" }) }),
  "_app.contacts.$contactId.erase.tsx": P("admin", "admin", {
    form: () => ({ confirmName: RECORD_NAMES.contact }),
  }),
  "_app.contacts.$contactId.personal-data.tsx": P("admin"),
  "_app.contributors.$contributorId._index.tsx": P("viewer"),
  "_app.contributors.$contributorId.delete.tsx": P("editor", "editor"),
  "_app.contributors.$contributorId.edit.tsx": P("editor", "editor", {
    form: () => ({ name: "Renamed contributor", kind: "artist" }),
  }),
  "_app.contributors.$contributorId.erase.tsx": P("admin", "admin", {
    form: () => ({ confirmName: RECORD_NAMES.contributor }),
  }),
  "_app.contributors.$contributorId.monitoring.tsx": P("equality", "equality", {
    form: () => ({ intent: "save", ...consent, ...MONITORING_ANSWERS, area: "Elsewhere" }),
  }),
  "_app.contributors.$contributorId.personal-data.tsx": P("admin"),
  "_app.contributors._index.tsx": P("viewer", "none", { probes: ["?q=Zedtown"] }),
  "_app.contributors.new.tsx": P("editor", "editor", {
    form: () => ({ name: "New person", kind: "writer" }),
  }),
  "_app.evidence.$linkId.remove.tsx": P("editor", "editor"),
  "_app.evidence.link.tsx": P("editor", "editor", {
    query: (w) => `?type=partner&id=${w.ids.partner}`,
    form: () => ({ lines: ["3.1.1b"], evidenceDate: "2026-06-01" }),
  }),
  "_app.evidence.suggestions.tsx": P("viewer", "editor", {
    form: (w) => ({ intent: "dismiss", id: suggestedLinkIds(w) }),
  }),
  "_app.feedback.responses.$responseId.tsx": P("viewer"),
  "_app.history.$recordType.$recordId.tsx": P("admin"),
  "_app.imports.$batchId._index.tsx": P("editor", "editor", {
    form: () => ({ intent: "skip", row: "0" }),
    probes: ["?step=columns", "?fix=2", "?show=problems"],
  }),
  "_app.imports.$batchId.undo.tsx": P("editor", "editor"),
  "_app.imports._index.tsx": P("editor"),
  "_app.imports.new.tsx": P("editor", "editor", { form: () => ({ kind: "volunteers" }) }),
  "_app.meetings.$meetingId._index.tsx": P("viewer", "editor", {
    form: (w) => ({ intent: "set-attendees", staff: [String(w.people.editor.id)] }),
    probes: ["?peopleQuery=Ysolde"],
  }),
  "_app.meetings.$meetingId.delete.tsx": P("editor", "editor"),
  "_app.meetings.$meetingId.edit.tsx": P("editor", "editor", {
    form: () => ({ date: "2026-06-02", time: "11:00", kind: "call", title: "Renamed meeting" }),
  }),
  "_app.meetings._index.tsx": P("viewer"),
  "_app.meetings.new.tsx": P("editor", "editor", {
    form: () => ({ date: "2026-06-02", time: "11:00", kind: "call", title: "Another meeting" }),
  }),
  "_app.monitoring.printable.tsx": P("viewer"),
  "_app.partners.$partnerId._index.tsx": P("viewer"),
  "_app.partners.$partnerId.contacts.new.tsx": P("editor", "editor", {
    form: () => ({ name: "New contact" }),
  }),
  "_app.partners.$partnerId.delete.tsx": P("editor", "editor", {
    params: (w) => ({ partnerId: String(w.ids.otherPartner) }),
  }),
  "_app.partners.$partnerId.edit.tsx": P("editor", "editor", { form: () => partnerForm }),
  "_app.partners.$partnerId.feedback.tsx": P("viewer", "editor", {
    form: () => ({ intent: "create", expiresOn: "2026-07-01" }),
  }),
  "_app.partners.$partnerId.reviews.new.tsx": P("editor", "editor", {
    form: () => ({ heldOn: "2026-06-14", stillRelevant: "yes", decision: "continue" }),
  }),
  "_app.partners._index.tsx": P("viewer"),
  "_app.partners.new.tsx": P("editor", "editor", { form: () => partnerForm }),
  // Everyone, viewers included, may have a calendar feed of their own and change their password.
  "_app.profile.tsx": P("viewer", "viewer", { form: () => ({ intent: "create-calendar" }) }),
  "_app.projects.$projectId._index.tsx": P("viewer", "editor", {
    form: () => ({ intent: "add-user-group", description: "Home educators", number: "4" }),
    probes: ["?volunteerQuery=Ysolde"],
  }),
  "_app.projects.$projectId.contributors.$contributorId.remove.tsx": P("editor", "editor"),
  "_app.projects.$projectId.delete.tsx": P("editor", "editor"),
  "_app.projects.$projectId.edit.tsx": P("editor", "editor", {
    form: () => ({ title: "Renamed project", status: "active" }),
  }),
  "_app.projects.$projectId.feedback.tsx": P("viewer", "editor", {
    form: () => ({ intent: "create", expiresOn: "2026-07-01" }),
  }),
  "_app.projects.$projectId.funding.$fundingId.delete.tsx": P("editor", "editor"),
  "_app.projects.$projectId.funding.$fundingId.edit.tsx": P("editor", "editor", {
    form: () => ({ source: "Renamed fund", amount: "10", status: "pending" }),
  }),
  "_app.projects.$projectId.partners.$partnerId.remove.tsx": P("editor", "editor", {
    params: (w) => ({ projectId: String(w.ids.project), partnerId: String(w.ids.otherPartner) }),
  }),
  "_app.projects.$projectId.user-groups.$groupId.delete.tsx": P("editor", "editor"),
  "_app.projects.$projectId.user-groups.$groupId.edit.tsx": P("editor", "editor", {
    form: () => ({ description: "Renamed group" }),
  }),
  "_app.projects.$projectId.volunteers.$volunteerId.remove.tsx": P("editor", "editor"),
  "_app.projects._index.tsx": P("viewer"),
  "_app.projects.new.tsx": P("editor", "editor", {
    form: () => ({ title: "New project", status: "planned" }),
  }),
  "_app.reports.community-profiles.$profileId.delete.tsx": P("editor", "editor"),
  "_app.reports.community-profiles.$profileId.edit.tsx": P("editor", "editor", {
    form: () => ({ name: "Renamed profile" }),
  }),
  "_app.reports.community-profiles._index.tsx": P("viewer"),
  "_app.reports.community-profiles.new.tsx": P("editor", "editor", {
    form: () => ({ name: "Another profile" }),
  }),
  "_app.reports.saved.$reportId.tsx": P("viewer", "none", { aggregate: true }),
  // Aggregates only, suppressed: viewers may read the report.
  "_app.reports.volunteers.tsx": P("viewer", "editor", {
    form: () => ({ intent: "save", from: "2025-06-16", to: "2026-06-15", note: "Saved again" }),
    aggregate: true,
  }),
  "_app.reviews.$reviewId._index.tsx": P("viewer", "editor", {
    form: (w) => ({ intent: "action-done", actionId: String(w.ids.reviewAction) }),
  }),
  "_app.reviews.$reviewId.edit.tsx": P("editor", "editor", { form: () => ({ lessons: "Book earlier" }) }),
  "_app.reviews._index.tsx": P("viewer"),
  "_app.search.tsx": P("viewer", "none", { probes: ["?q=Zedtown", "?q=Ysolde", "?q=Gypsy"] }),
  "_app.settings.tsx": P("admin", "admin", {
    form: () => ({ organisationName: "Vexholm Museum", evidenceRecencyMonths: "24" }),
  }),
  "_app.settings_.data-access.tsx": P("admin"),
  "_app.users.$userId.tsx": P("admin", "admin", { form: () => ({ intent: "access", role: "viewer" }) }),
  "_app.users._index.tsx": P("admin"),
  "_app.users.new.tsx": P("admin", "admin", {
    form: () => ({
      name: "New colleague",
      email: "new@example.org",
      role: "viewer",
      password: "a long new passphrase",
    }),
  }),
  "_app.volunteers.$volunteerId._index.tsx": P("viewer", "editor", {
    form: () => ({ intent: "add-hours", hoursDate: "2026-06-01", hours: "2" }),
  }),
  "_app.volunteers.$volunteerId.delete.tsx": P("editor", "editor"),
  "_app.volunteers.$volunteerId.edit.tsx": P("editor", "editor", {
    form: () => ({ name: "Renamed volunteer", programme: "volunteer", status: "active" }),
  }),
  "_app.volunteers.$volunteerId.erase.tsx": P("admin", "admin", {
    form: () => ({ confirmName: RECORD_NAMES.volunteer }),
  }),
  "_app.volunteers.$volunteerId.hours.$hoursId.delete.tsx": P("editor", "editor"),
  "_app.volunteers.$volunteerId.monitoring.tsx": P("equality", "equality", {
    form: () => ({ intent: "withdraw-consent", confirmWithdrawal: "on" }),
  }),
  "_app.volunteers.$volunteerId.personal-data.tsx": P("admin"),
  "_app.volunteers.$volunteerId.training.$trainingId.delete.tsx": P("editor", "editor"),
  "_app.volunteers._index.tsx": P("viewer", "none", { probes: ["?q=Zedtown", "?q=Gypsy"] }),
  "_app.volunteers.new.tsx": P("editor", "editor", {
    form: () => ({ name: "New volunteer", programme: "volunteer", status: "active" }),
  }),
  "assessments.$assessmentId.report[.]html.tsx": P("viewer"),
  "benefits[.]csv.tsx": P("viewer"),
  "calendar.$token[.]ics.tsx": P("public"),
  "checklist.pack[.]html.tsx": P("viewer"),
  "contributors[.]csv.tsx": P("viewer", "none", { probes: ["?q=Zedtown"] }),
  "feedback.$token.tsx": P("public", "public", { form: () => ({ website: "", satisfaction: "3" }) }),
  "healthz.tsx": P("public"),
  "imports.$batchId.progress.tsx": P("editor"),
  "login.tsx": P("public", "public", {
    form: () => ({ email: "nobody@example.org", password: "wrong password" }),
  }),
  "logout.tsx": P("public", "public"),
  "meetings[.]csv.tsx": P("viewer"),
  "monitoring.$token.tsx": P("public", "public", { form: () => ({ consentGiven: "on", ageBand: "16_24" }) }),
  "partners[.]csv.tsx": P("viewer"),
  "personal-data.$kind.$id[.]html.tsx": P("admin"),
  "personal-data.$kind.$id[.]json.tsx": P("admin"),
  "projects[.]csv.tsx": P("viewer"),
  "reports.volunteers[.]csv.tsx": P("viewer", "none", { aggregate: true }),
  "setup.tsx": P("public", "public", {
    form: () => ({ name: "Intruder", email: "intruder@example.org", password: "a long intruder passphrase" }),
  }),
  "volunteers[.]csv.tsx": P("viewer", "none", { probes: ["?q=Zedtown"] }),
};

const consent = { consentGiven: "on", consentGivenOn: "2026-01-15", consentMethod: "paper" };
const partnerForm = { name: "Renamed partner", type: "college", status: "active" };
const benefitForm = {
  beneficiary: "staff",
  description: "Staff learnt",
  date: "2026-06-01",
  source: "observation",
};

function suggestedLinkIds(w: World) {
  return (
    sqlite
      .prepare(
        "SELECT id FROM evidence_links WHERE status = 'suggested' AND record_type = 'partner' AND record_id = ?",
      )
      .pluck()
      .all(w.ids.otherPartner) as number[]
  ).map(String);
}

// ---------------------------------------------------------------------------------------------
// Who asks, addresses and parameters.

type Subject = "anonymous" | "viewer" | "viewerEq" | "editor" | "editorEq" | "admin";
const subjects: Subject[] = ["anonymous", "viewer", "viewerEq", "editor", "editorEq", "admin"];

function allowed(level: Level, subject: Subject): boolean {
  switch (level) {
    case "public":
      return true;
    case "viewer":
      return subject !== "anonymous";
    case "editor":
      return ["editor", "editorEq", "admin"].includes(subject);
    case "admin":
      return subject === "admin";
    case "equality":
      return false; // decided by method: see equalityAllowed
    case "none":
      return false;
  }
}

/** Equality monitoring: reading needs the permission (or admin); changing also needs editor. */
function equalityAllowed(method: "GET" | "POST", subject: Subject) {
  return method === "GET"
    ? ["viewerEq", "editorEq", "admin"].includes(subject)
    : ["editorEq", "admin"].includes(subject);
}

const isAllowed = (level: Level, method: "GET" | "POST", subject: Subject) =>
  level === "equality" ? equalityAllowed(method, subject) : allowed(level, subject);

function cookieOf(w: World, subject: Subject) {
  return subject === "anonymous" ? undefined : w.people[subject].cookie;
}

/** Default values for each kind of route parameter, from the world's records. */
function defaultParams(w: World, file: string): Params {
  const token = file.startsWith("feedback.")
    ? w.tokens.partnerFeedback
    : file.startsWith("monitoring.")
      ? w.tokens.monitoring
      : w.tokens.calendar;
  const values: Params = {
    partnerId: String(w.ids.partner),
    contactId: String(w.ids.contact),
    contributorId: String(w.ids.contributor),
    volunteerId: String(w.ids.volunteer),
    trainingId: String(w.ids.training),
    hoursId: String(w.ids.hours),
    projectId: String(w.ids.project),
    fundingId: String(w.ids.funding),
    groupId: String(w.ids.userGroup),
    benefitId: String(w.ids.benefit),
    meetingId: String(w.ids.meeting),
    reviewId: String(w.ids.review),
    actionId: String(w.ids.action),
    assessmentId: String(w.ids.finishedAssessment),
    linkId: String(w.ids.evidenceLink),
    responseId: String(w.ids.feedbackResponse),
    batchId: String(w.ids.batch),
    profileId: String(w.ids.profile),
    reportId: String(w.ids.report),
    userId: String(w.people.viewer.id),
    code: "3.1.1a",
    recordType: "volunteer",
    recordId: String(w.ids.volunteer),
    kind: "volunteer",
    id: String(w.ids.volunteer),
    token,
  };
  const names = [...file.matchAll(/\$([A-Za-z]+)/g)].map((m) => m[1]);
  return { ...Object.fromEntries(names.map((name) => [name, values[name]])), ...policy[file]?.params?.(w) };
}

/** The address a route file answers at, Remix v2 flat-route style. */
function routePath(file: string, params: Params): string {
  const name = file.replace(/\.tsx?$/, "").replace(/\[\.\]/g, "\u0000");
  if (name === "$") return "/no-such-page";
  const segments = name
    .split(".")
    .filter((s) => !s.startsWith("_"))
    .map((s) => (s.endsWith("_") ? s.slice(0, -1) : s))
    .map((s) => s.replace(/^\$([A-Za-z]+)/, (_, p: string) => params[p] ?? `:${p}`));
  return `/${segments.join("/")}`.replace(/\u0000/g, ".");
}

const CONTEXT = { clientAddress: "198.51.100.7" };

async function request(
  w: World,
  file: string,
  method: "GET" | "POST",
  subject: Subject,
  query = "",
): Promise<Outcome> {
  const module = modules[`../app/routes/${file}`];
  const params = defaultParams(w, file);
  const call = {
    path: routePath(file, params) + (query || policy[file].query?.(w) || ""),
    params,
    cookie: cookieOf(w, subject),
    context: CONTEXT,
  };
  if (method === "GET") return load(module.loader!, call);
  return submit(module.action!, { ...call, form: policy[file].form?.(w) ?? {} });
}

/** Every distinctive name of the world's records, for "no data" checks. */
const recordNames = Object.values(RECORD_NAMES);

function leaked(outcome: Outcome, words: readonly string[]) {
  const text = typeof outcome.data === "string" ? outcome.data : JSON.stringify(outcome.data ?? null);
  return words.filter((word) => text.includes(word));
}

/** Counts of people from 1 to 4 in a report's data or its CSV (the "Volunteers" column). */
function smallCounts(outcome: Outcome): string[] {
  if (typeof outcome.data === "string") {
    const rows = parse(outcome.data.replace(/^\ufeff/, "")) as string[][];
    return rows.filter((row) => /^[1-4]$/.test(row[2] ?? "")).map((row) => row.join(","));
  }
  return [...JSON.stringify(outcome.data).matchAll(/"(count|total|people)":[1-4](?![0-9.])/g)].map(
    (m) => m[0],
  );
}

function isSignInRedirect(outcome: Outcome) {
  return outcome.status === 302 && /^\/(login|setup)(\?|$)/.test(outcome.location ?? "");
}

function describeOutcome(outcome: Outcome) {
  const text = typeof outcome.data === "string" ? outcome.data : JSON.stringify(outcome.data);
  return `${outcome.status} ${outcome.location ?? ""} ${text?.slice(0, 200)}`;
}

// ---------------------------------------------------------------------------------------------

let world: World & { restore: () => void };

beforeAll(async () => {
  world = await buildWorld();
});
beforeEach(() => world.restore());
afterAll(() => {
  vi.useRealTimers();
});

describe("the policy table", () => {
  it("names every route module in app/routes, and only those", () => {
    expect(routeFiles.length).toBeGreaterThan(100);
    const missing = routeFiles.filter((file) => !(file in policy));
    expect(missing, "Route files missing from the policy table in tests/authorization.test.ts").toEqual([]);
    const gone = Object.keys(policy).filter((file) => !routeFiles.includes(file));
    expect(gone, "Policy entries for route files that no longer exist").toEqual([]);
    expect(Object.keys(modules).length).toBe(routeFiles.length);
  });

  it("says 'none' exactly where a module has no loader or no action", () => {
    const wrong: string[] = [];
    for (const file of routeFiles) {
      const module = modules[`../app/routes/${file}`];
      const entry = policy[file];
      if (!entry) continue;
      if ((entry.get === "none") !== (typeof module.loader !== "function")) wrong.push(`${file}: loader`);
      if ((entry.post === "none") !== (typeof module.action !== "function")) wrong.push(`${file}: action`);
    }
    expect(wrong).toEqual([]);
  });

  it("builds addresses from file names as Remix does", () => {
    expect(routePath("_app.partners.$partnerId.edit.tsx", { partnerId: "7" })).toBe("/partners/7/edit");
    expect(routePath("_app.partners._index.tsx", {})).toBe("/partners");
    expect(routePath("_app.settings_.data-access.tsx", {})).toBe("/settings/data-access");
    expect(routePath("personal-data.$kind.$id[.]json.tsx", { kind: "volunteer", id: "3" })).toBe(
      "/personal-data/volunteer/3.json",
    );
    expect(routePath("_app._index.tsx", {})).toBe("/");
  });
});

const withLoader = routeFiles.filter((file) => policy[file] && policy[file].get !== "none");
const withAction = routeFiles.filter((file) => policy[file] && policy[file].post !== "none");

describe("every loader, as every role", () => {
  it.each(withLoader)("GET %s", async (file) => {
    const level = policy[file].get;
    const problems: string[] = [];
    for (const subject of subjects) {
      const outcome = await request(world, file, "GET", subject);
      const ok = isAllowed(level, "GET", subject);
      const where = `${subject}: ${describeOutcome(outcome)}`;
      if (outcome.status >= 500) problems.push(`server error for ${where}`);
      if (ok) {
        if (outcome.status === 403) problems.push(`refused, but allowed: ${where}`);
        if (level !== "public" && isSignInRedirect(outcome))
          problems.push(`sent to sign in, but allowed: ${where}`);
      } else {
        if (subject === "anonymous" ? !isSignInRedirect(outcome) : outcome.status !== 403) {
          problems.push(`not refused: ${where}`);
        }
        const names = leaked(outcome, [...recordNames, ...MONITORING_WORDS]);
        if (names.length > 0)
          problems.push(`refused, but the answer names ${names.join(", ")} for ${subject}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe("every action, as every role", () => {
  it.each(withAction)("POST %s", async (file) => {
    const level = policy[file].post;
    const problems: string[] = [];
    const order = [...subjects].sort(
      (a, b) => Number(isAllowed(level, "POST", a)) - Number(isAllowed(level, "POST", b)),
    );
    for (const subject of order) {
      const ok = isAllowed(level, "POST", subject);
      const before = ok ? null : databaseFingerprint();
      const outcome = await request(world, file, "POST", subject);
      const where = `${subject}: ${describeOutcome(outcome)}`;
      if (outcome.status >= 500) problems.push(`server error for ${where}`);
      if (ok) {
        if (outcome.status === 403) problems.push(`refused, but allowed: ${where}`);
        if (level !== "public" && isSignInRedirect(outcome))
          problems.push(`sent to sign in, but allowed: ${where}`);
        continue;
      }
      if (subject === "anonymous" ? !isSignInRedirect(outcome) : outcome.status !== 403) {
        problems.push(`not refused: ${where}`);
      }
      const names = leaked(outcome, [...recordNames, ...MONITORING_WORDS]);
      if (names.length > 0) problems.push(`refused, but the answer names ${names.join(", ")} for ${subject}`);
      const after = databaseFingerprint();
      const changed = Object.keys(after).filter((table) => after[table] !== before![table]);
      if (changed.length > 0) problems.push(`refused, but changed ${changed.join(", ")} for ${subject}`);
    }
    expect(problems).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Special category data: equality monitoring answers reach only those permitted.

describe("equality monitoring answers in loader data", () => {
  const probes = withLoader.flatMap((file) => [
    { file, query: "" },
    ...(policy[file].probes ?? []).map((query) => ({ file, query })),
  ]);

  it.each(probes.map((probe) => [`${probe.file}${probe.query}`, probe] as const))(
    "GET %s shows no one's answers to a viewer or an editor without the permission",
    async (_, { file, query }) => {
      const problems: string[] = [];
      const aggregate = policy[file].aggregate === true;
      for (const subject of ["viewer", "editor"] as const) {
        const outcome = await request(world, file, "GET", subject, query);
        const words = leaked(outcome, aggregate ? [MONITORING_ANSWERS.area] : MONITORING_WORDS);
        if (words.length > 0) problems.push(`${subject} receives ${words.join(", ")}`);
        if (aggregate && smallCounts(outcome).length > 0) {
          problems.push(`${subject} receives counts of fewer than 5: ${smallCounts(outcome).join("; ")}`);
        }
      }
      expect(problems).toEqual([]);
    },
  );

  it("makes no difference to the aggregated reports whether one person's answers are there", async () => {
    const reports = withLoader.filter((file) => policy[file].aggregate && !file.includes("saved"));
    const before = await Promise.all(reports.map((file) => request(world, file, "GET", "viewer")));
    sqlite.prepare("DELETE FROM equality_monitoring WHERE person_type = 'volunteer'").run();
    const after = await Promise.all(reports.map((file) => request(world, file, "GET", "viewer")));
    expect(reports.length).toBe(2);
    expect(after.map((a) => a.data)).toEqual(before.map((b) => b.data));
  });

  it("does show them to the permitted, so the check above can see them (a control)", async () => {
    for (const subject of ["viewerEq", "editorEq", "admin"] as const) {
      const outcome = await request(world, "_app.volunteers.$volunteerId.monitoring.tsx", "GET", subject);
      expect(leaked(outcome, MONITORING_WORDS)).toEqual(
        expect.arrayContaining([MONITORING_ANSWERS.ethnicGroup, MONITORING_ANSWERS.area]),
      );
    }
    const batch = await request(world, "_app.imports.$batchId._index.tsx", "GET", "editorEq");
    expect(leaked(batch, MONITORING_WORDS)).toContain(MONITORING_ANSWERS.area);
  });

  it("finds nobody by searching for an answer", async () => {
    for (const subject of subjects.slice(1)) {
      for (const q of ["Zedtown", "Gypsy", "limited a lot"]) {
        const search = await request(world, "_app.search.tsx", "GET", subject, `?q=${encodeURIComponent(q)}`);
        expect(JSON.stringify(search.data)).not.toContain(RECORD_NAMES.volunteer);
        const list = await request(
          world,
          "_app.volunteers._index.tsx",
          "GET",
          subject,
          `?q=${encodeURIComponent(q)}`,
        );
        expect(JSON.stringify(list.data)).not.toContain(RECORD_NAMES.volunteer);
      }
    }
  });

  it("never sends a password hash, a session or another person's calendar address", async () => {
    const hashes = sqlite.prepare("SELECT password_hash FROM users").pluck().all() as string[];
    const sessions = sqlite.prepare("SELECT id_hash FROM sessions").pluck().all() as string[];
    const problems: string[] = [];
    for (const file of withLoader) {
      for (const subject of subjects) {
        const outcome = await request(world, file, "GET", subject);
        const words = leaked(outcome, [...hashes, ...sessions, "$argon2"]);
        if (words.length > 0) problems.push(`${file} as ${subject}: a secret`);
        const ownFeed = subject === "editor" && file === "_app.profile.tsx";
        if (
          !ownFeed &&
          file !== "calendar.$token[.]ics.tsx" &&
          leaked(outcome, [world.tokens.calendar]).length > 0
        ) {
          problems.push(`${file} as ${subject}: the editor's calendar address`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Object access: another record's id or token.

describe("guessing another record's id or token", () => {
  const guessedToken = "A".repeat(43);

  it("answers 404 for a calendar feed at a guessed, replaced or deactivated user's address, and a feed holds only its owner's dates", async () => {
    const feed = (token: string) =>
      load(modules["../app/routes/calendar.$token[.]ics.tsx"].loader!, {
        path: `/calendar/${token}.ics`,
        params: { token },
      });
    // The feed holds review dates (which every signed-in person may read) and its owner's actions.
    const editorsActions = [RECORD_NAMES.action, "Book the room", "Share the timetable"];
    const own = await feed(world.tokens.calendar);
    expect(own.status).toBe(200);
    const unfolded = (text: string) => text.replace(/\r\n /g, "");
    for (const action of editorsActions) expect(unfolded(own.data)).toContain(action);
    for (const token of [guessedToken, "short", world.tokens.partnerFeedback, world.tokens.monitoring]) {
      expect((await feed(token)).status, token).toBe(404);
    }
    // The viewer's own feed does not hold the editor's actions.
    const viewerFeed = await submit(profileAction, {
      path: "/profile",
      cookie: world.people.viewer.cookie,
      form: { intent: "create-calendar" },
    });
    expect(viewerFeed.status).toBe(302);
    const viewerToken = sqlite
      .prepare("SELECT calendar_token FROM users WHERE id = ?")
      .pluck()
      .get(world.people.viewer.id) as string;
    const viewers = await feed(viewerToken);
    expect(viewers.status).toBe(200);
    for (const action of editorsActions) expect(unfolded(viewers.data)).not.toContain(action);
    // Renewing replaces the address; deactivating the user closes the feed.
    await submit(profileAction, {
      path: "/profile",
      cookie: world.people.editor.cookie,
      form: { intent: "renew-calendar" },
    });
    expect((await feed(world.tokens.calendar)).status).toBe(404);
    const renewed = sqlite
      .prepare("SELECT calendar_token FROM users WHERE id = ?")
      .pluck()
      .get(world.people.editor.id) as string;
    expect((await feed(renewed)).status).toBe(200);
    const deactivated = await submit(usersAction, {
      path: `/users/${world.people.editor.id}`,
      params: { userId: String(world.people.editor.id) },
      cookie: world.people.admin.cookie,
      form: { intent: "deactivate" },
    });
    expect(deactivated.status).toBe(302);
    expect((await feed(renewed)).status).toBe(404);
  });

  it("answers 404 or 410 for a feedback or monitoring token of another kind, guessed, revoked or used", async () => {
    const feedback = modules["../app/routes/feedback.$token.tsx"];
    const monitoring = modules["../app/routes/monitoring.$token.tsx"];
    const open = (module: RouteModule, kind: string, token: string) =>
      load(module.loader!, { path: `/${kind}/${token}`, params: { token } });

    expect((await open(feedback, "feedback", world.tokens.partnerFeedback)).status).toBe(200);
    expect((await open(monitoring, "monitoring", world.tokens.monitoring)).status).toBe(200);
    for (const token of [guessedToken, world.tokens.monitoring, world.tokens.calendar]) {
      const answer = await open(feedback, "feedback", token);
      expect(answer.status).toBe(404);
      expect(answer.data.form).toBeNull();
    }
    for (const token of [guessedToken, world.tokens.partnerFeedback, world.tokens.calendar]) {
      expect((await open(monitoring, "monitoring", token)).status).toBe(404);
    }
    // A partner's link shows that partner only; the project's link the project only.
    const partnerPage = await open(feedback, "feedback", world.tokens.partnerFeedback);
    expect(JSON.stringify(partnerPage.data)).toContain(RECORD_NAMES.partner);
    expect(JSON.stringify(partnerPage.data)).not.toContain(RECORD_NAMES.project);
    const projectPage = await open(feedback, "feedback", world.tokens.projectFeedback);
    expect(JSON.stringify(projectPage.data)).not.toContain(RECORD_NAMES.partner);

    // Revoking a link through another partner's page is refused; through its own, it then answers 410.
    const viaOther = await submit(partnerFeedbackAction, {
      path: `/partners/${world.ids.otherPartner}/feedback`,
      params: { partnerId: String(world.ids.otherPartner) },
      cookie: world.people.editor.cookie,
      form: { intent: "revoke", linkId: String(world.ids.feedbackLink), confirmRevoke: "on" },
    });
    expect(viaOther.status).toBe(404);
    expect((await open(feedback, "feedback", world.tokens.partnerFeedback)).status).toBe(200);
    const revoked = await submit(partnerFeedbackAction, {
      path: `/partners/${world.ids.partner}/feedback`,
      params: { partnerId: String(world.ids.partner) },
      cookie: world.people.editor.cookie,
      form: { intent: "revoke", linkId: String(world.ids.feedbackLink), confirmRevoke: "on" },
    });
    expect(revoked.status).toBe(302);
    expect((await open(feedback, "feedback", world.tokens.partnerFeedback)).status).toBe(410);
    const lateAnswer = await submit(feedback.action!, {
      path: `/feedback/${world.tokens.partnerFeedback}`,
      params: { token: world.tokens.partnerFeedback },
      form: {
        website: "",
        shownAt: formStamp(world.ids.feedbackLink, new Date(WORLD_NOW.getTime() - 60_000)),
        satisfaction: "1",
      },
      context: CONTEXT,
    });
    expect(lateAnswer.status).toBe(302);
    expect(sqlite.prepare("SELECT count(*) FROM feedback_responses").pluck().get()).toBe(1);

    // A monitoring link works once.
    const sent = await submit(selfFillAction, {
      path: `/monitoring/${world.tokens.monitoring}`,
      params: { token: world.tokens.monitoring },
      form: { consentGiven: "on", ageBand: "16_24" },
    });
    expect(sent.location).toBe(`/monitoring/${world.tokens.monitoring}?sent=1`);
    expect((await open(monitoring, "monitoring", world.tokens.monitoring)).status).toBe(410);
  });

  it("refuses an administrator's pages about another user or person to everyone else", async () => {
    const adminOnly = [
      "_app.users.$userId.tsx",
      "_app.history.$recordType.$recordId.tsx",
      "_app.volunteers.$volunteerId.personal-data.tsx",
      "personal-data.$kind.$id[.]json.tsx",
    ];
    for (const file of adminOnly) {
      for (const subject of ["viewer", "viewerEq", "editor", "editorEq"] as const) {
        for (const userId of [world.people.admin.id, world.people[subject].id]) {
          const module = modules[`../app/routes/${file}`];
          const params = { ...defaultParams(world, file), userId: String(userId) };
          const outcome = await load(module.loader!, {
            path: routePath(file, params),
            params,
            cookie: world.people[subject].cookie,
          });
          expect(outcome.status, `${file} as ${subject}`).toBe(403);
        }
      }
    }
  });

  it("answers 404 for a sub-record that belongs to another record", async () => {
    const editor = world.people.editor.cookie;
    // A second project and volunteer, with records of their own, to point at the wrong ones.
    const other = await import("./support/records");
    const projectId = await other.addProject(editor, { title: "Second project" });
    await other.onProject(editor, projectId, {
      intent: "add-funding",
      source: "Other fund",
      amount: "5",
      status: "pending",
    });
    await other.onProject(editor, projectId, { intent: "add-user-group", description: "Other group" });
    const volunteerId = await other.addVolunteer(editor, { name: "Second volunteer" });
    const cases: [string, Params][] = [
      [
        "_app.projects.$projectId.funding.$fundingId.edit.tsx",
        { projectId: String(projectId), fundingId: String(world.ids.funding) },
      ],
      [
        "_app.projects.$projectId.funding.$fundingId.delete.tsx",
        { projectId: String(projectId), fundingId: String(world.ids.funding) },
      ],
      [
        "_app.projects.$projectId.user-groups.$groupId.edit.tsx",
        { projectId: String(projectId), groupId: String(world.ids.userGroup) },
      ],
      [
        "_app.projects.$projectId.user-groups.$groupId.delete.tsx",
        { projectId: String(projectId), groupId: String(world.ids.userGroup) },
      ],
      [
        "_app.projects.$projectId.partners.$partnerId.remove.tsx",
        { projectId: String(projectId), partnerId: String(world.ids.partner) },
      ],
      [
        "_app.projects.$projectId.contributors.$contributorId.remove.tsx",
        { projectId: String(projectId), contributorId: String(world.ids.contributor) },
      ],
      [
        "_app.projects.$projectId.volunteers.$volunteerId.remove.tsx",
        { projectId: String(projectId), volunteerId: String(world.ids.volunteer) },
      ],
      [
        "_app.volunteers.$volunteerId.hours.$hoursId.delete.tsx",
        { volunteerId: String(volunteerId), hoursId: String(world.ids.hours) },
      ],
      [
        "_app.volunteers.$volunteerId.training.$trainingId.delete.tsx",
        { volunteerId: String(volunteerId), trainingId: String(world.ids.training) },
      ],
    ];
    const before = databaseFingerprint();
    for (const [file, params] of cases) {
      const module = modules[`../app/routes/${file}`];
      const call = { path: routePath(file, params), params, cookie: editor };
      expect((await load(module.loader!, call)).status, `GET ${file}`).toBe(404);
      expect(
        (
          await submit(module.action!, {
            ...call,
            form: { description: "x", source: "x", amount: "1", status: "pending" },
          })
        ).status,
        `POST ${file}`,
      ).toBe(404);
    }
    // Marking another record's follow-up action done through a review or an assessment's plan.
    const reviewPage = modules["../app/routes/_app.reviews.$reviewId._index.tsx"];
    const viaReview = await submit(reviewPage.action!, {
      path: `/reviews/${world.ids.review}`,
      params: { reviewId: String(world.ids.review) },
      cookie: editor,
      form: { intent: "action-done", actionId: String(world.ids.meetingAction) },
    });
    expect(viaReview.status).toBe(404);
    const plan = modules["../app/routes/_app.assessments.$assessmentId.plan.tsx"];
    const viaPlan = await submit(plan.action!, {
      path: `/assessments/${world.ids.finishedAssessment}/plan`,
      params: { assessmentId: String(world.ids.finishedAssessment) },
      cookie: editor,
      form: { intent: "action-done", actionId: String(world.ids.action) },
    });
    expect(viaPlan.status).toBe(404);
    const after = databaseFingerprint();
    const changed = Object.keys(after).filter(
      (t) =>
        after[t] !== before[t] &&
        ![
          "projects",
          "funding_lines",
          "user_groups",
          "volunteers",
          "audit_events",
          "evidence_links",
          "evidence_line_counts",
          "evidence_line_months",
        ].includes(t),
    );
    expect(changed).toEqual([]);
    expect(
      sqlite
        .prepare("SELECT status FROM actions WHERE id IN (?, ?)")
        .pluck()
        .all(world.ids.meetingAction, world.ids.action),
    ).toEqual(["open", "open"]);
  });

  it("lets a viewer read a self-assessment only once it is finished", async () => {
    const file = "_app.assessments.$assessmentId._index.tsx";
    const module = modules[`../app/routes/${file}`];
    for (const [id, status] of [
      [world.ids.assessment, 403],
      [world.ids.finishedAssessment, 200],
    ] as const) {
      const outcome = await load(module.loader!, {
        path: `/assessments/${id}`,
        params: { assessmentId: String(id) },
        cookie: world.people.viewer.cookie,
      });
      expect(outcome.status).toBe(status);
      if (status === 403) expect(JSON.stringify(outcome.data)).not.toContain(RECORD_NAMES.assessment);
    }
  });
});
