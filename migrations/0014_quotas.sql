-- Rate limits per client IP and per member, set on the org (applied to every IP / member).
ALTER TABLE orgs ADD COLUMN ip_limits jsonb NOT NULL DEFAULT '{}';
ALTER TABLE orgs ADD COLUMN user_limits jsonb NOT NULL DEFAULT '{}';

-- Period quotas and budgets: requests, tokens or cost per calendar window, for the org, a key or a
-- member. A budget is a cost quota with soft thresholds. Counters live in Redis (or the process);
-- a missing counter is seeded from usage_logs, so a restart does not reset a month.
CREATE TABLE quota_policies (
  id          uuid PRIMARY KEY,
  org_id      uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  name        text NOT NULL,
  scope       text NOT NULL CHECK (scope IN ('org', 'key', 'user')),
  subject_id  uuid,
  metric      text NOT NULL CHECK (metric IN ('requests', 'tokens', 'cost')),
  period      text NOT NULL CHECK (period IN ('minute', 'hour', 'day', 'week', 'month')),
  limit_value bigint NOT NULL CHECK (limit_value > 0),
  thresholds  integer[] NOT NULL DEFAULT '{}',
  hard        boolean NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CHECK ((scope = 'org') = (subject_id IS NULL))
);
CREATE INDEX quota_policies_org_idx ON quota_policies (org_id);
