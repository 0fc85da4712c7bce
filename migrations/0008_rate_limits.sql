-- Org-wide rate limits (requests and tokens per minute, concurrent requests); keys keep theirs in api_keys.limits.

ALTER TABLE orgs ADD COLUMN limits jsonb NOT NULL DEFAULT '{}'::jsonb;
