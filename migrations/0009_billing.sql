-- Prepaid billing. Money is BIGINT nano-dollars (1e-9 USD): one token of a $0.01-per-million model
-- costs 10 nano-dollars, never rounded to zero. Balance moves only together with a ledger row.

ALTER TABLE orgs ADD COLUMN billing_enabled boolean NOT NULL DEFAULT false;
ALTER TABLE orgs ADD COLUMN balance_nano bigint NOT NULL DEFAULT 0;
ALTER TABLE orgs ADD COLUMN held_nano bigint NOT NULL DEFAULT 0 CHECK (held_nano >= 0);
-- Price multiplier in basis points (15000 = 1.5x) applied to the price book.
ALTER TABLE orgs ADD COLUMN price_multiplier_bp integer NOT NULL DEFAULT 15000 CHECK (price_multiplier_bp > 0);

-- Versioned prices: the row with the latest effective_from not in the future applies.
CREATE TABLE price_book (
  id                              uuid PRIMARY KEY,
  org_id                          uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  model_id                        uuid NOT NULL REFERENCES models(id) ON DELETE CASCADE,
  effective_from                  timestamptz NOT NULL,
  input_per_million_nano          bigint NOT NULL DEFAULT 0,
  output_per_million_nano         bigint NOT NULL DEFAULT 0,
  cached_input_per_million_nano   bigint NOT NULL DEFAULT 0,
  cache_write_per_million_nano    bigint NOT NULL DEFAULT 0,
  per_image_nano                  bigint NOT NULL DEFAULT 0,
  per_request_nano                bigint NOT NULL DEFAULT 0,
  output_limit_tokens             integer NOT NULL DEFAULT 4096,
  created_at                      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX price_book_model_idx ON price_book (model_id, effective_from DESC);

-- A hold reserves a request's worst-case cost; its state moves held -> settled | released exactly once.
CREATE TABLE holds (
  request_id   text PRIMARY KEY,
  org_id       uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  amount_nano  bigint NOT NULL CHECK (amount_nano >= 0),
  state        text NOT NULL DEFAULT 'held' CHECK (state IN ('held', 'settled', 'released')),
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX holds_open_idx ON holds (created_at) WHERE state = 'held';

-- Append-only. (request_id, entry_type) is unique: replaying a settlement writes nothing new.
CREATE TABLE ledger_entries (
  id           bigserial PRIMARY KEY,
  org_id       uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  request_id   text,
  entry_type   text NOT NULL CHECK (entry_type IN ('topup', 'charge', 'refund', 'adjustment', 'coupon')),
  amount_nano  bigint NOT NULL,
  note         text,
  actor_id     uuid,
  created_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (request_id, entry_type)
);
CREATE INDEX ledger_org_time_idx ON ledger_entries (org_id, created_at DESC);

ALTER TABLE usage_logs ADD COLUMN cost_nano bigint NOT NULL DEFAULT 0;
