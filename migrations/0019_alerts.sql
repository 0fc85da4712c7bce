-- Alert rules per org and the history of their firings. `kind` has no CHECK: kinds are added by
-- writing an evaluator, and the API validates kind and params.

CREATE TABLE alert_rules (
  id                       uuid PRIMARY KEY,
  org_id                   uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  name                     text NOT NULL,
  kind                     text NOT NULL,
  params                   jsonb NOT NULL DEFAULT '{}',
  for_seconds              integer NOT NULL DEFAULT 0 CHECK (for_seconds >= 0),
  repeat_interval_seconds  integer NOT NULL CHECK (repeat_interval_seconds > 0),
  -- Empty: every enabled channel subscribed to alert events.
  channel_ids              uuid[] NOT NULL DEFAULT '{}',
  enabled                  boolean NOT NULL DEFAULT true,
  -- The state machine. Every transition is `UPDATE ... WHERE version = <read>`, so two evaluators
  -- racing on one rule cannot both act on the same reading.
  state                    text NOT NULL DEFAULT 'ok' CHECK (state IN ('ok', 'pending', 'firing')),
  version                  integer NOT NULL DEFAULT 0,
  pending_since            timestamptz,
  current_event_id         uuid,
  last_value               jsonb,
  last_evaluated_at        timestamptz,
  -- A notification decided by a transition but not yet handed to notify() (queue down): sent at
  -- the next evaluation under the same event id, so it is neither lost nor doubled.
  unsent_notification      jsonb,
  created_at               timestamptz NOT NULL DEFAULT now(),
  updated_at               timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, name)
);
CREATE INDEX alert_rules_enabled_idx ON alert_rules (org_id) WHERE enabled;

CREATE TABLE alert_events (
  id                  uuid PRIMARY KEY,
  rule_id             uuid NOT NULL REFERENCES alert_rules(id) ON DELETE CASCADE,
  org_id              uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  fired_at            timestamptz NOT NULL,
  resolved_at         timestamptz,
  last_value          jsonb,
  summary             text NOT NULL,
  -- Rounds sent: the first alert.fired, each repeat, and alert.resolved.
  notifications_sent  integer NOT NULL DEFAULT 0,
  last_notified_at    timestamptz
);
CREATE INDEX alert_events_org_time_idx ON alert_events (org_id, fired_at DESC);
CREATE INDEX alert_events_rule_time_idx ON alert_events (rule_id, fired_at DESC);

