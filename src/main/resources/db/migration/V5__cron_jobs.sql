-- An account's crontab, one row a job, in the order they were added. linekey stays the same across edits.

CREATE TABLE cron_job (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    account_id  BIGINT       NOT NULL,
    linekey     CHAR(32)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    minute      VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    hour        VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    day         VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    month       VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    weekday     VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    command     VARCHAR(4096) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    created_at  BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_cron_job_linekey UNIQUE (linekey),
    CONSTRAINT fk_cron_job_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
