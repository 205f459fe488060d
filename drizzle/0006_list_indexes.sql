DROP INDEX `benefits_beneficiary_idx`;--> statement-breakpoint
CREATE INDEX `benefits_beneficiary_date_idx` ON `benefits` (`beneficiary`,`date`);--> statement-breakpoint
CREATE INDEX `benefits_beneficiary_newest_idx` ON `benefits` (`beneficiary`,"date" desc,"id" desc);--> statement-breakpoint
CREATE INDEX `actions_status_due_last_idx` ON `actions` (`status`,"due_date" is null,`due_date`);--> statement-breakpoint
CREATE INDEX `actions_owner_status_due_last_idx` ON `actions` (`owner_id`,`status`,"due_date" is null,`due_date`);--> statement-breakpoint
CREATE INDEX `actions_status_completed_idx` ON `actions` (`status`,`completed_at`);--> statement-breakpoint
CREATE INDEX `meetings_kind_newest_idx` ON `meetings` (`kind`,"held_at" desc);--> statement-breakpoint
CREATE INDEX `meetings_title_held_at_idx` ON `meetings` (`title`,`held_at`);--> statement-breakpoint
CREATE INDEX `meetings_title_newest_idx` ON `meetings` (`title`,"held_at" desc);--> statement-breakpoint
CREATE INDEX `partners_review_order_idx` ON `partners` (`next_review_date`,`name`);--> statement-breakpoint
CREATE INDEX `volunteers_programme_z_a_idx` ON `volunteers` (`programme`,"id" desc);--> statement-breakpoint
CREATE INDEX `volunteers_status_z_a_idx` ON `volunteers` (`status`,"id" desc);