import type { Migration } from './migration'

/**
 * Issue 11: the phone a committee publishes for each grid (网格服务电话), so a resident can reach the people who
 * handle their report without anyone's private number. NULL until the committee sets one.
 */
export const m011GridServicePhone: Migration = {
  version: 11,
  name: 'grids.service_phone: the number a committee publishes for a grid',
  up(db) {
    db.exec(`ALTER TABLE grids ADD COLUMN service_phone TEXT CHECK (service_phone IS NULL OR length(service_phone) BETWEEN 3 AND 20)`)
  },
}
