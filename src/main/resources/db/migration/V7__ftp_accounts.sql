-- FTP logins of an account. password_hash is SHA512-CRYPT, which pure-ftpd (MySQLCrypt crypt) and
-- ProFTPD's mod_sql (crypt) verify, so an FTP server can authenticate against this table directly.

CREATE TABLE ftp_account (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    account_id      BIGINT        NOT NULL,
    -- user@domain
    login           VARCHAR(320)  CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL,
    domain          VARCHAR(253)  CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL,
    homedir         VARCHAR(1024) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    password_hash   VARCHAR(200)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    quota_mb        BIGINT        NULL,
    disk_used_bytes BIGINT        NOT NULL DEFAULT 0,
    created_at      BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_ftp_account_login UNIQUE (login),
    CONSTRAINT fk_ftp_account_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
