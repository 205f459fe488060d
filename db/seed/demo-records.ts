import { addDays, format, subDays, subMonths } from "date-fns";
import { and, asc, eq } from "drizzle-orm";
import type { z } from "zod";
import { evidenceLinks, users } from "../schema";
import { contactForm, partnerForm } from "~/forms/partners.server";
import { contributorForm } from "~/forms/contributors.server";
import { hoursForm, trainingForm, volunteerForm } from "~/forms/volunteers.server";
import { fundingForm, newProjectForm, userGroupForm } from "~/forms/projects.server";
import { benefitForm } from "~/forms/benefits.server";
import { newMeetingForm, newMeetingInput } from "~/forms/meetings.server";
import { reviewForm } from "~/forms/reviews.server";
import { monitoringForm } from "~/forms/monitoring.server";
import { createContact } from "~/models/contact.server";
import { createPartner } from "~/models/partner.server";
import { createContributor } from "~/models/contributor.server";
import { createVolunteer } from "~/models/volunteer.server";
import { addHours, addTraining } from "~/models/volunteer-activity.server";
import { createProject } from "~/models/project.server";
import { addProjectContributor, addProjectPartner, addProjectVolunteer } from "~/models/project-links.server";
import { addFundingLine } from "~/models/funding.server";
import { addUserGroup } from "~/models/user-group.server";
import { createBenefit } from "~/models/benefit.server";
import { createMeeting } from "~/models/meeting.server";
import { holdReview } from "~/models/review.server";
import { actionsFrom, setActionStatus } from "~/models/action.server";
import { saveMonitoring } from "~/models/monitoring.server";
import { communityProfileForm, createCommunityProfile } from "~/models/community-profile.server";
import { decideSuggestions } from "~/models/evidence.server";
import { saveSettings } from "~/models/settings.server";
import { percentField } from "~/reports/labels";
import { db } from "~/utils/db.server";
import { parseForm, type FormSchema } from "~/utils/forms.server";
import {
  demoBenefits,
  demoContributors,
  demoPartners,
  demoProjects,
  firstNames,
  lastNames,
  trainingTitles,
  volunteerRoles,
} from "./demo-data";

type FormInput = Record<string, string | string[] | number | boolean | null | undefined>;

/**
 * Passes demo values through the same form schema a person's typing goes through, so the demo
 * holds exactly what the app would accept, and fails loudly if it would not.
 */
function viaForm<Shape extends z.ZodRawShape>(schema: FormSchema<Shape>, values: FormInput) {
  const formData = new FormData();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === false) continue;
    for (const item of [value].flat()) formData.append(key, item === true ? "on" : String(item));
  }
  const parsed = parseForm(formData, schema);
  if (!parsed.ok)
    throw new Error(`Demo data refused: ${JSON.stringify(parsed.errors)} for ${JSON.stringify(values)}`);
  return parsed.data;
}

/** A small deterministic random source, so every demo is the same. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}

export function seedDemoRecords(now = new Date()): string {
  const rand = random(20261126);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const day = (date: Date) => format(date, "yyyy-MM-dd");
  const monthsAgo = (months: number, extraDays = 0) => day(subDays(subMonths(now, months), extraDays));

  const staff = db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .orderBy(asc(users.id))
    .all();
  const byEmail = (email: string) => staff.find((u) => u.email === email)!.id;
  const admin = byEmail("admin@demo.example");
  const priya = byEmail("priya@demo.example");
  const tom = byEmail("tom@demo.example");

  saveSettings(
    { organisationName: "Northtown Museums, Libraries and Archives", evidenceRecencyMonths: 12 },
    admin,
  );

  // Partners and their contacts. The partnership that ended is ended by a review, below.
  const partnerIds = new Map<string, number>();
  const contactIds = new Map<string, number[]>();
  for (const partner of demoPartners) {
    const input = viaForm(partnerForm, {
      name: partner.name,
      type: partner.type,
      status: partner.status === "ended" ? "active" : partner.status,
      startDate: partner.startedMonthsAgo === null ? null : monthsAgo(partner.startedMonthsAgo),
      addsValue: partner.addsValue,
      isAdvocate: partner.isAdvocate,
      extendsOnsite: partner.extendsOnsite,
      extendsOffsite: partner.extendsOffsite,
      website: partner.website,
      area: partner.area,
      reviewCadenceMonths: partner.status === "ended" ? 12 : partner.cadence,
    });
    const id = createPartner(input, admin);
    partnerIds.set(partner.key, id);
    contactIds.set(
      partner.key,
      partner.contacts.map((contact) => createContact(id, viaForm(contactForm, contact), tom)),
    );
  }
  const partnerId = (key: string) => partnerIds.get(key)!;

  // Contributors.
  const contributorIds = new Map<string, number>();
  for (const contributor of demoContributors) {
    const id = createContributor(
      viaForm(contributorForm, {
        name: contributor.name,
        kind: contributor.kind,
        partnerId: contributor.partner ? partnerId(contributor.partner) : null,
        skills: contributor.skills,
        activeFrom: monthsAgo(contributor.monthsAgo),
      }),
      tom,
    );
    contributorIds.set(contributor.name, id);
  }

  // Volunteers, with their training, hours and (for most, with consent) equality monitoring.
  const programmes = [
    "volunteer",
    "volunteer",
    "volunteer",
    "work_experience",
    "intern",
    "friends_group",
    "pupil_librarian",
    "community_group",
    "overseas_user",
  ] as const;
  const focuses = [
    "skills_development",
    "knowledge_awareness",
    "confidence_building",
    "social_opportunities",
    "enterprise_employability",
  ] as const;
  const volunteerIds: number[] = [];
  let trainingCount = 0;
  let hoursCount = 0;
  let monitored = 0;
  for (let i = 0; i < 48; i += 1) {
    const programme = pick(programmes);
    const started = Math.floor(rand() * 36);
    const left = started > 18 && rand() < 0.25;
    const id = createVolunteer(
      viaForm(volunteerForm, {
        name: `${pick(firstNames)} ${pick(lastNames)}`,
        programme,
        status: left ? "left" : rand() < 0.1 ? "paused" : "active",
        startDate: monthsAgo(started, Math.floor(rand() * 28)),
        endDate: left ? monthsAgo(Math.floor(rand() * 6)) : null,
        roles: pick(volunteerRoles),
        focuses: focuses.filter(() => rand() < 0.4),
      }),
      priya,
    );
    volunteerIds.push(id);
    if (rand() < 0.7) {
      const [title, provider] = pick(trainingTitles);
      addTraining(
        id,
        viaForm(trainingForm, {
          trainingDate: monthsAgo(Math.min(started, Math.floor(rand() * 12))),
          title,
          provider,
        }),
        priya,
      );
      trainingCount += 1;
    }
    const sessions = 2 + Math.floor(rand() * 10);
    for (let s = 0; s < sessions; s += 1) {
      addHours(
        id,
        viaForm(hoursForm, {
          hoursDate: day(subDays(now, Math.floor(rand() * Math.max(30, started * 30)))),
          hours: String(1 + Math.floor(rand() * 6) + (rand() < 0.5 ? 0.5 : 0)),
          activity: pick(volunteerRoles),
        }),
        priya,
      );
      hoursCount += 1;
    }
    if (rand() < 0.8) {
      const answer = <T extends string>(values: readonly T[], weights: number[]) => {
        let r = rand() * weights.reduce((a, b) => a + b, 0);
        for (let k = 0; k < values.length; k += 1) {
          r -= weights[k];
          if (r <= 0) return values[k];
        }
        return values[values.length - 1];
      };
      saveMonitoring(
        { type: "volunteer", id },
        viaForm(monitoringForm, {
          consentGiven: true,
          consentGivenOn: monthsAgo(Math.min(started, 3)),
          consentMethod: answer(["paper", "online", "verbal"], [5, 3, 1]),
          ageBand: answer(
            ["16_24", "25_34", "35_44", "45_54", "55_64", "65_74", "75_plus", "prefer_not"],
            [6, 3, 2, 2, 4, 8, 3, 1],
          ),
          sex: answer(["female", "male", "prefer_not"], [11, 6, 1]),
          genderIdentity: answer(["same", "different", "prefer_not"], [16, 1, 1]),
          ethnicGroup: answer(
            [
              "white_british",
              "white_other",
              "asian_indian",
              "asian_pakistani",
              "black_african",
              "mixed_white_asian",
              "other_arab",
              "prefer_not",
            ],
            [22, 3, 4, 3, 2, 1, 1, 1],
          ),
          disability: answer(["no", "yes_a_little", "yes_a_lot", "prefer_not"], [12, 3, 1, 1]),
          socioEconomic: answer(
            [
              "modern_professional",
              "clerical_intermediate",
              "routine",
              "semi_routine",
              "technical_craft",
              "other_unknown",
              "prefer_not",
            ],
            [5, 4, 3, 3, 2, 1, 1],
          ),
          area: pick(["Northtown", "Eastbridge", "Riverside", "Northshire"]),
        }),
        priya,
      );
      monitored += 1;
    }
  }

  // Projects with their partners, people, funding and the groups they reached.
  const projectIds = new Map<string, number>();
  for (const project of demoProjects) {
    const [first, ...others] = project.partners;
    const id = createProject(
      viaForm(newProjectForm, {
        title: project.title,
        description: project.description,
        status: project.status,
        startDate: project.startedMonthsAgo === null ? null : monthsAgo(project.startedMonthsAgo),
        endDate: project.status === "completed" ? monthsAgo(project.startedMonthsAgo! - 6) : null,
        learningOpportunities: project.learning,
        audienceResearchShared: project.research,
        firstPartnerId: first ? partnerId(first[0]) : null,
        firstPartnerRole: first ? first[1] : null,
      }),
      admin,
    );
    projectIds.set(project.key, id);
    for (const [key, role] of others) addProjectPartner(id, partnerId(key), role, admin);
    for (const name of project.contributors) addProjectContributor(id, contributorIds.get(name)!, tom);
    for (const volunteer of volunteerIds.filter(() => rand() < 0.12))
      addProjectVolunteer(id, volunteer, priya);
    for (const [source, pounds, status, ago] of project.funding) {
      addFundingLine(
        id,
        viaForm(fundingForm, {
          source,
          amount: String(pounds),
          status,
          date: ago === null ? null : monthsAgo(ago),
        }),
        admin,
      );
    }
    for (const [description, number, fresh] of project.groups) {
      addUserGroup(
        id,
        viaForm(userGroupForm, { description, number: String(number), newOrInfrequent: fresh }),
        tom,
      );
    }
  }

  // Benefits.
  for (const benefit of demoBenefits) {
    createBenefit(
      viaForm(benefitForm, {
        beneficiary: benefit.beneficiary,
        description: benefit.description,
        date: monthsAgo(benefit.monthsAgo),
        partnerId: benefit.partner ? partnerId(benefit.partner) : null,
        projectId: benefit.project ? projectIds.get(benefit.project)! : null,
        source: benefit.source,
        outcomes: [...benefit.outcomes],
      }),
      tom,
    );
  }

  // Meetings over the last year, some with follow-up actions.
  const meetingTopics = [
    ["college", "esol", "Planning the next ESOL course"],
    ["reminiscence", "memory", "Memory box loans for the spring"],
    ["health", "memory", "Referral numbers and next steps"],
    ["youth", "teens", "Takeover weekend planning group"],
    ["university", null, "Placement students for the summer"],
    ["training", "skills", "Placement feedback from jobseekers"],
    ["refugee", "welcome", "Family Saturday debrief"],
    ["school", "history", "Archive sessions for next spring"],
    ["localhistory", null, "Transcription volunteers catch-up"],
    ["bank", "skills", "Sponsorship renewal"],
  ] as const;
  let meetingCount = 0;
  for (let i = 0; i < 30; i += 1) {
    const [partnerKey, projectKey, title] = meetingTopics[i % meetingTopics.length];
    const held = subDays(now, 3 + Math.floor((i * 365) / 30) + Math.floor(rand() * 5));
    const withActions = i < 8;
    const input = viaForm(newMeetingForm, {
      date: day(held),
      time: pick(["09:30", "10:00", "11:15", "14:00", "15:30"]),
      kind: pick(["meeting", "meeting", "call", "visit", "event", "email"]),
      title,
      partnerId: partnerId(partnerKey),
      projectId: projectKey ? projectIds.get(projectKey)! : null,
      staff: [String(pick([tom, priya])), String(admin)],
      contacts: contactIds.get(partnerKey)!.slice(0, 1).map(String),
      summary: "Went through what has worked so far and what the partner needs from us next.",
      decisions: rand() < 0.6 ? "Agreed dates for the next sessions and who will book rooms." : null,
      actionDescription1: withActions ? "Send the notes and the agreed dates" : null,
      actionOwner1: withActions ? String(i % 3 === 0 ? admin : tom) : null,
      actionDue1: withActions ? day(addDays(held, i < 3 ? 14 : 7)) : null,
      actionDescription2: withActions && i % 2 === 0 ? "Book the learning room" : null,
      actionOwner2: withActions && i % 2 === 0 ? String(priya) : null,
      actionDue2: withActions && i % 2 === 0 ? day(addDays(held, 21)) : null,
    });
    const meetingId = createMeeting(newMeetingInput(input), pick([tom, priya]));
    // Follow-ups from meetings more than a month ago have been done.
    if (held < subMonths(now, 1)) {
      for (const action of actionsFrom("meeting", meetingId))
        setActionStatus(action.id, "done", action.ownerId);
    }
    meetingCount += 1;
  }

  // Partnership reviews: most continue; one withdraws from the partnership that no longer worked.
  const reviewed = [
    ["college", 4, "continue", 5],
    ["reminiscence", 9, "continue", 4],
    ["health", 5, "change", 4],
    ["school", 10, "continue", 5],
    ["localhistory", 11, "continue", 4],
    ["university", 8, "change", 3],
    ["council", 7, "continue", 4],
    ["bank", 6, "continue", 5],
    ["training", 5, "continue", 4],
    ["youth", 2, "continue", 5],
    ["oldclub", 14, "withdraw", 2],
  ] as const;
  for (const [key, ago, decision, satisfaction] of reviewed) {
    const heldOn = monthsAgo(ago);
    const result = holdReview(
      partnerId(key),
      viaForm(reviewForm, {
        heldOn,
        participants: "Learning team and the partner's lead",
        stillRelevant: decision === "withdraw" ? "no" : "yes",
        satisfaction: String(satisfaction),
        partnerWords:
          decision === "withdraw"
            ? "We can no longer staff the sessions."
            : "Good communication; would like more notice of dates.",
        valueAdded: "Their people bring learners we would not otherwise reach.",
        partnerGained:
          decision === "withdraw" ? null : "New members and confidence in using the collections.",
        userBenefits: "Learners report more confidence and new skills.",
        lessons: "Agree a shared plan and contacts before the first session.",
        decision,
        changes: decision === "change" ? "Move to termly planning meetings." : null,
        endReason:
          decision === "withdraw"
            ? "The club closed when its funding ended; families now come to our Saturday sessions."
            : null,
      }),
      admin,
    );
    if (!result.ok) throw new Error(`Demo review refused: ${JSON.stringify(result)}`);
  }

  // The community the volunteers are compared with.
  const census: Record<string, number> = {
    [percentField("age_band", "under_16")]: 18.5,
    [percentField("age_band", "16_24")]: 10.2,
    [percentField("age_band", "25_34")]: 12.9,
    [percentField("age_band", "35_44")]: 12.4,
    [percentField("age_band", "45_54")]: 13.1,
    [percentField("age_band", "55_64")]: 12.8,
    [percentField("age_band", "65_74")]: 10.6,
    [percentField("age_band", "75_plus")]: 9.5,
    [percentField("sex", "female")]: 51.0,
    [percentField("sex", "male")]: 49.0,
    [percentField("ethnic_group", "asian")]: 9.6,
    [percentField("ethnic_group", "black")]: 4.2,
    [percentField("ethnic_group", "mixed")]: 3.0,
    [percentField("ethnic_group", "white")]: 81.0,
    [percentField("ethnic_group", "other")]: 2.2,
    [percentField("disability", "yes_a_lot")]: 7.5,
    [percentField("disability", "yes_a_little")]: 10.3,
    [percentField("disability", "no")]: 82.2,
  };
  createCommunityProfile(
    viaForm(communityProfileForm, {
      name: "Northshire, Census 2021",
      source: "Office for National Statistics, Census 2021 (demo figures)",
      year: "2021",
      ...Object.fromEntries(Object.entries(census).map(([k, v]) => [k, String(v)])),
    }),
    priya,
  );

  // Staff have been through most of the suggestions: confirm nine in ten, leave the newest for review.
  const pending = db
    .select({ id: evidenceLinks.id, createdAt: evidenceLinks.createdAt })
    .from(evidenceLinks)
    .where(eq(evidenceLinks.status, "suggested"))
    .orderBy(asc(evidenceLinks.id))
    .all();
  const toConfirm = pending.filter(() => rand() < 0.9).map((row) => row.id);
  const dismiss = toConfirm.filter((_, i) => i % 25 === 24);
  decideSuggestions(
    toConfirm.filter((id) => !dismiss.includes(id)),
    "confirmed",
    tom,
  );
  decideSuggestions(dismiss, "dismissed", tom);
  const stillPending = db
    .select({ id: evidenceLinks.id })
    .from(evidenceLinks)
    .where(and(eq(evidenceLinks.status, "suggested")))
    .all().length;

  return [
    `${demoPartners.length} partners`,
    `${demoContributors.length} contributors`,
    `${volunteerIds.length} volunteers (${monitored} with equality monitoring, ${trainingCount} training records, ${hoursCount} entries of hours)`,
    `${demoProjects.length} projects`,
    `${demoBenefits.length} benefits`,
    `${meetingCount} meetings`,
    `${reviewed.length} reviews`,
    `${stillPending} evidence suggestions waiting for review`,
  ].join(", ");
}
