import { auditActionLabel, maskAuditDetail, type AuditEntryView } from '@/domain/audit'
import type { UserRecord } from '../shared/ports'
import type { AuditRecord, Deps } from './ports'

/** The rows as staff read them: the actor's name and roles, the action's label, the detail masked. */
export async function auditViews(deps: Deps, found: AuditRecord[]): Promise<AuditEntryView[]> {
  const ids = [...new Set(found.map((r) => r.actorId))]
  const people = new Map<string, UserRecord | null>(await Promise.all(ids.map(async (id) => [id, await deps.store.users.get(id)] as const)))
  return found.map((r) => {
    const who = people.get(r.actorId) ?? null
    return {
      id: String(r.id),
      at: r.at,
      actorId: r.actorId,
      actorName: who?.name ?? null,
      actorRoles: who?.roles ?? [],
      action: r.action,
      actionLabel: auditActionLabel(r.action),
      targetType: r.targetType,
      targetId: r.targetId,
      communityId: r.communityId,
      detail: maskAuditDetail(r.detail),
    }
  })
}
