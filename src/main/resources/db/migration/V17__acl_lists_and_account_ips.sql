-- Issue 15 §2: saved reseller privilege lists (WHM API 1 saveacllist, listacls, setacls acllist=) and an account's
-- own IP address (setsiteip, createacct ip=y / customip=).

-- A named list of WHM privileges, as cPanel keeps one file a list. setacls acllist=NAME copies the list into the
-- reseller's own privileges (account.reseller_acls): saving the list again later changes no reseller.
CREATE TABLE acl_list (
    name        VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    acls        VARCHAR(2000) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    updated_at  BIGINT        NOT NULL,
    PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The account's own IPv4 address (one of the server's, openuapi.dns.additional-ips); NULL: the shared main address,
-- openuapi.dns.account-ip.
ALTER TABLE account ADD COLUMN ip VARCHAR(45) CHARACTER SET ascii COLLATE ascii_bin NULL;
