import Taro from '@tarojs/taro'
import type { ActionInput, ActionName, ActionOutput } from '@/domain/contract'
import type { ApiEvent, ApiReply } from '@/domain/shared/envelope'
import { isErrorCode } from '@/domain/shared/errors'
import { ApiError, isRetryable } from './apiError'
import { ROUTES } from './routes'
import { clearSession, getToken } from './session'
import { onCloud } from './cloud'
import { cloudTransport, httpTransport, type TransportReply } from './transport'

export { ApiError } from './apiError'

export interface CallOptions {
  /** Generated once per submit attempt for writes, so re-sending the same attempt is safe. */
  requestId?: string
}

/** Reads are idempotent, so one automatic retry after a network failure or an unavailable database is safe (the list: see READ_ACTIONS). */
const reads: ReadonlySet<string> = new Set(READ_ACTIONS)

const RETRY_DELAY_MS = 800
const GATEWAY_STATUSES = new Set([0, 502, 503, 504])

let transport: typeof httpTransport = onCloud() ? cloudTransport : httpTransport

/** The one transport seam. Tests and the future cloud build swap it here. */
export function setTransport(next: typeof httpTransport): void {
  transport = next
}

/**
 * Call one API action. Resolves with `data` of an ok envelope; throws ApiError otherwise
 * (server codes as sent; 'NETWORK' when no usable reply arrived).
 */
export async function callApi<A extends ActionName>(
  action: A,
  payload: ActionInput<A>,
  options: CallOptions = {},
): Promise<ActionOutput<A>> {
  const event: ApiEvent = { action, payload }
  if (options.requestId) event.requestId = options.requestId
  const attempts = reads.has(action) ? 2 : 1

  for (let attempt = 1; ; attempt++) {
    try {
      const reply = await transport(event, getToken())
      return unwrap<ActionOutput<A>>(reply)
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError('NETWORK')
      if (isRetryable(err.code) && attempt < attempts) {
        await delay(RETRY_DELAY_MS)
        continue
      }
      // a refused login (auth.*) stays on the login page with its message
      if (err.code === 'UNAUTHENTICATED' && !action.startsWith('auth.')) onUnauthenticated()
      throw err
    }
  }
}

function unwrap<T>(reply: TransportReply): T {
  const body = reply.body as ApiReply<T> | null
  if (body && typeof body === 'object' && 'ok' in body) {
    if (body.ok === true) return body.data
    const { code, message, details } = body.error ?? {}
    throw new ApiError(isErrorCode(code) ? code : 'INTERNAL', typeof message === 'string' ? message : undefined, details)
  }
  // Not our envelope: a proxy or gateway answered, or the connection broke mid-reply.
  if (GATEWAY_STATUSES.has(reply.status)) throw new ApiError('NETWORK')
  throw new ApiError('INTERNAL')
}

let redirecting = false

/** The session is gone or expired: forget it and go to the login page (once, however many calls fail). */
function onUnauthenticated(): void {
  clearSession()
  if (redirecting) return
  redirecting = true
  setTimeout(() => {
    redirecting = false
  }, 1000)
  try {
    Promise.resolve(Taro.reLaunch({ url: ROUTES.login })).catch(() => undefined)
  } catch {
    // no router (tests, or the app is still starting): the next page guard sends the user to login
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
