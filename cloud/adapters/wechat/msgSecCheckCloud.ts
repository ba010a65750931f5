import type { MsgSecCheckReply, MsgSecCheckTransport } from './msgSecCheck'

/** The part of wx-server-sdk's `cloud.openapi` this transport calls (no access token: the platform signs it). */
export interface CloudSecurityOpenapi {
  security: {
    msgSecCheck(args: { openid: string; scene: number; version: 2; content: string }): Promise<unknown>
  }
}

/**
 * msgSecCheck as a cloud call (`cloud.openapi.security.msgSecCheck`) inside the cloud function. The SDK answers
 * with camel-cased keys (errCode, errMsg) and rejects when errCode is not 0; both become the HTTPS API's shape
 * here, so the adapter's verdictOf reads them the same way. A rejection without an errCode (network) is thrown on.
 */
export function cloudMsgSecCheck(openapi: CloudSecurityOpenapi): MsgSecCheckTransport {
  return async (req) => {
    let raw: unknown
    try {
      raw = await openapi.security.msgSecCheck({ openid: req.openid, scene: req.scene, version: 2, content: req.content })
    } catch (err) {
      const e = (err ?? {}) as { errCode?: unknown; errcode?: unknown; errMsg?: unknown }
      const code = typeof e.errCode === 'number' ? e.errCode : typeof e.errcode === 'number' ? e.errcode : undefined
      if (code === undefined) throw err
      return { errcode: code, errmsg: typeof e.errMsg === 'string' ? e.errMsg : undefined }
    }
    const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>
    const code = typeof r.errcode === 'number' ? r.errcode : typeof r.errCode === 'number' ? r.errCode : undefined
    const msg = typeof r.errmsg === 'string' ? r.errmsg : typeof r.errMsg === 'string' ? r.errMsg : undefined
    const reply: MsgSecCheckReply = {}
    if (code !== undefined) reply.errcode = code
    if (msg !== undefined) reply.errmsg = msg
    if (typeof r.result === 'object' && r.result !== null) reply.result = r.result as MsgSecCheckReply['result']
    return reply
  }
}
