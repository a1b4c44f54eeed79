-- Failed sign-ins per user name, for the login throttle (lib/auth/login-throttle.ts). One row per
-- name that failed recently; a successful sign-in or a password reset deletes it.
CREATE TABLE login_failures (
  username         text PRIMARY KEY,
  failures         integer NOT NULL,
  first_failed_at  timestamptz NOT NULL,
  locked_until     timestamptz
);
