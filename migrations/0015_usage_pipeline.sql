-- Usage rows partitioned by month, and hourly/daily rollups maintained by the batched usage writer.
--
-- created_at is the request's own start time (it travels in the usage record), so a replayed record
-- has the same key (request_id, created_at) and ON CONFLICT DO NOTHING finds it. Monthly partitions
-- are created ahead and dropped after retention by the scheduled maintenance job; the DEFAULT
-- partition catches anything outside them, so no insert ever fails. Columns are copied with LIKE so
-- columns other migrations added stay; secondary indexes are carried over from the old table.

CREATE TABLE usage_logs_partitioned (LIKE usage_logs INCLUDING DEFAULTS) PARTITION BY RANGE (created_at);
CREATE TABLE usage_logs_default PARTITION OF usage_logs_partitioned DEFAULT;
INSERT INTO usage_logs_partitioned SELECT * FROM usage_logs;

DO $$
DECLARE
  definitions text[];
  definition text;
BEGIN
  SELECT coalesce(array_agg(indexdef), '{}') INTO definitions FROM pg_indexes
   WHERE schemaname = current_schema() AND tablename = 'usage_logs' AND indexname <> 'usage_logs_pkey';
  DROP TABLE usage_logs;
  ALTER TABLE usage_logs_partitioned RENAME TO usage_logs;
  ALTER TABLE usage_logs ADD CONSTRAINT usage_logs_pkey PRIMARY KEY (request_id, created_at);
  -- The definitions name "usage_logs", which is now the partitioned table.
  FOREACH definition IN ARRAY definitions LOOP
    EXECUTE definition;
  END LOOP;
END $$;

-- One row per (bucket, org, key, user, model, provider account, charged); `charged` (cost_nano <> 0)
-- lets invoices count exactly the charged requests. NULL ids are one group (NULLS NOT DISTINCT).
CREATE TABLE usage_rollups_hourly (
  bucket_start         timestamptz NOT NULL,
  org_id               uuid NOT NULL,
  api_key_id           uuid,
  user_id              uuid,
  model                text NOT NULL,
  provider_account_id  uuid,
  charged              boolean NOT NULL,
  requests             bigint NOT NULL DEFAULT 0,
  errors               bigint NOT NULL DEFAULT 0,
  input_tokens         bigint NOT NULL DEFAULT 0,
  output_tokens        bigint NOT NULL DEFAULT 0,
  cached_input_tokens  bigint NOT NULL DEFAULT 0,
  cache_write_tokens   bigint NOT NULL DEFAULT 0,
  reasoning_tokens     bigint NOT NULL DEFAULT 0,
  images               bigint NOT NULL DEFAULT 0,
  cost_nano            bigint NOT NULL DEFAULT 0,
  latency_ms_sum       bigint NOT NULL DEFAULT 0,
  CONSTRAINT usage_rollups_hourly_key UNIQUE NULLS NOT DISTINCT (org_id, bucket_start, model, api_key_id, user_id, provider_account_id, charged)
);
CREATE TABLE usage_rollups_daily (LIKE usage_rollups_hourly INCLUDING DEFAULTS);
ALTER TABLE usage_rollups_daily ADD CONSTRAINT usage_rollups_daily_key
  UNIQUE NULLS NOT DISTINCT (org_id, bucket_start, model, api_key_id, user_id, provider_account_id, charged);

-- Rows that existed before this migration are rolled up once here; from now on the writer does it.
INSERT INTO usage_rollups_hourly
SELECT date_trunc('hour', created_at, 'UTC'), org_id, api_key_id, user_id, model, provider_account_id, cost_nano <> 0,
       count(*), count(*) FILTER (WHERE status >= 400), sum(input_tokens), sum(output_tokens), sum(cached_input_tokens),
       sum(cache_write_tokens), sum(reasoning_tokens), sum(images), sum(cost_nano), sum(latency_ms)
  FROM usage_logs GROUP BY 1, 2, 3, 4, 5, 6, 7;
INSERT INTO usage_rollups_daily
SELECT date_trunc('day', bucket_start, 'UTC'), org_id, api_key_id, user_id, model, provider_account_id, charged,
       sum(requests), sum(errors), sum(input_tokens), sum(output_tokens), sum(cached_input_tokens),
       sum(cache_write_tokens), sum(reasoning_tokens), sum(images), sum(cost_nano), sum(latency_ms_sum)
  FROM usage_rollups_hourly GROUP BY 1, 2, 3, 4, 5, 6, 7;
