import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { flag, id, instant, timestamps } from "./columns";
import { auditActions, roles } from "./enums";

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
