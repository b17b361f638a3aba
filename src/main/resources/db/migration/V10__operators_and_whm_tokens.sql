-- The operator's side (WHM): resellers, the accounts they own, and WHM API tokens.
--
-- A reseller is an account with a non-NULL `reseller_acls` (its WHM privileges, sorted and
-- comma-separated; `all` is root-level). `owner` names the WHM user that owns an account: `root` or a
-- reseller's username. Removing a reseller hands its accounts back to root (done by the service).

ALTER TABLE account
    ADD COLUMN owner VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT 'root',
    ADD COLUMN reseller_acls VARCHAR(2000) CHARACTER SET ascii COLLATE ascii_bin NULL,
    ADD INDEX ix_account_owner (owner);

-- WHM API tokens: their own namespace (cPanel's api_tokens_v2/whostmgr), stored exactly like cPanel
-- tokens (SHA-512 hex only). `owner` is `root` or a reseller; a reseller's tokens go with its account.
CREATE TABLE whm_api_token (
    id             BIGINT      NOT NULL AUTO_INCREMENT,
    owner          VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    account_id     BIGINT      NULL,
    name           VARCHAR(50) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    token_hash     CHAR(128)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    create_time    BIGINT      NOT NULL,
    expires_at     BIGINT      NULL,
    -- sorted, comma-separated ACL names; NULL: every privilege the owner holds, now and later
    acls           VARCHAR(2000) CHARACTER SET ascii COLLATE ascii_bin NULL,
    whitelist_ips  VARCHAR(5000) CHARACTER SET ascii COLLATE ascii_bin NULL,
    last_used_at   BIGINT      NULL,
    last_used_ip   VARCHAR(45) CHARACTER SET ascii COLLATE ascii_bin NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_whm_api_token_hash UNIQUE (token_hash),
    CONSTRAINT uq_whm_api_token_owner_name UNIQUE (owner, name),
    CONSTRAINT fk_whm_api_token_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
