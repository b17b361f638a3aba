-- Issue 16 §1: the accounts' home directories are real, under openuapi.homes.root (src/docs/files.md).
--
-- Rows keep real absolute paths below the homes (account_domain.document_root, ftp_account.homedir, the
-- |program of a pipe forwarder in email_forwarder.destination), so that an FTP or mail server reading these
-- tables finds the files. This row names the root those paths were written under: when the application starts
-- with another root, it rewrites them from this one to its own and records it here (HomesRootService).
-- Until now every path was written under /home/<user>.
CREATE TABLE homes_root (
    id   TINYINT       NOT NULL,
    root VARCHAR(1024) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO homes_root (id, root) VALUES (1, '/home');
