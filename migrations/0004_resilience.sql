-- Routing resilience: platform-wide settings (the private-network allowlist for provider hosts) and
-- model fallback chains.

CREATE TABLE platform_settings (
  key         text PRIMARY KEY,
  value       jsonb NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE models ADD COLUMN fallback_models text[] NOT NULL DEFAULT '{}';
