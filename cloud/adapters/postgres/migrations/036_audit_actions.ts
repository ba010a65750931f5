import { ddl } from './migration'

/** audit.actions: distinct actions by community, by seeks (as SQLite's 036); names in byte order ("C"), as listed. */
export const m036AuditActions = ddl(
  36,
  'audit log reader: distinct actions by community',
  `CREATE INDEX audit_community_action ON audit_log(community_id, action COLLATE "C");`,
)
