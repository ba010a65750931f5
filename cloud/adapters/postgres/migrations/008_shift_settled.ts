import { ddl } from './migration'

/** Patrols: settled_at, and the partial index of the scheduled shifts not yet settled (see SQLite's 008). */
export const m008ShiftSettled = ddl(
  8,
  'shift settled_at and the index of unsettled shifts',
  `
ALTER TABLE shifts ADD COLUMN settled_at timestamptz;
DROP INDEX shifts_by_end;
CREATE INDEX shifts_unsettled ON shifts(end_at) WHERE status = 'scheduled' AND settled_at IS NULL;
UPDATE shifts SET settled_at = end_at
WHERE status = 'scheduled' AND end_at <= now()
  AND NOT EXISTS (SELECT 1 FROM shift_signups su WHERE su.shift_id = shifts.id AND su.status IN ('confirmed', 'checkedIn'));
`,
)
