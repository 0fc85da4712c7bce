-- Monthly invoices. An invoice is issued once per org and calendar month (UTC) and never changes:
-- triggers refuse UPDATE, DELETE and TRUNCATE of issued invoices and their lines. Amounts are BIGINT
-- nano-dollars, as in the ledger. Orgs are referenced without CASCADE: invoices outlive nothing.

-- Gapless numbering: one counter row, incremented in the issuing transaction. The UPDATE locks the row
-- until commit, so concurrent issuers queue up, and a rolled-back issue gives its number back
-- (a SEQUENCE would burn it).
CREATE TABLE invoice_number_counter (
  id          boolean PRIMARY KEY DEFAULT true CHECK (id),
  last_value  bigint NOT NULL DEFAULT 0
);
INSERT INTO invoice_number_counter (id, last_value) VALUES (true, 0);

CREATE TABLE invoices (
  id             uuid PRIMARY KEY,
  org_id         uuid NOT NULL REFERENCES orgs(id),
  number         text NOT NULL UNIQUE,
  period_start   timestamptz NOT NULL,
  -- Exclusive: the start of the next month.
  period_end     timestamptz NOT NULL CHECK (period_end > period_start),
  status         text NOT NULL DEFAULT 'issued' CHECK (status IN ('issued')),
  subtotal_nano  bigint NOT NULL CHECK (subtotal_nano >= 0),
  discount_nano  bigint NOT NULL DEFAULT 0 CHECK (discount_nano >= 0 AND discount_nano <= subtotal_nano),
  total_nano     bigint NOT NULL CHECK (total_nano = subtotal_nano - discount_nano),
  currency       text NOT NULL DEFAULT 'USD',
  issued_at      timestamptz NOT NULL DEFAULT now(),
  -- One invoice per org and month: a closing job delivered twice inserts nothing the second time.
  UNIQUE (org_id, period_start)
);
CREATE INDEX invoices_org_period_idx ON invoices (org_id, period_start DESC);

-- One line per model; token sums of a busy month exceed 2^31, hence bigint counters.
CREATE TABLE invoice_lines (
  invoice_id           uuid NOT NULL REFERENCES invoices(id),
  position             integer NOT NULL CHECK (position > 0),
  model                text NOT NULL,
  requests             bigint NOT NULL DEFAULT 0,
  input_tokens         bigint NOT NULL DEFAULT 0,
  output_tokens        bigint NOT NULL DEFAULT 0,
  cached_input_tokens  bigint NOT NULL DEFAULT 0,
  cache_write_tokens   bigint NOT NULL DEFAULT 0,
  images               bigint NOT NULL DEFAULT 0,
  amount_nano          bigint NOT NULL,
  PRIMARY KEY (invoice_id, position)
);

CREATE FUNCTION invoices_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Statement-level TRUNCATE has no OLD row; every invoice is issued, so refuse it outright.
  IF TG_OP = 'TRUNCATE' THEN
    RAISE EXCEPTION 'issued invoices are immutable (TRUNCATE on %)', TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF OLD.status = 'issued' THEN
    RAISE EXCEPTION 'issued invoices are immutable (% on %)', TG_OP, TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

-- Lines may be written only by the transaction that inserted their invoice (xmin is the inserting
-- transaction's 32-bit id); afterwards they are as immutable as the invoice.
CREATE FUNCTION invoice_lines_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  same_tx boolean;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT xmin::text = (txid_current() % 4294967296)::text INTO same_tx FROM invoices WHERE id = NEW.invoice_id;
    IF same_tx THEN RETURN NEW; END IF;
  END IF;
  RAISE EXCEPTION 'issued invoices are immutable (% on %)', TG_OP, TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';
END $$;

CREATE TRIGGER invoices_immutable BEFORE UPDATE OR DELETE ON invoices
  FOR EACH ROW EXECUTE FUNCTION invoices_refuse_change();
CREATE TRIGGER invoices_no_truncate BEFORE TRUNCATE ON invoices
  FOR EACH STATEMENT EXECUTE FUNCTION invoices_refuse_change();
CREATE TRIGGER invoice_lines_immutable BEFORE INSERT OR UPDATE OR DELETE ON invoice_lines
  FOR EACH ROW EXECUTE FUNCTION invoice_lines_refuse_change();
CREATE TRIGGER invoice_lines_no_truncate BEFORE TRUNCATE ON invoice_lines
  FOR EACH STATEMENT EXECUTE FUNCTION invoices_refuse_change();
