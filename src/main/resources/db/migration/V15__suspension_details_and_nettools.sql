-- WHM API 1 listsuspended reports when and why each account was suspended (issue 14 §3): suspendacct stores its
-- reason, and every suspension (WHM or the operator's REST API) its time. Accounts suspended before this migration
-- take their last change as the time of suspension, the best record there is.
ALTER TABLE account ADD COLUMN suspended_at BIGINT NULL;
ALTER TABLE account ADD COLUMN suspension_reason VARCHAR(1000) NULL;
UPDATE account SET suspended_at = updated_at WHERE suspended = TRUE;

-- cPanel's nettools feature (Track DNS) gates UAPI DNS::lookup; new accounts get every feature, and existing accounts
-- get this new one too, as they would have had it on cPanel.
UPDATE account SET features = CONCAT(features, ',nettools') WHERE features <> '' AND FIND_IN_SET('nettools', features) = 0;
