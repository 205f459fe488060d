// Enum values shared by the schema, the forms and the pages. Plain data, safe in the browser.

export const roles = ["admin", "editor", "viewer"] as const;
export type Role = (typeof roles)[number];

export const auditActions = ["create", "update", "delete"] as const;
export type AuditAction = (typeof auditActions)[number];
