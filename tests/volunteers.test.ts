import { describe, expect, it } from "vitest";
import { projects, projectVolunteers } from "~db/schema";
import { loader as listLoader } from "~/routes/_app.volunteers._index";
import { loader as csvLoader } from "~/routes/volunteers[.]csv";
import { action as newAction, loader as newLoader } from "~/routes/_app.volunteers.new";
import { action as editAction, loader as editLoader } from "~/routes/_app.volunteers.$volunteerId.edit";
import { action as pageAction, loader as pageLoader } from "~/routes/_app.volunteers.$volunteerId._index";
import { action as deleteAction, loader as deleteLoader } from "~/routes/_app.volunteers.$volunteerId.delete";
import {
  action as deleteTrainingAction,
  loader as deleteTrainingLoader,
} from "~/routes/_app.volunteers.$volunteerId.training.$trainingId.delete";
import {
  action as deleteHoursAction,
  loader as deleteHoursLoader,
} from "~/routes/_app.volunteers.$volunteerId.hours.$hoursId.delete";
import { loader as historyLoader } from "~/routes/_app.history.$recordType.$recordId";
import { hoursForm } from "~/forms/volunteers.server";
import { searchVolunteers } from "~/models/volunteer.server";
import { parseForm } from "~/utils/forms.server";
import { db } from "~/utils/db.server";
import { load, submit } from "./support/requests";
import { signedInUser } from "./support/factories";
import { listHistory } from "~/models/audit.server";

/** A valid volunteer form, as a browser would post it. */
function volunteerFormData(overrides: Record<string, string | string[]> = {}) {
  return {
    name: "Amira Khan",
    programme: "work_experience",
    status: "active",
    startDate: "2025-06-02",
    endDate: "",
    roles: "Gallery guide",
    skills: "Arabic, photography",
    focuses: ["skills_development", "confidence_building"],
    email: "amira@example.org",
    phone: "07700 900123",
    notes: "",
    ...overrides,
  };
}

async function addVolunteer(cookie: string, overrides: Record<string, string | string[]> = {}) {
  const result = await submit(newAction, {
    path: "/volunteers/new",
    cookie,
    form: volunteerFormData(overrides),
  });
  expect(result.status).toBe(302);
  return Number(result.location!.match(/\/volunteers\/(\d+)/)![1]);
}

const pageOf = (id: number, cookie: string) =>
  load(pageLoader, { path: `/volunteers/${id}`, params: { volunteerId: String(id) }, cookie });

function addTraining(id: number, cookie: string, form: Record<string, string>) {
  return submit(pageAction, {
    path: `/volunteers/${id}?index`,
    params: { volunteerId: String(id) },
    cookie,
    form: { intent: "add-training", ...form },
  });
}

function addHours(id: number, cookie: string, form: Record<string, string>) {
  return submit(pageAction, {
    path: `/volunteers/${id}?index`,
    params: { volunteerId: String(id) },
    cookie,
    form: { intent: "add-hours", ...form },
  });
}

function addToProject(volunteerId: number) {
  const project = db
    .insert(projects)
    .values({ title: "Memory Lane", status: "active", startDate: "2025-09-01" })
    .returning({ id: projects.id })
    .get();
  db.insert(projectVolunteers).values({ projectId: project.id, volunteerId }).run();
  return project.id;
}

describe("adding and changing volunteers", () => {
  it("adds a volunteer with the focus of their programme and shows it on their page", async () => {
    const editor = await signedInUser("editor");
    const id = await addVolunteer(editor.cookie);
    const page = await pageOf(id, editor.cookie);
    expect(page.status).toBe(200);
    expect(page.data.volunteer).toMatchObject({
      name: "Amira Khan",
      programme: "work_experience",
      status: "active",
      startDate: "2025-06-02",
      email: "amira@example.org",
      phone: "07700 900123",
      roles: "Gallery guide",
    });
    expect(page.data.focuses).toEqual(["skills_development", "confidence_building"]);
    expect(page.data.training).toEqual([]);
    expect(page.data.hours).toEqual([]);
    expect(page.data.totalMinutes).toBe(0);
    expect(page.data.history[0].action).toBe("create");
    expect(page.data.history[0]).not.toHaveProperty("changes");
    expect(listHistory({ type: "volunteer", id: id })[0].changes.focuses).toEqual([
      null,
      "Skills development, Confidence building",
    ]);
  });

  it("explains each invalid field and keeps every typed value, ticked focuses included", async () => {
    const editor = await signedInUser("editor");
    const result = await submit(newAction, {
      path: "/volunteers/new",
      cookie: editor.cookie,
      form: volunteerFormData({
        name: "  ",
        programme: "astronaut",
        status: "",
        startDate: "2025-06-31",
        email: "not-an-email",
        phone: "call me",
        focuses: ["social_opportunities", "world_domination"],
        notes: "Keep this note",
      }),
    });
    expect(result.status).toBe(400);
    expect(result.data.errors).toMatchObject({
      name: ["Enter the volunteer's name."],
      programme: ["Choose the programme they are part of."],
      status: ["Choose whether they are active, paused or have left."],
      startDate: ["Enter a real date, like 23/11/2026."],
      email: ["Enter an email address in the right form, like name@example.org."],
      phone: ["Enter a phone number, like 01632 960123."],
      focuses: ["Choose the focuses from the list."],
    });
    expect(result.data.values).toMatchObject({
      programme: "astronaut",
      notes: "Keep this note",
      focuses: ["social_opportunities", "world_domination"],
      roles: "Gallery guide",
    });
  });

  it("refuses an end date before the start date, and accepts UK-style dates", async () => {
    const editor = await signedInUser("editor");
    const bad = await submit(newAction, {
      path: "/volunteers/new",
      cookie: editor.cookie,
      form: volunteerFormData({ startDate: "2025-09-01", endDate: "2025-01-01" }),
    });
    expect(bad.status).toBe(400);
    expect(bad.data.errors.endDate).toEqual(["The end date must be on or after the start date."]);
    const id = await addVolunteer(editor.cookie, { startDate: "1/9/2025", focuses: [] });
    const page = await pageOf(id, editor.cookie);
    expect(page.data.volunteer.startDate).toBe("2025-09-01");
    expect(page.data.focuses).toEqual([]);
  });

  it("replaces the focuses on edit and records the change in words", async () => {
    const admin = await signedInUser("admin");
    const id = await addVolunteer(admin.cookie);
    const params = { volunteerId: String(id) };
    const form = await load(editLoader, { path: `/volunteers/${id}/edit`, params, cookie: admin.cookie });
    expect(form.data.volunteer.focuses).toEqual(["skills_development", "confidence_building"]);
    const edited = await submit(editAction, {
      path: `/volunteers/${id}/edit`,
      params,
      cookie: admin.cookie,
      form: volunteerFormData({
        status: "left",
        endDate: "2025-07-25",
        focuses: ["enterprise_employability", "skills_development"],
      }),
    });
    expect(edited.location).toBe(`/volunteers/${id}?notice=saved`);
    const page = await pageOf(id, admin.cookie);
    expect(page.data.focuses).toEqual(["skills_development", "enterprise_employability"]);
    const history = await load(historyLoader, {
      path: `/history/volunteer/${id}`,
      params: { recordType: "volunteer", recordId: String(id) },
      cookie: admin.cookie,
    });
    expect(history.data.label).toBe("Amira Khan");
    expect(history.data.history[0].changes).toEqual({
      status: ["active", "left"],
      endDate: [null, "2025-07-25"],
      focuses: [
        "Skills development, Confidence building",
        "Skills development, Enterprise and employability",
      ],
    });
  });

  it("answers 404 for a volunteer that does not exist", async () => {
    const editor = await signedInUser("editor");
    expect((await pageOf(999, editor.cookie)).status).toBe(404);
    const edit = await submit(editAction, {
      path: "/volunteers/999/edit",
      params: { volunteerId: "999" },
      cookie: editor.cookie,
      form: volunteerFormData(),
    });
    expect(edit.status).toBe(404);
    expect(
      (
        await load(pageLoader, {
          path: "/volunteers/abc",
          params: { volunteerId: "abc" },
          cookie: editor.cookie,
        })
      ).status,
    ).toBe(404);
  });
});

describe("training and hours given", () => {
  it("adds training records, newest first, and counts them on the list", async () => {
    const editor = await signedInUser("editor");
    const id = await addVolunteer(editor.cookie);
    const first = await addTraining(id, editor.cookie, {
      trainingDate: "2025-06-03",
      title: "Object handling",
      provider: "Collections team",
    });
    expect(first.location).toBe(`/volunteers/${id}?notice=training-added`);
    await addTraining(id, editor.cookie, { trainingDate: "10/07/2025", title: "Safeguarding", provider: "" });
    const page = await pageOf(id, editor.cookie);
    expect(page.data.training).toMatchObject([
      { date: "2025-07-10", title: "Safeguarding", provider: null },
      { date: "2025-06-03", title: "Object handling", provider: "Collections team" },
    ]);
    const list = await load(listLoader, { path: "/volunteers", cookie: editor.cookie });
    expect(list.data.rows[0]).toMatchObject({ name: "Amira Khan", trainingCount: 2, totalMinutes: 0 });
  });

  it("adds hours given as decimals or hours and minutes, and totals them exactly", async () => {
    const editor = await signedInUser("editor");
    const id = await addVolunteer(editor.cookie);
    const other = await addVolunteer(editor.cookie, { name: "Ben Ortiz" });
    expect(
      (await addHours(id, editor.cookie, { hoursDate: "2025-06-03", hours: "2.5", activity: "Cataloguing" }))
        .location,
    ).toBe(`/volunteers/${id}?notice=hours-added`);
    await addHours(id, editor.cookie, { hoursDate: "2025-06-10", hours: "1:20", activity: "" });
    await addHours(id, editor.cookie, { hoursDate: "2025-06-05", hours: "3", activity: "Family day" });
    await addHours(other, editor.cookie, { hoursDate: "2025-06-05", hours: "0.25", activity: "" });
    const page = await pageOf(id, editor.cookie);
    expect(page.data.hours).toMatchObject([
      { date: "2025-06-10", minutes: 80, activity: null },
      { date: "2025-06-05", minutes: 180, activity: "Family day" },
      { date: "2025-06-03", minutes: 150, activity: "Cataloguing" },
    ]);
    expect(page.data.totalMinutes).toBe(410);
    const list = await load(listLoader, { path: "/volunteers", cookie: editor.cookie });
    expect(
      list.data.rows.map((r: { name: string; totalMinutes: number }) => [r.name, r.totalMinutes]),
    ).toEqual([
      ["Amira Khan", 410],
      ["Ben Ortiz", 15],
    ]);
  });

  it("reads every way of typing hours as exact whole minutes", () => {
    const minutes = (hours: string) => {
      const form = new FormData();
      form.set("hoursDate", "2025-06-03");
      form.set("hours", hours);
      const parsed = parseForm(form, hoursForm);
      return parsed.ok ? parsed.data.hours : parsed.errors.hours?.[0];
    };
    expect(["2.5", "2:30", "1:05", "0:45", "1:20", "0.25", "24", "24:00", " 3 "].map(minutes)).toEqual([
      150, 150, 65, 45, 80, 15, 1440, 1440, 180,
    ]);
    expect(minutes("2h")).toBe("Enter hours as a number, like 2.5 or 2:30.");
    expect(minutes("0:00")).toBe("Enter more than 0 hours.");
  });

  it("explains invalid training and hours, keeps what was typed, and says which form it was", async () => {
    const editor = await signedInUser("editor");
    const id = await addVolunteer(editor.cookie);
    const training = await addTraining(id, editor.cookie, {
      trainingDate: "",
      title: "",
      provider: "Red Cross",
    });
    expect(training.status).toBe(400);
    expect(training.data.intent).toBe("add-training");
    expect(training.data.errors).toEqual({
      trainingDate: ["Enter the date of the training."],
      title: ["Enter what the training or development was."],
    });
    expect(training.data.values.provider).toBe("Red Cross");

    const hours = await addHours(id, editor.cookie, {
      hoursDate: "2025-02-30",
      hours: "lots",
      activity: "Tours",
    });
    expect(hours.status).toBe(400);
    expect(hours.data.intent).toBe("add-hours");
    expect(hours.data.errors).toEqual({
      hoursDate: ["Enter a real date, like 23/11/2026."],
      hours: ["Enter hours as a number, like 2.5 or 2:30."],
    });
    expect(hours.data.values).toMatchObject({ hours: "lots", activity: "Tours" });

    const none = await addHours(id, editor.cookie, { hoursDate: "2025-02-03", hours: "", activity: "" });
    expect(none.data.errors).toEqual({ hours: ["Enter the hours given."] });
    const zero = await addHours(id, editor.cookie, { hoursDate: "2025-02-03", hours: "0", activity: "" });
    expect(zero.data.errors).toEqual({ hours: ["Enter more than 0 hours."] });
    const tooMany = await addHours(id, editor.cookie, { hoursDate: "2025-02-03", hours: "25", activity: "" });
    expect(tooMany.data.errors).toEqual({ hours: ["Enter at most 24 hours for one day."] });

    const unknown = await submit(pageAction, {
      path: `/volunteers/${id}?index`,
      params: { volunteerId: String(id) },
      cookie: editor.cookie,
      form: { intent: "launch" },
    });
    expect(unknown.status).toBe(400);

    const page = await pageOf(id, editor.cookie);
    expect(page.data.training).toEqual([]);
    expect(page.data.hours).toEqual([]);
  });

  it("confirms, then deletes a training record, keeping its history", async () => {
    const admin = await signedInUser("admin");
    const id = await addVolunteer(admin.cookie);
    await addTraining(id, admin.cookie, { trainingDate: "2025-06-03", title: "First aid", provider: "" });
    const trainingId = (await pageOf(id, admin.cookie)).data.training[0].id;
    const params = { volunteerId: String(id), trainingId: String(trainingId) };
    const path = `/volunteers/${id}/training/${trainingId}/delete`;
    const confirm = await load(deleteTrainingLoader, { path, params, cookie: admin.cookie });
    expect(confirm.status).toBe(200);
    expect(confirm.data.training).toMatchObject({ title: "First aid", volunteerName: "Amira Khan" });
    const deleted = await submit(deleteTrainingAction, { path, params, cookie: admin.cookie });
    expect(deleted.location).toBe(`/volunteers/${id}?notice=training-deleted`);
    expect((await pageOf(id, admin.cookie)).data.training).toEqual([]);
    const history = await load(historyLoader, {
      path: `/history/training/${trainingId}`,
      params: { recordType: "training", recordId: String(trainingId) },
      cookie: admin.cookie,
    });
    expect(history.data.history.map((e: { action: string }) => e.action)).toEqual(["delete", "create"]);
  });

  it("confirms, then deletes hours given, and the total follows", async () => {
    const editor = await signedInUser("editor");
    const id = await addVolunteer(editor.cookie);
    await addHours(id, editor.cookie, { hoursDate: "2025-06-03", hours: "2", activity: "" });
    await addHours(id, editor.cookie, { hoursDate: "2025-06-04", hours: "1", activity: "Tours" });
    const hoursId = (await pageOf(id, editor.cookie)).data.hours[0].id;
    const params = { volunteerId: String(id), hoursId: String(hoursId) };
    const path = `/volunteers/${id}/hours/${hoursId}/delete`;
    const confirm = await load(deleteHoursLoader, { path, params, cookie: editor.cookie });
    expect(confirm.data.hours).toMatchObject({ minutes: 60, activity: "Tours", date: "2025-06-04" });
    const deleted = await submit(deleteHoursAction, { path, params, cookie: editor.cookie });
    expect(deleted.location).toBe(`/volunteers/${id}?notice=hours-deleted`);
    expect((await pageOf(id, editor.cookie)).data.totalMinutes).toBe(120);
  });

  it("answers 404 for training or hours that belong to another volunteer, and deletes nothing", async () => {
    const editor = await signedInUser("editor");
    const owner = await addVolunteer(editor.cookie);
    const stranger = await addVolunteer(editor.cookie, { name: "Ben Ortiz" });
    await addTraining(owner, editor.cookie, { trainingDate: "2025-06-03", title: "First aid", provider: "" });
    await addHours(owner, editor.cookie, { hoursDate: "2025-06-03", hours: "2", activity: "" });
    const page = await pageOf(owner, editor.cookie);
    const trainingId = String(page.data.training[0].id);
    const hoursId = String(page.data.hours[0].id);
    const trainingCall = {
      path: `/volunteers/${stranger}/training/${trainingId}/delete`,
      params: { volunteerId: String(stranger), trainingId },
      cookie: editor.cookie,
    };
    const hoursCall = {
      path: `/volunteers/${stranger}/hours/${hoursId}/delete`,
      params: { volunteerId: String(stranger), hoursId },
      cookie: editor.cookie,
    };
    expect((await load(deleteTrainingLoader, trainingCall)).status).toBe(404);
    expect((await submit(deleteTrainingAction, trainingCall)).status).toBe(404);
    expect((await load(deleteHoursLoader, hoursCall)).status).toBe(404);
    expect((await submit(deleteHoursAction, hoursCall)).status).toBe(404);
    const missing = {
      path: `/volunteers/${owner}/hours/9999/delete`,
      params: { volunteerId: String(owner), hoursId: "9999" },
      cookie: editor.cookie,
    };
    expect((await load(deleteHoursLoader, missing)).status).toBe(404);
    const after = await pageOf(owner, editor.cookie);
    expect(after.data.training).toHaveLength(1);
    expect(after.data.hours).toHaveLength(1);
  });
});

describe("finding volunteers", () => {
  it("searches, filters, sorts and pages on the server, with counts", async () => {
    const editor = await signedInUser("editor");
    for (let i = 1; i <= 30; i += 1) {
      await addVolunteer(editor.cookie, {
        name: `Volunteer ${String(i).padStart(2, "0")}`,
        programme: i % 3 === 0 ? "intern" : "volunteer",
        status: i % 5 === 0 ? "paused" : "active",
        startDate: `2024-01-${String(i).padStart(2, "0")}`,
        roles: i === 7 ? "Storyteller" : "Steward",
        skills: i === 11 ? "British Sign Language" : "",
        focuses: i % 2 === 0 ? ["social_opportunities"] : ["skills_development"],
      });
    }
    const all = await load(listLoader, { path: "/volunteers", cookie: editor.cookie });
    expect(all.data.total).toBe(30);
    expect(all.data.rows).toHaveLength(25);
    expect(all.data.rows[0].name).toBe("Volunteer 01");
    const second = await load(listLoader, { path: "/volunteers?page=2", cookie: editor.cookie });
    expect(second.data.rows.map((r: { name: string }) => r.name)).toEqual([
      "Volunteer 26",
      "Volunteer 27",
      "Volunteer 28",
      "Volunteer 29",
      "Volunteer 30",
    ]);
    const interns = await load(listLoader, {
      path: "/volunteers?programme=intern&status=active",
      cookie: editor.cookie,
    });
    expect(interns.data.total).toBe(8); // 10 interns, minus 15 and 30 who are paused
    const paused = await load(listLoader, { path: "/volunteers?status=paused", cookie: editor.cookie });
    expect(paused.data.total).toBe(6);
    const byRole = await load(listLoader, { path: "/volunteers?q=storytel", cookie: editor.cookie });
    expect(byRole.data.rows.map((r: { name: string }) => r.name)).toEqual(["Volunteer 07"]);
    const bySkill = await load(listLoader, { path: "/volunteers?q=sign%20language", cookie: editor.cookie });
    expect(bySkill.data.rows.map((r: { name: string }) => r.name)).toEqual(["Volunteer 11"]);
    const byName = await load(listLoader, { path: "/volunteers?q=volunteer%202", cookie: editor.cookie });
    expect(byName.data.total).toBe(10);
    const social = await load(listLoader, {
      path: "/volunteers?focus=social_opportunities",
      cookie: editor.cookie,
    });
    expect(social.data.total).toBe(15);
    expect(social.data.rows[0].name).toBe("Volunteer 02");
    const desc = await load(listLoader, { path: "/volunteers?sort=name&dir=desc", cookie: editor.cookie });
    expect(desc.data.rows[0].name).toBe("Volunteer 30");
    const byStart = await load(listLoader, {
      path: "/volunteers?sort=start&dir=desc",
      cookie: editor.cookie,
    });
    expect(byStart.data.rows[0].name).toBe("Volunteer 30");
    const byProgramme = await load(listLoader, { path: "/volunteers?sort=programme", cookie: editor.cookie });
    expect(byProgramme.data.rows[0].name).toBe("Volunteer 03");
    const byStatus = await load(listLoader, {
      path: "/volunteers?sort=status&dir=desc",
      cookie: editor.cookie,
    });
    expect(byStatus.data.rows[0].name).toBe("Volunteer 05");
  });

  it("finds who was active between two dates", async () => {
    const editor = await signedInUser("editor");
    await addVolunteer(editor.cookie, {
      name: "Left in June",
      startDate: "2024-01-01",
      endDate: "2024-06-30",
    });
    await addVolunteer(editor.cookie, { name: "Still here", startDate: "2024-09-01", endDate: "" });
    await addVolunteer(editor.cookie, {
      name: "Spring 2025",
      startDate: "2025-03-01",
      endDate: "2025-04-01",
    });
    await addVolunteer(editor.cookie, { name: "No dates", startDate: "", endDate: "" });
    const names = async (query: string) =>
      (await load(listLoader, { path: `/volunteers?${query}`, cookie: editor.cookie })).data.rows.map(
        (r: { name: string }) => r.name,
      );
    expect(await names("activeFrom=2024-07-01&activeTo=2024-12-31")).toEqual(["Still here"]);
    expect(await names("activeFrom=2024-06-30&activeTo=2024-09-01")).toEqual(["Left in June", "Still here"]);
    expect(await names("activeTo=2024-03-01")).toEqual(["Left in June"]);
    expect(await names("activeFrom=2025-01-01")).toEqual(["No dates", "Spring 2025", "Still here"]);
  });

  it("treats search text literally and ignores nonsense in the address", async () => {
    const editor = await signedInUser("editor");
    await addVolunteer(editor.cookie, { name: "100% Reliable", roles: "" });
    await addVolunteer(editor.cookie, { name: "Reliable Rita", roles: "" });
    const percent = await load(listLoader, { path: "/volunteers?q=100%25", cookie: editor.cookie });
    expect(percent.data.rows.map((r: { name: string }) => r.name)).toEqual(["100% Reliable"]);
    const nonsense = await load(listLoader, {
      path: "/volunteers?programme=zzz&focus=nope&activeFrom=yesterday&page=-4&sort=evil&dir=sideways",
      cookie: editor.cookie,
    });
    expect(nonsense.status).toBe(200);
    expect(nonsense.data.total).toBe(2);
  });

  it("finds volunteers by name for pickers elsewhere", async () => {
    const editor = await signedInUser("editor");
    const amira = await addVolunteer(editor.cookie);
    await addVolunteer(editor.cookie, { name: "Ben Ortiz", programme: "intern" });
    expect(searchVolunteers("khan")).toEqual([
      { id: amira, name: "Amira Khan", programme: "work_experience" },
    ]);
    expect(searchVolunteers("  ")).toEqual([]);
    expect(searchVolunteers("a", 1)).toHaveLength(1);
  });

  it("downloads exactly what the filters show as spreadsheet-safe CSV, with focuses and totals", async () => {
    const editor = await signedInUser("editor");
    const evil = await addVolunteer(editor.cookie, {
      name: '=HYPERLINK("http://evil")',
      programme: "intern",
      focuses: [],
    });
    const plain = await addVolunteer(editor.cookie, {
      name: "Plain Volunteer",
      programme: "intern",
      notes: "Line one\nLine two, with comma",
      focuses: ["social_opportunities", "skills_development"],
    });
    await addVolunteer(editor.cookie, { name: "Other Programme", programme: "volunteer" });
    await addHours(plain, editor.cookie, { hoursDate: "2025-06-03", hours: "2:30", activity: "" });
    await addHours(plain, editor.cookie, { hoursDate: "2025-06-04", hours: "1", activity: "" });
    await addTraining(plain, editor.cookie, { trainingDate: "2025-06-03", title: "Induction", provider: "" });
    const result = await load(csvLoader, { path: "/volunteers.csv?programme=intern", cookie: editor.cookie });
    expect(result.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(result.headers.get("Content-Disposition")).toMatch(
      /attachment; filename="volunteers-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const { parse } = await import("csv-parse/sync");
    const rows: string[][] = parse((result.data as string).replace(/^\ufeff/, ""));
    expect(rows[0]).toEqual([
      "ID",
      "Name",
      "Programme",
      "Status",
      "Start date",
      "End date",
      "Roles",
      "Skills",
      "Focus of their programme",
      "Total hours given",
      "Training records",
      "Email address",
      "Phone",
      "Notes",
    ]);
    expect(rows.slice(1)).toEqual([
      [
        String(evil),
        '\'=HYPERLINK("http://evil")',
        "Intern",
        "Active",
        "2025-06-02",
        "",
        "Gallery guide",
        "Arabic, photography",
        "",
        "0",
        "0",
        "amira@example.org",
        "07700 900123",
        "",
      ],
      [
        String(plain),
        "Plain Volunteer",
        "Intern",
        "Active",
        "2025-06-02",
        "",
        "Gallery guide",
        "Arabic, photography",
        "Skills development; Social opportunities",
        "3.5",
        "1",
        "amira@example.org",
        "07700 900123",
        "Line one\nLine two, with comma",
      ],
    ]);
  });
});

describe("deleting volunteers", () => {
  it("confirms, says what goes with them, then deletes them with their training and hours", async () => {
    const admin = await signedInUser("admin");
    const id = await addVolunteer(admin.cookie);
    await addTraining(id, admin.cookie, { trainingDate: "2025-06-03", title: "First aid", provider: "" });
    await addHours(id, admin.cookie, { hoursDate: "2025-06-03", hours: "2.5", activity: "" });
    const trainingId = (await pageOf(id, admin.cookie)).data.training[0].id;
    const params = { volunteerId: String(id) };
    const confirm = await load(deleteLoader, {
      path: `/volunteers/${id}/delete`,
      params,
      cookie: admin.cookie,
    });
    expect(confirm.data).toMatchObject({ dependants: [], trainingCount: 1, totalMinutes: 150 });
    const deleted = await submit(deleteAction, {
      path: `/volunteers/${id}/delete`,
      params,
      cookie: admin.cookie,
    });
    expect(deleted.location).toBe("/volunteers?notice=deleted");
    expect((await pageOf(id, admin.cookie)).status).toBe(404);
    const trainingHistory = await load(historyLoader, {
      path: `/history/training/${trainingId}`,
      params: { recordType: "training", recordId: String(trainingId) },
      cookie: admin.cookie,
    });
    expect(trainingHistory.data.history[0].action).toBe("delete");
    const volunteerHistory = await load(historyLoader, {
      path: `/history/volunteer/${id}`,
      params: { recordType: "volunteer", recordId: String(id) },
      cookie: admin.cookie,
    });
    expect(volunteerHistory.data.history[0].action).toBe("delete");
    expect(volunteerHistory.data.history[0].changes.focuses).toEqual([
      "Skills development, Confidence building",
      null,
    ]);
  });

  it("refuses to delete a volunteer who is on a project, and explains why", async () => {
    const editor = await signedInUser("editor");
    const id = await addVolunteer(editor.cookie);
    const projectId = addToProject(id);
    const params = { volunteerId: String(id) };
    const confirm = await load(deleteLoader, {
      path: `/volunteers/${id}/delete`,
      params,
      cookie: editor.cookie,
    });
    expect(confirm.data.dependants).toEqual(["1 project"]);
    const refused = await submit(deleteAction, {
      path: `/volunteers/${id}/delete`,
      params,
      cookie: editor.cookie,
    });
    expect(refused.location).toBe(`/volunteers/${id}/delete`);
    const page = await pageOf(id, editor.cookie);
    expect(page.status).toBe(200);
    expect(page.data.projects).toMatchObject([{ id: projectId, title: "Memory Lane", status: "active" }]);
  });
});

describe("volunteer permissions", () => {
  it("lets a viewer read everything and change nothing", async () => {
    const editor = await signedInUser("editor");
    const viewer = await signedInUser("viewer");
    const id = await addVolunteer(editor.cookie);
    await addTraining(id, editor.cookie, { trainingDate: "2025-06-03", title: "First aid", provider: "" });
    await addHours(id, editor.cookie, { hoursDate: "2025-06-03", hours: "2", activity: "" });
    const seen = await pageOf(id, viewer.cookie);
    expect(seen.status).toBe(200);
    expect(seen.data.training).toHaveLength(1);
    expect(seen.data.totalMinutes).toBe(120);
    const trainingId = String(seen.data.training[0].id);
    const hoursId = String(seen.data.hours[0].id);
    const params = { volunteerId: String(id) };
    const cookie = viewer.cookie;
    expect((await load(listLoader, { path: "/volunteers", cookie })).data.total).toBe(1);
    expect((await load(csvLoader, { path: "/volunteers.csv", cookie })).status).toBe(200);

    const refused = [
      await load(newLoader, { path: "/volunteers/new", cookie }),
      await submit(newAction, { path: "/volunteers/new", cookie, form: volunteerFormData() }),
      await load(editLoader, { path: `/volunteers/${id}/edit`, params, cookie }),
      await submit(editAction, {
        path: `/volunteers/${id}/edit`,
        params,
        cookie,
        form: volunteerFormData({ name: "Hacked" }),
      }),
      await load(deleteLoader, { path: `/volunteers/${id}/delete`, params, cookie }),
      await submit(deleteAction, { path: `/volunteers/${id}/delete`, params, cookie }),
      await addTraining(id, cookie, { trainingDate: "2025-06-04", title: "Sneaky", provider: "" }),
      await addHours(id, cookie, { hoursDate: "2025-06-04", hours: "8", activity: "" }),
      await load(deleteTrainingLoader, {
        path: `/volunteers/${id}/training/${trainingId}/delete`,
        params: { ...params, trainingId },
        cookie,
      }),
      await submit(deleteTrainingAction, {
        path: `/volunteers/${id}/training/${trainingId}/delete`,
        params: { ...params, trainingId },
        cookie,
      }),
      await load(deleteHoursLoader, {
        path: `/volunteers/${id}/hours/${hoursId}/delete`,
        params: { ...params, hoursId },
        cookie,
      }),
      await submit(deleteHoursAction, {
        path: `/volunteers/${id}/hours/${hoursId}/delete`,
        params: { ...params, hoursId },
        cookie,
      }),
    ];
    expect(refused.map((r) => r.status)).toEqual(Array(refused.length).fill(403));

    const after = await pageOf(id, editor.cookie);
    expect(after.data.volunteer.name).toBe("Amira Khan");
    expect(after.data.training).toHaveLength(1);
    expect(after.data.totalMinutes).toBe(120);
  });

  it("sends anonymous visitors to sign in, including for the CSV", async () => {
    await signedInUser("admin");
    expect((await load(listLoader, { path: "/volunteers" })).location).toMatch(/^\/login/);
    expect((await load(csvLoader, { path: "/volunteers.csv" })).location).toMatch(/^\/login/);
    expect(
      (await load(pageLoader, { path: "/volunteers/1", params: { volunteerId: "1" } })).location,
    ).toMatch(/^\/login/);
    expect(
      (
        await submit(pageAction, {
          path: "/volunteers/1?index",
          params: { volunteerId: "1" },
          form: { intent: "add-hours", hoursDate: "2025-06-03", hours: "1" },
        })
      ).location,
    ).toMatch(/^\/login/);
  });
});
