import { STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import type { FastifyError, FastifyInstance } from 'fastify'
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

/**
 * Fastify's clientErrorHandler: Node could not read the request (a malformed or conflicting Content-Length, a
 * header over the limit, a request that took too long). Answered with the envelope, not Fastify's own body,
 * then the socket is closed (it cannot be trusted to be in step).
 */
export function clientErrorReply(this: FastifyInstance, err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return
  const error =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? new AppError('INVALID_INPUT', '网络太慢，请求超时，请重试')
      : err.code === 'HPE_HEADER_OVERFLOW'
        ? new AppError('PAYLOAD_TOO_LARGE', '请求头太大')
        : new AppError('INVALID_INPUT', '请求格式不正确')
  this.log.debug({ code: err.code }, 'client error')
  if (socket.writable) {
    const { status, body } = envelopeOf(error)
    const json = JSON.stringify(body)
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(json)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${json}`,
    )
  }
  socket.destroy()
}
