-- Certificates an account has uploaded, and which of its domains each one is installed on.
-- Private keys are stored only encrypted (AES-256-GCM under the configured secret, see SslKeyCipher).

CREATE TABLE ssl_certificate (
    id                  BIGINT       NOT NULL AUTO_INCREMENT,
    account_id          BIGINT       NOT NULL,
    -- cPanel-style certificate id: domain_keyid_serialhash_notafter_sha
    cert_id             VARCHAR(200) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    friendly_name       VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    domains             TEXT         CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL,
    subject_cn          VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    issuer_cn           VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    issuer_org          VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    not_before          BIGINT       NOT NULL,
    not_after           BIGINT       NOT NULL,
    serial              VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    signature_algorithm VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    key_algorithm       VARCHAR(40)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    modulus_length      INT          NULL,
    self_signed         BOOLEAN      NOT NULL,
    cert_pem            TEXT         CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    cabundle_pem        MEDIUMTEXT   CHARACTER SET ascii COLLATE ascii_bin NULL,
    key_encrypted       TEXT         CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    created_at          BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_ssl_certificate_account_cert UNIQUE (account_id, cert_id),
    CONSTRAINT fk_ssl_certificate_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE ssl_installation (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    -- one certificate per domain, as on cPanel (a domain's own vhost)
    domain          VARCHAR(253) CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL,
    certificate_id  BIGINT       NOT NULL,
    installed_at    BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_ssl_installation_domain UNIQUE (domain),
    CONSTRAINT fk_ssl_installation_certificate FOREIGN KEY (certificate_id) REFERENCES ssl_certificate (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
