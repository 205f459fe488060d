import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { day, flag, id, instant, timestamps } from "./columns";
import {
  feedbackKinds,
  importKinds,
  importStatuses,
  answerValues,
  assessmentStatuses,
  actionSources,
  actionStatuses,
  ageBands,
  attendeeTypes,
  auditActions,
  consentMethods,
  disabilityAnswers,
  ethnicGroups,
  genderIdentities,
  meetingKinds,
  monitoredPersonTypes,
  monitoringQuestions,
  relevanceAnswers,
  reviewDecisions,
  sexes,
  socioEconomicBackgrounds,
  beneficiaries,
  benefitSources,
  contributorKinds,
  evidenceStatuses,
  fundingStatuses,
  outcomes,
  partnerStatuses,
  partnerTypes,
  projectPartnerRoles,
  projectStatuses,
  roles,
  volunteerFocuses,
  volunteerProgrammes,
  volunteerStatuses,
} from "./enums";

export * from "./enums";

export const users = sqliteTable(
  "users",
  {
    id: id(),
    /** Stored lower-cased, so sign-in is case-insensitive. */
    email: text("email").notNull().unique(),
    name: text("name").notNull(),
    role: text("role", { enum: roles }).notNull(),
    /** May see and edit individual equality monitoring answers (special category data). */
    canViewEquality: flag("can_view_equality"),
    passwordHash: text("password_hash").notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    /** The secret in the user's calendar feed address; null until they ask for one. */
    calendarToken: text("calendar_token").unique(),
    ...timestamps(),
  },
  (table) => [index("users_role_idx").on(table.role), index("users_name_idx").on(table.name)],
);

/** Server-side sessions: the cookie carries a random token, the table only its SHA-256 hash. */
/**
 * Recent writes per limiter key (a user or a client address), for the limits on writes: kept in
 * the database so every server process counts the same hits. Rows older than a minute are deleted
 * as new ones come.
 */
export const writeHits = sqliteTable(
  "write_hits",
  {
    key: text("key").notNull(),
    /** Milliseconds since 1970. */
    at: integer("at").notNull(),
  },
  (table) => [index("write_hits_key_at_idx").on(table.key, table.at), index("write_hits_at_idx").on(table.at)],
);

export const sessions = sqliteTable(
  "sessions",
  {
    idHash: text("id_hash").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: instant("created_at").notNull(),
    expiresAt: instant("expires_at").notNull(),
  },
  (table) => [
    index("sessions_user_id_idx").on(table.userId),
    index("sessions_expires_at_idx").on(table.expiresAt),
  ],
);

/** Failed sign-in attempts, kept only long enough to slow down password guessing. */
export const loginFailures = sqliteTable(
  "login_failures",
  {
    id: id(),
    email: text("email").notNull(),
    address: text("address").notNull(),
    at: instant("at").notNull(),
  },
  (table) => [
    index("login_failures_email_at_idx").on(table.email, table.at),
    index("login_failures_address_at_idx").on(table.address, table.at),
  ],
);

/**
 * Who changed what, when: one row per create, update or delete of any record.
 * `changes` is JSON: { field: [before, after] }.
 */
export const auditEvents = sqliteTable(
  "audit_events",
  {
    id: id(),
    at: instant("at").notNull(),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action", { enum: auditActions }).notNull(),
    recordType: text("record_type").notNull(),
    recordId: integer("record_id").notNull(),
    changes: text("changes", { mode: "json" }).$type<AuditChanges>().notNull(),
  },
  (table) => [
    index("audit_events_record_idx").on(table.recordType, table.recordId, table.at),
    index("audit_events_user_id_idx").on(table.userId),
    index("audit_events_at_idx").on(table.at),
  ],
);
export type AuditChanges = Record<string, [unknown, unknown]>;

/** Organisation-wide settings a person can change in the app, as key and JSON value. */
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value", { mode: "json" }).notNull(),
  updatedAt: instant("updated_at").notNull(),
});

// ---------------------------------------------------------------------------------------------
// Records staff keep every day. Children that belong to one record (contacts' phone numbers,
// training, hours, funding lines, user groups, join rows) are deleted with it; references between
// independent records RESTRICT, and the app refuses such deletions with an explanation first.

export const partners = sqliteTable(
  "partners",
  {
    id: id(),
    name: text("name").notNull(),
    type: text("type", { enum: partnerTypes }).notNull(),
    status: text("status", { enum: partnerStatuses }).notNull(),
    startDate: day("start_date"),
    endDate: day("end_date"),
    endReason: text("end_reason"),
    /** What they bring: how their work adds value to ours (checklist 3.1). */
    addsValue: text("adds_value"),
    isAdvocate: flag("is_advocate"),
    extendsOnsite: flag("extends_onsite"),
    extendsOffsite: flag("extends_offsite"),
    website: text("website"),
    area: text("area"),
    notes: text("notes"),
    /** Months between partnership reviews: 3, 6 or 12; 0 when not reviewed on a cycle. */
    reviewCadenceMonths: integer("review_cadence_months").notNull().default(12),
    /** When the next review is due: worked out from the last review or the start, or set by a person. */
    nextReviewDate: day("next_review_date"),
    ...timestamps(),
  },
  (table) => [
    index("partners_name_idx").on(table.name),
    index("partners_next_review_idx").on(table.status, table.nextReviewDate),
    // The review schedule, soonest first (then by name), read in order a page at a time.
    index("partners_review_order_idx").on(table.nextReviewDate, table.name),
    index("partners_type_idx").on(table.type),
    index("partners_status_idx").on(table.status),
    index("partners_start_date_idx").on(table.startDate),
    index("partners_updated_at_idx").on(table.updatedAt),
  ],
);

export const contacts = sqliteTable(
  "contacts",
  {
    id: id(),
    partnerId: integer("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "restrict" }),
    name: text("name").notNull(),
    role: text("role"),
    email: text("email"),
    phone: text("phone"),
    notes: text("notes"),
    ...timestamps(),
  },
  (table) => [
    index("contacts_partner_id_idx").on(table.partnerId),
    index("contacts_name_idx").on(table.name),
  ],
);

export const contributors = sqliteTable(
  "contributors",
  {
    id: id(),
    name: text("name").notNull(),
    kind: text("kind", { enum: contributorKinds }).notNull(),
    partnerId: integer("partner_id").references(() => partners.id, { onDelete: "restrict" }),
    skills: text("skills"),
    email: text("email"),
    phone: text("phone"),
    website: text("website"),
    activeFrom: day("active_from"),
    activeTo: day("active_to"),
    notes: text("notes"),
    ...timestamps(),
  },
  (table) => [
    index("contributors_name_idx").on(table.name),
    index("contributors_kind_idx").on(table.kind),
    index("contributors_partner_id_idx").on(table.partnerId),
    index("contributors_active_from_idx").on(table.activeFrom),
    index("contributors_active_to_idx").on(table.activeTo),
    index("contributors_updated_at_idx").on(table.updatedAt),
  ],
);

export const volunteers = sqliteTable(
  "volunteers",
  {
    id: id(),
    name: text("name").notNull(),
    email: text("email"),
    phone: text("phone"),
    programme: text("programme", { enum: volunteerProgrammes }).notNull(),
    status: text("status", { enum: volunteerStatuses }).notNull(),
    startDate: day("start_date"),
    endDate: day("end_date"),
    roles: text("roles"),
    skills: text("skills"),
    notes: text("notes"),
    ...timestamps(),
  },
  (table) => [
    index("volunteers_name_idx").on(table.name),
    index("volunteers_programme_idx").on(table.programme),
    index("volunteers_status_idx").on(table.status),
    // Sorted Z to A by programme or status, each group stays in the order volunteers were added:
    // these, read backwards, give that order without sorting thousands of rows.
    index("volunteers_programme_z_a_idx").on(table.programme, sql`${table.id} desc`),
    index("volunteers_status_z_a_idx").on(table.status, sql`${table.id} desc`),
    index("volunteers_start_date_idx").on(table.startDate),
    index("volunteers_end_date_idx").on(table.endDate),
    index("volunteers_updated_at_idx").on(table.updatedAt),
  ],
);

export const volunteerFocusLinks = sqliteTable(
  "volunteer_focuses",
  {
    volunteerId: integer("volunteer_id")
      .notNull()
      .references(() => volunteers.id, { onDelete: "cascade" }),
    focus: text("focus", { enum: volunteerFocuses }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.volunteerId, table.focus] }),
    index("volunteer_focuses_focus_idx").on(table.focus),
  ],
);

export const trainingRecords = sqliteTable(
  "training_records",
  {
    id: id(),
    volunteerId: integer("volunteer_id")
      .notNull()
      .references(() => volunteers.id, { onDelete: "cascade" }),
    date: day("date").notNull(),
    title: text("title").notNull(),
    provider: text("provider"),
    ...timestamps(),
  },
  (table) => [
    index("training_records_volunteer_id_idx").on(table.volunteerId),
    index("training_records_date_idx").on(table.date),
  ],
);

export const volunteerHours = sqliteTable(
  "volunteer_hours",
  {
    id: id(),
    volunteerId: integer("volunteer_id")
      .notNull()
      .references(() => volunteers.id, { onDelete: "cascade" }),
    date: day("date").notNull(),
    /** Time given, in whole minutes, so totals add up exactly. */
    minutes: integer("minutes").notNull(),
    activity: text("activity"),
    ...timestamps(),
  },
  (table) => [
    index("volunteer_hours_volunteer_id_idx").on(table.volunteerId),
    index("volunteer_hours_date_idx").on(table.date),
  ],
);

export const projects = sqliteTable(
  "projects",
  {
    id: id(),
    title: text("title").notNull(),
    description: text("description"),
    status: text("status", { enum: projectStatuses }).notNull(),
    startDate: day("start_date"),
    endDate: day("end_date"),
    learningOpportunities: text("learning_opportunities"),
    audienceResearchShared: flag("audience_research_shared"),
    notes: text("notes"),
    ...timestamps(),
  },
  (table) => [
    index("projects_title_idx").on(table.title),
    index("projects_status_idx").on(table.status),
    index("projects_start_date_idx").on(table.startDate),
    index("projects_updated_at_idx").on(table.updatedAt),
  ],
);

export const projectPartners = sqliteTable(
  "project_partners",
  {
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    partnerId: integer("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "restrict" }),
    role: text("role", { enum: projectPartnerRoles }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.projectId, table.partnerId] }),
    index("project_partners_partner_id_idx").on(table.partnerId),
  ],
);

export const projectContributors = sqliteTable(
  "project_contributors",
  {
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    contributorId: integer("contributor_id")
      .notNull()
      .references(() => contributors.id, { onDelete: "restrict" }),
  },
  (table) => [
    primaryKey({ columns: [table.projectId, table.contributorId] }),
    index("project_contributors_contributor_id_idx").on(table.contributorId),
  ],
);

export const projectVolunteers = sqliteTable(
  "project_volunteers",
  {
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    volunteerId: integer("volunteer_id")
      .notNull()
      .references(() => volunteers.id, { onDelete: "restrict" }),
  },
  (table) => [
    primaryKey({ columns: [table.projectId, table.volunteerId] }),
    index("project_volunteers_volunteer_id_idx").on(table.volunteerId),
  ],
);

export const fundingLines = sqliteTable(
  "funding_lines",
  {
    id: id(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    source: text("source").notNull(),
    /** In pence, so sums are exact. */
    amountPence: integer("amount_pence").notNull(),
    status: text("status", { enum: fundingStatuses }).notNull(),
    date: day("date"),
    ...timestamps(),
  },
  (table) => [
    index("funding_lines_project_id_idx").on(table.projectId),
    index("funding_lines_status_idx").on(table.status),
  ],
);

export const userGroups = sqliteTable(
  "user_groups",
  {
    id: id(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    description: text("description").notNull(),
    number: integer("number"),
    /** New or infrequent users (checklist 3.1 and 3.2.2). */
    newOrInfrequent: flag("new_or_infrequent"),
    ...timestamps(),
  },
  (table) => [index("user_groups_project_id_idx").on(table.projectId)],
);

export const benefits = sqliteTable(
  "benefits",
  {
    id: id(),
    beneficiary: text("beneficiary", { enum: beneficiaries }).notNull(),
    description: text("description").notNull(),
    date: day("date").notNull(),
    partnerId: integer("partner_id").references(() => partners.id, { onDelete: "restrict" }),
    projectId: integer("project_id").references(() => projects.id, { onDelete: "restrict" }),
    source: text("source", { enum: benefitSources }).notNull(),
    ...timestamps(),
  },
  (table) => [
    // "Who benefits" sorts A to Z with the newest first within each (and Z to A the same way): one
    // index for each direction, so the first page is read in order rather than sorted.
    index("benefits_beneficiary_date_idx").on(table.beneficiary, table.date),
    index("benefits_beneficiary_newest_idx").on(
      table.beneficiary,
      sql`${table.date} desc`,
      sql`${table.id} desc`,
    ),
    index("benefits_date_idx").on(table.date),
    index("benefits_partner_id_idx").on(table.partnerId),
    index("benefits_project_id_idx").on(table.projectId),
    index("benefits_source_idx").on(table.source),
    index("benefits_updated_at_idx").on(table.updatedAt),
  ],
);

export const benefitOutcomes = sqliteTable(
  "benefit_outcomes",
  {
    benefitId: integer("benefit_id")
      .notNull()
      .references(() => benefits.id, { onDelete: "cascade" }),
    outcome: text("outcome", { enum: outcomes }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.benefitId, table.outcome] }),
    index("benefit_outcomes_outcome_idx").on(table.outcome),
  ],
);

// ---------------------------------------------------------------------------------------------
// Evidence: any record (type, id) joined to a checklist line (its stable code).

export const evidenceLinks = sqliteTable(
  "evidence_links",
  {
    id: id(),
    lineCode: text("line_code").notNull(),
    recordType: text("record_type").notNull(),
    recordId: integer("record_id").notNull(),
    status: text("status", { enum: evidenceStatuses }).notNull(),
    /** How this record shows the line, in a person's words. */
    note: text("note"),
    /** The day the evidence is from (a meeting's date, a review's date, a record's start…). */
    evidenceDate: day("evidence_date").notNull(),
    /** The suggestion rule that proposed it; null when a person linked it by hand. */
    rule: text("rule"),
    createdAt: instant("created_at").notNull(),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: instant("decided_at"),
    decidedBy: integer("decided_by").references(() => users.id, { onDelete: "set null" }),
  },
  (table) => [
    uniqueIndex("evidence_links_line_record_idx").on(table.lineCode, table.recordType, table.recordId),
    index("evidence_links_record_idx").on(table.recordType, table.recordId),
    // A line's evidence newest first, ties broken by id (the line's page, an assessment's newest
    // few): with id straight after the date the index gives that order, so reading the newest
    // few stops after a few entries instead of sorting every link of the newest day. The record
    // type after it still lets a filter on the kind be checked in the index.
    index("evidence_links_status_line_date_idx").on(
      table.status,
      table.lineCode,
      table.evidenceDate,
      table.id,
      table.recordType,
    ),
    index("evidence_links_status_created_idx").on(table.status, table.createdAt),
    index("evidence_links_created_by_idx").on(table.createdBy),
    index("evidence_links_decided_by_idx").on(table.decidedBy),
  ],
);

// ---------------------------------------------------------------------------------------------
// Meetings, partnership reviews and follow-up actions

export const meetings = sqliteTable(
  "meetings",
  {
    id: id(),
    heldAt: instant("held_at").notNull(),
    kind: text("kind", { enum: meetingKinds }).notNull(),
    title: text("title").notNull(),
    summary: text("summary"),
    decisions: text("decisions"),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps(),
  },
  (table) => [
    index("meetings_held_at_idx").on(table.heldAt),
    // Sorted by kind or title, the newest first within each: the plain index read backwards
    // serves Z to A, the one with the date descending serves A to Z.
    index("meetings_kind_held_at_idx").on(table.kind, table.heldAt),
    index("meetings_kind_newest_idx").on(table.kind, sql`${table.heldAt} desc`),
    index("meetings_title_held_at_idx").on(table.title, table.heldAt),
    index("meetings_title_newest_idx").on(table.title, sql`${table.heldAt} desc`),
    index("meetings_created_by_idx").on(table.createdBy),
  ],
);

export const meetingPartners = sqliteTable(
  "meeting_partners",
  {
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    partnerId: integer("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "restrict" }),
  },
  (table) => [
    primaryKey({ columns: [table.meetingId, table.partnerId] }),
    index("meeting_partners_partner_id_idx").on(table.partnerId, table.meetingId),
  ],
);

export const meetingProjects = sqliteTable(
  "meeting_projects",
  {
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "restrict" }),
  },
  (table) => [
    primaryKey({ columns: [table.meetingId, table.projectId] }),
    index("meeting_projects_project_id_idx").on(table.projectId, table.meetingId),
  ],
);

/** Who attended: our staff (users), partner contacts, contributors and volunteers, as (type, id). */
export const meetingAttendees = sqliteTable(
  "meeting_attendees",
  {
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    attendeeType: text("attendee_type", { enum: attendeeTypes }).notNull(),
    attendeeId: integer("attendee_id").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.meetingId, table.attendeeType, table.attendeeId] }),
    index("meeting_attendees_attendee_idx").on(table.attendeeType, table.attendeeId),
  ],
);

export const reviews = sqliteTable(
  "reviews",
  {
    id: id(),
    partnerId: integer("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "restrict" }),
    heldOn: day("held_on").notNull(),
    participants: text("participants"),
    stillRelevant: text("still_relevant", { enum: relevanceAnswers }).notNull(),
    /** The partner's satisfaction, 1 (very dissatisfied) to 5 (very satisfied), if they gave it. */
    satisfaction: integer("satisfaction"),
    partnerWords: text("partner_words"),
    valueAdded: text("value_added"),
    partnerGained: text("partner_gained"),
    userBenefits: text("user_benefits"),
    lessons: text("lessons"),
    decision: text("decision", { enum: reviewDecisions }).notNull(),
    changes: text("changes"),
    /** The next review this one scheduled (none after a withdrawal). */
    nextReviewDate: day("next_review_date"),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps(),
  },
  (table) => [
    index("reviews_partner_id_held_on_idx").on(table.partnerId, table.heldOn),
    index("reviews_held_on_idx").on(table.heldOn),
    index("reviews_created_by_idx").on(table.createdBy),
  ],
);

export const actions = sqliteTable(
  "actions",
  {
    id: id(),
    description: text("description").notNull(),
    ownerId: integer("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    dueDate: day("due_date"),
    status: text("status", { enum: actionStatuses }).notNull(),
    source: text("source", { enum: actionSources }).notNull(),
    /** The meeting, review or assessment it came from (with `source`). */
    sourceId: integer("source_id"),
    /** For actions from a self-assessment: the checklist line they improve. */
    lineCode: text("line_code"),
    completedAt: instant("completed_at"),
    completedBy: integer("completed_by").references(() => users.id, { onDelete: "set null" }),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps(),
  },
  (table) => [
    index("actions_status_due_idx").on(table.status, table.dueDate),
    index("actions_owner_status_due_idx").on(table.ownerId, table.status, table.dueDate),
    // The actions list's order: soonest due first, those without a date last; done ones by when.
    index("actions_status_due_last_idx").on(table.status, sql`${table.dueDate} is null`, table.dueDate),
    index("actions_owner_status_due_last_idx").on(
      table.ownerId,
      table.status,
      sql`${table.dueDate} is null`,
      table.dueDate,
    ),
    index("actions_status_completed_idx").on(table.status, table.completedAt),
    index("actions_source_idx").on(table.source, table.sourceId),
    index("actions_completed_by_idx").on(table.completedBy),
    index("actions_created_by_idx").on(table.createdBy),
  ],
);

// ---------------------------------------------------------------------------------------------
// Equality monitoring: special category data, kept apart, only with consent.

export const equalityMonitoring = sqliteTable(
  "equality_monitoring",
  {
    personType: text("person_type", { enum: monitoredPersonTypes }).notNull(),
    personId: integer("person_id").notNull(),
    consentGivenOn: day("consent_given_on").notNull(),
    consentMethod: text("consent_method", { enum: consentMethods }).notNull(),
    consentRecordedBy: integer("consent_recorded_by").references(() => users.id, { onDelete: "set null" }),
    ageBand: text("age_band", { enum: ageBands }),
    sex: text("sex", { enum: sexes }),
    genderIdentity: text("gender_identity", { enum: genderIdentities }),
    ethnicGroup: text("ethnic_group", { enum: ethnicGroups }),
    disability: text("disability", { enum: disabilityAnswers }),
    socioEconomic: text("socio_economic", { enum: socioEconomicBackgrounds }),
    /** Where they live: a local authority or postcode district, if given. */
    area: text("area"),
    ...timestamps(),
  },
  (table) => [
    primaryKey({ columns: [table.personType, table.personId] }),
    index("equality_monitoring_consent_recorded_by_idx").on(table.consentRecordedBy),
  ],
);

/** The community the organisation compares its volunteers with (e.g. census percentages for its area). */
export const communityProfiles = sqliteTable(
  "community_profiles",
  {
    id: id(),
    name: text("name").notNull(),
    source: text("source"),
    year: integer("year"),
    ...timestamps(),
  },
  (table) => [index("community_profiles_name_idx").on(table.name)],
);

export const communityProfileValues = sqliteTable(
  "community_profile_values",
  {
    profileId: integer("profile_id")
      .notNull()
      .references(() => communityProfiles.id, { onDelete: "cascade" }),
    question: text("question", { enum: monitoringQuestions }).notNull(),
    category: text("category").notNull(),
    percent: real("percent").notNull(),
  },
  (table) => [primaryKey({ columns: [table.profileId, table.question, table.category] })],
);

/** A per-person link for filling in one's own monitoring form; only its hash is kept. */
export const monitoringFormLinks = sqliteTable(
  "monitoring_form_links",
  {
    id: id(),
    personType: text("person_type", { enum: monitoredPersonTypes }).notNull(),
    personId: integer("person_id").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: instant("expires_at").notNull(),
    usedAt: instant("used_at"),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: instant("created_at").notNull(),
  },
  (table) => [
    index("monitoring_form_links_person_idx").on(table.personType, table.personId),
    index("monitoring_form_links_created_by_idx").on(table.createdBy),
  ],
);

/** A dated copy of an aggregated, suppressed report, kept as evidence. */
export const reportSnapshots = sqliteTable(
  "report_snapshots",
  {
    id: id(),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    /** The report's parameters and its suppressed tables, as shown when saved. */
    content: text("content", { mode: "json" }).notNull(),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: instant("created_at").notNull(),
  },
  (table) => [
    index("report_snapshots_kind_created_idx").on(table.kind, table.createdAt),
    index("report_snapshots_created_by_idx").on(table.createdBy),
  ],
);

// ---------------------------------------------------------------------------------------------
// Self-assessments against Section 3

export const assessments = sqliteTable(
  "assessments",
  {
    id: id(),
    title: text("title").notNull(),
    heldOn: day("held_on").notNull(),
    participants: text("participants"),
    status: text("status", { enum: assessmentStatuses }).notNull(),
    /** The checklist wording version it was made against. */
    checklistVersion: text("checklist_version").notNull(),
    finishedAt: instant("finished_at"),
    finishedBy: integer("finished_by").references(() => users.id, { onDelete: "set null" }),
    /** Set while a server process copies its evidence, so a second press (in any process) waits. */
    finishingSince: instant("finishing_since"),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps(),
  },
  (table) => [
    index("assessments_held_on_idx").on(table.heldOn),
    index("assessments_status_idx").on(table.status),
    index("assessments_finished_by_idx").on(table.finishedBy),
    index("assessments_created_by_idx").on(table.createdBy),
  ],
);

/** One answer per checklist line; `supported` is what the evidence supported when the line was opened. */
export const assessmentAnswers = sqliteTable(
  "assessment_answers",
  {
    assessmentId: integer("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    lineCode: text("line_code").notNull(),
    supported: text("supported", { enum: answerValues }).notNull(),
    answer: text("answer", { enum: answerValues }),
    areasForImprovement: text("areas_for_improvement"),
    comments: text("comments"),
    updatedBy: integer("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: instant("updated_at"),
  },
  (table) => [
    primaryKey({ columns: [table.assessmentId, table.lineCode] }),
    index("assessment_answers_updated_by_idx").on(table.updatedBy),
  ],
);

/** The evidence a finished assessment relied on, copied when it was finished, so it never changes. */
export const assessmentEvidence = sqliteTable(
  "assessment_evidence",
  {
    id: id(),
    assessmentId: integer("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    lineCode: text("line_code").notNull(),
    recordType: text("record_type").notNull(),
    recordId: integer("record_id").notNull(),
    kind: text("kind").notNull(),
    label: text("label").notNull(),
    evidenceDate: day("evidence_date").notNull(),
    note: text("note"),
  },
  (table) => [
    index("assessment_evidence_assessment_line_date_idx").on(table.assessmentId, table.lineCode, table.evidenceDate),
  ],
);

// ---------------------------------------------------------------------------------------------
// Imports from spreadsheets: the uploaded rows are kept while a person matches columns and fixes
// rows; once imported, every record made is listed so the batch can be undone.

export const importBatches = sqliteTable(
  "import_batches",
  {
    id: id(),
    kind: text("kind", { enum: importKinds }).notNull(),
    filename: text("filename").notNull(),
    status: text("status", { enum: importStatuses }).notNull(),
    /** The file's header row and data rows, as text cells. */
    headers: text("headers", { mode: "json" }).$type<string[]>().notNull(),
    rows: text("rows", { mode: "json" }).$type<string[][]>().notNull(),
    /** Which column feeds which field: { field: column index }. */
    mapping: text("mapping", { mode: "json" }).$type<Record<string, number>>().notNull(),
    /** Rows the person chose to leave out (0-based indexes into `rows`). */
    skipped: text("skipped", { mode: "json" }).$type<number[]>().notNull(),
    /** Cells the person corrected: { row index: { field: value } }. */
    edits: text("edits", { mode: "json" }).$type<Record<string, Record<string, string>>>().notNull(),
    importedCount: integer("imported_count").notNull().default(0),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: instant("created_at").notNull(),
    importedAt: instant("imported_at"),
    undoneAt: instant("undone_at"),
    undoneBy: integer("undone_by").references(() => users.id, { onDelete: "set null" }),
  },
  (table) => [
    index("import_batches_status_created_idx").on(table.status, table.createdAt),
    index("import_batches_created_by_idx").on(table.createdBy),
    index("import_batches_undone_by_idx").on(table.undoneBy),
  ],
);

export const importBatchRecords = sqliteTable(
  "import_batch_records",
  {
    batchId: integer("batch_id")
      .notNull()
      .references(() => importBatches.id, { onDelete: "cascade" }),
    recordType: text("record_type").notNull(),
    recordId: integer("record_id").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.batchId, table.recordType, table.recordId] }),
    index("import_batch_records_record_idx").on(table.recordType, table.recordId),
  ],
);

// ---------------------------------------------------------------------------------------------
// Feedback from partners and participants, through links that need no sign-in.

export const feedbackLinks = sqliteTable(
  "feedback_links",
  {
    id: id(),
    kind: text("kind", { enum: feedbackKinds }).notNull(),
    partnerId: integer("partner_id").references(() => partners.id, { onDelete: "restrict" }),
    projectId: integer("project_id").references(() => projects.id, { onDelete: "restrict" }),
    /** SHA-256 of the token in the link; the token itself is shown once, when the link is made. */
    tokenHash: text("token_hash").notNull().unique(),
    expiresOn: day("expires_on").notNull(),
    revokedAt: instant("revoked_at"),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: instant("created_at").notNull(),
  },
  (table) => [
    index("feedback_links_partner_idx").on(table.partnerId),
    index("feedback_links_project_idx").on(table.projectId),
    index("feedback_links_created_by_idx").on(table.createdBy),
  ],
);

export const feedbackResponses = sqliteTable(
  "feedback_responses",
  {
    id: id(),
    linkId: integer("link_id")
      .notNull()
      .references(() => feedbackLinks.id, { onDelete: "restrict" }),
    kind: text("kind", { enum: feedbackKinds }).notNull(),
    partnerId: integer("partner_id").references(() => partners.id, { onDelete: "restrict" }),
    projectId: integer("project_id").references(() => projects.id, { onDelete: "restrict" }),
    submittedAt: instant("submitted_at").notNull(),
    /** The answers as given (partner: satisfaction, relevance, value, gained, changes; participant: got, outcomes, other opportunities). */
    answers: text("answers", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    /** A keyed hash of the sender's address, only to limit how often one address may answer. */
    senderKey: text("sender_key"),
  },
  (table) => [
    index("feedback_responses_link_idx").on(table.linkId),
    index("feedback_responses_sender_idx").on(table.senderKey, table.submittedAt),
    index("feedback_responses_partner_idx").on(table.partnerId, table.submittedAt),
    index("feedback_responses_project_idx").on(table.projectId, table.submittedAt),
  ],
);

// ---------------------------------------------------------------------------------------------
// Evidence counts, kept by triggers on evidence_links (see the migration), so the checklist's
// coverage is read from a few hundred rows rather than counted over every link.

export const evidenceLineCounts = sqliteTable(
  "evidence_line_counts",
  {
    lineCode: text("line_code").notNull(),
    status: text("status", { enum: evidenceStatuses }).notNull(),
    recordType: text("record_type").notNull(),
    n: integer("n").notNull(),
  },
  (table) => [primaryKey({ columns: [table.lineCode, table.status, table.recordType] })],
);

/** Confirmed evidence per line and calendar month (YYYY-MM), for how much of it is recent. */
export const evidenceLineMonths = sqliteTable(
  "evidence_line_months",
  {
    lineCode: text("line_code").notNull(),
    month: text("month").notNull(),
    n: integer("n").notNull(),
  },
  (table) => [primaryKey({ columns: [table.lineCode, table.month] })],
);
