import { ddl } from './migration'

/** 操作日志: entries by community, newest first (as SQLite's 029). */
export const m029Audit = ddl(
  29,
  'audit log reader: entries by community, newest first',
  `CREATE INDEX audit_community_at ON audit_log(community_id, at DESC, id DESC);`,
)
