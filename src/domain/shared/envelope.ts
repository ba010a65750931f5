import { z } from 'zod'
import type { ErrorCode } from './errors'
import { hasControl } from './text'

/** The one event shape of the API: cloud function event and HTTP `POST /api` body. */
export const apiEventSchema = z.strictObject({
  action: z.string().min(1).max(64),
  payload: z.unknown().optional(),
  requestId: z.string().min(8).max(64, { abort: true }).refine((s) => !hasControl(s), { message: '请求编号格式不正确' }).optional(),
})

export type ApiEvent = z.infer<typeof apiEventSchema>

/** `details` of an INVALID_INPUT reply: one entry per problem, `path` like "gridIds.0" ("" = the whole input). */
export interface IssueDetail {
  path: string
  message: string
}

export interface ApiErrorBody {
  code: ErrorCode
  message: string
  details?: unknown
}

export type ApiReply<T = unknown> = { ok: true; data: T } | { ok: false; error: ApiErrorBody }
