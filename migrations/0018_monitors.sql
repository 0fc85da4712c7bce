-- SLA and cost monitoring: per-org targets and thresholds, issued SLA reports, detected spend anomalies.

-- Absent row = defaults (99.9% target, anomaly at 3x the trailing hourly average and at least $1).
CREATE TABLE monitoring_settings (
  org_id               uuid PRIMARY KEY REFERENCES orgs(id) ON DELETE CASCADE,
  -- Parts per million: 999000 = 99.9%. Integer so error budgets are exact.
  sla_target_ppm       integer NOT NULL DEFAULT 999000 CHECK (sla_target_ppm BETWEEN 500000 AND 999999),
  -- Last hour's spend must exceed the trailing hourly average times this (basis points: 30000 = 3x)...
  anomaly_multiplier_bp integer NOT NULL DEFAULT 30000 CHECK (anomaly_multiplier_bp >= 10000),
  -- ...and be at least this much (nano-dollars), so small absolute swings are not anomalies.
  anomaly_min_spend_nano bigint NOT NULL DEFAULT 1000000000 CHECK (anomaly_min_spend_nano >= 0),
  updated_at           timestamptz NOT NULL DEFAULT now()
);

-- One row per (org, period, subject); issued once for a closed period and never rewritten.
-- subject_kind 'org' (subject_id 'all'), 'provider', 'deployment' or 'model' (subject_id = the model name).
CREATE TABLE sla_reports (
  id                   uuid PRIMARY KEY,
  org_id               uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  period               text NOT NULL CHECK (period IN ('daily', 'monthly')),
  period_start         timestamptz NOT NULL,
  period_end           timestamptz NOT NULL,
  subject_kind         text NOT NULL CHECK (subject_kind IN ('org', 'provider', 'deployment', 'model')),
  subject_id           text NOT NULL,
  subject_name         text NOT NULL,
  requests             integer NOT NULL,
  successes            integer NOT NULL,
  provider_failures    integer NOT NULL,
  client_errors        integer NOT NULL,
  bad_slices           integer NOT NULL,
  total_slices         integer NOT NULL,
  target_ppm           integer NOT NULL,
  latency_p50_ms       integer,
  latency_p95_ms       integer,
  latency_p99_ms       integer,
  ttft_p50_ms          integer,
  ttft_p95_ms          integer,
  ttft_p99_ms          integer,
  issued_at            timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, period, period_start, subject_kind, subject_id)
);
CREATE INDEX sla_reports_org_period_idx ON sla_reports (org_id, period, period_start);

-- One row per (org, clock hour): re-detection within the hour keeps the highest spend seen.
CREATE TABLE cost_anomalies (
  id                   uuid PRIMARY KEY,
  org_id               uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  hour_start           timestamptz NOT NULL,
  window_start         timestamptz NOT NULL,
  window_end           timestamptz NOT NULL,
  spend_nano           bigint NOT NULL,
  baseline_hourly_nano bigint NOT NULL,
  multiplier_bp        integer NOT NULL,
  min_spend_nano       bigint NOT NULL,
  detected_at          timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, hour_start)
);
CREATE INDEX cost_anomalies_org_time_idx ON cost_anomalies (org_id, hour_start);

-- The monitors scan one org's rows over a time range and aggregate these columns; covering them keeps
-- 30-day windows index-only instead of reading every heap row (the table's widest columns are skipped).
CREATE INDEX usage_logs_org_time_monitor_idx ON usage_logs (org_id, created_at)
  INCLUDE (status, latency_ms, ttft_ms, cost_nano, model, deployment_id, provider_account_id);
