import type { Migration } from './migration'

/** The report indexes 015–017 and earlier kept per filter, which 018 replaces (each new report wrote every one). */
export const REPORT_INDEXES_REPLACED_IN_018 = [
  'reports_community', 'reports_community_status', 'reports_community_category', 'reports_due_level',
  'reports_street', 'reports_street_status', 'reports_due_street', 'reports_grid', 'reports_grid_status',
  'reports_district', 'reports_district_status', 'reports_due_district', 'reports_open_district',
  'reports_city', 'reports_city_status', 'reports_due_city', 'reports_open_city',
] as const

/**
 * Issue 13: with the city model a new report wrote 22 report indexes and a tally, 41 WAL pages per create (each
 * fsynced: synchronous = FULL), and a create in the store took twice as long as before. One covering index per
 * area (and one per grid) now serves its lists: (area, seq) for newest first, with the filters' columns (due_at, status, category,
 * grid_id, and the overview's unit) in the key, so a filtered list walks the area's index newest first and reads a
 * report only once it matches. The queues of the offices above the grid read level-only partial indexes, which a
 * new report (at level grid) never writes, and an overdue list with few reports overdue in the whole store reads
 * reports_due. A create now writes 11 report indexes and the tally: 26 WAL pages (about 30 before the city model).
 *
 * PostgreSQL keeps one index per filter (its migration 018 changes nothing): it checks a condition on a non-key
 * column only after fetching the row from the heap, so the same walk would cost a heap read per report.
 */
export const m018CheaperReportWrites: Migration = {
  version: 18,
  name: 'reports: one covering index per area, level-only queue indexes',
  up(db) {
    db.exec(`
${REPORT_INDEXES_REPLACED_IN_018.map((name) => `DROP INDEX ${name};`).join('\n')}
CREATE INDEX reports_community_cover ON reports(community_id, seq, due_at, status, category, grid_id);
CREATE INDEX reports_street_cover ON reports(street_id, seq, due_at, status, category, grid_id);
CREATE INDEX reports_district_cover ON reports(district_id, seq, due_at, status, category, grid_id, street_id);
CREATE INDEX reports_city_cover ON reports(city_id, seq, due_at, status, category, grid_id, district_id);
CREATE INDEX reports_grid_cover ON reports(grid_id, seq, due_at, status, category);
CREATE INDEX reports_queue_community ON reports(community_id, due_at, seq) WHERE due_at IS NOT NULL AND level = 'community';
CREATE INDEX reports_queue_street ON reports(street_id, due_at, seq) WHERE due_at IS NOT NULL AND level = 'street';
CREATE INDEX reports_queue_district ON reports(district_id, due_at, seq) WHERE due_at IS NOT NULL AND level = 'district';
CREATE INDEX reports_queue_city ON reports(city_id, due_at, seq) WHERE due_at IS NOT NULL AND level = 'city';
CREATE INDEX reports_due ON reports(due_at, seq) WHERE due_at IS NOT NULL;
`)
  },
}
