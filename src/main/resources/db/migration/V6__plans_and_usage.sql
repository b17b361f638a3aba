-- Hosting plans (cPanel "packages"): limits per account. NULL means unlimited.
CREATE TABLE plan (
    id                  BIGINT      NOT NULL AUTO_INCREMENT,
    name                VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    max_email_accounts  INT         NULL,
    max_databases       INT         NULL,
    max_ftp_accounts    INT         NULL,
    max_subdomains      INT         NULL,
    max_addon_domains   INT         NULL,
    max_parked_domains  INT         NULL,
    disk_quota_mb       BIGINT      NULL,
    bandwidth_mb        BIGINT      NULL,
    created_at          BIGINT      NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_plan_name UNIQUE (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- No plan: no limits.
ALTER TABLE account ADD COLUMN plan_id BIGINT NULL,
    ADD CONSTRAINT fk_account_plan FOREIGN KEY (plan_id) REFERENCES plan (id);

-- Disk and bandwidth use, as reported by the metering agent.
CREATE TABLE account_usage (
    account_id            BIGINT NOT NULL,
    disk_used_bytes       BIGINT NOT NULL DEFAULT 0,
    bandwidth_used_bytes  BIGINT NOT NULL DEFAULT 0,
    updated_at            BIGINT NOT NULL,
    PRIMARY KEY (account_id),
    CONSTRAINT fk_account_usage_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
