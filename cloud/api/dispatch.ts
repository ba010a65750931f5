import { apiEventSchema, type ApiReply } from '@/domain/shared/envelope'
import { AppError } from '@/domain/shared/errors'
import type { z } from 'zod'
import type { Deps } from '../compose'
import { CONTRACT, type ActionName } from '@/domain/contract'
import type { ActionSpec } from '@/domain/shared/contract'
import type { Ctx, UserCtx } from '../shared/context'
import { HANDLERS } from './handlers'
import { issueDetails, zhErrorMap } from './zodMessages'

export interface Caller {
  userId: string
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value, { error: zhErrorMap })
  if (!r.success) {
    const details = issueDetails(r.error)
    throw new AppError('INVALID_INPUT', details[0]?.message ?? '填写的内容有误，请检查后再试', details)
  }
  return r.data
}

function fail(e: AppError): ApiReply<never> {
  return { ok: false, error: e.details === undefined ? { code: e.code, message: e.message } : { code: e.code, message: e.message, details: e.details } }
}

/** An action's contract and its use case, with the input type erased: the handler gets what its own schema parsed. */
interface Found {
  spec: ActionSpec
  handler: (input: unknown, ctx: Ctx<Deps> | UserCtx<Deps>) => Promise<unknown>
}

export function findAction(name: string): Found | undefined {
  if (!Object.prototype.hasOwnProperty.call(CONTRACT, name)) return undefined
  const action = name as ActionName
  return { spec: CONTRACT[action], handler: HANDLERS[action] as Found['handler'] }
}

/**
 * The one API: event → action table → use case → envelope. Knows nothing of HTTP or WeChat;
 * both doors (cloud/server, cloud/api/cloudEntry) resolve the caller from their platform and call this.
 */
export async function dispatch(event: unknown, caller: Caller | null, deps: Deps): Promise<ApiReply> {
  let action = '?'
  try {
    if (typeof event !== 'object' || event === null || Array.isArray(event)) {
      throw new AppError('INVALID_INPUT', '请求格式不正确')
    }
    const ev = parse(apiEventSchema, event)
    action = ev.action
    const found = findAction(ev.action)
    if (!found) throw new AppError('NOT_FOUND', '未知的操作')
    const { spec, handler } = found
    const user = caller ? await deps.store.users.get(caller.userId) : null
    if (spec.access === 'user' && !user) throw new AppError('UNAUTHENTICATED', '登录已失效，请重新登录')
    const input = parse(spec.input, ev.payload === undefined ? {} : ev.payload)
    const ctx: Ctx<Deps> = { deps, user, requestId: ev.requestId ?? null }
    return { ok: true, data: await handler(input, ctx) }
  } catch (e) {
    if (e instanceof AppError) return fail(e)
    if (deps.store.unavailable(e)) {
      deps.log.warn({ err: e, action }, 'database unavailable')
      return fail(new AppError('UNAVAILABLE'))
    }
    deps.log.error({ err: e, action }, 'unhandled error in dispatch')
    return fail(new AppError('INTERNAL'))
  }
}
