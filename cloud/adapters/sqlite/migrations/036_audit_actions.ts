import type { Migration } from './migration'

/**
 * Issue 19: audit.actions lists the distinct actions of a reader's communities. With entries by (community, action)
 * in an index, each community's distinct names are found by seeking from one name to the next (a loose index scan:
 * about one seek per name) instead of reading every entry of the scope.
 */
export const m036AuditActions: Migration = {
  version: 36,
  name: 'audit log reader: distinct actions by community',
  up(db) {
    db.exec(`CREATE INDEX audit_community_action ON audit_log(community_id, action);`)
  },
}
