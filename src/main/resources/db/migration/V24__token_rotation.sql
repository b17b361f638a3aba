-- Token rotation (issue 19 §3): a rotated token keeps its old value valid for a grace period. The old value's
-- SHA-512 moves to previous_token_hash (unique, like token_hash: a presented value is looked up by either), the
-- fingerprint of the key its check was made under to previous_check_key (NULL: none or unknown, so replicas
-- know it by hash, as an unchecked token), and previous_valid_until is the last second (epoch, inclusive) at
-- which the old value authenticates. One previous value per token: a second rotation replaces it. A rotation
-- without a grace period leaves all three NULL.
ALTER TABLE api_token
    ADD COLUMN previous_token_hash  VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin NULL,
    ADD COLUMN previous_check_key   CHAR(16)     CHARACTER SET ascii COLLATE ascii_bin NULL,
    ADD COLUMN previous_valid_until BIGINT       NULL,
    ADD CONSTRAINT uq_api_token_previous_hash UNIQUE (previous_token_hash);
ALTER TABLE whm_api_token
    ADD COLUMN previous_token_hash  VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin NULL,
    ADD COLUMN previous_check_key   CHAR(16)     CHARACTER SET ascii COLLATE ascii_bin NULL,
    ADD COLUMN previous_valid_until BIGINT       NULL,
    ADD CONSTRAINT uq_whm_api_token_previous_hash UNIQUE (previous_token_hash);
