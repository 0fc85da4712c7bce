-- Balance leases: each gateway instance reserves a slice of an org's balance (counted in orgs.held_nano)
-- and holds its billed requests against that slice in memory, so admitting one needs no database round trip.
-- A charge settles against its lease (amount_nano shrinks with held_nano); an instance gives back what it
-- did not use, renews what it keeps, and the sweeper frees leases whose instance stopped renewing them.
CREATE TABLE balance_leases (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  amount_nano bigint NOT NULL,
  renewed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX balance_leases_renewed_at ON balance_leases (renewed_at);

-- What the request held against the balance: its worst case, which its charge never exceeds.
ALTER TABLE usage_logs ADD COLUMN held_nano bigint;
