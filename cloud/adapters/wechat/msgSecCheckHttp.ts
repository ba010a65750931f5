import { TOKEN_INVALID, type AccessToken } from './accessToken'
import type { WechatConfig } from './code2Session'
import type { MsgSecCheckReply, MsgSecCheckTransport } from './msgSecCheck'

/**
 * msgSecCheck over HTTPS for the self-hosted server: POST {apiBase}/wxa/msg_sec_check?access_token=… (the
 * process's one access-token cache, shared with the other WeChat calls) with
 * { openid, scene, version: 2, content }. An invalid or expired token (40001, 40014, 42001) is replaced once and
 * the call repeated; a failed token fetch or request throws (the adapter reads it as unavailable).
 */
export function httpMsgSecCheck(cfg: WechatConfig, token: AccessToken): MsgSecCheckTransport {
  async function post(body: unknown, accessToken: string): Promise<MsgSecCheckReply> {
    const url = new URL('/wxa/msg_sec_check', cfg.apiBase)
    url.search = new URLSearchParams({ access_token: accessToken }).toString()
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(cfg.timeoutMs ?? 3000),
    })
    return (await res.json()) as MsgSecCheckReply
  }

  return async (req) => {
    const body = { openid: req.openid, scene: req.scene, version: 2, content: req.content }
    let reply = await post(body, await token.get())
    if (reply.errcode && TOKEN_INVALID.has(reply.errcode)) {
      token.drop()
      reply = await post(body, await token.get(true))
    }
    return reply
  }
}
