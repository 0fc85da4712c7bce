-- Provider breadth: family settings (Azure api-version, Bedrock region), OpenAI-compatible vendor presets,
-- and image counts on usage rows for per-image pricing.

ALTER TABLE provider_accounts ADD COLUMN settings jsonb NOT NULL DEFAULT '{}'::jsonb;
ALTER TABLE provider_accounts ADD COLUMN vendor text;

ALTER TABLE usage_logs ADD COLUMN images integer NOT NULL DEFAULT 0;
