import { ddl } from './migration'

const LEVELS = "('grid', 'community', 'street', 'district', 'city')"

/**
 * Districts and cities above the streets, the district and city levels and roles (as SQLite's 015). PostgreSQL
 * widens a CHECK by replacing the named constraint; the new ones are checked against the rows in place.
 */
export const m015City = ddl(
  15,
  'districts and cities above the streets; district and city levels and roles',
  `
CREATE TABLE cities (
  id text PRIMARY KEY,
  name text NOT NULL,
  seq integer NOT NULL DEFAULT 0
);

CREATE TABLE districts (
  id text PRIMARY KEY,
  city_id text NOT NULL REFERENCES cities(id),
  name text NOT NULL,
  seq integer NOT NULL DEFAULT 0
);
CREATE INDEX districts_city ON districts(city_id, seq);

ALTER TABLE streets ADD COLUMN district_id text REFERENCES districts(id);
CREATE INDEX streets_district ON streets(district_id, seq);

ALTER TABLE reports DROP CONSTRAINT reports_level_check, ADD CONSTRAINT reports_level_check CHECK (level IN ${LEVELS});
ALTER TABLE reports DROP CONSTRAINT reports_max_level_check, ADD CONSTRAINT reports_max_level_check CHECK (max_level IN ${LEVELS});
ALTER TABLE user_roles DROP CONSTRAINT user_roles_role_check,
  ADD CONSTRAINT user_roles_role_check CHECK (role IN ('resident', 'volunteer', 'gridWorker', 'committee', 'street', 'district', 'city'));

ALTER TABLE reports ADD COLUMN district_id text REFERENCES districts(id), ADD COLUMN city_id text REFERENCES cities(id);
UPDATE reports r SET district_id = s.district_id, city_id = d.city_id
  FROM streets s JOIN districts d ON d.id = s.district_id WHERE s.id = r.street_id;
CREATE INDEX reports_district ON reports(district_id, seq);
CREATE INDEX reports_district_status ON reports(district_id, status, seq, due_at);
CREATE INDEX reports_due_district ON reports(district_id, level, due_at, seq) WHERE due_at IS NOT NULL;
CREATE INDEX reports_city ON reports(city_id, seq);
CREATE INDEX reports_city_status ON reports(city_id, status, seq, due_at);
CREATE INDEX reports_due_city ON reports(city_id, level, due_at, seq) WHERE due_at IS NOT NULL;
`,
)
