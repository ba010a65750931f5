import { DEFAULT_MESSAGES, isErrorCode, type ErrorCode } from '@/domain/shared/errors'

/** NETWORK is the client's own code: the request never got a reply (offline, timeout, gateway down). */
export type ClientErrorCode = ErrorCode | 'NETWORK'

export const NETWORK_MESSAGE = '网络不好，请稍后重试'

/**
 * No answer (NETWORK) or the server could not reach its database (UNAVAILABLE): nothing was decided that the
 * same request, sent again, would not find (writes carry their requestId), so trying again is safe.
 */
export const isRetryable = (code: ClientErrorCode): boolean => code === 'NETWORK' || code === 'UNAVAILABLE'

/** What every failed `callApi` throws; the UI switches on `code` and shows `message`. */
export class ApiError extends Error {
  readonly code: ClientErrorCode
  readonly details?: unknown

  constructor(code: ClientErrorCode, message?: string, details?: unknown) {
    super(message || (code === 'NETWORK' ? NETWORK_MESSAGE : DEFAULT_MESSAGES[code]))
    this.name = 'ApiError'
    this.code = code
    this.details = details
  }
}

/** Any thrown value as an ApiError, so hooks can always show a Chinese message. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e
  const code = (e as { code?: unknown } | null)?.code
  if (isErrorCode(code)) return new ApiError(code, (e as { message?: string }).message)
  return new ApiError('INTERNAL')
}
