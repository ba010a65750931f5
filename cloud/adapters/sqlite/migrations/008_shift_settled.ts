import type { Migration } from './migration'

/**
 * Patrols: the time rule (forgotten check-outs closed at the end, no-shows) runs before every patrol action, so
 * it must cost what is due, not the history. `settled_at` is set when a shift past its end has been settled (no
 * signup left confirmed or checked in, and none can become so: signups, promotions and check-ins all end by the
 * end). The partial index holds only the scheduled shifts not yet settled, so "anything due?" is one probe.
 * Shifts already over with nothing open are marked now; any others are settled by the first settle.
 */
export const m008ShiftSettled: Migration = {
  version: 8,
  name: 'shift settled_at and the index of unsettled shifts',
  up(db) {
    db.exec(`
ALTER TABLE shifts ADD COLUMN settled_at TEXT;
DROP INDEX shifts_by_end;
CREATE INDEX shifts_unsettled ON shifts(end_at) WHERE status = 'scheduled' AND settled_at IS NULL;
UPDATE shifts SET settled_at = end_at
WHERE status = 'scheduled' AND end_at <= strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  AND NOT EXISTS (SELECT 1 FROM shift_signups su WHERE su.shift_id = shifts.id AND su.status IN ('confirmed', 'checkedIn'));
`)
  },
}
