-- Usage rows name the key's user (user-level quotas and analytics) and keep the routing explanation
-- (request logs show why a deployment was chosen).
ALTER TABLE usage_logs ADD COLUMN user_id uuid;
ALTER TABLE usage_logs ADD COLUMN routing jsonb;
CREATE INDEX usage_logs_org_user_time_idx ON usage_logs (org_id, user_id, created_at);
