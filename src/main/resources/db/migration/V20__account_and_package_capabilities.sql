-- Issue 15 §2: every documented argument of WHM's account and package functions takes effect, is stored and
-- reported back, or is refused. See src/docs/account-arguments.md.
--
-- Columns, not a key/value table: each value is typed, validated once, and read by name by the hosting stack.
--
-- A package (plan) carries the capabilities it gives its accounts; each account keeps its own copy, as cPanel's
-- cpuser file does: changepackage and editpkg copy them again, modifyacct changes one account's copy.
ALTER TABLE plan
    ADD COLUMN has_shell                  BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN cgi                        BOOLEAN     NOT NULL DEFAULT TRUE,
    ADD COLUMN digest_auth                BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN theme                      VARCHAR(64) NULL,
    ADD COLUMN locale                     VARCHAR(16) NULL,
    ADD COLUMN max_lists                  INT         NULL,
    ADD COLUMN max_email_per_hour         INT         NULL,
    ADD COLUMN max_defer_fail_percentage  INT         NULL,
    ADD COLUMN max_emailacct_quota_mb     BIGINT      NULL,
    ADD COLUMN max_team_users             INT         NULL,
    -- An account's own limits (createacct's quota, maxpop... or modifyacct's MAXPOP...) live in a private plan:
    -- every reader of limits (plan checks, quotas, bandwidth) keeps reading the account's plan. A private plan
    -- belongs to one account (account_id) and shows the package it was made from (base_plan_id; NULL: default).
    ADD COLUMN account_id                 BIGINT      NULL,
    ADD COLUMN base_plan_id               BIGINT      NULL,
    ADD CONSTRAINT uq_plan_account UNIQUE (account_id),
    ADD CONSTRAINT fk_plan_base FOREIGN KEY (base_plan_id) REFERENCES plan (id);

ALTER TABLE account
    ADD COLUMN shell                      VARCHAR(64) NOT NULL DEFAULT '/usr/local/cpanel/bin/noshell',
    ADD COLUMN cgi                        BOOLEAN     NOT NULL DEFAULT TRUE,
    ADD COLUMN digest_auth                BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN spamassassin               BOOLEAN     NOT NULL DEFAULT TRUE,
    ADD COLUMN spambox                    BOOLEAN     NOT NULL DEFAULT TRUE,
    ADD COLUMN dkim                       BOOLEAN     NOT NULL DEFAULT TRUE,
    ADD COLUMN spf                        BOOLEAN     NOT NULL DEFAULT TRUE,
    ADD COLUMN dmarc                      BOOLEAN     NOT NULL DEFAULT TRUE,
    ADD COLUMN use_registered_ns          BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN mailbox_format             VARCHAR(8)  NOT NULL DEFAULT 'maildir',
    ADD COLUMN max_lists                  INT         NULL,
    ADD COLUMN max_email_per_hour         INT         NULL,
    ADD COLUMN max_defer_fail_percentage  INT         NULL,
    ADD COLUMN max_emailacct_quota_mb     BIGINT      NULL,
    ADD COLUMN max_team_users             INT         NULL,
    -- suspendacct disallowun=1: only root may unsuspend (cPanel's "locked" suspension, accountsummary is_locked)
    ADD COLUMN suspension_locked          BOOLEAN     NOT NULL DEFAULT FALSE,
    -- suspendacct leave-ftp-accts-enabled=1: the hosting stack keeps the account's FTP logins working
    ADD COLUMN suspension_keeps_ftp       BOOLEAN     NOT NULL DEFAULT FALSE;
