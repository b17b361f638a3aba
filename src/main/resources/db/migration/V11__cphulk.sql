-- cPHulk brute-force protection (issue 12 §1, spec §11). Failed logins are counted in memory and shared
-- between replicas through these tables, in batches (at most one multi-row INSERT a second per replica).
-- No credential, and no hash of one, is ever stored here.

-- The failed logins that counted (the same wrong credential counts once), read by the WHM functions and
-- by the other replicas. Rows older than the look-back period are deleted.
CREATE TABLE cphulk_login_failure (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    address     VARCHAR(45)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    ip_key      VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    username    VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    service     VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    reason      VARCHAR(32)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    failed_at   BIGINT       NOT NULL,
    replica     VARCHAR(40)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    PRIMARY KEY (id),
    KEY idx_cphulk_login_failure_at (failed_at),
    KEY idx_cphulk_login_failure_ip (ip_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Blocks: an address (kind ip: too many failures in the IP period; excessive: too many in the look-back
-- period) or a user (kind user). Loaded at start, so a restart keeps them. Two replicas that reach the same
-- block write one row (the unique key; INSERT IGNORE).
CREATE TABLE cphulk_block (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    kind           VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    block_key      VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    address        VARCHAR(45)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    username       VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    service        VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    failures       INT          NOT NULL,
    blocked_since  BIGINT       NOT NULL,
    blocked_until  BIGINT       NOT NULL,
    reason         VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
    replica        VARCHAR(40)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_cphulk_block UNIQUE (kind, block_key, blocked_until),
    KEY idx_cphulk_block_until (blocked_until)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The allow (white) and deny (black) lists: the range as given, and its first and last address.
CREATE TABLE cphulk_list_entry (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    list_name   VARCHAR(8)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    ip_range    VARCHAR(100)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    start_bytes VARBINARY(16) NOT NULL,
    end_bytes   VARBINARY(16) NOT NULL,
    comment     VARCHAR(255)  CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_cphulk_list_entry UNIQUE (list_name, ip_range)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Run-time settings (set_cphulk_config_key, enable/disable_cphulk), over the configuration's defaults.
-- The row "revision" counts every change to settings, lists, blocks and history made through the WHM
-- functions, so the other replicas reload them within a second.
CREATE TABLE cphulk_setting (
    name   VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    value  VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO cphulk_setting (name, value) VALUES ('revision', '0');
