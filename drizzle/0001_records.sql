CREATE TABLE `benefit_outcomes` (
	`benefit_id` integer NOT NULL,
	`outcome` text NOT NULL,
	PRIMARY KEY(`benefit_id`, `outcome`),
	FOREIGN KEY (`benefit_id`) REFERENCES `benefits`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `benefit_outcomes_outcome_idx` ON `benefit_outcomes` (`outcome`);--> statement-breakpoint
CREATE TABLE `benefits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`beneficiary` text NOT NULL,
	`description` text NOT NULL,
	`date` text NOT NULL,
	`partner_id` integer,
	`project_id` integer,
	`source` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `benefits_beneficiary_idx` ON `benefits` (`beneficiary`);--> statement-breakpoint
CREATE INDEX `benefits_date_idx` ON `benefits` (`date`);--> statement-breakpoint
CREATE INDEX `benefits_partner_id_idx` ON `benefits` (`partner_id`);--> statement-breakpoint
CREATE INDEX `benefits_project_id_idx` ON `benefits` (`project_id`);--> statement-breakpoint
CREATE INDEX `benefits_source_idx` ON `benefits` (`source`);--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`partner_id` integer NOT NULL,
	`name` text NOT NULL,
	`role` text,
	`email` text,
	`phone` text,
	`notes` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `contacts_partner_id_idx` ON `contacts` (`partner_id`);--> statement-breakpoint
CREATE INDEX `contacts_name_idx` ON `contacts` (`name`);--> statement-breakpoint
CREATE TABLE `contributors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`partner_id` integer,
	`skills` text,
	`email` text,
	`phone` text,
	`website` text,
	`active_from` text,
	`active_to` text,
	`notes` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `contributors_name_idx` ON `contributors` (`name`);--> statement-breakpoint
CREATE INDEX `contributors_kind_idx` ON `contributors` (`kind`);--> statement-breakpoint
CREATE INDEX `contributors_partner_id_idx` ON `contributors` (`partner_id`);--> statement-breakpoint
CREATE INDEX `contributors_active_from_idx` ON `contributors` (`active_from`);--> statement-breakpoint
CREATE TABLE `funding_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`source` text NOT NULL,
	`amount_pence` integer NOT NULL,
	`status` text NOT NULL,
	`date` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `funding_lines_project_id_idx` ON `funding_lines` (`project_id`);--> statement-breakpoint
CREATE INDEX `funding_lines_status_idx` ON `funding_lines` (`status`);--> statement-breakpoint
CREATE TABLE `partners` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`status` text NOT NULL,
	`start_date` text,
	`end_date` text,
	`end_reason` text,
	`adds_value` text,
	`is_advocate` integer DEFAULT false NOT NULL,
	`extends_onsite` integer DEFAULT false NOT NULL,
	`extends_offsite` integer DEFAULT false NOT NULL,
	`website` text,
	`area` text,
	`notes` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `partners_name_idx` ON `partners` (`name`);--> statement-breakpoint
CREATE INDEX `partners_type_idx` ON `partners` (`type`);--> statement-breakpoint
CREATE INDEX `partners_status_idx` ON `partners` (`status`);--> statement-breakpoint
CREATE INDEX `partners_start_date_idx` ON `partners` (`start_date`);--> statement-breakpoint
CREATE INDEX `partners_updated_at_idx` ON `partners` (`updated_at`);--> statement-breakpoint
CREATE TABLE `project_contributors` (
	`project_id` integer NOT NULL,
	`contributor_id` integer NOT NULL,
	PRIMARY KEY(`project_id`, `contributor_id`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contributor_id`) REFERENCES `contributors`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `project_contributors_contributor_id_idx` ON `project_contributors` (`contributor_id`);--> statement-breakpoint
CREATE TABLE `project_partners` (
	`project_id` integer NOT NULL,
	`partner_id` integer NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`project_id`, `partner_id`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `project_partners_partner_id_idx` ON `project_partners` (`partner_id`);--> statement-breakpoint
CREATE TABLE `project_volunteers` (
	`project_id` integer NOT NULL,
	`volunteer_id` integer NOT NULL,
	PRIMARY KEY(`project_id`, `volunteer_id`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`volunteer_id`) REFERENCES `volunteers`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `project_volunteers_volunteer_id_idx` ON `project_volunteers` (`volunteer_id`);--> statement-breakpoint
CREATE TABLE `projects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`description` text,
	`status` text NOT NULL,
	`start_date` text,
	`end_date` text,
	`learning_opportunities` text,
	`audience_research_shared` integer DEFAULT false NOT NULL,
	`notes` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `projects_title_idx` ON `projects` (`title`);--> statement-breakpoint
CREATE INDEX `projects_status_idx` ON `projects` (`status`);--> statement-breakpoint
CREATE INDEX `projects_start_date_idx` ON `projects` (`start_date`);--> statement-breakpoint
CREATE TABLE `training_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`volunteer_id` integer NOT NULL,
	`date` text NOT NULL,
	`title` text NOT NULL,
	`provider` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`volunteer_id`) REFERENCES `volunteers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `training_records_volunteer_id_idx` ON `training_records` (`volunteer_id`);--> statement-breakpoint
CREATE INDEX `training_records_date_idx` ON `training_records` (`date`);--> statement-breakpoint
CREATE TABLE `user_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`description` text NOT NULL,
	`number` integer,
	`new_or_infrequent` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `user_groups_project_id_idx` ON `user_groups` (`project_id`);--> statement-breakpoint
CREATE TABLE `volunteer_focuses` (
	`volunteer_id` integer NOT NULL,
	`focus` text NOT NULL,
	PRIMARY KEY(`volunteer_id`, `focus`),
	FOREIGN KEY (`volunteer_id`) REFERENCES `volunteers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `volunteer_focuses_focus_idx` ON `volunteer_focuses` (`focus`);--> statement-breakpoint
CREATE TABLE `volunteer_hours` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`volunteer_id` integer NOT NULL,
	`date` text NOT NULL,
	`minutes` integer NOT NULL,
	`activity` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`volunteer_id`) REFERENCES `volunteers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `volunteer_hours_volunteer_id_idx` ON `volunteer_hours` (`volunteer_id`);--> statement-breakpoint
CREATE INDEX `volunteer_hours_date_idx` ON `volunteer_hours` (`date`);--> statement-breakpoint
CREATE TABLE `volunteers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`email` text,
	`phone` text,
	`programme` text NOT NULL,
	`status` text NOT NULL,
	`start_date` text,
	`end_date` text,
	`roles` text,
	`skills` text,
	`notes` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `volunteers_name_idx` ON `volunteers` (`name`);--> statement-breakpoint
CREATE INDEX `volunteers_programme_idx` ON `volunteers` (`programme`);--> statement-breakpoint
CREATE INDEX `volunteers_status_idx` ON `volunteers` (`status`);--> statement-breakpoint
CREATE INDEX `volunteers_start_date_idx` ON `volunteers` (`start_date`);--> statement-breakpoint
CREATE INDEX `volunteers_end_date_idx` ON `volunteers` (`end_date`);