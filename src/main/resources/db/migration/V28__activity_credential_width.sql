-- The activity log's credential column (V26) held 16 characters, and RESELLER_PASSWORD has 17: a flush that carried a
-- call made with a reseller's password failed, and its whole batch was lost. Widened to 24: still one length byte, so
-- MariaDB changes it in place, and the previous release keeps writing its shorter names.
ALTER TABLE activity_count MODIFY credential VARCHAR(24) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
ALTER TABLE activity_event MODIFY credential VARCHAR(24) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
