import { auditContract } from '@/domain/audit/contract'
import type { Handlers } from '../shared/handlers'
import { listAuditActions } from './listActions'
import { listAudit } from './listAudit'
import type { Deps } from './ports'

export const auditHandlers: Handlers<typeof auditContract, Deps> = {
  'audit.list': listAudit,
  'audit.actions': listAuditActions,
}
