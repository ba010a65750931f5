import Taro from '@tarojs/taro'
import type { ApiEvent } from '@/domain/shared/envelope'
import { statusOf } from '@/domain/shared/errors'
import { ApiError } from './apiError'

/** What came back over the wire, before the envelope is read. */
export interface TransportReply {
  status: number
  body: unknown
}

/** Weak mobile networks are normal: wait long enough, but not forever. */
export const REQUEST_TIMEOUT_MS = 15_000

/**
 * HTTP transport: `POST ${API_BASE}/api`. The WeChat cloud transport (cloudTransport, below) is the second
 * function of this shape; callApi is the only caller of either.
 * Throws ApiError('NETWORK') when no reply arrives.
 */
export async function httpTransport(event: ApiEvent, token: string | null): Promise<TransportReply> {
  const header: Record<string, string> = { 'Content-Type': 'application/json' }
  if (token) header.Authorization = `Bearer ${token}`
  try {
    const res = await Taro.request({
      url: `${API_BASE}/api`,
      method: 'POST',
      data: event,
      header,
      timeout: REQUEST_TIMEOUT_MS,
      dataType: 'json',
    })
    return { status: res.statusCode, body: res.data as unknown }
  } catch {
    throw new ApiError('NETWORK')
  }
}

/**
 * Cloud transport: the cloud function `api` (Taro.cloud.callFunction), whose result is the same envelope the HTTP
 * door sends; its status is the one the HTTP door would give. No token: the platform tells the function who calls.
 * Throws ApiError('NETWORK') when the call itself fails (no network, the function not reachable).
 */
export async function cloudTransport(event: ApiEvent): Promise<TransportReply> {
  try {
    const res = await Taro.cloud.callFunction({ name: 'api', data: event as unknown as Record<string, unknown> })
    const body = res.result as { ok?: boolean; error?: { code?: unknown } } | undefined
    const code = body && body.ok === false ? body.error?.code : undefined
    return { status: typeof code === 'string' ? statusOf(code) : 200, body: body ?? null }
  } catch {
    throw new ApiError('NETWORK')
  }
}
