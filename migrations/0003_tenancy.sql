-- Tenancy: console sessions with rotating refresh tokens, invites, audit log, and richer client keys.

CREATE TABLE sessions (
  id                  uuid PRIMARY KEY,
  user_id             uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  refresh_token_hash  text NOT NULL UNIQUE,
  ip                  text,
  user_agent          text,
  created_at          timestamptz NOT NULL DEFAULT now(),
  last_used_at        timestamptz NOT NULL DEFAULT now(),
  expires_at          timestamptz NOT NULL,
  revoked_at          timestamptz
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE invites (
  id           uuid PRIMARY KEY,
  org_id       uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  email        text NOT NULL,
  role         text NOT NULL CHECK (role IN ('admin', 'developer', 'viewer')),
  token_hash   text NOT NULL UNIQUE,
  invited_by   uuid REFERENCES users(id) ON DELETE SET NULL,
  expires_at   timestamptz NOT NULL,
  accepted_at  timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX invites_org_idx ON invites (org_id);

-- Append-only record of admin mutations; details never hold secrets.
CREATE TABLE audit_log (
  id           bigserial PRIMARY KEY,
  org_id       uuid,
  actor_id     uuid,
  actor_email  text,
  action       text NOT NULL,
  target_id    text,
  ip           text,
  status       integer NOT NULL,
  details      jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_org_time_idx ON audit_log (org_id, created_at DESC);

ALTER TABLE api_keys ADD COLUMN allowed_providers text[];
ALTER TABLE api_keys ADD COLUMN ip_allowlist text[];
-- Slots the quotas and billing module fills: per-key rate limits, quotas and budget.
ALTER TABLE api_keys ADD COLUMN limits jsonb NOT NULL DEFAULT '{}'::jsonb;
ALTER TABLE api_keys ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE api_keys ADD COLUMN last_rotated_at timestamptz;
