CREATE TABLE `evidence_line_counts` (
	`line_code` text NOT NULL,
	`status` text NOT NULL,
	`record_type` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`line_code`, `status`, `record_type`)
);
--> statement-breakpoint
CREATE TABLE `evidence_line_months` (
	`line_code` text NOT NULL,
	`month` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`line_code`, `month`)
);
--> statement-breakpoint
ALTER TABLE `feedback_responses` ADD `sender_key` text;--> statement-breakpoint
CREATE INDEX `feedback_responses_sender_idx` ON `feedback_responses` (`sender_key`,`submitted_at`);
--> statement-breakpoint
INSERT INTO `evidence_line_counts` (`line_code`, `status`, `record_type`, `n`)
  SELECT `line_code`, `status`, `record_type`, count(*) FROM `evidence_links` GROUP BY `line_code`, `status`, `record_type`;
--> statement-breakpoint
INSERT INTO `evidence_line_months` (`line_code`, `month`, `n`)
  SELECT `line_code`, substr(`evidence_date`, 1, 7), count(*) FROM `evidence_links` WHERE `status` = 'confirmed' GROUP BY `line_code`, substr(`evidence_date`, 1, 7);
--> statement-breakpoint
CREATE TRIGGER `evidence_links_count_insert` AFTER INSERT ON `evidence_links` BEGIN
  INSERT INTO `evidence_line_counts` (`line_code`, `status`, `record_type`, `n`) VALUES (NEW.`line_code`, NEW.`status`, NEW.`record_type`, 1)
    ON CONFLICT DO UPDATE SET `n` = `n` + 1;
  INSERT INTO `evidence_line_months` (`line_code`, `month`, `n`)
    SELECT NEW.`line_code`, substr(NEW.`evidence_date`, 1, 7), 1 WHERE NEW.`status` = 'confirmed'
    ON CONFLICT DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `evidence_links_count_delete` AFTER DELETE ON `evidence_links` BEGIN
  UPDATE `evidence_line_counts` SET `n` = `n` - 1
    WHERE `line_code` = OLD.`line_code` AND `status` = OLD.`status` AND `record_type` = OLD.`record_type`;
  UPDATE `evidence_line_months` SET `n` = `n` - 1
    WHERE OLD.`status` = 'confirmed' AND `line_code` = OLD.`line_code` AND `month` = substr(OLD.`evidence_date`, 1, 7);
END;
--> statement-breakpoint
CREATE TRIGGER `evidence_links_count_update` AFTER UPDATE OF `line_code`, `status`, `record_type`, `evidence_date` ON `evidence_links` BEGIN
  UPDATE `evidence_line_counts` SET `n` = `n` - 1
    WHERE `line_code` = OLD.`line_code` AND `status` = OLD.`status` AND `record_type` = OLD.`record_type`;
  UPDATE `evidence_line_months` SET `n` = `n` - 1
    WHERE OLD.`status` = 'confirmed' AND `line_code` = OLD.`line_code` AND `month` = substr(OLD.`evidence_date`, 1, 7);
  INSERT INTO `evidence_line_counts` (`line_code`, `status`, `record_type`, `n`) VALUES (NEW.`line_code`, NEW.`status`, NEW.`record_type`, 1)
    ON CONFLICT DO UPDATE SET `n` = `n` + 1;
  INSERT INTO `evidence_line_months` (`line_code`, `month`, `n`)
    SELECT NEW.`line_code`, substr(NEW.`evidence_date`, 1, 7), 1 WHERE NEW.`status` = 'confirmed'
    ON CONFLICT DO UPDATE SET `n` = `n` + 1;
END;
