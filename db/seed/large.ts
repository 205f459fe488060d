import type Database from "better-sqlite3";
import { LINES } from "~/checklist/section3";

/**
 * A large organisation for measuring speed: a county library and museum service with years of
 * records. Rows go straight in through prepared statements in a few big transactions (the app's
 * forms would take hours for this), shaped like what the app itself writes: the records, their
 * evidence links (most confirmed) and one audit event per record made or decided.
 *
 * `scale` 1 is the full size; 0.1 is the tenth used to see how the pages grow with the data.
 */
export const LARGE = {
  partners: 2_000,
  contactsPerPartner: 3,
  contributors: 1_000,
  volunteers: 50_000,
  projects: 5_000,
  meetings: 200_000,
  reviews: 20_000,
  benefits: 10_000,
};

const DAY = 86_400_000;

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

const partnerTypes = ["college", "school", "university", "community_group", "specialist_interest_group", "health_trust", "training_agency", "local_authority", "charity", "business", "other"];
const partnerStatuses = ["active", "active", "active", "active", "paused", "ended", "prospective"];
const programmes = ["volunteer", "volunteer", "volunteer", "work_experience", "intern", "friends_group", "pupil_librarian", "community_group", "overseas_user", "other"];
const focuses = ["skills_development", "knowledge_awareness", "confidence_building", "social_opportunities", "enterprise_employability"];
const kinds = ["writer", "artist", "dancer", "musician", "youth_worker", "it_specialist", "other"];
const meetingKinds = ["meeting", "meeting", "call", "email", "visit", "event", "other"];
const towns = ["Northtown", "Eastbridge", "Riverside", "Westmoor", "Southfield", "Hilltop", "Northshire", "Marshby", "Oakham Vale", "Kingsbrook"];
const words = ["Heritage", "Learning", "Community", "Arts", "Youth", "Library", "Archive", "Museum", "Friends", "Skills", "Health", "Family", "Reading", "History", "Digital"];
const first = ["Aaliyah", "Adam", "Amara", "Ben", "Bethan", "Callum", "Chloe", "Daniel", "Deepa", "Ellie", "Emeka", "Fatima", "Finn", "Grace", "Hannah", "Harry", "Isla", "Jack", "Jamal", "Kate", "Liam", "Maya", "Mohammed", "Nia", "Oliver", "Priya", "Ruby", "Sean", "Sofia", "Tariq", "Wei", "Zara"];
const last = ["Ahmed", "Baker", "Brown", "Campbell", "Chowdhury", "Clarke", "Davies", "Evans", "Ferreira", "Green", "Hughes", "Jones", "Kaur", "Khan", "Lewis", "Martin", "Morgan", "Nowak", "Okafor", "Patel", "Roberts", "Singh", "Smith", "Taylor", "Thomas", "Walker", "Williams", "Wright", "Zhang"];
const ageBands = ["16_24", "25_34", "35_44", "45_54", "55_64", "65_74", "75_plus", "prefer_not"];
const ethnic = ["white_british", "white_british", "white_british", "white_british", "white_other", "white_irish", "asian_indian", "asian_pakistani", "asian_bangladeshi", "asian_chinese", "black_african", "black_caribbean", "mixed_white_asian", "mixed_white_black_caribbean", "other_arab", "prefer_not"];
const socio = ["modern_professional", "clerical_intermediate", "senior_managers", "technical_craft", "semi_routine", "routine", "middle_junior_managers", "traditional_professional", "long_term_unemployed", "small_business_owners", "other_unknown", "prefer_not"];

export type LargeSummary = Record<string, number>;

export function seedLarge(sqlite: Database.Database, options: { scale?: number; now?: Date; actorIds: number[] }): LargeSummary {
  const scale = options.scale ?? 1;
  const now = options.now ?? new Date();
  const nowMs = now.getTime();
  const rand = random(42 + Math.round(scale * 1000));
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const n = (count: number) => Math.max(1, Math.round(count * scale));
  const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  /** A day within the last `years` years, more of them recent. */
  const pastDay = (years = 10) => nowMs - Math.floor(Math.pow(rand(), 1.6) * years * 365) * DAY;
  const actors = options.actorIds;
  const summary: LargeSummary = {};

  const audit = sqlite.prepare(
    `INSERT INTO audit_events (at, user_id, action, record_type, record_id, changes) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const evidence = sqlite.prepare(
    `INSERT OR IGNORE INTO evidence_links (line_code, record_type, record_id, status, note, evidence_date, rule, created_at, created_by, decided_at, decided_by)
     VALUES (?, ?, ?, ?, NULL, ?, ?, ?, NULL, ?, ?)`,
  );
  let auditCount = 0;
  let evidenceCount = 0;
  const created = (type: string, id: number, at: number, changes: string) => {
    audit.run(at, pick(actors), "create", type, id, changes);
    auditCount += 1;
  };
  /** A suggestion the way the rules make it; nine in ten have since been confirmed. */
  const suggest = (line: string, type: string, id: number, day: number, rule: string) => {
    const r = rand();
    const status = r < 0.9 ? "confirmed" : r < 0.98 ? "suggested" : "dismissed";
    const decided = status === "suggested" ? null : Math.min(nowMs, day + 7 * DAY);
    const who = status === "suggested" ? null : pick(actors);
    const result = evidence.run(line, type, id, status, isoDay(day), rule, day, decided, who);
    if (result.changes === 0) return;
    evidenceCount += 1;
    if (status !== "suggested") {
      audit.run(decided, who, "update", "evidence", result.lastInsertRowid, JSON.stringify({ status: ["suggested", status] }));
      auditCount += 1;
    }
  };

  const inTransaction = (work: () => void) => sqlite.transaction(work)();

  // Partners and contacts.
  const partnerIds: number[] = [];
  const contactIdsByPartner = new Map<number, number[]>();
  inTransaction(() => {
    const partner = sqlite.prepare(
      `INSERT INTO partners (name, type, status, start_date, end_date, end_reason, adds_value, is_advocate, extends_onsite, extends_offsite, website, area, notes, review_cadence_months, next_review_date, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)`,
    );
    const contact = sqlite.prepare(
      `INSERT INTO contacts (partner_id, name, role, email, phone, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, NULL, ?, ?)`,
    );
    for (let i = 0; i < n(LARGE.partners); i += 1) {
      const start = pastDay();
      const status = pick(partnerStatuses);
      const type = pick(partnerTypes);
      const cadence = pick([3, 6, 12, 12, 12, 0]);
      const next = status === "active" || status === "paused" ? (cadence ? start + cadence * 30 * DAY * (1 + Math.floor(rand() * 20)) : null) : null;
      const addsValue = rand() < 0.7 ? "Their staff bring learners we would not otherwise reach." : null;
      const advocate = rand() < 0.3 ? 1 : 0;
      const onsite = rand() < 0.4 ? 1 : 0;
      const offsite = rand() < 0.3 ? 1 : 0;
      const name = `${pick(towns)} ${pick(words)} ${pick(["Trust", "Group", "Society", "College", "Partnership", "Network", "Centre"])} ${i + 1}`;
      const id = Number(
        partner.run(
          name, type, status, isoDay(start),
          status === "ended" ? isoDay(Math.min(nowMs, start + 400 * DAY)) : null,
          status === "ended" ? "The project came to an end." : null,
          addsValue, advocate, onsite, offsite, null, pick(towns), cadence,
          next ? isoDay(next) : null, start, start,
        ).lastInsertRowid,
      );
      partnerIds.push(id);
      created("partner", id, start, JSON.stringify({ name: [null, name], type: [null, type], status: [null, status] }));
      suggest("3.1.1a", "partner", id, start, "partner-added");
      suggest("3.1.E1", "partner", id, start, "partner-added");
      if (addsValue) suggest("3.1.E2", "partner", id, start, "partner-adds-value");
      if (advocate) suggest("3.1.2a", "partner", id, start, "partner-advocate");
      if (onsite) suggest("3.1.2b", "partner", id, start, "partner-onsite");
      if (offsite) suggest("3.1.2c", "partner", id, start, "partner-offsite");
      const contactIds: number[] = [];
      for (let c = 0; c < LARGE.contactsPerPartner; c += 1) {
        const contactName = `${pick(first)} ${pick(last)}`;
        const contactId = Number(
          contact.run(id, contactName, pick(["Coordinator", "Manager", "Tutor", "Director"]), `contact${id}-${c}@example.org`, "01632 960000", start, start).lastInsertRowid,
        );
        contactIds.push(contactId);
        created("contact", contactId, start, JSON.stringify({ name: [null, contactName] }));
      }
      contactIdsByPartner.set(id, contactIds);
    }
  });
  summary.partners = partnerIds.length;

  // Contributors.
  const contributorIds: number[] = [];
  inTransaction(() => {
    const contributor = sqlite.prepare(
      `INSERT INTO contributors (name, kind, partner_id, skills, email, phone, website, active_from, active_to, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, NULL, NULL, NULL, ?, ?, NULL, ?, ?)`,
    );
    for (let i = 0; i < n(LARGE.contributors); i += 1) {
      const from = pastDay();
      const name = `${pick(first)} ${pick(last)}`;
      const id = Number(
        contributor.run(name, pick(kinds), rand() < 0.4 ? pick(partnerIds) : null, "Workshops and talks", isoDay(from), rand() < 0.3 ? isoDay(Math.min(nowMs, from + 500 * DAY)) : null, from, from).lastInsertRowid,
      );
      contributorIds.push(id);
      created("contributor", id, from, JSON.stringify({ name: [null, name] }));
      suggest("3.3.2a", "contributor", id, from, "contributor-added");
    }
  });
  summary.contributors = contributorIds.length;

  // Volunteers with their focus, training, hours and (most, with consent) equality monitoring.
  const volunteerIds: number[] = [];
  let training = 0;
  let hours = 0;
  let monitored = 0;
  const volunteerBatch = 5_000;
  for (let done = 0; done < n(LARGE.volunteers); done += volunteerBatch) {
    inTransaction(() => {
      const volunteer = sqlite.prepare(
        `INSERT INTO volunteers (name, email, phone, programme, status, start_date, end_date, roles, skills, notes, created_at, updated_at)
         VALUES (?, NULL, NULL, ?, ?, ?, ?, ?, NULL, NULL, ?, ?)`,
      );
      const focus = sqlite.prepare(`INSERT INTO volunteer_focuses (volunteer_id, focus) VALUES (?, ?)`);
      const train = sqlite.prepare(`INSERT INTO training_records (volunteer_id, date, title, provider, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`);
      const hour = sqlite.prepare(`INSERT INTO volunteer_hours (volunteer_id, date, minutes, activity, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`);
      const monitor = sqlite.prepare(
        `INSERT INTO equality_monitoring (person_type, person_id, consent_given_on, consent_method, consent_recorded_by, age_band, sex, gender_identity, ethnic_group, disability, socio_economic, area, created_at, updated_at)
         VALUES ('volunteer', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const end = Math.min(n(LARGE.volunteers), done + volunteerBatch);
      for (let i = done; i < end; i += 1) {
        const start = pastDay(8);
        const left = rand() < 0.3;
        const name = `${pick(first)} ${pick(last)}`;
        const id = Number(
          volunteer.run(name, pick(programmes), left ? "left" : rand() < 0.1 ? "paused" : "active", isoDay(start), left ? isoDay(Math.min(nowMs, start + (60 + Math.floor(rand() * 700)) * DAY)) : null, pick(["Gallery host", "Archive cataloguer", "Tour guide", "Reading helper"]), start, start).lastInsertRowid,
        );
        volunteerIds.push(id);
        created("volunteer", id, start, JSON.stringify({ name: [null, name] }));
        suggest("3.3.1", "volunteer", id, start, "volunteer-added");
        suggest("3.3.E1", "volunteer", id, start, "volunteer-added");
        for (const [index, f] of focuses.entries()) {
          if (rand() < 0.3) {
            focus.run(id, f);
            suggest(`3.3.E${7 + index}`, "volunteer", id, start, `volunteer-focus-${f}`);
          }
        }
        if (rand() < 0.8) {
          const day = Math.min(nowMs, start + Math.floor(rand() * 200) * DAY);
          const trainingId = Number(train.run(id, isoDay(day), "Induction and safeguarding", "Learning team", day, day).lastInsertRowid);
          training += 1;
          created("training", trainingId, day, "{}");
          suggest("3.3.E3", "training", trainingId, day, "training-recorded");
        }
        for (let h = 0; h < 5; h += 1) {
          const day = Math.min(nowMs, start + Math.floor(rand() * 700) * DAY);
          const hoursId = Number(hour.run(id, isoDay(day), 60 + 30 * Math.floor(rand() * 8), "Volunteering", day, day).lastInsertRowid);
          hours += 1;
          created("hours", hoursId, day, "{}");
        }
        if (rand() < 0.8) {
          monitor.run(id, isoDay(start), pick(["paper", "online", "verbal"]), pick(actors), pick(ageBands), pick(["female", "female", "male", "prefer_not"]), pick(["same", "same", "same", "different", "prefer_not"]), pick(ethnic), pick(["no", "no", "no", "yes_a_little", "yes_a_lot", "prefer_not"]), pick(socio), pick(towns), start, start);
          monitored += 1;
        }
      }
    });
  }
  summary.volunteers = volunteerIds.length;
  summary.training = training;
  summary.hours = hours;
  summary.monitored = monitored;

  // Projects with partners, people, funding and user groups.
  const projectIds: number[] = [];
  inTransaction(() => {
    const project = sqlite.prepare(
      `INSERT INTO projects (title, description, status, start_date, end_date, learning_opportunities, audience_research_shared, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
    );
    const link = sqlite.prepare(`INSERT OR IGNORE INTO project_partners (project_id, partner_id, role) VALUES (?, ?, ?)`);
    const contributor = sqlite.prepare(`INSERT OR IGNORE INTO project_contributors (project_id, contributor_id) VALUES (?, ?)`);
    const volunteer = sqlite.prepare(`INSERT OR IGNORE INTO project_volunteers (project_id, volunteer_id) VALUES (?, ?)`);
    const funding = sqlite.prepare(`INSERT INTO funding_lines (project_id, source, amount_pence, status, date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    const group = sqlite.prepare(`INSERT INTO user_groups (project_id, description, number, new_or_infrequent, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`);
    for (let i = 0; i < n(LARGE.projects); i += 1) {
      const start = pastDay();
      const title = `${pick(words)} ${pick(["for All", "Together", "Lab", "Club", "Trail", "Stories", "Days"])} ${i + 1}`;
      const learning = rand() < 0.7 ? "Workshops and sessions for learners." : null;
      const research = rand() < 0.2 ? 1 : 0;
      const id = Number(project.run(title, "A piece of learning work with partners.", pick(["planned", "active", "active", "completed", "completed", "cancelled"]), isoDay(start), rand() < 0.5 ? isoDay(Math.min(nowMs, start + 300 * DAY)) : null, learning, research, start, start).lastInsertRowid);
      projectIds.push(id);
      created("project", id, start, JSON.stringify({ title: [null, title] }));
      const partnersOn = 1 + Math.floor(rand() * 3);
      for (let p = 0; p < partnersOn; p += 1) link.run(id, pick(partnerIds), pick(["lead", "co_deliverer", "funder", "host", "other"]));
      suggest("3.2.E2", "project", id, start, "project-with-partner");
      if (learning) suggest("3.2.2a", "project", id, start, "project-promotes-opportunities");
      if (research) suggest("3.2.E4", "project", id, start, "project-shared-research");
      if (rand() < 0.5) {
        contributor.run(id, pick(contributorIds));
        suggest("3.3.2a", "project", id, start, "project-contributors");
      }
      for (let v = 0; v < 4; v += 1) volunteer.run(id, pick(volunteerIds));
      suggest("3.3.E1", "project", id, start, "project-volunteers");
      for (let f = 0; f < 2; f += 1) {
        const status = pick(["secured", "secured", "pending", "declined"]);
        const fundingId = Number(funding.run(id, pick(["Arts Council", "Heritage Fund", "County Council", "Community Foundation"]), 100_000 + Math.floor(rand() * 5_000_000), status, isoDay(start), start, start).lastInsertRowid);
        created("funding", fundingId, start, "{}");
        if (status === "secured") {
          suggest("3.2.1", "funding", fundingId, start, "funding-secured-with-partners");
          suggest("3.2.E1", "funding", fundingId, start, "funding-secured-with-partners");
        }
      }
      for (let g = 0; g < 2; g += 1) {
        const fresh = rand() < 0.4 ? 1 : 0;
        const groupId = Number(group.run(id, pick(["Families", "Young people", "Older people", "Adult learners", "Carers"]), 10 + Math.floor(rand() * 200), fresh, start, start).lastInsertRowid);
        created("user_group", groupId, start, "{}");
        if (fresh) suggest("3.2.2b", "user_group", groupId, start, "user-group-new-users");
      }
    }
  });
  summary.projects = projectIds.length;

  // Benefits.
  inTransaction(() => {
    const benefit = sqlite.prepare(`INSERT INTO benefits (beneficiary, description, date, partner_id, project_id, source, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    const outcome = sqlite.prepare(`INSERT OR IGNORE INTO benefit_outcomes (benefit_id, outcome) VALUES (?, ?)`);
    for (let i = 0; i < n(LARGE.benefits); i += 1) {
      const day = pastDay();
      const beneficiary = pick(["users", "users", "staff", "partner", "organisation"]);
      const id = Number(benefit.run(beneficiary, "Learners gained confidence and new skills.", isoDay(day), pick(partnerIds), rand() < 0.6 ? pick(projectIds) : null, pick(["observation", "feedback", "survey", "meeting", "other"]), day, day).lastInsertRowid);
      outcome.run(id, pick(["glo_knowledge", "glo_skills", "glo_enjoyment", "glo_activity", "glo_attitudes"]));
      outcome.run(id, pick(["gso_communities", "gso_health", "gso_public_life"]));
      created("benefit", id, day, "{}");
      suggest("3.1.E5", "benefit", id, day, "benefit-recorded-with-partner");
      if (beneficiary === "users") suggest("3.3.E5", "benefit", id, day, "benefit-users-perspectives");
      if (beneficiary === "staff") suggest("3.1.E8", "benefit", id, day, "benefit-staff");
      if (beneficiary === "partner") suggest("3.1.E12", "benefit", id, day, "benefit-partner");
    }
  });

  // Meetings, with partners, projects, attendees and some follow-up actions.
  let meetingCount = 0;
  let actionCount = 0;
  const meetingBatch = 20_000;
  for (let done = 0; done < n(LARGE.meetings); done += meetingBatch) {
    inTransaction(() => {
      const meeting = sqlite.prepare(`INSERT INTO meetings (held_at, kind, title, summary, decisions, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
      const withPartner = sqlite.prepare(`INSERT OR IGNORE INTO meeting_partners (meeting_id, partner_id) VALUES (?, ?)`);
      const aboutProject = sqlite.prepare(`INSERT OR IGNORE INTO meeting_projects (meeting_id, project_id) VALUES (?, ?)`);
      const attendee = sqlite.prepare(`INSERT OR IGNORE INTO meeting_attendees (meeting_id, attendee_type, attendee_id) VALUES (?, ?, ?)`);
      const action = sqlite.prepare(
        `INSERT INTO actions (description, owner_id, due_date, status, source, source_id, line_code, completed_at, completed_by, created_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'meeting', ?, NULL, ?, ?, ?, ?, ?)`,
      );
      const end = Math.min(n(LARGE.meetings), done + meetingBatch);
      for (let i = done; i < end; i += 1) {
        const at = pastDay() + Math.floor(rand() * 8) * 3_600_000 + 9 * 3_600_000;
        const kind = pick(meetingKinds);
        const actor = pick(actors);
        const id = Number(meeting.run(at, kind, `${pick(["Planning", "Catch-up", "Review of", "Visit to"])} ${pick(words).toLowerCase()} work`, "What was discussed and agreed.", rand() < 0.5 ? "Next steps agreed." : null, actor, at, at).lastInsertRowid);
        meetingCount += 1;
        const partner = pick(partnerIds);
        withPartner.run(id, partner);
        const hasProject = rand() < 0.5;
        if (hasProject) aboutProject.run(id, pick(projectIds));
        attendee.run(id, "user", actor);
        attendee.run(id, "contact", contactIdsByPartner.get(partner)![0]);
        created("meeting", id, at, JSON.stringify({ kind: [null, kind] }));
        if (kind !== "email") suggest("3.1.E9", "meeting", id, at, "meeting-with-partner");
        if (hasProject) suggest("3.2.E2", "meeting", id, at, "meeting-plans-project");
        if (rand() < 0.25) {
          const due = at + 14 * DAY;
          const finished = due < nowMs - 30 * DAY || rand() < 0.5;
          const owner = pick(actors);
          const actionId = Number(action.run("Send the notes and agreed dates", owner, isoDay(due), finished ? "done" : "open", id, finished ? due : null, finished ? owner : null, actor, at, at).lastInsertRowid);
          actionCount += 1;
          created("action", actionId, at, "{}");
        }
      }
    });
  }
  summary.meetings = meetingCount;
  summary.actions = actionCount;

  // Reviews of partnerships.
  inTransaction(() => {
    const review = sqlite.prepare(
      `INSERT INTO reviews (partner_id, held_on, participants, still_relevant, satisfaction, partner_words, value_added, partner_gained, user_benefits, lessons, decision, changes, next_review_date, created_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (let i = 0; i < n(LARGE.reviews); i += 1) {
      const day = pastDay(8);
      const decision = rand() < 0.85 ? "continue" : rand() < 0.7 ? "change" : "withdraw";
      const id = Number(review.run(pick(partnerIds), isoDay(day), "Learning team and partner", pick(["yes", "yes", "partly", "no"]), 1 + Math.floor(rand() * 5), "Working well.", "They bring new learners.", "New skills.", "Learners more confident.", "Plan earlier.", decision, decision === "change" ? "Termly meetings." : null, decision === "withdraw" ? null : isoDay(day + 365 * DAY), pick(actors), day, day).lastInsertRowid);
      created("review", id, day, JSON.stringify({ decision: [null, decision] }));
      suggest("3.1.3", "review", id, day, "review-held");
      suggest("3.1.E6", "review", id, day, "review-partner-views");
      suggest("3.1.E10", "review", id, day, "review-satisfaction");
      if (decision === "withdraw") suggest("3.1.E7", "review", id, day, "review-withdraw");
    }
  });
  summary.reviews = n(LARGE.reviews);
  summary.evidenceLinks = evidenceCount;
  summary.auditEvents = auditCount;
  void LINES;
  return summary;
}
