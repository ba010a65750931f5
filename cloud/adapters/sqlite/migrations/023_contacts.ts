import type { Migration } from './migration'

/**
 * Issue 17, 党员干部联系户. cadres: the `cadre` attribute of a verified resident or staff member (one row a person;
 * `households` counts their assigned households, kept by the store beside each assignment, its CHECK the upper
 * bound a conditional UPDATE holds). contact_assignments: one contact per household (its primary key). contact_logs:
 * the contacts a cadre logged (staff-only notes). reports: who raised a report on a household's behalf (代为上报).
 */
export const m023Contacts: Migration = {
  version: 23,
  name: 'contacts: cadres, contact assignments and logs; reports raised on a household behalf',
  up(db) {
    db.exec(`
CREATE TABLE cadres (
  user_id TEXT PRIMARY KEY REFERENCES users(id),
  community_id TEXT NOT NULL REFERENCES communities(id),
  title TEXT NOT NULL CHECK (title IN ('partyMember', 'villageCadre', 'buildingHead', 'groupHead')),
  publish_phone INTEGER NOT NULL CHECK (publish_phone IN (0, 1)),
  public_note TEXT,
  households INTEGER NOT NULL DEFAULT 0 CHECK (households BETWEEN 0 AND 50),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX cadres_community ON cadres(community_id);
CREATE TABLE contact_assignments (
  household_id TEXT PRIMARY KEY REFERENCES households(id),
  cadre_id TEXT NOT NULL REFERENCES cadres(user_id),
  community_id TEXT NOT NULL REFERENCES communities(id),
  assigned_by TEXT NOT NULL REFERENCES users(id),
  assigned_at TEXT NOT NULL
) STRICT;
CREATE INDEX contact_assignments_cadre ON contact_assignments(cadre_id);
CREATE INDEX contact_assignments_community ON contact_assignments(community_id);
CREATE TABLE contact_logs (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  household_id TEXT NOT NULL REFERENCES households(id),
  cadre_id TEXT NOT NULL REFERENCES users(id),
  community_id TEXT NOT NULL REFERENCES communities(id),
  kind TEXT NOT NULL CHECK (kind IN ('visit', 'call', 'wechat')),
  at TEXT NOT NULL,
  note TEXT NOT NULL CHECK (length(note) BETWEEN 1 AND 500),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX contact_logs_household ON contact_logs(household_id, at);
CREATE INDEX contact_logs_cadre ON contact_logs(cadre_id, at);
ALTER TABLE reports ADD COLUMN on_behalf_of_household TEXT REFERENCES households(id);
ALTER TABLE reports ADD COLUMN raised_by TEXT REFERENCES users(id);
`)
  },
}
