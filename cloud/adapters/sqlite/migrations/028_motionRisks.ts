import type { Migration } from './migration'

/**
 * Issue 18: 稳评 — a major motion's gate (`risk_gate`: none | pending | cleared, checked by the step to voting)
 * and its 社会稳定风险评估, one per motion (a new filing replaces it and bumps `rev`); a partial index serves the
 * 高 assessments waiting for a street's sign-off.
 */
export const m028MotionRisks: Migration = {
  version: 28,
  name: 'motion risk assessments: the major motion gate, 稳评 and the street sign-off',
  up(db) {
    db.exec(`
ALTER TABLE motions ADD COLUMN risk_gate TEXT NOT NULL DEFAULT 'none' CHECK (risk_gate IN ('none', 'pending', 'cleared'));
CREATE TABLE motion_risk_assessments (
  motion_id TEXT PRIMARY KEY REFERENCES motions(id),
  rev INTEGER NOT NULL,
  -- JSON [{ "category": "legality", "description": "..." }]
  risks TEXT NOT NULL,
  -- JSON { "summary": "...", "commentIds": [], "meetingIds": [], "visitIds": [] }
  consultation TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('low', 'medium', 'high')),
  mitigation TEXT NOT NULL,
  filed_by TEXT NOT NULL REFERENCES users(id),
  filed_at TEXT NOT NULL,
  sign_off TEXT CHECK (sign_off IN ('pending', 'approved', 'returned')),
  signed_by TEXT REFERENCES users(id),
  signed_at TEXT,
  sign_note TEXT
) STRICT;
CREATE INDEX motion_risk_pending ON motion_risk_assessments(filed_at) WHERE sign_off = 'pending';
`)
  },
}
