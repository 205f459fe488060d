CREATE TABLE `evidence_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`line_code` text NOT NULL,
	`record_type` text NOT NULL,
	`record_id` integer NOT NULL,
	`status` text NOT NULL,
	`note` text,
	`evidence_date` text NOT NULL,
	`rule` text,
	`created_at` integer NOT NULL,
	`created_by` integer,
	`decided_at` integer,
	`decided_by` integer,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `evidence_links_line_record_idx` ON `evidence_links` (`line_code`,`record_type`,`record_id`);--> statement-breakpoint
CREATE INDEX `evidence_links_record_idx` ON `evidence_links` (`record_type`,`record_id`);--> statement-breakpoint
CREATE INDEX `evidence_links_status_line_date_idx` ON `evidence_links` (`status`,`line_code`,`evidence_date`,`record_type`);--> statement-breakpoint
CREATE INDEX `evidence_links_status_created_idx` ON `evidence_links` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `evidence_links_created_by_idx` ON `evidence_links` (`created_by`);--> statement-breakpoint
CREATE INDEX `evidence_links_decided_by_idx` ON `evidence_links` (`decided_by`);--> statement-breakpoint
CREATE INDEX `benefits_updated_at_idx` ON `benefits` (`updated_at`);--> statement-breakpoint
CREATE INDEX `contributors_active_to_idx` ON `contributors` (`active_to`);--> statement-breakpoint
CREATE INDEX `contributors_updated_at_idx` ON `contributors` (`updated_at`);--> statement-breakpoint
CREATE INDEX `projects_updated_at_idx` ON `projects` (`updated_at`);--> statement-breakpoint
CREATE INDEX `volunteers_updated_at_idx` ON `volunteers` (`updated_at`);