import { ddl } from './migration'

/** Departments, their members and report dispatches (交办), as SQLite's 022. */
export const m022Departments = ddl(
  22,
  'departments, their members and report dispatches (交办)',
  `
ALTER TABLE user_roles DROP CONSTRAINT user_roles_role_check,
  ADD CONSTRAINT user_roles_role_check CHECK (role IN ('resident', 'volunteer', 'gridWorker', 'committee', 'street', 'district', 'city', 'department'));

CREATE TABLE departments (
  id text PRIMARY KEY,
  seq integer NOT NULL,
  name text NOT NULL,
  street_id text REFERENCES streets(id),
  district_id text REFERENCES districts(id),
  categories text NOT NULL,
  created_by text NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL,
  CHECK ((street_id IS NULL) <> (district_id IS NULL))
);
CREATE UNIQUE INDEX departments_street_name ON departments(street_id, name) WHERE street_id IS NOT NULL;
CREATE UNIQUE INDEX departments_district_name ON departments(district_id, name) WHERE district_id IS NOT NULL;

CREATE TABLE department_members (
  user_id text PRIMARY KEY REFERENCES users(id),
  department_id text NOT NULL REFERENCES departments(id),
  added_by text NOT NULL REFERENCES users(id),
  added_at timestamptz NOT NULL
);
CREATE INDEX department_members_department ON department_members(department_id, user_id);

CREATE TABLE report_dispatches (
  id text PRIMARY KEY,
  report_id text NOT NULL REFERENCES reports(id),
  department_id text NOT NULL REFERENCES departments(id),
  level text NOT NULL CHECK (level IN ('community', 'street', 'district', 'city')),
  dispatched_by text NOT NULL REFERENCES users(id),
  dispatched_at timestamptz NOT NULL,
  days integer NOT NULL,
  due_at timestamptz NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'accepted', 'returned', 'resolved', 'cancelled')),
  accepted_at timestamptz,
  finished_at timestamptz,
  return_reason text,
  supervised integer NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX report_dispatches_live ON report_dispatches(report_id) WHERE status IN ('pending', 'accepted');
CREATE INDEX report_dispatches_report ON report_dispatches(report_id, dispatched_at);
CREATE INDEX report_dispatches_queue ON report_dispatches(department_id, due_at, report_id) WHERE status IN ('pending', 'accepted');
CREATE INDEX report_dispatches_department ON report_dispatches(department_id, status);

ALTER TABLE report_events ADD COLUMN department_id text REFERENCES departments(id);
`,
)
