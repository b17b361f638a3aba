-- PowerDNS 4's schema.mysql.sql, for a separate zone database (openuapi.dns.database): run at startup,
-- idempotently, with __DB__ replaced by that database. The default (OpenUAPI's own database) gets the
-- same tables from Flyway's V2 migration.

CREATE TABLE IF NOT EXISTS __DB__.domains (
  id                    INT AUTO_INCREMENT,
  name                  VARCHAR(255) NOT NULL,
  master                VARCHAR(128) DEFAULT NULL,
  last_check            INT DEFAULT NULL,
  type                  VARCHAR(8) NOT NULL,
  notified_serial       INT UNSIGNED DEFAULT NULL,
  account               VARCHAR(40) CHARACTER SET 'utf8' DEFAULT NULL,
  options               VARCHAR(64000) DEFAULT NULL,
  catalog               VARCHAR(255) DEFAULT NULL,
  PRIMARY KEY (id)
) Engine=InnoDB CHARACTER SET 'latin1';

CREATE UNIQUE INDEX IF NOT EXISTS name_index ON __DB__.domains (name);
CREATE INDEX IF NOT EXISTS catalog_idx ON __DB__.domains (catalog);

CREATE TABLE IF NOT EXISTS __DB__.records (
  id                    BIGINT AUTO_INCREMENT,
  domain_id             INT DEFAULT NULL,
  name                  VARCHAR(255) DEFAULT NULL,
  type                  VARCHAR(10) DEFAULT NULL,
  content               VARCHAR(64000) DEFAULT NULL,
  ttl                   INT DEFAULT NULL,
  prio                  INT DEFAULT NULL,
  disabled              TINYINT(1) DEFAULT 0,
  ordername             VARCHAR(255) BINARY DEFAULT NULL,
  auth                  TINYINT(1) DEFAULT 1,
  PRIMARY KEY (id)
) Engine=InnoDB CHARACTER SET 'latin1';

CREATE INDEX IF NOT EXISTS nametype_index ON __DB__.records (name,type);
CREATE INDEX IF NOT EXISTS domain_id ON __DB__.records (domain_id);
CREATE INDEX IF NOT EXISTS ordername ON __DB__.records (ordername);

CREATE TABLE IF NOT EXISTS __DB__.supermasters (
  ip                    VARCHAR(64) NOT NULL,
  nameserver            VARCHAR(255) NOT NULL,
  account               VARCHAR(40) CHARACTER SET 'utf8' NOT NULL,
  PRIMARY KEY (ip, nameserver)
) Engine=InnoDB CHARACTER SET 'latin1';

CREATE TABLE IF NOT EXISTS __DB__.comments (
  id                    INT AUTO_INCREMENT,
  domain_id             INT NOT NULL,
  name                  VARCHAR(255) NOT NULL,
  type                  VARCHAR(10) NOT NULL,
  modified_at           INT NOT NULL,
  account               VARCHAR(40) CHARACTER SET 'utf8' DEFAULT NULL,
  comment               TEXT CHARACTER SET 'utf8' NOT NULL,
  PRIMARY KEY (id)
) Engine=InnoDB CHARACTER SET 'latin1';

CREATE INDEX IF NOT EXISTS comments_name_type_idx ON __DB__.comments (name, type);
CREATE INDEX IF NOT EXISTS comments_order_idx ON __DB__.comments (domain_id, modified_at);

CREATE TABLE IF NOT EXISTS __DB__.domainmetadata (
  id                    INT AUTO_INCREMENT,
  domain_id             INT NOT NULL,
  kind                  VARCHAR(32),
  content               TEXT,
  PRIMARY KEY (id)
) Engine=InnoDB CHARACTER SET 'latin1';

CREATE INDEX IF NOT EXISTS domainmetadata_idx ON __DB__.domainmetadata (domain_id, kind);

CREATE TABLE IF NOT EXISTS __DB__.cryptokeys (
  id                    INT AUTO_INCREMENT,
  domain_id             INT NOT NULL,
  flags                 INT NOT NULL,
  active                BOOL,
  published             BOOL DEFAULT 1,
  content               TEXT,
  PRIMARY KEY(id)
) Engine=InnoDB CHARACTER SET 'latin1';

CREATE INDEX IF NOT EXISTS domainidindex ON __DB__.cryptokeys (domain_id);

CREATE TABLE IF NOT EXISTS __DB__.tsigkeys (
  id                    INT AUTO_INCREMENT,
  name                  VARCHAR(255),
  algorithm             VARCHAR(50),
  secret                VARCHAR(255),
  PRIMARY KEY (id)
) Engine=InnoDB CHARACTER SET 'latin1';

CREATE UNIQUE INDEX IF NOT EXISTS namealgoindex ON __DB__.tsigkeys (name, algorithm);
