-- Accounts and their cPanel API tokens.
-- Names that cPanel compares with Perl's `eq` (usernames, token names) use a binary collation, so
-- `Foo` and `foo` are different names and uniqueness is decided by the database, case-sensitively.

CREATE TABLE account (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    username       VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    password_hash  VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    domain         VARCHAR(253) CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL,
    contact_email  VARCHAR(254) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
    suspended      BOOLEAN      NOT NULL DEFAULT FALSE,
    features       VARCHAR(2000) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    created_at     BIGINT       NOT NULL,
    updated_at     BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_account_username UNIQUE (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE api_token (
    id             BIGINT      NOT NULL AUTO_INCREMENT,
    account_id     BIGINT      NOT NULL,
    name           VARCHAR(50) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    -- lowercase hex SHA-512 of the token value, as cPanel keys its api_tokens_v2 files
    token_hash     CHAR(128)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    create_time    BIGINT      NOT NULL,
    expires_at     BIGINT      NULL,
    -- normalised, comma-separated IPs/CIDRs; NULL means any address
    whitelist_ips  VARCHAR(5000) CHARACTER SET ascii COLLATE ascii_bin NULL,
    last_used_at   BIGINT      NULL,
    last_used_ip   VARCHAR(45) CHARACTER SET ascii COLLATE ascii_bin NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_api_token_hash UNIQUE (token_hash),
    CONSTRAINT uq_api_token_account_name UNIQUE (account_id, name),
    CONSTRAINT fk_api_token_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
