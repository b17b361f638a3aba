-- A plan may carry a feature list (cPanel's package feature list); NULL leaves accounts' features alone.
ALTER TABLE plan ADD COLUMN features VARCHAR(2000) CHARACTER SET ascii COLLATE ascii_bin NULL;
