-- Active health checks: what each model is probed with on the schedule, or `off` for models whose
-- calls are too expensive to spend on probes.

ALTER TABLE models ADD COLUMN health_check text NOT NULL DEFAULT 'chat' CHECK (health_check IN ('off', 'chat', 'embedding'));
