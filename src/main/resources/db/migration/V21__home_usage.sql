-- The bytes in each account's home directory (its files and its mail under mail/), kept current by every write
-- OpenUAPI makes and measured again by walking the home when older than openuapi.disk-usage.rescan-interval
-- (src/docs/disk-usage.md). No foreign key: a home's size may be stored from another transaction while the account's
-- creation has not committed yet; the account's removal deletes the row (files.HomeSizeService).
CREATE TABLE home_usage (
    account_id   BIGINT NOT NULL,
    bytes        BIGINT NOT NULL,
    measured_at  BIGINT NOT NULL,
    PRIMARY KEY (account_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The metering agent's disk figure was the whole account's; it now sets the home's size (home_usage), and the
-- account's disk use is computed: home + databases.
ALTER TABLE account_usage DROP COLUMN disk_used_bytes;
