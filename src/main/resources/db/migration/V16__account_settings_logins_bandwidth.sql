-- Per-account data that cPanel keeps in files under the home directory and OpenUAPI has no other backend for
-- yet (issue 14 §3): the interface locale and theme (Locale::set_locale, Themes::update), the CacheBuster id
-- (cPanel's ~/etc/cacheid), the addresses LastLogin has seen (cPanel's ~/.lastlogin), and the history of the
-- metering agent's bandwidth reports that Bandwidth::query reads.

-- One row per account, made on the first write. NULL means "never set": the server's default.
CREATE TABLE account_setting (
    account_id  BIGINT      NOT NULL,
    locale      VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NULL,
    theme       VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
    cache_id    BIGINT      NULL,
    updated_at  BIGINT      NOT NULL,
    PRIMARY KEY (account_id),
    CONSTRAINT fk_account_setting_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The last IPv4 addresses an account was seen from by LastLogin (cPanel keeps 15), oldest first by id.
CREATE TABLE login_host (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    account_id  BIGINT      NOT NULL,
    address     VARCHAR(45) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    seen_at     BIGINT      NOT NULL,
    PRIMARY KEY (id),
    KEY login_host_account (account_id, id),
    CONSTRAINT fk_login_host_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Each report of PUT /api/v1/accounts/{user}/usage that carried bandwidth_used_bytes (the month's transfer so
-- far), with the bytes transferred since the previous report, which Bandwidth::query adds up.
CREATE TABLE bandwidth_report (
    id           BIGINT NOT NULL AUTO_INCREMENT,
    account_id   BIGINT NOT NULL,
    reported_at  BIGINT NOT NULL,
    month_bytes  BIGINT NOT NULL,
    delta_bytes  BIGINT NOT NULL,
    PRIMARY KEY (id),
    KEY bandwidth_report_account_time (account_id, reported_at),
    CONSTRAINT fk_bandwidth_report_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
