-- Per-token rate limits (issue 20 §2): the most calls a minute a cPanel API token may make, on every face it
-- authenticates on; NULL: no limit (as every token had before). Enforced in memory on each replica (auth.TokenRateLimiter),
-- never counted in the database. WHM API tokens have no limit.
ALTER TABLE api_token ADD COLUMN rate_limit_per_minute INT NULL;
