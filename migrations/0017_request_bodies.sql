-- Request/response body logging per org (off unless request_logging.bodies is true) and the stored,
-- PII-masked bodies, keyed by request id and deleted after the org's retention period.

ALTER TABLE orgs ADD COLUMN request_logging jsonb;

CREATE TABLE request_bodies (
  request_id     text PRIMARY KEY,
  org_id         uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  status         integer NOT NULL,
  -- JSON text, masked before it was written, cut to a bound when truncated.
  request_body   text NOT NULL,
  response_body  text,
  truncated      boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL DEFAULT now()
);

-- The retention sweep deletes by age per org.
CREATE INDEX request_bodies_org_created_idx ON request_bodies (org_id, created_at);
