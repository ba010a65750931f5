import { auditActionLabel, type AuditActions, type AuditActionsInput } from '@/domain/audit'
import { auditScopeOf } from './access'
import type { UserCtx } from './ports'

/** audit.actions — the actions present in the caller's area, with their labels, for the filter picker. */
export async function listAuditActions(input: AuditActionsInput, ctx: UserCtx): Promise<AuditActions> {
  const scope = await auditScopeOf(ctx.deps, ctx.user, input.communityId)
  const names = await ctx.deps.store.audit.actions(scope)
  return { actions: names.map((action) => ({ action, label: auditActionLabel(action) })) }
}
