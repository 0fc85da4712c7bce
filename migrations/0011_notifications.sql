-- Notifications: where an org wants events delivered, a log of every delivery, and the in-app inbox.

CREATE TABLE notification_channels (
  id                 uuid PRIMARY KEY,
  org_id             uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  kind               text NOT NULL CHECK (kind IN ('email', 'webhook', 'slack', 'feishu', 'dingtalk', 'in_app')),
  name               text NOT NULL,
  -- Never secrets: SMTP passwords, signing secrets and bot webhook URLs live in secret_ciphertext
  -- (AES-256-GCM of a JSON object, the row id as additional data, key_version names the master key).
  config             jsonb NOT NULL DEFAULT '{}',
  secret_ciphertext  bytea,
  key_version        integer,
  -- Event types the channel wants; empty means every event.
  events             text[] NOT NULL DEFAULT '{}',
  enabled            boolean NOT NULL DEFAULT true,
  created_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, name),
  CHECK ((secret_ciphertext IS NULL) = (key_version IS NULL))
);

-- One row per (channel, event): notifying the same event twice delivers it once. last_error is
-- written by the delivery code from safe parts only (status, error codes), never a secret.
CREATE TABLE notification_deliveries (
  id               uuid PRIMARY KEY,
  channel_id       uuid NOT NULL REFERENCES notification_channels(id) ON DELETE CASCADE,
  event_id         text NOT NULL,
  event_type       text NOT NULL,
  status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts         integer NOT NULL DEFAULT 0,
  last_error       text,
  last_attempt_at  timestamptz,
  delivered_at     timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (channel_id, event_id)
);
CREATE INDEX notification_deliveries_channel_time_idx ON notification_deliveries (channel_id, created_at DESC);

-- The in-app inbox, one row per event per org (read state is shared by the org's members).
CREATE TABLE notifications (
  id          uuid PRIMARY KEY,
  org_id      uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  event_id    text NOT NULL,
  type        text NOT NULL,
  title       text NOT NULL,
  body        text NOT NULL,
  data        jsonb NOT NULL DEFAULT '{}',
  read_at     timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, event_id)
);
CREATE INDEX notifications_org_time_idx ON notifications (org_id, created_at DESC);
CREATE INDEX notifications_unread_idx ON notifications (org_id) WHERE read_at IS NULL;
