-- Usage records the database refused while it was reachable (say, a token count beyond its column). The
-- writer sets each aside here whole, with the refusal, so no record is lost and one stuck record cannot
-- stop usage writing; an operator corrects and replays it. A replayed batch sets a record aside once.
CREATE TABLE usage_dead_letters (
  request_id  text PRIMARY KEY,
  org_id      uuid,
  record      jsonb NOT NULL,
  error       text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX usage_dead_letters_org_created_idx ON usage_dead_letters (org_id, created_at);
