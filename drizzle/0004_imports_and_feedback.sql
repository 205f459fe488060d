CREATE TABLE `feedback_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`partner_id` integer,
	`project_id` integer,
	`token_hash` text NOT NULL,
	`expires_on` text NOT NULL,
	`revoked_at` integer,
	`created_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `feedback_links_token_hash_unique` ON `feedback_links` (`token_hash`);--> statement-breakpoint
CREATE INDEX `feedback_links_partner_idx` ON `feedback_links` (`partner_id`);--> statement-breakpoint
CREATE INDEX `feedback_links_project_idx` ON `feedback_links` (`project_id`);--> statement-breakpoint
CREATE INDEX `feedback_links_created_by_idx` ON `feedback_links` (`created_by`);--> statement-breakpoint
CREATE TABLE `feedback_responses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`link_id` integer NOT NULL,
	`kind` text NOT NULL,
	`partner_id` integer,
	`project_id` integer,
	`submitted_at` integer NOT NULL,
	`answers` text NOT NULL,
	FOREIGN KEY (`link_id`) REFERENCES `feedback_links`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `feedback_responses_link_idx` ON `feedback_responses` (`link_id`);--> statement-breakpoint
CREATE INDEX `feedback_responses_partner_idx` ON `feedback_responses` (`partner_id`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `feedback_responses_project_idx` ON `feedback_responses` (`project_id`,`submitted_at`);--> statement-breakpoint
CREATE TABLE `import_batch_records` (
	`batch_id` integer NOT NULL,
	`record_type` text NOT NULL,
	`record_id` integer NOT NULL,
	PRIMARY KEY(`batch_id`, `record_type`, `record_id`),
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `import_batch_records_record_idx` ON `import_batch_records` (`record_type`,`record_id`);--> statement-breakpoint
CREATE TABLE `import_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`filename` text NOT NULL,
	`status` text NOT NULL,
	`headers` text NOT NULL,
	`rows` text NOT NULL,
	`mapping` text NOT NULL,
	`skipped` text NOT NULL,
	`edits` text NOT NULL,
	`imported_count` integer DEFAULT 0 NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`imported_at` integer,
	`undone_at` integer,
	`undone_by` integer,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`undone_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `import_batches_status_created_idx` ON `import_batches` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `import_batches_created_by_idx` ON `import_batches` (`created_by`);--> statement-breakpoint
CREATE INDEX `import_batches_undone_by_idx` ON `import_batches` (`undone_by`);