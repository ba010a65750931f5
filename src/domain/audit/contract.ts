import { read } from '../shared/contract'
import { auditActionsSchema, auditListSchema, type AuditActions, type AuditPage } from '.'

/** 操作日志: the audit log, read by the committee and the tiers above (issue 19). */
export const auditContract = {
  'audit.list': read(auditListSchema).returns<AuditPage>(),
  'audit.actions': read(auditActionsSchema).returns<AuditActions>(),
}
