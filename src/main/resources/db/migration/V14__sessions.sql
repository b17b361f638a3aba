-- cPanel's session login (issue 14 §1): POST /login/ and WHM's create_user_session make a session; the browser
-- (or client) then sends the session's cookie together with its security token in the URL (/cpsessNNNNNNNNNN/…).
-- Every replica reads these rows, so a session made on one works on all of them, and a logout (a deleted row,
-- announced in snapshot_change) is seen everywhere within a second.
--
-- Only the SHA-256 of the session's secret (the cookie's value, or create_user_session's one-time login string)
-- is stored; the secret carries 192 random bits, so the hash cannot be reversed. Times are epoch milliseconds.
CREATE TABLE login_session (
    id              BIGINT      NOT NULL AUTO_INCREMENT,
    -- lowercase hex SHA-256 of the secret
    secret_hash     CHAR(64)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    -- the ten digits of /cpsessNNNNNNNNNN: the CSRF defence, fresh for every session
    security_token  CHAR(10)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    -- cpaneld (the cPanel APIs as an account) or whostmgrd (WHM API 1 as root or a reseller)
    service         VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    username        VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    -- the account (NULL for root); its removal removes its sessions
    account_id      BIGINT      NULL,
    -- login (a password login) or create_user_session
    origin          VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    -- a create_user_session session whose URL was not used yet: its secret is the one-time login string, not a cookie
    pending         BOOLEAN     NOT NULL DEFAULT FALSE,
    address         VARCHAR(45) CHARACTER SET ascii COLLATE ascii_bin NULL,
    created_at      BIGINT      NOT NULL,
    -- written at most every quarter of the idle timeout (at most once a minute), off the request path
    last_active_at  BIGINT      NOT NULL,
    -- the absolute end
    expires_at      BIGINT      NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_login_session_secret UNIQUE (secret_hash),
    KEY idx_login_session_expires (expires_at),
    KEY idx_login_session_active (last_active_at),
    CONSTRAINT fk_login_session_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
