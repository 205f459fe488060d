import crypto from "node:crypto";
import { createElement, type ComponentType } from "react";
import { renderToStaticMarkup } from "react-dom/server";
// A dependency of @remix-run/react: renders a route's page as the server would, without a build.
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { auditEvents, evidenceLinks, feedbackLinks, feedbackResponses } from "~db/schema";
import { loader as appLoader } from "~/routes/_app";
import * as partnerFeedbackRoute from "~/routes/_app.partners.$partnerId.feedback";
import {
  action as partnerFeedbackAction,
  loader as partnerFeedbackLoader,
} from "~/routes/_app.partners.$partnerId.feedback";
import * as projectFeedbackRoute from "~/routes/_app.projects.$projectId.feedback";
import {
  action as projectFeedbackAction,
  loader as projectFeedbackLoader,
} from "~/routes/_app.projects.$projectId.feedback";
import * as responseRoute from "~/routes/_app.feedback.responses.$responseId";
import { loader as responseLoader } from "~/routes/_app.feedback.responses.$responseId";
import * as publicRoute from "~/routes/feedback.$token";
import { action as publicAction, loader as publicLoader } from "~/routes/feedback.$token";
import { loader as suggestionsLoader } from "~/routes/_app.evidence.suggestions";
import { NOTHING_ANSWERED } from "~/forms/feedback.server";
import {
  feedbackDependants,
  findUsableLink,
  responsesForPartner,
  responsesForProject,
} from "~/models/feedback.server";
import { formStamp, LIMITS, secondsSinceShown, senderKey } from "~/models/feedback-guard.server";
import { saveSettings } from "~/models/settings.server";
import { db } from "~/utils/db.server";
import { signedInUser } from "./support/factories";
import { addPartner, addProject } from "./support/records";
import { load, submit } from "./support/requests";

afterEach(() => {
  vi.useRealTimers();
});

const T0 = new Date("2026-03-02T10:00:00Z");

function atTime(date: Date | string) {
  vi.setSystemTime(new Date(date));
}

function useClock(start = T0) {
  vi.useFakeTimers({ toFake: ["Date"] });
  atTime(start);
}

const later = (seconds: number, from = new Date()) => new Date(from.getTime() + seconds * 1000);

const partnerPage = (partnerId: number) => ({
  path: `/partners/${partnerId}/feedback`,
  params: { partnerId: String(partnerId) },
});
const projectPage = (projectId: number) => ({
  path: `/projects/${projectId}/feedback`,
  params: { projectId: String(projectId) },
});

async function createPartnerLink(cookie: string, partnerId: number, expiresOn = "2026-04-01") {
  const created = await submit(partnerFeedbackAction, {
    ...partnerPage(partnerId),
    cookie,
    form: { intent: "create", expiresOn },
  });
  expect(created.status, JSON.stringify(created.data)).toBe(200);
  return tokenOf(created.data.created.url);
}

async function createProjectLink(cookie: string, projectId: number, expiresOn = "2026-04-01") {
  const created = await submit(projectFeedbackAction, {
    ...projectPage(projectId),
    cookie,
    form: { intent: "create", expiresOn },
  });
  expect(created.status, JSON.stringify(created.data)).toBe(200);
  return tokenOf(created.data.created.url);
}

function tokenOf(url: string) {
  expect(url).toMatch(/^http:\/\/localhost\/feedback\/[A-Za-z0-9_-]{43}$/);
  return url.split("/feedback/")[1];
}

const openForm = (token: string, query = "") =>
  load(publicLoader, { path: `/feedback/${token}${query}`, params: { token } });

const ADDRESS = "203.0.113.5";

/** Sends the public form as a person would: the page's stamp, then a few seconds of reading. */
async function answer(
  token: string,
  form: Record<string, string | string[]>,
  { address = ADDRESS, wait = 5, stamp }: { address?: string; wait?: number; stamp?: string } = {},
) {
  let shownAt = stamp;
  if (shownAt === undefined) {
    const page = await openForm(token);
    shownAt = page.data.form?.stamp ?? "";
    atTime(later(wait));
  }
  return submit(publicAction, {
    path: `/feedback/${token}`,
    params: { token },
    form: { website: "", shownAt: shownAt!, ...form },
    context: { clientAddress: address },
  });
}

const partnerAnswers = {
  satisfaction: "4",
  relevance: "partly",
  valueAdded: "Our tutors bring adult learners who would not otherwise visit.",
  gained: "Our learners gained confidence with archives.",
  changes: "More notice of exhibition changes.",
};

const participantAnswers = {
  gotOutOfIt: "I learnt how to handle old photographs.",
  outcomes: ["glo_knowledge", "glo_skills"],
  otherOpportunities: "yes",
  otherOpportunitiesText: "A family history course at the library.",
};

function responseRows() {
  return db.select().from(feedbackResponses).all();
}

function suggestedLines(responseId: number) {
  return db
    .select({ lineCode: evidenceLinks.lineCode, status: evidenceLinks.status, rule: evidenceLinks.rule })
    .from(evidenceLinks)
    .where(and(eq(evidenceLinks.recordType, "feedback"), eq(evidenceLinks.recordId, responseId)))
    .all()
    .map((l) => l.lineCode)
    .sort();
}

/** A route's page as HTML, rendered inside the signed-in layout with its real loaders. */
async function renderStaffPage(
  url: string,
  cookie: string,
  routePath: string,
  module: { loader: (args: never) => unknown; action?: (args: never) => unknown; default: ComponentType },
  form?: Record<string, string>,
) {
  const routes = [
    {
      id: "routes/_app",
      path: "/",
      loader: appLoader as never,
      children: [
        {
          id: "page",
          path: routePath,
          loader: module.loader as never,
          action: module.action as never,
          Component: module.default,
        },
      ],
    },
  ];
  const handler = createStaticHandler(routes);
  const request = form
    ? new Request(`http://localhost${url}`, {
        method: "POST",
        body: new URLSearchParams(form),
        headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      })
    : new Request(`http://localhost${url}`, { headers: { Cookie: cookie } });
  const context = await handler.query(request);
  if (context instanceof Response) throw new Error(`Rendering ${url} answered ${context.status}`);
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToStaticMarkup(createElement(StaticRouterProvider, { router, context }));
}

async function renderPublicPage(token: string) {
  const routes = [
    {
      id: "feedback",
      path: "/feedback/:token",
      loader: publicRoute.loader as never,
      Component: publicRoute.default,
    },
  ];
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request(`http://localhost/feedback/${token}`));
  if (context instanceof Response) throw new Error("unexpected response");
  const router = createStaticRouter(handler.dataRoutes, context);
  return {
    status: context.statusCode,
    html: renderToStaticMarkup(createElement(StaticRouterProvider, { router, context })),
  };
}

describe("feedback links, for staff", () => {
  it("lets an editor create a link shown once, keeping only its hash, and lists it with its status", async () => {
    useClock();
    const editor = await signedInUser("editor", { name: "Edna Editor" });
    const partnerId = await addPartner(editor.cookie);

    const page = await load(partnerFeedbackLoader, { ...partnerPage(partnerId), cookie: editor.cookie });
    expect(page.status).toBe(200);
    expect(page.data.subject).toEqual({ kind: "partner", id: partnerId, name: "Riverside College" });
    expect(page.data.links).toEqual([]);
    // A new link is offered for 30 days, and at most a year.
    expect(page.data.expiry).toEqual({ today: "2026-03-02", suggested: "2026-04-01", latest: "2027-03-02" });

    const created = await submit(partnerFeedbackAction, {
      ...partnerPage(partnerId),
      cookie: editor.cookie,
      form: { intent: "create", expiresOn: "2026-04-01" },
    });
    expect(created.status).toBe(200);
    expect(created.headers.get("Cache-Control")).toBe("private, no-store");
    expect(created.data.created.expiresOn).toBe("2026-04-01");
    const token = tokenOf(created.data.created.url);

    const stored = db.select().from(feedbackLinks).all();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      kind: "partner",
      partnerId,
      projectId: null,
      expiresOn: "2026-04-01",
      revokedAt: null,
      createdBy: editor.id,
      tokenHash: crypto.createHash("sha256").update(token).digest("hex"),
    });
    const everything = JSON.stringify([stored, db.select().from(auditEvents).all()]);
    expect(everything).not.toContain(token);
    const audit = db.select().from(auditEvents).where(eq(auditEvents.recordType, "feedback_link")).all();
    expect(audit).toHaveLength(1);
    expect(audit[0].changes).toEqual({
      kind: [null, "partner"],
      partnerId: [null, partnerId],
      expiresOn: [null, "2026-04-01"],
    });

    const after = await load(partnerFeedbackLoader, { ...partnerPage(partnerId), cookie: editor.cookie });
    expect(after.data.links).toMatchObject([
      { status: "active", responses: 0, expiresOn: "2026-04-01", createdBy: "Edna Editor" },
    ]);
    // The page never holds the token again, nor its hash.
    const json = JSON.stringify(after.data);
    expect(json).not.toContain(token);
    expect(json).not.toContain(stored[0].tokenHash);
    const html = await renderStaffPage(
      `/partners/${partnerId}/feedback`,
      editor.cookie,
      "partners/:partnerId/feedback",
      partnerFeedbackRoute,
    );
    expect(html).toContain("Feedback from Riverside College");
    expect(html).toContain("Create a feedback link");
    expect(html).toContain("Yes, stop this link working");
    expect(html).not.toContain(token);

    // Made through the page without JavaScript: the address is shown once, ready to copy.
    const madeHtml = await renderStaffPage(
      `/partners/${partnerId}/feedback`,
      editor.cookie,
      "partners/:partnerId/feedback",
      partnerFeedbackRoute,
      { intent: "create", expiresOn: "2026-05-01" },
    );
    expect(madeHtml).toContain("Your new feedback link");
    expect(madeHtml).toContain("it is shown only this once");
    expect(madeHtml).toContain('<label for="new-feedback-link">New feedback link</label>');
    expect(madeHtml).toMatch(
      /<input id="new-feedback-link" type="text" readonly=""[^>]* value="http:\/\/localhost\/feedback\/[A-Za-z0-9_-]{43}"/i,
    );
  });

  it("explains a bad expiry date and keeps what was typed", async () => {
    useClock();
    const editor = await signedInUser("editor");
    const partnerId = await addPartner(editor.cookie);
    for (const [expiresOn, message] of [
      ["", "Enter the last day the link works."],
      ["2026-02-30", "Enter a real date, like 23/11/2026."],
      ["2026-03-01", "The last day the link works cannot be in the past."],
      ["2027-03-03", "A link can work for at most a year: choose 2 Mar 2027 or earlier."],
    ]) {
      const result = await submit(partnerFeedbackAction, {
        ...partnerPage(partnerId),
        cookie: editor.cookie,
        form: { intent: "create", expiresOn },
      });
      expect(result.status).toBe(400);
      expect(result.data).toMatchObject({ intent: "create", errors: { expiresOn: [message] } });
      expect(result.data.values.expiresOn).toBe(expiresOn);
    }
    // Today and a year from today are both allowed; UK-style dates too.
    for (const expiresOn of ["2026-03-02", "2/3/2027"]) {
      const ok = await submit(partnerFeedbackAction, {
        ...partnerPage(partnerId),
        cookie: editor.cookie,
        form: { intent: "create", expiresOn },
      });
      expect(ok.status).toBe(200);
    }
    expect(
      db
        .select({ expiresOn: feedbackLinks.expiresOn })
        .from(feedbackLinks)
        .all()
        .map((l) => l.expiresOn),
    ).toEqual(["2026-03-02", "2027-03-02"]);
  });

  it("revokes a link only once confirmed, audits it, and refuses another partner's link", async () => {
    useClock();
    const editor = await signedInUser("editor");
    const partnerId = await addPartner(editor.cookie);
    const otherPartner = await addPartner(editor.cookie, { name: "Hillside School" });
    const token = await createPartnerLink(editor.cookie, partnerId);
    const linkId = db.select().from(feedbackLinks).get()!.id;

    const unconfirmed = await submit(partnerFeedbackAction, {
      ...partnerPage(partnerId),
      cookie: editor.cookie,
      form: { intent: "revoke", linkId: String(linkId) },
    });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.data.errors).toEqual({
      confirmRevoke: ["Tick the box to confirm that the link should stop working."],
    });
    expect(findUsableLink(token)).not.toBeNull();
    const unconfirmedHtml = await renderStaffPage(
      `/partners/${partnerId}/feedback`,
      editor.cookie,
      "partners/:partnerId/feedback",
      partnerFeedbackRoute,
      { intent: "revoke", linkId: String(linkId) },
    );
    expect(unconfirmedHtml).toContain("There is a problem");
    expect(unconfirmedHtml).toContain('<a href="#field-confirmRevoke">Tick the box to confirm');
    expect(unconfirmedHtml).toContain('<details open="">');
    expect(unconfirmedHtml).toContain(
      'id="field-confirmRevoke" name="confirmRevoke" type="checkbox" aria-invalid="true"',
    );

    const elsewhere = await submit(partnerFeedbackAction, {
      ...partnerPage(otherPartner),
      cookie: editor.cookie,
      form: { intent: "revoke", linkId: String(linkId), confirmRevoke: "on" },
    });
    expect(elsewhere.status).toBe(404);
    expect(findUsableLink(token)).not.toBeNull();

    const revoked = await submit(partnerFeedbackAction, {
      ...partnerPage(partnerId),
      cookie: editor.cookie,
      form: { intent: "revoke", linkId: String(linkId), confirmRevoke: "on" },
    });
    expect(revoked.location).toBe(`/partners/${partnerId}/feedback?notice=revoked`);
    expect(findUsableLink(token)).toBeNull();
    const page = await load(partnerFeedbackLoader, { ...partnerPage(partnerId), cookie: editor.cookie });
    expect(page.data.links).toMatchObject([{ id: linkId, status: "revoked" }]);
    const audit = db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordType, "feedback_link"), eq(auditEvents.action, "update")))
      .all();
    expect(audit).toHaveLength(1);
    expect(audit[0].userId).toBe(editor.id);
    expect(audit[0].changes).toEqual({ revokedAt: [null, T0.toISOString()] });

    const html = await renderStaffPage(
      `/partners/${partnerId}/feedback?notice=revoked`,
      editor.cookie,
      "partners/:partnerId/feedback",
      partnerFeedbackRoute,
    );
    expect(html).toContain("The link has been revoked: it no longer works.");
    expect(html).toContain("Revoked");
    expect(html).not.toContain("Yes, stop this link working");
  });

  it("makes participant links for a project, and 404s for a partner or project that does not exist", async () => {
    useClock();
    const editor = await signedInUser("editor");
    const projectId = await addProject(editor.cookie, { title: "Memory boxes" });
    await createProjectLink(editor.cookie, projectId);
    expect(db.select().from(feedbackLinks).get()).toMatchObject({
      kind: "participant",
      projectId,
      partnerId: null,
    });
    const page = await load(projectFeedbackLoader, { ...projectPage(projectId), cookie: editor.cookie });
    expect(page.data.subject).toEqual({ kind: "participant", id: projectId, name: "Memory boxes" });
    expect(page.data.links).toHaveLength(1);
    const html = await renderStaffPage(
      `/projects/${projectId}/feedback`,
      editor.cookie,
      "projects/:projectId/feedback",
      projectFeedbackRoute,
    );
    expect(html).toContain("Feedback on Memory boxes");
    expect(html).toContain("the people who took part");

    for (const [loader, action, at] of [
      [partnerFeedbackLoader, partnerFeedbackAction, partnerPage(999)],
      [projectFeedbackLoader, projectFeedbackAction, projectPage(999)],
    ] as const) {
      expect((await load(loader, { ...at, cookie: editor.cookie })).status).toBe(404);
      const result = await submit(action, {
        ...at,
        cookie: editor.cookie,
        form: { intent: "create", expiresOn: "2026-04-01" },
      });
      expect(result.status).toBe(404);
    }
    expect(db.select().from(feedbackLinks).all()).toHaveLength(1);
  });
});

describe("who may do what", () => {
  it("shows a viewer the links and responses, but no token and no forms, and refuses every change", async () => {
    useClock();
    const editor = await signedInUser("editor");
    const viewer = await signedInUser("viewer");
    const partnerId = await addPartner(editor.cookie);
    const projectId = await addProject(editor.cookie);
    const token = await createPartnerLink(editor.cookie, partnerId);
    await answer(token, partnerAnswers);
    const linkId = db.select().from(feedbackLinks).get()!.id;
    const tokenHash = db.select().from(feedbackLinks).get()!.tokenHash;

    const page = await load(partnerFeedbackLoader, { ...partnerPage(partnerId), cookie: viewer.cookie });
    expect(page.status).toBe(200);
    expect(page.data.links).toMatchObject([{ id: linkId, status: "active", responses: 1 }]);
    expect(page.data.responses).toHaveLength(1);
    const json = JSON.stringify(page.data);
    expect(json).not.toContain(token);
    expect(json).not.toContain(tokenHash);
    expect(json).not.toMatch(/tokenHash/);

    const html = await renderStaffPage(
      `/partners/${partnerId}/feedback`,
      viewer.cookie,
      "partners/:partnerId/feedback",
      partnerFeedbackRoute,
    );
    expect(html).not.toContain("<form");
    expect(html).toContain("Our tutors bring adult learners");

    for (const [action, at, form] of [
      [partnerFeedbackAction, partnerPage(partnerId), { intent: "create", expiresOn: "2026-04-01" }],
      [
        partnerFeedbackAction,
        partnerPage(partnerId),
        { intent: "revoke", linkId: String(linkId), confirmRevoke: "on" },
      ],
      [projectFeedbackAction, projectPage(projectId), { intent: "create", expiresOn: "2026-04-01" }],
    ] as const) {
      const result = await submit(action, { ...at, cookie: viewer.cookie, form });
      expect(result.status).toBe(403);
    }
    expect(db.select().from(feedbackLinks).all()).toHaveLength(1);
    expect(findUsableLink(token)).not.toBeNull();
  });

  it("sends anonymous visitors to sign in from every staff page", async () => {
    const editor = await signedInUser("editor");
    const partnerId = await addPartner(editor.cookie);
    const projectId = await addProject(editor.cookie);
    for (const [loader, at] of [
      [partnerFeedbackLoader, partnerPage(partnerId)],
      [projectFeedbackLoader, projectPage(projectId)],
      [responseLoader, { path: "/feedback/responses/1", params: { responseId: "1" } }],
    ] as const) {
      const result = await load(loader, at);
      expect(result.status).toBe(302);
      expect(result.location).toMatch(/^\/login\?redirectTo=/);
    }
    for (const [action, at] of [
      [partnerFeedbackAction, partnerPage(partnerId)],
      [projectFeedbackAction, projectPage(projectId)],
    ] as const) {
      const result = await submit(action, { ...at, form: { intent: "create", expiresOn: "2026-04-01" } });
      expect(result.status).toBe(302);
      expect(result.location).toMatch(/^\/login/);
    }
    expect(db.select().from(feedbackLinks).all()).toEqual([]);
  });
});

describe("the public form", () => {
  it("says who is asking, why, how answers are used and that every question is optional, and nothing more", async () => {
    useClock();
    const editor = await signedInUser("editor");
    saveSettings({ organisationName: "Northtown Museum" }, editor.id);
    const partnerId = await addPartner(editor.cookie, { notes: "Secret budget notes" });
    const token = await createPartnerLink(editor.cookie, partnerId);
    const opened = await openForm(token);
    expect(opened.status).toBe(200);
    expect(opened.data).toMatchObject({
      state: "open",
      organisation: "Northtown Museum",
      form: { kind: "partner", subject: "Riverside College", expiresOn: "2026-04-01" },
    });
    expect(Object.keys(opened.data.form).sort()).toEqual(["expiresOn", "kind", "stamp", "subject"]);

    const { status, html } = await renderPublicPage(token);
    expect(status).toBe(200);
    for (const text of [
      "Your views on working with us",
      "Northtown Museum would like to hear from Riverside College",
      "count as evidence when we assess",
      "Every question is optional.",
      "How satisfied are you with the way we work together?",
      "4: Satisfied",
      "Is working with us still relevant to what your organisation wants to do?",
      "Partly",
      "What does your work add to ours?",
      "What have you gained from working with us?",
      "Is there anything you would change about how we work together?",
      "Leave this empty",
      'name="shownAt"',
      "Send my answers",
    ]) {
      expect(html).toContain(text);
    }
    expect(html).toMatch(
      /<input id="field-website" name="website" type="text" tabindex="-1" autocomplete="off"/i,
    );
    for (const secret of ["Secret budget notes", "ESOL tutors", "riverside.ac.uk", "Hillside"]) {
      expect(html).not.toContain(secret);
    }
  });

  it("names the project and asks participants about the Generic Learning Outcomes in plain words", async () => {
    useClock();
    const editor = await signedInUser("editor");
    const projectId = await addProject(editor.cookie, { title: "Memory boxes" });
    const token = await createProjectLink(editor.cookie, projectId);
    const { html } = await renderPublicPage(token);
    for (const text of [
      "Your views on Memory boxes",
      "would like to know what you got out of Memory boxes",
      "Every question is optional.",
      "What did you get out of it?",
      "Which of these describe what you got out of it?",
      "I learnt something new, or understood something better (knowledge and understanding)",
      "(skills)",
      "(enjoyment, inspiration and creativity)",
      "(activity or progression)",
      "(attitudes and values)",
      "Did it lead you to other chances to learn?",
      "If yes, which ones?",
    ]) {
      expect(html).toContain(text);
    }
    expect(html.match(/type="checkbox" id="field-outcomes-glo_/g)).toHaveLength(5);
    expect(html).not.toContain("gso_");
  });

  it("keeps a partner's answers in the fixed shape, thanks them, and counts the response on the link", async () => {
    useClock();
    const editor = await signedInUser("editor");
    const partnerId = await addPartner(editor.cookie);
    const token = await createPartnerLink(editor.cookie, partnerId);
    const sent = await answer(token, partnerAnswers);
    expect(sent.location).toBe(`/feedback/${token}?sent=1`);
    const [row] = responseRows();
    expect(row).toMatchObject({ kind: "partner", partnerId, projectId: null });
    expect(row.answers).toEqual({
      satisfaction: 4,
      relevance: "partly",
      valueAdded: partnerAnswers.valueAdded,
      gained: partnerAnswers.gained,
      changes: partnerAnswers.changes,
    });
    const thanks = await openForm(token, "?sent=1");
    expect(thanks.data.state).toBe("sent");
    // The link stays open for others at the partner.
    expect((await openForm(token)).data.state).toBe("open");

    const audit = db.select().from(auditEvents).where(eq(auditEvents.recordType, "feedback")).all();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "create", recordId: row.id, userId: null });
    // The sender's address is kept only as a keyed hash with the response, for the rate limit.
    expect(JSON.stringify(audit)).not.toContain(ADDRESS);
    expect(audit[0].changes.sender).toBeUndefined();
    expect(row.senderKey).toBe(senderKey(ADDRESS));
    expect(JSON.stringify(row)).not.toContain(ADDRESS);

    const page = await load(partnerFeedbackLoader, { ...partnerPage(partnerId), cookie: editor.cookie });
    expect(page.data.links).toMatchObject([{ responses: 1 }]);
    expect(page.data.responseTotal).toBe(1);
    expect(page.data.responses).toMatchObject([{ id: row.id, kind: "partner", answers: row.answers }]);
  });

  it("keeps only the answers given, a participant's in the fixed shape, and asks for at least one", async () => {
    useClock();
    const editor = await signedInUser("editor");
    const projectId = await addProject(editor.cookie);
    const token = await createProjectLink(editor.cookie, projectId);

    const empty = await answer(token, { gotOutOfIt: "  ", otherOpportunities: "" });
    expect(empty.status).toBe(400);
    expect(empty.data.errors).toEqual({ form: [NOTHING_ANSWERED] });
    const bad = await answer(token, {
      gotOutOfIt: "Keep this",
      outcomes: ["glo_skills", "gso_health"],
      otherOpportunities: "maybe",
    });
    expect(bad.status).toBe(400);
    expect(bad.data.errors).toEqual({
      outcomes: ["Choose from the descriptions listed."],
      otherOpportunities: ["Choose one of the answers listed."],
    });
    expect(bad.data.values).toMatchObject({
      gotOutOfIt: "Keep this",
      outcomes: ["glo_skills", "gso_health"],
    });
    expect(responseRows()).toEqual([]);

    await answer(token, participantAnswers);
    // Naming other opportunities without the yes/no answers yes: the box asks "If yes, which?".
    await answer(token, { otherOpportunitiesText: "Coding club" });
    await answer(token, { outcomes: "glo_enjoyment", otherOpportunities: "no" });
    expect(responseRows().map((r) => [r.kind, r.projectId, r.partnerId, r.answers])).toEqual([
      ["participant", projectId, null, participantAnswers],
      ["participant", projectId, null, { otherOpportunities: "yes", otherOpportunitiesText: "Coding club" }],
      ["participant", projectId, null, { outcomes: ["glo_enjoyment"], otherOpportunities: "no" }],
    ]);

    const partnerId = await addPartner(editor.cookie);
    const partnerToken = await createPartnerLink(editor.cookie, partnerId);
    const wrong = await answer(partnerToken, { satisfaction: "9", relevance: "always" });
    expect(wrong.data.errors).toEqual({
      satisfaction: ["Choose one of the answers listed, from 1 to 5."],
      relevance: ["Choose one of the answers listed."],
    });
    const tooLong = await answer(partnerToken, { changes: "x".repeat(4001) });
    expect(tooLong.data.errors).toEqual({ changes: ["Use at most 4000 characters."] });
  });

  it("answers an unknown token with a friendly 404 page", async () => {
    const unknown = await openForm("not-a-real-token");
    expect(unknown.status).toBe(404);
    expect(unknown.data).toEqual({ state: "unknown", organisation: "", form: null });
    const { status, html } = await renderPublicPage("not-a-real-token");
    expect(status).toBe(404);
    expect(html).toContain("We could not find this feedback form");
    expect(html).toContain("ask the person who sent you the link");
    const posted = await answer("not-a-real-token", partnerAnswers, { stamp: "" });
    expect(posted.location).toBe("/feedback/not-a-real-token");
    expect(responseRows()).toEqual([]);
  });
});

describe("expiry and revocation", () => {
  it("works to the end of its last day, then answers 410 and keeps nothing", async () => {
    useClock(new Date("2026-03-31T22:59:00Z")); // 23:59 on 31 March, UK summer time
    const editor = await signedInUser("editor");
    const partnerId = await addPartner(editor.cookie);
    const token = await createPartnerLink(editor.cookie, partnerId, "2026-03-31");
    const opened = await openForm(token);
    expect(opened.data.state).toBe("open");
    const stamp = opened.data.form.stamp;

    atTime("2026-03-31T23:00:00Z"); // midnight in the UK
    const expired = await openForm(token);
    expect(expired.status).toBe(410);
    expect(expired.data).toMatchObject({ state: "expired", form: null });
    const { status, html } = await renderPublicPage(token);
    expect(status).toBe(410);
    expect(html).toContain("This feedback form has closed");
    expect(html).toContain("open for a limited time");
    expect(html).not.toContain("Riverside");

    const late = await answer(token, partnerAnswers, { stamp });
    expect(late.location).toBe(`/feedback/${token}`);
    expect(responseRows()).toEqual([]);
    const page = await load(partnerFeedbackLoader, { ...partnerPage(partnerId), cookie: editor.cookie });
    expect(page.data.links).toMatchObject([{ status: "expired" }]);
  });

  it("stops a revoked link at once: 410, and nothing saved", async () => {
    useClock();
    const editor = await signedInUser("editor");
    const partnerId = await addPartner(editor.cookie);
    const token = await createPartnerLink(editor.cookie, partnerId);
    const stamp = (await openForm(token)).data.form.stamp;
    const linkId = db.select().from(feedbackLinks).get()!.id;
    await submit(partnerFeedbackAction, {
      ...partnerPage(partnerId),
      cookie: editor.cookie,
      form: { intent: "revoke", linkId: String(linkId), confirmRevoke: "on" },
    });
    atTime(later(10));
    const revoked = await openForm(token);
    expect(revoked.status).toBe(410);
    expect(revoked.data.state).toBe("revoked");
    const { html } = await renderPublicPage(token);
    expect(html).toContain("The link you followed has been withdrawn.");
    const posted = await answer(token, partnerAnswers, { stamp });
    expect(posted.location).toBe(`/feedback/${token}`);
    expect(responseRows()).toEqual([]);
  });
});

describe("bot defences", () => {
  it("thanks a robot that fills the honeypot, and keeps nothing", async () => {
    useClock();
    const editor = await signedInUser("editor");
    const partnerId = await addPartner(editor.cookie);
    const token = await createPartnerLink(editor.cookie, partnerId);
    const robot = await answer(token, { ...partnerAnswers, website: "http://spam.example" });
    expect(robot.location).toBe(`/feedback/${token}?sent=1`);
    expect(responseRows()).toEqual([]);
    expect(
      db
        .select()
        .from(evidenceLinks)
        .all()
        .filter((l) => l.recordType === "feedback"),
    ).toEqual([]);
  });

  it("thanks a form sent within 3 seconds of being shown, or without a genuine timing field, and keeps nothing", async () => {
    useClock();
    const editor = await signedInUser("editor");
    const partnerId = await addPartner(editor.cookie);
    const projectId = await addProject(editor.cookie);
    const token = await createPartnerLink(editor.cookie, partnerId);
    const otherToken = await createProjectLink(editor.cookie, projectId);
    const linkId = findUsableLink(token)!.id;

    const tooFast = await answer(token, partnerAnswers, { wait: 2.9 });
    expect(tooFast.location).toBe(`/feedback/${token}?sent=1`);
    const stamp = formStamp(linkId);
    const [shownAt] = stamp.split(".");
    atTime(later(60));
    for (const forged of [
      "",
      "garbage",
      `${shownAt}.forged-signature`,
      `${Number(shownAt) - 60_000}.${stamp.split(".")[1]}`,
      (await openForm(otherToken)).data.form.stamp, // another link's
    ]) {
      const result = await answer(token, partnerAnswers, { stamp: forged });
      expect(result.location).toBe(`/feedback/${token}?sent=1`);
    }
    expect(responseRows()).toEqual([]);
    expect(secondsSinceShown(stamp, linkId)).toBe(60);

    // A person who takes their time is heard.
    const person = await answer(token, partnerAnswers, { wait: 3 });
    expect(person.location).toBe(`/feedback/${token}?sent=1`);
    expect(responseRows()).toHaveLength(1);
  });

  it("takes at most 5 responses an hour through one link, then shows a 429 page that keeps the answers", async () => {
    useClock();
    const editor = await signedInUser("editor");
    const partnerId = await addPartner(editor.cookie);
    const token = await createPartnerLink(editor.cookie, partnerId);
    expect(LIMITS.perLinkPerHour).toBe(5);
    for (let i = 0; i < 5; i += 1) {
      const sent = await answer(token, partnerAnswers, { address: `198.51.100.${i}` });
      expect(sent.location).toBe(`/feedback/${token}?sent=1`);
    }
    const first = responseRows()[0].submittedAt;
    const refused = await answer(token, { ...partnerAnswers, gained: "Keep me" }, { address: "192.0.2.1" });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toBe(String(refused.data.minutes * 60));
    expect(refused.data).toMatchObject({ state: "too-many", reason: "link", values: { gained: "Keep me" } });
    expect(refused.data.minutes).toBeGreaterThanOrEqual(59);
    expect(responseRows()).toHaveLength(5);

    const html = await renderTooMany(token, refused);
    expect(html).toContain("Too many responses just now");
    expect(html).toContain("Too many responses have been sent through this link in the last hour");
    expect(html).toContain("Keep me");

    // An hour after the first, the link takes responses again.
    atTime(new Date(first.getTime() + 60 * 60 * 1000 + 1000));
    const again = await answer(token, partnerAnswers, { address: "192.0.2.1" });
    expect(again.location).toBe(`/feedback/${token}?sent=1`);
    expect(responseRows()).toHaveLength(6);
  });

  it("takes at most 20 responses an hour from one address, across links", async () => {
    useClock();
    const editor = await signedInUser("editor");
    const projectId = await addProject(editor.cookie);
    const tokens = [];
    for (let i = 0; i < 5; i += 1) tokens.push(await createProjectLink(editor.cookie, projectId));
    const stamps = await Promise.all(tokens.map(async (t) => (await openForm(t)).data.form.stamp as string));
    atTime(later(10));
    expect(LIMITS.perSenderPerHour).toBe(20);
    for (let i = 0; i < 20; i += 1) {
      const token = tokens[i % 4];
      const sent = await answer(token, participantAnswers, { stamp: stamps[i % 4] });
      expect(sent.location, `response ${i + 1}`).toBe(`/feedback/${token}?sent=1`);
    }
    const refused = await answer(tokens[4], participantAnswers, { stamp: stamps[4] });
    expect(refused.status).toBe(429);
    expect(refused.data).toMatchObject({ state: "too-many", reason: "sender" });
    expect(responseRows()).toHaveLength(20);
    // Someone else, elsewhere, is still heard through the same link.
    const other = await answer(tokens[4], participantAnswers, { stamp: stamps[4], address: "192.0.2.77" });
    expect(other.location).toBe(`/feedback/${tokens[4]}?sent=1`);
    expect(responseRows()).toHaveLength(21);
  });

  async function renderTooMany(token: string, refused: { data: unknown }) {
    const routes = [
      {
        id: "feedback",
        path: "/feedback/:token",
        loader: publicRoute.loader as never,
        action: (() => refused.data) as never,
        Component: publicRoute.default,
      },
    ];
    const handler = createStaticHandler(routes);
    const body = new URLSearchParams({ gained: "Keep me" });
    const context = await handler.query(
      new Request(`http://localhost/feedback/${token}`, {
        method: "POST",
        body,
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
      }),
    );
    if (context instanceof Response) throw new Error("unexpected response");
    const router = createStaticRouter(handler.dataRoutes, context);
    return renderToStaticMarkup(createElement(StaticRouterProvider, { router, context }));
  }
});

describe("responses as evidence and in the records", () => {
  it("suggests the partner lines each answer supports", async () => {
    useClock();
    const editor = await signedInUser("editor");
    const partnerId = await addPartner(editor.cookie);
    const token = await createPartnerLink(editor.cookie, partnerId);
    await answer(token, partnerAnswers);
    await answer(token, { changes: "Nothing" });
    await answer(token, { satisfaction: "2" });
    const [full, onlyChanges, onlySatisfaction] = responseRows();
    expect(suggestedLines(full.id)).toEqual(["3.1.E10", "3.1.E11", "3.1.E12", "3.1.E6"]);
    expect(suggestedLines(onlyChanges.id)).toEqual(["3.1.E6"]);
    expect(suggestedLines(onlySatisfaction.id)).toEqual(["3.1.E10", "3.1.E6"]);
    const dates = db
      .select({ date: evidenceLinks.evidenceDate, status: evidenceLinks.status })
      .from(evidenceLinks)
      .where(and(eq(evidenceLinks.recordType, "feedback"), eq(evidenceLinks.recordId, full.id)))
      .all();
    expect(dates.every((d) => d.date === "2026-03-02" && d.status === "suggested")).toBe(true);

    // They wait in the review queue, with the response described and linked.
    const queue = await load(suggestionsLoader, {
      path: "/evidence/suggestions?type=feedback&line=3.1.E10",
      cookie: editor.cookie,
    });
    expect(queue.data.total).toBe(2);
    expect(queue.data.rows[0].record).toMatchObject({
      label: "Partner feedback (2 Mar 2026)",
      href: expect.stringMatching(/^\/feedback\/responses\/\d+$/),
    });
  });

  it("suggests the participant lines each answer supports", async () => {
    useClock();
    const editor = await signedInUser("editor");
    const projectId = await addProject(editor.cookie);
    const token = await createProjectLink(editor.cookie, projectId);
    await answer(token, participantAnswers);
    await answer(token, { outcomes: "glo_enjoyment" });
    await answer(token, { otherOpportunities: "no", otherOpportunitiesText: "" });
    await answer(token, { outcomes: "glo_attitudes" });
    const [full, enjoyment, none, attitudes] = responseRows();
    expect(suggestedLines(full.id)).toEqual(["3.2.E5", "3.2.E6", "3.3.E5"]);
    expect(suggestedLines(enjoyment.id)).toEqual(["3.2.E6"]);
    expect(suggestedLines(none.id)).toEqual([]);
    expect(suggestedLines(attitudes.id)).toEqual(["3.2.E6", "3.3.E5"]);
  });

  it("gives a partner's and a project's responses newest first, and one response in full with its evidence", async () => {
    useClock();
    const editor = await signedInUser("editor");
    const viewer = await signedInUser("viewer");
    const partnerId = await addPartner(editor.cookie);
    const otherPartner = await addPartner(editor.cookie, { name: "Hillside School" });
    const projectId = await addProject(editor.cookie, { title: "Memory boxes" });
    const token = await createPartnerLink(editor.cookie, partnerId);
    const otherToken = await createPartnerLink(editor.cookie, otherPartner);
    const projectToken = await createProjectLink(editor.cookie, projectId);
    await answer(token, { changes: "First" });
    atTime("2026-03-10T09:00:00Z");
    await answer(token, partnerAnswers);
    await answer(otherToken, { changes: "Not theirs" });
    await answer(projectToken, participantAnswers);

    const forPartner = responsesForPartner(partnerId, 10);
    expect(forPartner.map((r) => r.answers)).toEqual([partnerAnswersStored, { changes: "First" }]);
    expect(forPartner[0]).toMatchObject({ kind: "partner", submittedAt: expect.any(Date) });
    expect(responsesForPartner(partnerId, 1)).toHaveLength(1);
    // For the next review: only what was said since the last one.
    expect(responsesForPartner(partnerId, 10, { since: "2026-03-10" }).map((r) => r.answers)).toEqual([
      partnerAnswersStored,
    ]);
    expect(responsesForPartner(partnerId, 10, { since: "2026-03-11" })).toEqual([]);
    expect(responsesForProject(projectId, 10)).toMatchObject([
      { kind: "participant", answers: participantAnswers },
    ]);
    expect(feedbackDependants({ partnerId })).toEqual([
      [1, "feedback link"],
      [2, "feedback response"],
    ]);

    const id = forPartner[0].id;
    const page = await load(responseLoader, {
      path: `/feedback/responses/${id}`,
      params: { responseId: String(id) },
      cookie: viewer.cookie,
    });
    expect(page.status).toBe(200);
    expect(page.data.about).toEqual({ type: "partner", id: partnerId, name: "Riverside College" });
    expect(page.data.response.answers).toEqual(partnerAnswersStored);
    expect(page.data.evidence.map((e: { lineCode: string }) => e.lineCode)).toEqual([
      "3.1.E10",
      "3.1.E11",
      "3.1.E12",
      "3.1.E6",
    ]);
    const html = await renderStaffPage(
      `/feedback/responses/${id}`,
      viewer.cookie,
      "feedback/responses/:responseId",
      responseRoute,
    );
    for (const text of [
      "Partner feedback, 10 Mar 2026",
      `href="/partners/${partnerId}"`,
      `href="/partners/${partnerId}/feedback"`,
      "Satisfaction with the working arrangements",
      "4 of 5: satisfied",
      "Partly",
      "More notice of exhibition changes.",
      "Evidence for the checklist",
    ]) {
      expect(html).toContain(text);
    }
    const projectResponse = responsesForProject(projectId, 1)[0].id;
    const projectHtml = await renderStaffPage(
      `/feedback/responses/${projectResponse}`,
      viewer.cookie,
      "feedback/responses/:responseId",
      responseRoute,
    );
    expect(projectHtml).toContain("From someone who took part in");
    expect(projectHtml).toContain("Knowledge and understanding, Skills");
    expect(projectHtml).toContain("A family history course at the library.");

    const missing = await load(responseLoader, {
      path: "/feedback/responses/999",
      params: { responseId: "999" },
      cookie: viewer.cookie,
    });
    expect(missing.status).toBe(404);
  });
});

const partnerAnswersStored = {
  satisfaction: 4,
  relevance: "partly",
  valueAdded: partnerAnswers.valueAdded,
  gained: partnerAnswers.gained,
  changes: partnerAnswers.changes,
};
