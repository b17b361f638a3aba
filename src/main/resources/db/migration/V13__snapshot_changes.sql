-- The change feed (issue 13 §1): a transaction that writes a row that replicas keep snapshots of (an account,
-- a token, a WHM token, a plan) writes its tag here too; every replica reads the last 70 s four times a second
-- and forgets those snapshots. Rows older than ten minutes are deleted.
CREATE TABLE snapshot_change (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    tag        VARCHAR(160) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    changed_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    KEY snapshot_change_changed_at (changed_at)
);
