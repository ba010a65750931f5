/** The page of 操作日志 (the audit subpackage). */
export const AUDIT_ROUTES = {
  log: '/packages/audit/index',
} as const
