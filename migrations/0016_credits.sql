-- Credits: redemption codes and coupons (one table, both stored only as a hash), plan discounts,
-- low-balance notices and auto-recharge requests. Money stays BIGINT nano-dollars.

ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_entry_type_check;
ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_entry_type_check
  CHECK (entry_type IN ('topup', 'charge', 'refund', 'adjustment', 'coupon', 'redemption', 'coupon_credit'));

-- Plan discount in basis points, set by the platform owner; composes with a percent coupon.
ALTER TABLE orgs ADD COLUMN plan_discount_bp integer NOT NULL DEFAULT 0 CHECK (plan_discount_bp BETWEEN 0 AND 10000);
-- Low balance: notified once per crossing below the threshold; a credit that lifts the balance back
-- to the threshold or above re-arms it. `low_balance_crossings` numbers the crossings (event ids).
ALTER TABLE orgs ADD COLUMN low_balance_threshold_nano bigint CHECK (low_balance_threshold_nano >= 0);
ALTER TABLE orgs ADD COLUMN low_balance_notified boolean NOT NULL DEFAULT false;
ALTER TABLE orgs ADD COLUMN low_balance_crossings integer NOT NULL DEFAULT 0;
ALTER TABLE orgs ADD COLUMN auto_recharge_enabled boolean NOT NULL DEFAULT false;
ALTER TABLE orgs ADD COLUMN auto_recharge_amount_nano bigint NOT NULL DEFAULT 0 CHECK (auto_recharge_amount_nano >= 0);

-- A redemption code credits `amount_nano` ('redemption'); a coupon credits `amount_nano`
-- ('coupon_credit', fixed) or discounts usage by `percent_bp` while valid, up to `cap_nano` per org.
CREATE TABLE promo_codes (
  id                uuid PRIMARY KEY,
  kind              text NOT NULL CHECK (kind IN ('redemption', 'coupon')),
  code_hash         text NOT NULL UNIQUE,
  code_hint         text NOT NULL,
  amount_nano       bigint NOT NULL DEFAULT 0 CHECK (amount_nano >= 0),
  percent_bp        integer CHECK (percent_bp BETWEEN 1 AND 10000),
  cap_nano          bigint CHECK (cap_nano > 0),
  max_redemptions   integer NOT NULL CHECK (max_redemptions > 0),
  redemption_count  integer NOT NULL DEFAULT 0 CHECK (redemption_count BETWEEN 0 AND max_redemptions),
  valid_from        timestamptz NOT NULL DEFAULT now(),
  valid_until       timestamptz,
  disabled_at       timestamptz,
  note              text,
  created_by        uuid,
  created_at        timestamptz NOT NULL DEFAULT now(),
  -- Exactly one effect: a credit, or a percent discount (coupons only), a cap only with a percent.
  CHECK ((percent_bp IS NULL) = (amount_nano > 0)),
  CHECK (kind = 'coupon' OR percent_bp IS NULL),
  CHECK (cap_nano IS NULL OR percent_bp IS NOT NULL),
  CHECK (valid_until IS NULL OR valid_until > valid_from)
);

-- One redemption per org and code; `discount_used_nano` counts a percent coupon's discount against its cap.
CREATE TABLE promo_redemptions (
  id                  uuid PRIMARY KEY,
  code_id             uuid NOT NULL REFERENCES promo_codes(id),
  org_id              uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  actor_id            uuid,
  discount_used_nano  bigint NOT NULL DEFAULT 0 CHECK (discount_used_nano >= 0),
  created_at          timestamptz NOT NULL DEFAULT now(),
  UNIQUE (code_id, org_id)
);
CREATE INDEX promo_redemptions_org_idx ON promo_redemptions (org_id);

-- A capped coupon's discount per request: settling the same request twice counts it once.
CREATE TABLE coupon_discounts (
  request_id     text PRIMARY KEY,
  redemption_id  uuid NOT NULL REFERENCES promo_redemptions(id) ON DELETE CASCADE,
  discount_nano  bigint NOT NULL CHECK (discount_nano >= 0),
  created_at     timestamptz NOT NULL DEFAULT now()
);

-- What the request's discounts took off its charge (cost_nano is what was charged).
ALTER TABLE usage_logs ADD COLUMN discount_nano bigint NOT NULL DEFAULT 0;
