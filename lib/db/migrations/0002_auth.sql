-- People and their sessions. Passwords are scrypt hashes; session cookies hold a random token
-- whose SHA-256 is stored here, so a database dump never yields a usable session.
CREATE TABLE users (
  id                     uuid PRIMARY KEY,
  username               text NOT NULL UNIQUE CHECK (username ~ '^[a-z][a-z0-9._-]{1,31}$'),
  display_name           text NOT NULL,
  role                   text NOT NULL CHECK (role IN ('viewer', 'operator', 'supervisor', 'admin')),
  password_hash          text NOT NULL,
  must_change_password   boolean NOT NULL DEFAULT false,
  disabled               boolean NOT NULL DEFAULT false,
  created_at             timestamptz NOT NULL DEFAULT now(),
  password_changed_at    timestamptz
);

CREATE TABLE sessions (
  token_sha256  text PRIMARY KEY,
  user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  last_seen_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
