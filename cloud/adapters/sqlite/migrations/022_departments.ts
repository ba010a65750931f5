import type { Migration } from './migration'
import { rebuildTable, replaceOnce } from './rebuild'

/**
 * Issue 17, 联动: functional departments (派出所, 城管, 消防 …) configured per street or district with the report
 * categories they take; their staff (one department per person, role `department`); a report's dispatches (交办)
 * with their own deadline. A report has at most one live dispatch (pending or accepted): the partial unique index
 * report_dispatches_live makes two dispatches at once one. report_events.department_id names the department a step
 * was taken for, so the timeline shows the department, not the person.
 */
export const m022Departments: Migration = {
  version: 22,
  name: 'departments, their members and report dispatches (交办)',
  foreignKeysOff: true,
  up(db) {
    rebuildTable(db, 'user_roles', (sql) =>
      replaceOnce(sql, "'street', 'district', 'city')", "'street', 'district', 'city', 'department')"),
    )
    db.exec(`
CREATE TABLE departments (
  id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  name TEXT NOT NULL,
  -- exactly one: the street or the district it serves
  street_id TEXT REFERENCES streets(id),
  district_id TEXT REFERENCES districts(id),
  -- JSON array of report categories
  categories TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  CHECK ((street_id IS NULL) <> (district_id IS NULL))
) STRICT;
CREATE UNIQUE INDEX departments_street_name ON departments(street_id, name) WHERE street_id IS NOT NULL;
CREATE UNIQUE INDEX departments_district_name ON departments(district_id, name) WHERE district_id IS NOT NULL;

CREATE TABLE department_members (
  user_id TEXT PRIMARY KEY REFERENCES users(id),
  department_id TEXT NOT NULL REFERENCES departments(id),
  added_by TEXT NOT NULL REFERENCES users(id),
  added_at TEXT NOT NULL
) STRICT;
CREATE INDEX department_members_department ON department_members(department_id, user_id);

CREATE TABLE report_dispatches (
  id TEXT PRIMARY KEY,
  report_id TEXT NOT NULL REFERENCES reports(id),
  department_id TEXT NOT NULL REFERENCES departments(id),
  -- the level that dispatched it (community, street, district, city)
  level TEXT NOT NULL CHECK (level IN ('community', 'street', 'district', 'city')),
  dispatched_by TEXT NOT NULL REFERENCES users(id),
  dispatched_at TEXT NOT NULL,
  days INTEGER NOT NULL,
  due_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'returned', 'resolved', 'cancelled')),
  accepted_at TEXT,
  finished_at TEXT,
  return_reason TEXT,
  supervised INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE UNIQUE INDEX report_dispatches_live ON report_dispatches(report_id) WHERE status IN ('pending', 'accepted');
CREATE INDEX report_dispatches_report ON report_dispatches(report_id, dispatched_at);
CREATE INDEX report_dispatches_queue ON report_dispatches(department_id, due_at, report_id) WHERE status IN ('pending', 'accepted');
CREATE INDEX report_dispatches_department ON report_dispatches(department_id, status);

ALTER TABLE report_events ADD COLUMN department_id TEXT REFERENCES departments(id);
`)
  },
}
