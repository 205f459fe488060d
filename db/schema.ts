import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { day, flag, id, instant, timestamps } from "./columns";
import {
  auditActions,
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
    ...timestamps(),
  },
  (table) => [index("users_role_idx").on(table.role), index("users_name_idx").on(table.name)],
);

/** Server-side sessions: the cookie carries a random token, the table only its SHA-256 hash. */
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
    ...timestamps(),
  },
  (table) => [
    index("partners_name_idx").on(table.name),
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
    index("benefits_beneficiary_idx").on(table.beneficiary),
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
    index("evidence_links_status_line_date_idx").on(
      table.status,
      table.lineCode,
      table.evidenceDate,
      table.recordType,
    ),
    index("evidence_links_status_created_idx").on(table.status, table.createdAt),
    index("evidence_links_created_by_idx").on(table.createdBy),
    index("evidence_links_decided_by_idx").on(table.decidedBy),
  ],
);
