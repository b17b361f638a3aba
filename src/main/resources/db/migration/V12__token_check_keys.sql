-- Issued tokens carry a keyed check (issue 13 §1): the fingerprint of the key a token was issued under, so
-- that a replica knows which tokens it cannot recognise by their check (NULL: issued before checks, or under
-- a key no longer configured) and keeps their hashes in memory instead. The index keeps that query cheap.
ALTER TABLE api_token ADD COLUMN check_key CHAR(16) CHARACTER SET ascii COLLATE ascii_bin NULL,
    ADD INDEX api_token_check_key (check_key);
ALTER TABLE whm_api_token ADD COLUMN check_key CHAR(16) CHARACTER SET ascii COLLATE ascii_bin NULL,
    ADD INDEX whm_api_token_check_key (check_key);
