import { createElement, type ComponentType } from "react";
import { renderToStaticMarkup } from "react-dom/server";
// A dependency of @remix-run/react: renders a route's page as the server would, without a build.
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { auditEvents, equalityMonitoring, monitoringFormLinks } from "~db/schema";
import { loader as appLoader } from "~/routes/_app";
import {
  action as volunteerMonitoringAction,
  loader as volunteerMonitoringLoader,
} from "~/routes/_app.volunteers.$volunteerId.monitoring";
import * as volunteerMonitoringRoute from "~/routes/_app.volunteers.$volunteerId.monitoring";
import {
  action as contributorMonitoringAction,
  loader as contributorMonitoringLoader,
} from "~/routes/_app.contributors.$contributorId.monitoring";
import * as volunteerPageRoute from "~/routes/_app.volunteers.$volunteerId._index";
import { loader as volunteerPageLoader } from "~/routes/_app.volunteers.$volunteerId._index";
import { loader as contributorPageLoader } from "~/routes/_app.contributors.$contributorId._index";
import * as printableRoute from "~/routes/_app.monitoring.printable";
import * as selfFillRoute from "~/routes/monitoring.$token";
import { action as selfFillAction, loader as selfFillLoader } from "~/routes/monitoring.$token";
import { loader as historyLoader } from "~/routes/_app.history.$recordType.$recordId";
import { createContributor } from "~/models/contributor.server";
import {
  canSeeEquality,
  ConsentRequiredError,
  eraseExpiredLinks,
  eraseMonitoringFor,
  findFormLink,
  getMonitoring,
  monitoringStatus,
  saveMonitoring,
  submitSelfFilledForm,
} from "~/models/monitoring.server";
import { createVolunteer, deleteVolunteer, getVolunteer } from "~/models/volunteer.server";
import { db, write } from "~/utils/db.server";
import {
  ageBandLabels,
  answerLabels,
  disabilityLabels,
  ethnicCategoryOf,
  ethnicGroupLabels,
  socioEconomicGroupOf,
  socioEconomicLabels,
} from "~/utils/equality-labels";
import {
  ageBands,
  disabilityAnswers,
  ethnicGroups,
  genderIdentities,
  sexes,
  socioEconomicBackgrounds,
} from "~db/enums";
import { load, submit } from "./support/requests";
import { signedInUser } from "./support/factories";

afterEach(() => {
  vi.useRealTimers();
});

function addVolunteer(actorId: number, name = "Amira Khan") {
  return createVolunteer(
    { name, programme: "volunteer", status: "active", focuses: [], startDate: "2025-06-02" },
    actorId,
  );
}

function addContributor(actorId: number, name = "Dele Okafor") {
  return createContributor({ name, kind: "writer" }, actorId);
}

/** Answers no one else may ever receive, each distinctive enough to search page data for. */
const answers = {
  ageBand: "75_plus",
  sex: "female",
  genderIdentity: "different",
  ethnicGroup: "white_gypsy_traveller",
  disability: "yes_a_lot",
  socioEconomic: "long_term_unemployed",
  area: "Zedtown LS6",
};
const answerWords = [
  ...Object.values(answers),
  ageBandLabels["75_plus"],
  ethnicGroupLabels.white_gypsy_traveller,
  "Gypsy or Irish Traveller",
  disabilityLabels.yes_a_lot,
  socioEconomicLabels.long_term_unemployed,
];

const consent = { consentGiven: "on", consentGivenOn: "2026-01-15", consentMethod: "paper" };

const volunteerPath = (id: number) => ({
  path: `/volunteers/${id}/monitoring`,
  params: { volunteerId: String(id) },
});
const contributorPath = (id: number) => ({
  path: `/contributors/${id}/monitoring`,
  params: { contributorId: String(id) },
});

function saveAnswers(id: number, cookie: string, form: Record<string, string> = { ...consent, ...answers }) {
  return submit(volunteerMonitoringAction, {
    ...volunteerPath(id),
    cookie,
    form: { intent: "save", ...form },
  });
}

function monitoringRows() {
  return db.select().from(equalityMonitoring).all();
}

/** A route's page as HTML, rendered inside the signed-in layout with its real loaders. */
async function renderPage(
  url: string,
  cookie: string,
  routePath: string,
  module: { loader: (args: never) => unknown; default: ComponentType },
) {
  const routes = [
    {
      id: "routes/_app",
      path: "/",
      loader: appLoader as never,
      children: [{ id: "page", path: routePath, loader: module.loader as never, Component: module.default }],
    },
  ];
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request(`http://localhost${url}`, { headers: { Cookie: cookie } }));
  if (context instanceof Response) throw new Error(`Rendering ${url} answered ${context.status}`);
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToStaticMarkup(createElement(StaticRouterProvider, { router, context }));
}

describe("the words of the form", () => {
  it("labels every answer, puts each ethnic group in its category and each occupation in its background", () => {
    for (const [question, values] of [
      ["age_band", ageBands],
      ["sex", sexes],
      ["gender_identity", genderIdentities],
      ["ethnic_group", ethnicGroups],
      ["disability", disabilityAnswers],
      ["socio_economic", socioEconomicBackgrounds],
    ] as const) {
      const labels = answerLabels[question] as Record<string, string>;
      expect(Object.keys(labels)).toEqual([...values]);
      expect(labels.prefer_not).toBe("Prefer not to say");
    }
    expect(ethnicGroupLabels.asian_bangladeshi).toBe("Asian, Asian British or Asian Welsh: Bangladeshi");
    expect(ethnicGroupLabels.white_british).toBe(
      "White: English, Welsh, Scottish, Northern Irish or British",
    );
    expect(ethnicGroups.filter((g) => g !== "prefer_not")).toHaveLength(19);
    expect(ethnicCategoryOf("mixed_white_black_african")).toBe("mixed");
    expect(ethnicCategoryOf("other_arab")).toBe("other");
    expect(ethnicCategoryOf("prefer_not")).toBe("prefer_not");
    expect(socioEconomicGroupOf("middle_junior_managers")).toBe("professional");
    expect(socioEconomicGroupOf("small_business_owners")).toBe("intermediate");
    expect(socioEconomicGroupOf("long_term_unemployed")).toBe("lower");
    expect(socioEconomicGroupOf("other_unknown")).toBe("other");
    expect(disabilityLabels).toMatchObject({
      yes_a_lot: "Yes, limited a lot",
      yes_a_little: "Yes, limited a little",
      no: "No",
    });
  });
});

describe("recording with consent", () => {
  it("keeps nothing until consent, its date and how it was given are recorded, and keeps what was typed", async () => {
    const editor = await signedInUser("editor", { canViewEquality: true });
    const id = addVolunteer(editor.id);
    const refused = await saveAnswers(id, editor.cookie, { ...answers });
    expect(refused.status).toBe(400);
    expect(refused.data.errors).toMatchObject({
      consentGiven: ["Confirm that they have agreed to their answers being recorded."],
      consentGivenOn: ["Enter the date they agreed."],
      consentMethod: ["Choose how they agreed: on paper, online or verbally."],
    });
    expect(refused.data.values).toMatchObject({ ethnicGroup: "white_gypsy_traveller", area: "Zedtown LS6" });
    // A date and method without the tick is still not consent.
    const unticked = await saveAnswers(id, editor.cookie, { ...consent, consentGiven: "", ...answers });
    expect(unticked.status).toBe(400);
    expect(Object.keys(unticked.data.errors)).toEqual(["consentGiven"]);
    const future = await saveAnswers(id, editor.cookie, { ...consent, consentGivenOn: "2999-01-01" });
    expect(future.data.errors.consentGivenOn).toEqual(["The date they agreed cannot be in the future."]);
    expect(monitoringRows()).toEqual([]);
    expect(() =>
      saveMonitoring({ type: "volunteer", id }, { consentGiven: false, ageBand: "16_24" }, editor.id),
    ).toThrow(ConsentRequiredError);
    expect(monitoringRows()).toEqual([]);

    const saved = await saveAnswers(id, editor.cookie);
    expect(saved.location).toBe(`/volunteers/${id}/monitoring?notice=saved`);
    expect(getMonitoring({ type: "volunteer", id })).toMatchObject({
      consentGivenOn: "2026-01-15",
      consentMethod: "paper",
      consentRecordedBy: "Editor 1",
      ...answers,
    });
  });

  it("requires no answer, and accepts Prefer not to say for every question", async () => {
    const editor = await signedInUser("editor", { canViewEquality: true });
    const id = addVolunteer(editor.id);
    const onlyConsent = await saveAnswers(id, editor.cookie, consent);
    expect(onlyConsent.status).toBe(302);
    expect(monitoringStatus({ type: "volunteer", id })).toBe("recorded");
    expect(getMonitoring({ type: "volunteer", id })).toMatchObject({
      ageBand: null,
      sex: null,
      genderIdentity: null,
      ethnicGroup: null,
      disability: null,
      socioEconomic: null,
      area: null,
    });
    const preferNot = {
      ageBand: "prefer_not",
      sex: "prefer_not",
      genderIdentity: "prefer_not",
      ethnicGroup: "prefer_not",
      disability: "prefer_not",
      socioEconomic: "prefer_not",
    };
    expect((await saveAnswers(id, editor.cookie, { ...consent, ...preferNot })).status).toBe(302);
    expect(getMonitoring({ type: "volunteer", id })).toMatchObject(preferNot);
    const bad = await saveAnswers(id, editor.cookie, { ...consent, ethnicGroup: "martian" });
    expect(bad.data.errors).toEqual({ ethnicGroup: ["Choose one of the answers listed."] });
  });

  it("on withdrawal erases the whole monitoring record, only after confirmation, and keeps the volunteer", async () => {
    const editor = await signedInUser("editor", { canViewEquality: true });
    const id = addVolunteer(editor.id);
    await saveAnswers(id, editor.cookie);
    const unconfirmed = await submit(volunteerMonitoringAction, {
      ...volunteerPath(id),
      cookie: editor.cookie,
      form: { intent: "withdraw-consent" },
    });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.data.errors.confirmWithdrawal).toEqual([
      "Tick the box to confirm that their answers should be erased.",
    ]);
    expect(monitoringRows()).toHaveLength(1);

    const withdrawn = await submit(volunteerMonitoringAction, {
      ...volunteerPath(id),
      cookie: editor.cookie,
      form: { intent: "withdraw-consent", confirmWithdrawal: "on" },
    });
    expect(withdrawn.location).toBe(`/volunteers/${id}/monitoring?notice=withdrawn`);
    expect(monitoringRows()).toEqual([]);
    expect(getVolunteer(id)?.name).toBe("Amira Khan");
    const page = await load(volunteerMonitoringLoader, { ...volunteerPath(id), cookie: editor.cookie });
    expect(page.data.monitoring).toBeNull();
    const detail = await load(volunteerPageLoader, {
      path: `/volunteers/${id}`,
      params: { volunteerId: String(id) },
      cookie: editor.cookie,
    });
    expect(detail.data.monitoring).toBe("not recorded");
  });

  it("records a contributor's answers apart from a volunteer with the same id", async () => {
    const admin = await signedInUser("admin");
    const volunteerId = addVolunteer(admin.id);
    const contributorId = addContributor(admin.id);
    expect(contributorId).toBe(volunteerId);
    const saved = await submit(contributorMonitoringAction, {
      ...contributorPath(contributorId),
      cookie: admin.cookie,
      form: { intent: "save", ...consent, consentMethod: "verbal", sex: "male" },
    });
    expect(saved.location).toBe(`/contributors/${contributorId}/monitoring?notice=saved`);
    expect(monitoringStatus({ type: "contributor", id: contributorId })).toBe("recorded");
    expect(monitoringStatus({ type: "volunteer", id: volunteerId })).toBe("not recorded");
    const page = await load(contributorMonitoringLoader, {
      ...contributorPath(contributorId),
      cookie: admin.cookie,
    });
    expect(page.data.person).toMatchObject({ type: "contributor", name: "Dele Okafor" });
    expect(page.data.monitoring).toMatchObject({ sex: "male", consentMethod: "verbal" });
  });
});

describe("who sees the answers", () => {
  it("refuses viewers and editors without the permission on both monitoring pages, and tells them nothing on the record pages", async () => {
    const admin = await signedInUser("admin");
    const volunteerId = addVolunteer(admin.id);
    const contributorId = addContributor(admin.id);
    await saveAnswers(volunteerId, admin.cookie);
    await submit(contributorMonitoringAction, {
      ...contributorPath(contributorId),
      cookie: admin.cookie,
      form: { intent: "save", ...consent, ...answers },
    });

    for (const role of ["viewer", "editor"] as const) {
      const user = await signedInUser(role);
      expect(canSeeEquality({ role, canViewEquality: false })).toBe(false);
      for (const [loader, action, at] of [
        [volunteerMonitoringLoader, volunteerMonitoringAction, volunteerPath(volunteerId)],
        [contributorMonitoringLoader, contributorMonitoringAction, contributorPath(contributorId)],
      ] as const) {
        const page = await load(loader, { ...at, cookie: user.cookie });
        expect(page.status).toBe(403);
        expect(JSON.stringify(page.data)).not.toContain("LS6");
        for (const intent of ["save", "withdraw-consent", "create-link"]) {
          const result = await submit(action, {
            ...at,
            cookie: user.cookie,
            form: { intent, ...consent, confirmWithdrawal: "on" },
          });
          expect(result.status).toBe(403);
        }
        // Even for a record that does not exist: no hint of which ids have answers.
        const missing = await load(loader, {
          ...at,
          params: { volunteerId: "999", contributorId: "999" },
          cookie: user.cookie,
        });
        expect(missing.status).toBe(403);
      }

      const volunteerPage = await load(volunteerPageLoader, {
        path: `/volunteers/${volunteerId}`,
        params: { volunteerId: String(volunteerId) },
        cookie: user.cookie,
      });
      const contributorPage = await load(contributorPageLoader, {
        path: `/contributors/${contributorId}`,
        params: { contributorId: String(contributorId) },
        cookie: user.cookie,
      });
      for (const detail of [volunteerPage, contributorPage]) {
        expect(detail.status).toBe(200);
        expect(detail.data).not.toHaveProperty("monitoring");
        const json = JSON.stringify(detail.data);
        for (const word of answerWords) expect(json).not.toContain(word);
        expect(json).not.toMatch(/monitoring|recorded/i);
      }
      const html = await renderPage(
        `/volunteers/${volunteerId}`,
        user.cookie,
        "volunteers/:volunteerId",
        volunteerPageRoute,
      );
      expect(html).toContain("Amira Khan");
      expect(html).not.toMatch(/equality monitoring/i);
      for (const word of answerWords) expect(html).not.toContain(word);
    }
    // The answers are untouched by all those refused attempts.
    expect(getMonitoring({ type: "volunteer", id: volunteerId })).toMatchObject(answers);
  });

  it("shows a permitted editor the status on the record page and the answers on the monitoring page", async () => {
    const editor = await signedInUser("editor", { canViewEquality: true });
    const id = addVolunteer(editor.id);
    const before = await load(volunteerPageLoader, {
      path: `/volunteers/${id}`,
      params: { volunteerId: String(id) },
      cookie: editor.cookie,
    });
    expect(before.data.monitoring).toBe("not recorded");
    await saveAnswers(id, editor.cookie);
    const after = await load(volunteerPageLoader, {
      path: `/volunteers/${id}`,
      params: { volunteerId: String(id) },
      cookie: editor.cookie,
    });
    expect(after.data.monitoring).toBe("recorded");
    const page = await load(volunteerMonitoringLoader, { ...volunteerPath(id), cookie: editor.cookie });
    expect(page.status).toBe(200);
    expect(page.headers.get("Cache-Control")).toBe("private, no-store");
    expect(page.data.monitoring).toMatchObject(answers);

    const html = await renderPage(
      `/volunteers/${id}`,
      editor.cookie,
      "volunteers/:volunteerId",
      volunteerPageRoute,
    );
    expect(html).toContain("Equality monitoring");
    expect(html).toContain("Recorded");
    expect(html).toContain(`href="/volunteers/${id}/monitoring"`);
    const monitoringHtml = await renderPage(
      `/volunteers/${id}/monitoring`,
      editor.cookie,
      "volunteers/:volunteerId/monitoring",
      volunteerMonitoringRoute,
    );
    expect(monitoringHtml).toContain("Equality monitoring: Amira Khan");
    expect(monitoringHtml).toContain(`name="ethnicGroup" checked="" value="white_gypsy_traveller"`);
    expect(monitoringHtml).toContain("Withdraw consent");
  });

  it("lets a viewer with the permission read the answers but change nothing", async () => {
    const admin = await signedInUser("admin");
    const viewer = await signedInUser("viewer", { canViewEquality: true });
    const id = addVolunteer(admin.id);
    await saveAnswers(id, admin.cookie);
    const page = await load(volunteerMonitoringLoader, { ...volunteerPath(id), cookie: viewer.cookie });
    expect(page.data.monitoring).toMatchObject(answers);
    const html = await renderPage(
      `/volunteers/${id}/monitoring`,
      viewer.cookie,
      "volunteers/:volunteerId/monitoring",
      volunteerMonitoringRoute,
    );
    expect(html).toContain("Gypsy or Irish Traveller");
    expect(html).not.toContain("<form");
    const result = await submit(volunteerMonitoringAction, {
      ...volunteerPath(id),
      cookie: viewer.cookie,
      form: { intent: "withdraw-consent", confirmWithdrawal: "on" },
    });
    expect(result.status).toBe(403);
    expect(monitoringRows()).toHaveLength(1);
  });

  it("sends anonymous visitors to sign in", async () => {
    await signedInUser("admin");
    const result = await load(volunteerMonitoringLoader, volunteerPath(1));
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/^\/login/);
  });

  it("keeps the audit trail to field names, never values", async () => {
    const admin = await signedInUser("admin");
    const id = addVolunteer(admin.id);
    await saveAnswers(id, admin.cookie);
    await saveAnswers(id, admin.cookie, { ...consent, ...answers, ageBand: "16_24", area: "" });
    await submit(volunteerMonitoringAction, {
      ...volunteerPath(id),
      cookie: admin.cookie,
      form: { intent: "withdraw-consent", confirmWithdrawal: "on" },
    });
    const events = db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.recordType, "volunteer_monitoring"))
      .orderBy(auditEvents.id)
      .all();
    expect(events.map((e) => e.action)).toEqual(["create", "update", "delete"]);
    expect(events[0].changes).toMatchObject({
      personType: [null, "volunteer"],
      consentGivenOn: [null, "(recorded)"],
      ethnicGroup: [null, "(recorded)"],
      area: [null, "(recorded)"],
    });
    expect(events[1].changes).toEqual({
      ageBand: ["(recorded)", "(changed)"],
      area: ["(recorded)", "(erased)"],
    });
    expect(events[2].changes).toMatchObject({ ethnicGroup: ["(erased)", null] });
    const everything = JSON.stringify(db.select().from(auditEvents).all());
    for (const word of [...answerWords, "16_24", "2026-01-15", "paper"])
      expect(everything).not.toContain(word);

    const history = await load(historyLoader, {
      path: `/history/volunteer/${id}`,
      params: { recordType: "volunteer", recordId: String(id) },
      cookie: admin.cookie,
    });
    for (const word of answerWords) expect(JSON.stringify(history.data)).not.toContain(word);
  });
});

describe("filling in one's own form", () => {
  async function linkFor(volunteerId: number, cookie: string) {
    const created = await submit(volunteerMonitoringAction, {
      ...volunteerPath(volunteerId),
      cookie,
      form: { intent: "create-link" },
    });
    expect(created.status).toBe(200);
    const url: string = created.data.link.url;
    expect(url).toMatch(/^http:\/\/localhost\/monitoring\/[A-Za-z0-9_-]{43}$/);
    return url.split("/monitoring/")[1];
  }

  const openPage = (token: string, query = "") =>
    load(selfFillLoader, { path: `/monitoring/${token}${query}`, params: { token } });
  const send = (token: string, form: Record<string, string>) =>
    submit(selfFillAction, { path: `/monitoring/${token}`, params: { token }, form });

  it("works once, records online consent today credited to the link's maker, and keeps only the token's hash", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-03-02T10:00:00Z"));
    const editor = await signedInUser("editor", { canViewEquality: true, name: "Cora Ordinator" });
    const id = addVolunteer(editor.id);
    const token = await linkFor(id, editor.cookie);
    expect(JSON.stringify(db.select().from(monitoringFormLinks).all())).not.toContain(token);
    expect(findFormLink(token)?.person).toEqual({ type: "volunteer", id });

    const open = await openPage(token);
    expect(open.status).toBe(200);
    expect(open.data).toEqual({
      state: "open",
      organisation: "",
      expiresAt: new Date("2026-03-16T10:00:00Z"),
    });

    const noConsent = await send(token, { ...answers });
    expect(noConsent.status).toBe(400);
    expect(Object.keys(noConsent.data.errors)).toEqual(["consentGiven"]);
    expect(noConsent.data.values).toMatchObject({ ethnicGroup: "white_gypsy_traveller" });
    expect(monitoringRows()).toEqual([]);

    const sent = await send(token, { ...answers, consentGiven: "on", website: "" });
    expect(sent.location).toBe(`/monitoring/${token}?sent=1`);
    expect(getMonitoring({ type: "volunteer", id })).toMatchObject({
      consentGivenOn: "2026-03-02",
      consentMethod: "online",
      consentRecordedBy: "Cora Ordinator",
      ...answers,
    });
    expect((await openPage(token, "?sent=1")).data.state).toBe("sent");

    const again = await openPage(token);
    expect(again.status).toBe(410);
    expect(again.data.state).toBe("used");
    const resent = await send(token, { ...answers, consentGiven: "on", ageBand: "16_24" });
    expect(resent.location).toBe(`/monitoring/${token}`);
    expect(getMonitoring({ type: "volunteer", id })?.ageBand).toBe("75_plus");
    expect(submitSelfFilledForm(token, { consentGiven: true })).toBe(false);
  });

  it("expires after 14 days, and a new link replaces an unused one", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-03-02T10:00:00Z"));
    const editor = await signedInUser("editor", { canViewEquality: true });
    const id = addVolunteer(editor.id);
    const first = await linkFor(id, editor.cookie);
    const second = await linkFor(id, editor.cookie);
    expect((await openPage(first)).data.state).toBe("unknown");
    const page = await load(volunteerMonitoringLoader, { ...volunteerPath(id), cookie: editor.cookie });
    expect(page.data.openLink).toMatchObject({ expiresAt: new Date("2026-03-16T10:00:00Z") });

    vi.setSystemTime(new Date("2026-03-16T09:59:00Z"));
    expect((await openPage(second)).data.state).toBe("open");
    vi.setSystemTime(new Date("2026-03-16T10:00:00Z"));
    const expired = await openPage(second);
    expect(expired.status).toBe(410);
    expect(expired.data).toMatchObject({ state: "expired", expiresAt: null });
    const late = await send(second, { ...answers, consentGiven: "on" });
    expect(late.location).toBe(`/monitoring/${second}`);
    expect(monitoringRows()).toEqual([]);
    expect(eraseExpiredLinks()).toBe(1);
    expect((await openPage(second)).data.state).toBe("unknown");
  });

  it("leads nowhere once the person's record is deleted, and their answers can go with it", async () => {
    const admin = await signedInUser("admin");
    const id = addVolunteer(admin.id);
    await saveAnswers(id, admin.cookie);
    const token = await linkFor(id, admin.cookie);
    write((tx) => eraseMonitoringFor(tx, { type: "volunteer", id }, admin.id));
    expect(monitoringRows()).toEqual([]);
    expect((await openPage(token)).data.state).toBe("unknown");
    const other = addVolunteer(admin.id, "Ben Ode");
    const otherToken = await linkFor(other, admin.cookie);
    deleteVolunteer(other, admin.id);
    expect((await openPage(otherToken)).status).toBe(404);
  });

  it("answers an unknown token with a friendly not-found page", async () => {
    const unknown = await openPage("not-a-real-token");
    expect(unknown.status).toBe(404);
    expect(unknown.data.state).toBe("unknown");
    const html = await renderSelfFill("not-a-real-token");
    expect(html).toContain("This link no longer works");
    expect(html).toContain("ask your coordinator");
  });

  it("thanks a robot that fills the honeypot, and keeps nothing", async () => {
    const editor = await signedInUser("editor", { canViewEquality: true });
    const id = addVolunteer(editor.id);
    const token = await linkFor(id, editor.cookie);
    const robot = await send(token, { ...answers, consentGiven: "on", website: "http://spam.example" });
    expect(robot.location).toBe(`/monitoring/${token}?sent=1`);
    expect(monitoringRows()).toEqual([]);
    expect(findFormLink(token)).not.toBeNull();
  });

  it("shows the form with why we ask, that every answer is optional and how to withdraw", async () => {
    const editor = await signedInUser("editor", { canViewEquality: true });
    const id = addVolunteer(editor.id);
    const token = await linkFor(id, editor.cookie);
    const html = await renderSelfFill(token);
    expect(html).toContain("Every question is optional");
    expect(html).toContain("ask your coordinator and your answers will be erased");
    expect(html).toContain("Asian, Asian British or Asian Welsh");
    expect(html).toContain('name="website"');
    expect(html).toContain('name="consentGiven"');
    // Nothing about the person: a link that goes astray reveals nobody.
    expect(html).not.toContain("Amira");
  });

  async function renderSelfFill(token: string) {
    const routes = [
      {
        id: "self-fill",
        path: "/monitoring/:token",
        loader: selfFillRoute.loader as never,
        Component: selfFillRoute.default,
      },
    ];
    const handler = createStaticHandler(routes);
    const context = await handler.query(new Request(`http://localhost/monitoring/${token}`));
    if (context instanceof Response) throw new Error("unexpected response");
    const router = createStaticRouter(handler.dataRoutes, context);
    return renderToStaticMarkup(createElement(StaticRouterProvider, { router, context }));
  }
});

describe("the printable sheet", () => {
  it("renders every question as tick boxes, with the consent statement", async () => {
    const viewer = await signedInUser("viewer");
    const html = await renderPage(
      "/monitoring/printable",
      viewer.cookie,
      "monitoring/printable",
      printableRoute,
    );
    expect(html).toContain("<h1>Equality monitoring form</h1>");
    for (const text of [
      "What is your age?",
      "75 and over",
      "Is the gender you identify with the same as your sex registered at birth?",
      "Mixed or Multiple ethnic groups",
      "Roma",
      "Yes, limited a little",
      "Long-term unemployed",
      "I agree to",
    ]) {
      expect(html).toContain(text);
    }
    expect(html.match(/☐/g)!.length).toBeGreaterThan(50);
    expect(html).not.toContain("<form");
  });
});
