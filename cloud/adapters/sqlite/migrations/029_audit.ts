import type { Migration } from './migration'

/**
 * Issue 19: 操作日志 — audit.list reads a community's entries newest first (at, then id), after a keyset; this
 * index serves it for one community and each community of a tier's list.
 */
export const m029Audit: Migration = {
  version: 29,
  name: 'audit log reader: entries by community, newest first',
  up(db) {
    db.exec(`CREATE INDEX audit_community_at ON audit_log(community_id, at DESC, id DESC);`)
  },
}
