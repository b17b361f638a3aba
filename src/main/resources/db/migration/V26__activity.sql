-- The activity log (issue 20 §1). Never an argument, a token value or hash, a password or a header: only who
-- (account, credential kind, token id), where (face), what (module, function), how it ended (result) and when.
-- account_id 0 is root (no account). token_id 0: the credential is not a token (a password, a session).
-- No foreign keys: rows outlive a revoked token, and an account's are deleted by the retention clean-up.

-- Calls counted per minute; written in batches with INSERT ... ON DUPLICATE KEY UPDATE count = count + VALUES(count).
CREATE TABLE activity_count (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    account_id  BIGINT       NOT NULL,
    credential  VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    token_id    BIGINT       NOT NULL DEFAULT 0,
    face        VARCHAR(8)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    module      VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    function    VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    result      VARCHAR(8)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    minute      BIGINT       NOT NULL,
    count       BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_activity_count UNIQUE (account_id, minute, credential, token_id, face, module, function, result),
    KEY ix_activity_count_minute (minute)
) ENGINE=InnoDB DEFAULT CHARSET=ascii COLLATE=ascii_bin;

-- The newest calls of each token (openuapi.activity.recent-events per token), with the client's address.
CREATE TABLE activity_event (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    account_id  BIGINT       NOT NULL,
    credential  VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    token_id    BIGINT       NULL,
    time        BIGINT       NOT NULL,
    address     VARCHAR(45)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    face        VARCHAR(8)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    module      VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    function    VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    result      VARCHAR(8)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    PRIMARY KEY (id),
    KEY ix_activity_event_token (credential, token_id, id),
    KEY ix_activity_event_account (account_id, id),
    KEY ix_activity_event_time (time)
) ENGINE=InnoDB DEFAULT CHARSET=ascii COLLATE=ascii_bin;

-- Failed authentications against a known account (root is 0), per address, reason class and minute.
CREATE TABLE auth_failure_count (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    account_id  BIGINT       NOT NULL,
    address     VARCHAR(45)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    reason      VARCHAR(24)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    minute      BIGINT       NOT NULL,
    count       BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_auth_failure_count UNIQUE (account_id, minute, address, reason),
    KEY ix_auth_failure_count_minute (minute)
) ENGINE=InnoDB DEFAULT CHARSET=ascii COLLATE=ascii_bin;
