-- Rollups carry what discounts took off, so invoices priced from them list lines before discounts.
-- `charged` now means "priced" (cost + discount above zero): a fully discounted request is still a line.
ALTER TABLE usage_rollups_hourly ADD COLUMN discount_nano bigint NOT NULL DEFAULT 0;
ALTER TABLE usage_rollups_daily ADD COLUMN discount_nano bigint NOT NULL DEFAULT 0;
