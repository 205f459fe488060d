CREATE TABLE `write_hits` (
	`key` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `write_hits_key_at_idx` ON `write_hits` (`key`,`at`);--> statement-breakpoint
CREATE INDEX `write_hits_at_idx` ON `write_hits` (`at`);--> statement-breakpoint
ALTER TABLE `assessments` ADD `finishing_since` integer;