import { isActionPrefix, type AuditListInput } from '@/domain/audit'
import { chinaInstant } from '@/domain/shared/chinaTime'
import type { AuditFilter, AuditScope } from './ports'

const DAY_MS = 24 * 3600_000

/** A parsed audit.list input within a scope, as the port's filter (China days → [since, until) instants). */
export function filterOf(input: AuditListInput, scope: AuditScope): AuditFilter {
  const action = input.action ?? null
  return {
    ...scope,
    actorId: input.actorId ?? null,
    action: action && !isActionPrefix(action) ? action : null,
    actionPrefix: action && isActionPrefix(action) ? action : null,
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    since: input.from ? chinaInstant(input.from).toISOString() : null,
    until: input.to ? new Date(chinaInstant(input.to).getTime() + DAY_MS).toISOString() : null,
  }
}
