-- Mailboxes and forwarders. password_hash is SHA512-CRYPT, which Dovecot's SQL passdb verifies
-- (default_pass_scheme = SHA512-CRYPT), so a mail server can authenticate against this table directly.

CREATE TABLE mailbox (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    account_id          BIGINT        NOT NULL,
    email               VARCHAR(320)  CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL,
    domain              VARCHAR(253)  CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL,
    password_hash       VARCHAR(200)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    quota_mb            BIGINT        NULL,
    disk_used_bytes     BIGINT        NOT NULL DEFAULT 0,
    suspended_login     BOOLEAN       NOT NULL DEFAULT FALSE,
    suspended_incoming  BOOLEAN       NOT NULL DEFAULT FALSE,
    suspended_outgoing  BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at          BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_mailbox_email UNIQUE (email),
    CONSTRAINT fk_mailbox_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE email_forwarder (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    account_id   BIGINT        NOT NULL,
    address      VARCHAR(320)  CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL,
    domain       VARCHAR(253)  CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL,
    -- an address, or :fail: message, :blackhole:, |pipe
    destination  VARCHAR(1024) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    created_at   BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_email_forwarder UNIQUE (address, destination(255)),
    CONSTRAINT fk_email_forwarder_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
