-- Accounts of callers with a token or an IP range, and their tokens (stored only as SHA-256 hashes).
CREATE TABLE account (
    id           bigserial   PRIMARY KEY,
    name         text        NOT NULL UNIQUE,
    email        text        NOT NULL DEFAULT '',
    hourly_quota integer,
    max_records  integer,
    ip_ranges    text        NOT NULL DEFAULT '',
    active       boolean     NOT NULL DEFAULT true,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz
);

CREATE TABLE account_token (
    id         bigserial   PRIMARY KEY,
    account_id bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    token_hash text        NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz
);
CREATE INDEX account_token_account ON account_token (account_id);
