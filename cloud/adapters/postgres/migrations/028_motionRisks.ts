import { ddl } from './migration'

/** 稳评: the major motion gate and the risk assessments with their street sign-off (as SQLite's 028). */
export const m028MotionRisks = ddl(
  28,
  'motion risk assessments: the major motion gate, 稳评 and the street sign-off',
  `
ALTER TABLE motions ADD COLUMN risk_gate text NOT NULL DEFAULT 'none' CHECK (risk_gate IN ('none', 'pending', 'cleared'));
CREATE TABLE motion_risk_assessments (
  motion_id text PRIMARY KEY REFERENCES motions(id),
  rev integer NOT NULL,
  risks text NOT NULL,
  consultation text NOT NULL,
  level text NOT NULL CHECK (level IN ('low', 'medium', 'high')),
  mitigation text NOT NULL,
  filed_by text NOT NULL REFERENCES users(id),
  filed_at timestamptz NOT NULL,
  sign_off text CHECK (sign_off IN ('pending', 'approved', 'returned')),
  signed_by text REFERENCES users(id),
  signed_at timestamptz,
  sign_note text
);
CREATE INDEX motion_risk_pending ON motion_risk_assessments(filed_at) WHERE sign_off = 'pending';
`,
)
