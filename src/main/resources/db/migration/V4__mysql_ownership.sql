-- Which account owns which database and database user on the hosting MariaDB server. The server itself
-- holds the real state (schemas, users, grants); these rows decide who may touch what.

CREATE TABLE mysql_database (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    account_id  BIGINT      NOT NULL,
    name        VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    created_at  BIGINT      NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_mysql_database_name UNIQUE (name),
    CONSTRAINT fk_mysql_database_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE mysql_user (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    account_id  BIGINT      NOT NULL,
    name        VARCHAR(80) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    created_at  BIGINT      NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_mysql_user_name UNIQUE (name),
    CONSTRAINT fk_mysql_user_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
