// One small organisation with a record of every kind, made once per test file through the real
// forms (and a few model functions), then put back before each test from a snapshot, so tests that
// post to every route start from the same records without making them again. Used by the
// authorisation matrix and the fuzz test.
import fs from "node:fs";
import path from "node:path";
import { expect, inject, vi } from "vitest";
import { action as newAction } from "~/routes/_app.actions.new";
import { action as newAssessment } from "~/routes/_app.assessments.new";
import { action as finishAssessment } from "~/routes/_app.assessments.$assessmentId.finish";
import { action as decideSuggestions } from "~/routes/_app.evidence.suggestions";
import { action as newMeeting } from "~/routes/_app.meetings.new";
import { action as newContact } from "~/routes/_app.partners.$partnerId.contacts.new";
import { action as partnerFeedback } from "~/routes/_app.partners.$partnerId.feedback";
import { action as projectFeedback } from "~/routes/_app.projects.$projectId.feedback";
import { action as holdReview } from "~/routes/_app.partners.$partnerId.reviews.new";
import { action as newProfile } from "~/routes/_app.reports.community-profiles.new";
import { action as volunteerReport } from "~/routes/_app.reports.volunteers";
import { action as volunteerMonitoring } from "~/routes/_app.volunteers.$volunteerId.monitoring";
import { action as contributorMonitoring } from "~/routes/_app.contributors.$contributorId.monitoring";
import { action as publicFeedback } from "~/routes/feedback.$token";
import { createCalendarToken } from "~/models/calendar.server";
import { formStamp } from "~/models/feedback-guard.server";
import { createBatch } from "~/models/import.server";
import { createFormLink } from "~/models/monitoring.server";
import { sqlite } from "~/utils/db.server";
import {
  ageBandLabels,
  disabilityLabels,
  ethnicGroupLabels,
  ethnicGroupShortLabels,
  socioEconomicLabels,
  socioEconomicShortLabels,
} from "~/utils/equality-labels";
import { signedInUser } from "./factories";
import {
  addBenefit,
  addContributor,
  addPartner,
  addProject,
  addVolunteer,
  onProject,
  onVolunteer,
} from "./records";
import { submit } from "./requests";

/** The world's clock: a fixed day, so dates in the forms are always valid (or always not). */
export const WORLD_NOW = new Date("2026-06-15T11:00:00Z");

/** Equality monitoring answers no one without the permission may ever receive: distinctive words. */
export const MONITORING_ANSWERS = {
  ageBand: "75_plus",
  sex: "female",
  genderIdentity: "different",
  ethnicGroup: "white_gypsy_traveller",
  disability: "yes_a_lot",
  socioEconomic: "long_term_unemployed",
  area: "Zedtown LS6",
} as const;

/**
 * What must never appear in data sent to someone without the equality data permission: the
 * distinctive answers' stored values and their labels (long and short).
 */
export const MONITORING_WORDS = [
  MONITORING_ANSWERS.ageBand,
  MONITORING_ANSWERS.ethnicGroup,
  MONITORING_ANSWERS.disability,
  MONITORING_ANSWERS.socioEconomic,
  MONITORING_ANSWERS.area,
  ageBandLabels["75_plus"],
  ethnicGroupLabels.white_gypsy_traveller,
  ethnicGroupShortLabels.white_gypsy_traveller,
  disabilityLabels.yes_a_lot,
  socioEconomicLabels.long_term_unemployed,
  socioEconomicShortLabels.long_term_unemployed,
];

/** Names that appear only in the world's records: none may reach someone not allowed to see them. */
export const RECORD_NAMES = {
  partner: "Quillfeather Arts Trust",
  otherPartner: "Marrowby Reminiscence Group",
  contact: "Odalys Pemberton-Vance",
  contributor: "Thaddeus Wrenfield",
  volunteer: "Ysolde Marchbanks",
  project: "Lanternlight Oral Histories",
  benefit: "Residents recorded Vexholm memories",
  meeting: "Vexholm planning call",
  action: "Post the Vexholm evaluation forms",
  review: "Vexholm tutors value the handling sessions",
  assessment: "Vexholm spring self-assessment",
  finishedAssessment: "Vexholm winter self-assessment",
  profile: "Vexholm census 2021",
  report: "Vexholm volunteers are older than the town",
  feedback: "Vexholm learners gained confidence",
  importedPerson: "Wilhelmina Crane",
  funding: "Vexholm Heritage Fund",
  userGroup: "Vexholm care home residents",
} as const;

export type Person = Awaited<ReturnType<typeof signedInUser>>;

export type World = Awaited<ReturnType<typeof makeWorld>>;

const idOf = (table: string) => sqlite.prepare(`SELECT max(id) FROM "${table}"`).pluck().get() as number;

async function posted(outcome: Promise<{ status: number; data: unknown; location: string | null }>) {
  const result = await outcome;
  expect(result.status, JSON.stringify(result.data)).toBe(302);
  return result.location!;
}

async function makeWorld() {
  const admin = await signedInUser("admin", { name: "Ada Admin" });
  const editor = await signedInUser("editor", { name: "Eddie Editor" });
  const editorEq = await signedInUser("editor", { name: "Esme Equality", canViewEquality: true });
  const viewer = await signedInUser("viewer", { name: "Vic Viewer" });
  const viewerEq = await signedInUser("viewer", { name: "Vera Equality", canViewEquality: true });
  const cookie = editor.cookie;

  const partnerId = await addPartner(cookie, { name: RECORD_NAMES.partner, startDate: "2025-01-10" });
  const otherPartnerId = await addPartner(cookie, {
    name: RECORD_NAMES.otherPartner,
    startDate: "2025-02-01",
  });
  await posted(
    submit(newContact, {
      path: `/partners/${partnerId}/contacts/new`,
      params: { partnerId: String(partnerId) },
      cookie,
      form: { name: RECORD_NAMES.contact, role: "Learning lead", email: "odalys@example.org" },
    }),
  );
  const contactId = idOf("contacts");
  const contributorId = await addContributor(cookie, {
    name: RECORD_NAMES.contributor,
    partnerId: String(partnerId),
  });
  const volunteerId = await addVolunteer(cookie, { name: RECORD_NAMES.volunteer, startDate: "2025-09-01" });
  await onVolunteer(cookie, volunteerId, {
    intent: "add-training",
    trainingDate: "2026-03-10",
    title: "Object handling",
    provider: "Regional museum service",
  });
  const trainingId = idOf("training_records");
  await onVolunteer(cookie, volunteerId, {
    intent: "add-hours",
    hoursDate: "2026-03-12",
    hours: "3",
    activity: "Cataloguing",
  });
  const hoursId = idOf("volunteer_hours");
  const consent = { consentGiven: "on", consentGivenOn: "2026-01-15", consentMethod: "paper" };
  await posted(
    submit(volunteerMonitoring, {
      path: `/volunteers/${volunteerId}/monitoring`,
      params: { volunteerId: String(volunteerId) },
      cookie: admin.cookie,
      form: { intent: "save", ...consent, ...MONITORING_ANSWERS },
    }),
  );
  await posted(
    submit(contributorMonitoring, {
      path: `/contributors/${contributorId}/monitoring`,
      params: { contributorId: String(contributorId) },
      cookie: admin.cookie,
      form: { intent: "save", ...consent, ...MONITORING_ANSWERS },
    }),
  );
  const monitoringToken = createFormLink({ type: "contributor", id: contributorId }, admin.id).token;

  const projectId = await addProject(cookie, { title: RECORD_NAMES.project, startDate: "2026-01-10" });
  await onProject(cookie, projectId, { intent: "add-partner", partnerId: String(partnerId), role: "lead" });
  await onProject(cookie, projectId, {
    intent: "add-partner",
    partnerId: String(otherPartnerId),
    role: "co_deliverer",
  });
  await onProject(cookie, projectId, { intent: "add-contributor", contributorId: String(contributorId) });
  await onProject(cookie, projectId, { intent: "add-volunteer", volunteerId: String(volunteerId) });
  await onProject(cookie, projectId, {
    intent: "add-funding",
    source: RECORD_NAMES.funding,
    amount: "1500",
    status: "secured",
    date: "2026-02-01",
  });
  const fundingId = idOf("funding_lines");
  await onProject(cookie, projectId, {
    intent: "add-user-group",
    description: RECORD_NAMES.userGroup,
    number: "12",
  });
  const userGroupId = idOf("user_groups");

  const benefitId = await addBenefit(cookie, {
    description: RECORD_NAMES.benefit,
    partnerId: String(partnerId),
    projectId: String(projectId),
    outcomes: ["glo_knowledge"],
  });

  const meetingId = Number(
    (
      await posted(
        submit(newMeeting, {
          path: "/meetings/new",
          cookie,
          form: {
            date: "2026-06-01",
            time: "10:00",
            kind: "meeting",
            title: RECORD_NAMES.meeting,
            partnerId: String(partnerId),
            projectId: String(projectId),
            staff: [String(editor.id)],
            contacts: [String(contactId)],
            summary: "Planned the autumn sessions.",
            actionDescription1: "Book the room",
            actionOwner1: String(editor.id),
            actionDue1: "2026-07-01",
          },
        }),
      )
    ).match(/\/meetings\/(\d+)/)![1],
  );
  const meetingActionId = idOf("actions");

  const reviewId = Number(
    (
      await posted(
        submit(holdReview, {
          path: `/partners/${partnerId}/reviews/new`,
          params: { partnerId: String(partnerId) },
          cookie,
          form: {
            heldOn: "2026-06-10",
            participants: "Eddie, Odalys",
            partnerWords: RECORD_NAMES.review,
            stillRelevant: "yes",
            satisfaction: "4",
            decision: "continue",
            actionDescription1: "Share the timetable",
            actionOwner1: String(editor.id),
            actionDue1: "2026-07-15",
          },
        }),
      )
    ).match(/\/reviews\/(\d+)/)![1],
  );
  const reviewActionId = idOf("actions");

  await posted(
    submit(newAction, {
      path: "/actions/new",
      cookie,
      form: { description: RECORD_NAMES.action, ownerId: String(editor.id), dueDate: "2026-07-20" },
    }),
  );
  const actionId = idOf("actions");

  // Evidence: the partner's suggested link for 3.1.1a, confirmed.
  const linkId = sqlite
    .prepare(
      `SELECT id FROM evidence_links WHERE record_type = 'partner' AND record_id = ? AND status = 'suggested' ORDER BY id LIMIT 1`,
    )
    .pluck()
    .get(partnerId) as number;
  await posted(
    submit(decideSuggestions, {
      path: "/evidence/suggestions",
      cookie,
      form: { intent: "confirm", id: String(linkId) },
    }),
  );

  const newAssessmentId = async (title: string) =>
    Number(
      (
        await posted(
          submit(newAssessment, {
            path: "/assessments/new",
            cookie,
            form: { title, heldOn: "2026-06-12", participants: "Eddie, Ada" },
          }),
        )
      ).match(/\/assessments\/(\d+)/)![1],
    );
  const finishedAssessmentId = await newAssessmentId(RECORD_NAMES.finishedAssessment);
  await posted(
    submit(finishAssessment, {
      path: `/assessments/${finishedAssessmentId}/finish`,
      params: { assessmentId: String(finishedAssessmentId) },
      cookie,
    }),
  );
  const assessmentId = await newAssessmentId(RECORD_NAMES.assessment);

  // Feedback: a link for the partner with one response, and one for the project.
  const feedbackToken = async (owner: "partner" | "project") => {
    const id = owner === "partner" ? partnerId : projectId;
    const created = await submit(owner === "partner" ? partnerFeedback : projectFeedback, {
      path: `/${owner}s/${id}/feedback`,
      params: owner === "partner" ? { partnerId: String(id) } : { projectId: String(id) },
      cookie,
      form: { intent: "create", expiresOn: "2026-07-15" },
    });
    expect(created.status, JSON.stringify(created.data)).toBe(200);
    return (created.data.created.url as string).split("/feedback/")[1];
  };
  const partnerFeedbackToken = await feedbackToken("partner");
  const projectFeedbackToken = await feedbackToken("project");
  const feedbackLinkId = idOf("feedback_links") - 1;
  const projectFeedbackLinkId = idOf("feedback_links");
  await posted(
    submit(publicFeedback, {
      path: `/feedback/${partnerFeedbackToken}`,
      params: { token: partnerFeedbackToken },
      form: {
        website: "",
        shownAt: formStamp(feedbackLinkId, new Date(WORLD_NOW.getTime() - 60_000)),
        satisfaction: "5",
        gained: RECORD_NAMES.feedback,
      },
      context: { clientAddress: "203.0.113.9" },
    }),
  );
  const responseId = idOf("feedback_responses");

  // A spreadsheet waiting to be imported, with a person's equality answers in it.
  const batchId = createBatch(
    {
      kind: "volunteers",
      filename: "vexholm-volunteers.csv",
      headers: [
        "Name",
        "Ethnic group",
        "Disability",
        "Area where they live",
        "Consent date",
        "How consent was given",
      ],
      rows: [
        [
          RECORD_NAMES.importedPerson,
          ethnicGroupShortLabels.white_gypsy_traveller,
          disabilityLabels.yes_a_lot,
          MONITORING_ANSWERS.area,
          "15/01/2026",
          "paper",
        ],
      ],
    },
    editor.id,
  );

  await posted(
    submit(newProfile, {
      path: "/reports/community-profiles/new",
      cookie,
      form: {
        name: RECORD_NAMES.profile,
        source: "Census 2021",
        year: "2021",
        sex__female: "51",
        sex__male: "49",
      },
    }),
  );
  const profileId = idOf("community_profiles");
  await posted(
    submit(volunteerReport, {
      path: "/reports/volunteers",
      cookie,
      form: {
        intent: "save",
        from: "2025-06-16",
        to: "2026-06-15",
        profile: String(profileId),
        note: RECORD_NAMES.report,
      },
    }),
  );
  const reportId = idOf("report_snapshots");

  const calendarToken = createCalendarToken(editor.id) as string;

  return {
    people: { admin, editor, editorEq, viewer, viewerEq },
    ids: {
      partner: partnerId,
      otherPartner: otherPartnerId,
      contact: contactId,
      contributor: contributorId,
      volunteer: volunteerId,
      training: trainingId,
      hours: hoursId,
      project: projectId,
      funding: fundingId,
      userGroup: userGroupId,
      benefit: benefitId,
      meeting: meetingId,
      meetingAction: meetingActionId,
      review: reviewId,
      reviewAction: reviewActionId,
      action: actionId,
      evidenceLink: linkId,
      assessment: assessmentId,
      finishedAssessment: finishedAssessmentId,
      feedbackLink: feedbackLinkId,
      projectFeedbackLink: projectFeedbackLinkId,
      feedbackResponse: responseId,
      batch: batchId,
      profile: profileId,
      report: reportId,
    },
    tokens: {
      partnerFeedback: partnerFeedbackToken,
      projectFeedback: projectFeedbackToken,
      monitoring: monitoringToken,
      calendar: calendarToken,
    },
  };
}

/** Tables kept by triggers from other tables: rebuilt by those triggers when the snapshot is put back. */
const TRIGGER_KEPT = new Set(["evidence_line_counts", "evidence_line_months"]);

function applicationTables(): string[] {
  return sqlite
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table'
       AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
}

/**
 * Makes the world on a clock fixed at WORLD_NOW (left fixed for the file's tests) and keeps a
 * snapshot of it; `restore()` puts the database back to that snapshot (call it in beforeEach).
 */
export async function buildWorld(): Promise<World & { restore: () => void }> {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(WORLD_NOW);
  const world = await makeWorld();
  const snapshot = path.join(
    inject("testDirectory"),
    `world-${process.pid}-${Date.now()}-${Math.random()}.db`,
  );
  sqlite.exec(`VACUUM INTO '${snapshot.replace(/'/g, "''")}'`);
  const tables = applicationTables();
  const restore = () => {
    sqlite.pragma("foreign_keys = OFF");
    sqlite.exec(`ATTACH DATABASE '${snapshot.replace(/'/g, "''")}' AS snapshot`);
    try {
      sqlite.transaction(() => {
        for (const table of tables) sqlite.exec(`DELETE FROM main."${table}"`);
        sqlite.exec("DELETE FROM main.sqlite_sequence");
        for (const table of tables) {
          if (!TRIGGER_KEPT.has(table))
            sqlite.exec(`INSERT INTO main."${table}" SELECT * FROM snapshot."${table}"`);
        }
        sqlite.exec("INSERT INTO main.sqlite_sequence SELECT * FROM snapshot.sqlite_sequence");
      })();
    } finally {
      sqlite.exec("DETACH DATABASE snapshot");
      sqlite.pragma("foreign_keys = ON");
    }
    vi.setSystemTime(WORLD_NOW);
  };
  process.on("exit", () => fs.rmSync(snapshot, { force: true }));
  return { ...world, restore };
}

/** Every row of every table, as text: to prove a refused request changed nothing. */
export function databaseFingerprint(): Record<string, string> {
  return Object.fromEntries(
    applicationTables().map((table) => [
      table,
      JSON.stringify(sqlite.prepare(`SELECT * FROM "${table}"`).raw().all(), (_, v) =>
        typeof v === "bigint" ? String(v) : Buffer.isBuffer(v) ? v.toString("base64") : v,
      ),
    ]),
  );
}
