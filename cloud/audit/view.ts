import { auditActionLabel, maskAuditDetail, type AuditEntryView } from '@/domain/audit'
import { maskName } from '@/domain/shared/mask'
import { isStaff } from '@/domain/shared/roles'
import type { UserRecord } from '../shared/ports'
import type { AuditRecord, Deps } from './ports'

/**
 * The rows as staff read them: the actor's name and roles, the action's label, the detail masked. A resident's name
 * is in full to their own community's committee only (as in the roster); other readers (the tiers) see it masked.
 */
export async function auditViews(deps: Deps, found: AuditRecord[], reader: UserRecord): Promise<AuditEntryView[]> {
  const inFull = (who: UserRecord, communityId: string | null) =>
    isStaff(who.roles) || (reader.roles.includes('committee') && reader.communityId !== null && reader.communityId === communityId)
  const ids = [...new Set(found.map((r) => r.actorId))]
  const people = new Map<string, UserRecord | null>(await Promise.all(ids.map(async (id) => [id, await deps.store.users.get(id)] as const)))
  return found.map((r) => {
    const who = people.get(r.actorId) ?? null
    return {
      id: String(r.id),
      at: r.at,
      actorId: r.actorId,
      actorName: who ? (inFull(who, r.communityId) ? who.name : maskName(who.name)) : null,
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
