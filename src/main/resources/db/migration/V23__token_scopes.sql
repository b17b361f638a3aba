-- Scoped and read-only cPanel API tokens (issue 19 §1). features: the cPanel features the token is limited to,
-- sorted and comma-separated like whitelist_ips; NULL: any feature the account has. read_only: the token may call
-- only functions that change nothing. A token with neither limit (NULL, 0) is unrestricted, as every token was.
-- WHM API tokens are not scoped this way: they have ACLs.
ALTER TABLE api_token ADD COLUMN features VARCHAR(2000) CHARACTER SET ascii COLLATE ascii_bin NULL,
    ADD COLUMN read_only BOOLEAN NOT NULL DEFAULT FALSE;
