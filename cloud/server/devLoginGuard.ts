import type { IncomingHttpHeaders } from 'node:http'

/** Headers a reverse proxy adds: a request that carries one came from elsewhere, whatever its socket says. */
const FORWARDED = ['forwarded', 'x-forwarded-for', 'x-real-ip', 'x-client-ip', 'cf-connecting-ip', 'true-client-ip']

function loopbackAddress(address: string | undefined): boolean {
  if (!address) return false
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address
  return address === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4)
}

/**
 * A request from this machine itself: the socket's peer is a loopback address and no proxy forwarded it (a proxy
 * on the same host connects from loopback too, so its forwarding headers count as "from elsewhere").
 */
export function isLocalRequest(remoteAddress: string | undefined, headers: IncomingHttpHeaders): boolean {
  return loopbackAddress(remoteAddress) && !FORWARDED.some((h) => headers[h] !== undefined)
}

export const DEV_LOGIN_LOCAL_ONLY = '开发登录只接受本机的请求；需要从其他设备登录时，请设置 GONGZHI_DEV_LOGIN=1'
