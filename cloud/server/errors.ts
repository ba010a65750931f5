import type { FastifyError } from 'fastify'
import type { ApiReply } from '@/domain/shared/envelope'
import { AppError, statusOf } from '@/domain/shared/errors'

/** Errors raised by Fastify itself (before dispatch) turned into the API's error codes. */
export function appErrorOfHttp(err: FastifyError & { gongzhiCode?: string }): { error: AppError; unexpected: boolean } {
  const status = err.statusCode ?? 500
  if (err.gongzhiCode === 'RATE_LIMITED' || status === 429) return { error: new AppError('RATE_LIMITED'), unexpected: false }
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || status === 413) {
    return { error: new AppError('PAYLOAD_TOO_LARGE', '提交的内容太大（上限 1 MB）'), unexpected: false }
  }
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || status === 415) {
    return { error: new AppError('INVALID_INPUT', '请以 JSON 格式提交'), unexpected: false }
  }
  // malformed JSON and JSON with __proto__ / constructor.prototype keys (secure-json-parse) both arrive as
  // FST_ERR_CTP_INVALID_JSON_BODY: Fastify does not say which
  if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError) {
    return { error: new AppError('INVALID_INPUT', '请求内容不是有效的 JSON，或含有不允许的字段'), unexpected: false }
  }
  if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return { error: new AppError('INVALID_INPUT', '请求内容为空'), unexpected: false }
  if (status >= 400 && status < 500) return { error: new AppError('INVALID_INPUT', '请求格式不正确'), unexpected: false }
  return { error: new AppError('INTERNAL'), unexpected: true }
}

export function envelopeOf(e: AppError): { status: number; body: ApiReply<never> } {
  return { status: statusOf(e.code), body: { ok: false, error: { code: e.code, message: e.message } } }
}
