import Taro from '@tarojs/taro'
import type { ApiEvent } from '@/domain/shared/envelope'
import { ApiError } from './apiError'

/** What came back over the wire, before the envelope is read. */
export interface TransportReply {
  status: number
  body: unknown
}

/** Weak mobile networks are normal: wait long enough, but not forever. */
export const REQUEST_TIMEOUT_MS = 15_000

/**
 * HTTP transport: `POST ${API_BASE}/api`. The WeChat cloud transport (Taro.cloud.callFunction)
 * will be a second function of this shape; callApi is the only caller of either.
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
