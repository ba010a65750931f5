import { createHash } from 'node:crypto'
import type { ActionName } from '@/domain/contract'
import type { UserCtx } from './context'
import type { IdempotencyKey } from './ports'

/**
 * The idempotency key of a retried create: (caller, action, requestId) and a digest of the parsed input. The action
 * is one of the contract's (a misspelt name does not compile).
 */
export function idempotencyKey(ctx: UserCtx, action: ActionName, input: unknown): IdempotencyKey | null {
  if (!ctx.requestId) return null
  return {
    userId: ctx.user.id,
    action,
    requestId: ctx.requestId,
    fingerprint: createHash('sha256').update(JSON.stringify(input)).digest('base64url'),
  }
}

export const KEY_REUSED = '这个请求编号已用于另一个请求，请刷新后重试'
