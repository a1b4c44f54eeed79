-- Roles per site: a person's role at one site of a multi-site deployment, replacing their global
-- role (users.role) there. A supervisor at FUE may be a viewer at ERL; where no row names a site,
-- the global role counts. Site ids are those of the plant configuration; a row for a site that is
-- no longer configured is inert.
CREATE TABLE user_site_roles (
  user_id  uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  site_id  text NOT NULL CHECK (site_id ~ '^[A-Za-z0-9][A-Za-z0-9_.-]*$'),
  role     text NOT NULL CHECK (role IN ('viewer', 'operator', 'supervisor', 'admin')),
  PRIMARY KEY (user_id, site_id)
);
