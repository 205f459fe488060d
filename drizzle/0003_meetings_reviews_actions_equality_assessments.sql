CREATE TABLE `actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`description` text NOT NULL,
	`owner_id` integer NOT NULL,
	`due_date` text,
	`status` text NOT NULL,
	`source` text NOT NULL,
	`source_id` integer,
	`line_code` text,
	`completed_at` integer,
	`completed_by` integer,
	`created_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`completed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `actions_status_due_idx` ON `actions` (`status`,`due_date`);--> statement-breakpoint
CREATE INDEX `actions_owner_status_due_idx` ON `actions` (`owner_id`,`status`,`due_date`);--> statement-breakpoint
CREATE INDEX `actions_source_idx` ON `actions` (`source`,`source_id`);--> statement-breakpoint
CREATE INDEX `actions_completed_by_idx` ON `actions` (`completed_by`);--> statement-breakpoint
CREATE INDEX `actions_created_by_idx` ON `actions` (`created_by`);--> statement-breakpoint
CREATE TABLE `assessment_answers` (
	`assessment_id` integer NOT NULL,
	`line_code` text NOT NULL,
	`supported` text NOT NULL,
	`answer` text,
	`areas_for_improvement` text,
	`comments` text,
	`updated_by` integer,
	`updated_at` integer,
	PRIMARY KEY(`assessment_id`, `line_code`),
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `assessment_answers_updated_by_idx` ON `assessment_answers` (`updated_by`);--> statement-breakpoint
CREATE TABLE `assessment_evidence` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`assessment_id` integer NOT NULL,
	`line_code` text NOT NULL,
	`record_type` text NOT NULL,
	`record_id` integer NOT NULL,
	`kind` text NOT NULL,
	`label` text NOT NULL,
	`evidence_date` text NOT NULL,
	`note` text,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `assessment_evidence_assessment_line_idx` ON `assessment_evidence` (`assessment_id`,`line_code`);--> statement-breakpoint
CREATE TABLE `assessments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`held_on` text NOT NULL,
	`participants` text,
	`status` text NOT NULL,
	`checklist_version` text NOT NULL,
	`finished_at` integer,
	`finished_by` integer,
	`created_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`finished_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `assessments_held_on_idx` ON `assessments` (`held_on`);--> statement-breakpoint
CREATE INDEX `assessments_status_idx` ON `assessments` (`status`);--> statement-breakpoint
CREATE INDEX `assessments_finished_by_idx` ON `assessments` (`finished_by`);--> statement-breakpoint
CREATE INDEX `assessments_created_by_idx` ON `assessments` (`created_by`);--> statement-breakpoint
CREATE TABLE `community_profile_values` (
	`profile_id` integer NOT NULL,
	`question` text NOT NULL,
	`category` text NOT NULL,
	`percent` real NOT NULL,
	PRIMARY KEY(`profile_id`, `question`, `category`),
	FOREIGN KEY (`profile_id`) REFERENCES `community_profiles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `community_profiles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`source` text,
	`year` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `community_profiles_name_idx` ON `community_profiles` (`name`);--> statement-breakpoint
CREATE TABLE `equality_monitoring` (
	`person_type` text NOT NULL,
	`person_id` integer NOT NULL,
	`consent_given_on` text NOT NULL,
	`consent_method` text NOT NULL,
	`consent_recorded_by` integer,
	`age_band` text,
	`sex` text,
	`gender_identity` text,
	`ethnic_group` text,
	`disability` text,
	`socio_economic` text,
	`area` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`person_type`, `person_id`),
	FOREIGN KEY (`consent_recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `equality_monitoring_consent_recorded_by_idx` ON `equality_monitoring` (`consent_recorded_by`);--> statement-breakpoint
CREATE TABLE `meeting_attendees` (
	`meeting_id` integer NOT NULL,
	`attendee_type` text NOT NULL,
	`attendee_id` integer NOT NULL,
	PRIMARY KEY(`meeting_id`, `attendee_type`, `attendee_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `meeting_attendees_attendee_idx` ON `meeting_attendees` (`attendee_type`,`attendee_id`);--> statement-breakpoint
CREATE TABLE `meeting_partners` (
	`meeting_id` integer NOT NULL,
	`partner_id` integer NOT NULL,
	PRIMARY KEY(`meeting_id`, `partner_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `meeting_partners_partner_id_idx` ON `meeting_partners` (`partner_id`,`meeting_id`);--> statement-breakpoint
CREATE TABLE `meeting_projects` (
	`meeting_id` integer NOT NULL,
	`project_id` integer NOT NULL,
	PRIMARY KEY(`meeting_id`, `project_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `meeting_projects_project_id_idx` ON `meeting_projects` (`project_id`,`meeting_id`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`held_at` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`summary` text,
	`decisions` text,
	`created_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `meetings_held_at_idx` ON `meetings` (`held_at`);--> statement-breakpoint
CREATE INDEX `meetings_kind_held_at_idx` ON `meetings` (`kind`,`held_at`);--> statement-breakpoint
CREATE INDEX `meetings_created_by_idx` ON `meetings` (`created_by`);--> statement-breakpoint
CREATE TABLE `monitoring_form_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_type` text NOT NULL,
	`person_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`created_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `monitoring_form_links_token_hash_unique` ON `monitoring_form_links` (`token_hash`);--> statement-breakpoint
CREATE INDEX `monitoring_form_links_person_idx` ON `monitoring_form_links` (`person_type`,`person_id`);--> statement-breakpoint
CREATE INDEX `monitoring_form_links_created_by_idx` ON `monitoring_form_links` (`created_by`);--> statement-breakpoint
CREATE TABLE `report_snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`content` text NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `report_snapshots_kind_created_idx` ON `report_snapshots` (`kind`,`created_at`);--> statement-breakpoint
CREATE INDEX `report_snapshots_created_by_idx` ON `report_snapshots` (`created_by`);--> statement-breakpoint
CREATE TABLE `reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`partner_id` integer NOT NULL,
	`held_on` text NOT NULL,
	`participants` text,
	`still_relevant` text NOT NULL,
	`satisfaction` integer,
	`partner_words` text,
	`value_added` text,
	`partner_gained` text,
	`user_benefits` text,
	`lessons` text,
	`decision` text NOT NULL,
	`changes` text,
	`next_review_date` text,
	`created_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `reviews_partner_id_held_on_idx` ON `reviews` (`partner_id`,`held_on`);--> statement-breakpoint
CREATE INDEX `reviews_held_on_idx` ON `reviews` (`held_on`);--> statement-breakpoint
CREATE INDEX `reviews_created_by_idx` ON `reviews` (`created_by`);--> statement-breakpoint
ALTER TABLE `partners` ADD `review_cadence_months` integer DEFAULT 12 NOT NULL;--> statement-breakpoint
ALTER TABLE `partners` ADD `next_review_date` text;--> statement-breakpoint
CREATE INDEX `partners_next_review_idx` ON `partners` (`status`,`next_review_date`);--> statement-breakpoint
ALTER TABLE `users` ADD `calendar_token` text;--> statement-breakpoint
CREATE UNIQUE INDEX `users_calendar_token_unique` ON `users` (`calendar_token`);--> statement-breakpoint
UPDATE `partners` SET `next_review_date` = date(coalesce(`start_date`, date(`created_at` / 1000, 'unixepoch')), '+12 months') WHERE `status` IN ('active', 'paused') AND `next_review_date` IS NULL;
