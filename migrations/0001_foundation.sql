-- Foundation: tenants, console users, client API keys, provider accounts and keys, models and deployments.

CREATE TABLE orgs (
  id          uuid PRIMARY KEY,
  name        text NOT NULL,
  slug        text NOT NULL UNIQUE,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id                 uuid PRIMARY KEY,
  email              text NOT NULL UNIQUE,
  name               text NOT NULL,
  password_hash      text NOT NULL,
  is_platform_owner  boolean NOT NULL DEFAULT false,
  created_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE memberships (
  org_id      uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  user_id     uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role        text NOT NULL CHECK (role IN ('admin', 'developer', 'viewer')),
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, user_id)
);

-- Client keys: only the SHA-256 of the secret is stored; prefix + last4 identify it to people.
CREATE TABLE api_keys (
  id              uuid PRIMARY KEY,
  org_id          uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  user_id         uuid REFERENCES users(id) ON DELETE SET NULL,
  name            text NOT NULL,
  key_hash        text NOT NULL UNIQUE,
  prefix          text NOT NULL,
  last4           text NOT NULL,
  status          text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'revoked')),
  allowed_models  text[],
  expires_at      timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX api_keys_org_idx ON api_keys (org_id);

CREATE TABLE provider_accounts (
  id          uuid PRIMARY KEY,
  org_id      uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  name        text NOT NULL,
  kind        text NOT NULL,
  base_url    text NOT NULL,
  headers     jsonb NOT NULL DEFAULT '{}'::jsonb,
  enabled     boolean NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, name)
);

-- Provider credentials: AES-256-GCM, row id as additional data, key_version names the master key.
CREATE TABLE provider_keys (
  id                   uuid PRIMARY KEY,
  provider_account_id  uuid NOT NULL REFERENCES provider_accounts(id) ON DELETE CASCADE,
  label                text NOT NULL,
  secret_ciphertext    bytea NOT NULL,
  key_version          integer NOT NULL,
  last4                text NOT NULL,
  enabled              boolean NOT NULL DEFAULT true,
  created_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX provider_keys_account_idx ON provider_keys (provider_account_id);

CREATE TABLE models (
  id           uuid PRIMARY KEY,
  org_id       uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  name         text NOT NULL,
  description  text,
  enabled      boolean NOT NULL DEFAULT true,
  created_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, name)
);

CREATE TABLE deployments (
  id                   uuid PRIMARY KEY,
  model_id             uuid NOT NULL REFERENCES models(id) ON DELETE CASCADE,
  provider_account_id  uuid NOT NULL REFERENCES provider_accounts(id) ON DELETE CASCADE,
  upstream_model       text NOT NULL,
  weight               integer NOT NULL DEFAULT 1 CHECK (weight >= 0),
  priority             integer NOT NULL DEFAULT 0,
  enabled              boolean NOT NULL DEFAULT true,
  created_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX deployments_model_idx ON deployments (model_id);

-- One row per /v1 request; request_id makes recording idempotent.
CREATE TABLE usage_logs (
  request_id           text PRIMARY KEY,
  org_id               uuid NOT NULL,
  api_key_id           uuid,
  model                text NOT NULL,
  deployment_id        uuid,
  provider_account_id  uuid,
  operation            text NOT NULL,
  status               integer NOT NULL,
  input_tokens         integer NOT NULL DEFAULT 0,
  output_tokens        integer NOT NULL DEFAULT 0,
  cached_input_tokens  integer NOT NULL DEFAULT 0,
  cache_write_tokens   integer NOT NULL DEFAULT 0,
  reasoning_tokens     integer NOT NULL DEFAULT 0,
  latency_ms           integer NOT NULL,
  ttft_ms              integer,
  streamed             boolean NOT NULL DEFAULT false,
  error_code           text,
  created_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX usage_logs_org_time_idx ON usage_logs (org_id, created_at);
