-- Routing policies: a strategy config per model and an org-wide default, and a quality score per
-- deployment for the composite and Pareto strategies.

ALTER TABLE models ADD COLUMN routing jsonb;
ALTER TABLE orgs ADD COLUMN routing jsonb;
ALTER TABLE deployments ADD COLUMN quality real CHECK (quality IS NULL OR (quality >= 0 AND quality <= 1));
