-- Per-org PII masking settings (null = masking off).

ALTER TABLE orgs ADD COLUMN pii jsonb;
