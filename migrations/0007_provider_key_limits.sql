-- Per-key provider limits: the key pool keeps each key under its requests and tokens per minute.

ALTER TABLE provider_keys ADD COLUMN rpm_limit integer CHECK (rpm_limit IS NULL OR rpm_limit > 0);
ALTER TABLE provider_keys ADD COLUMN tpm_limit integer CHECK (tpm_limit IS NULL OR tpm_limit > 0);
