import { AppError } from '@/domain/shared/errors'
import type { WechatAuth } from '../../auth/ports'

export interface WechatConfig {
  apiBase: string
  appid: string
  secret: string
  timeoutMs?: number
}

interface Code2SessionReply {
  openid?: string
  unionid?: string
  session_key?: string
  errcode?: number
  errmsg?: string
}

/** code2Session over HTTPS (https://api.weixin.qq.com/sns/jscode2session), or a stub at WECHAT_API_BASE. */
export function wechatCode2Session(cfg: WechatConfig): WechatAuth {
  return {
    async code2Session(code) {
      const url = new URL('/sns/jscode2session', cfg.apiBase)
      url.search = new URLSearchParams({
        appid: cfg.appid,
        secret: cfg.secret,
        js_code: code,
        grant_type: 'authorization_code',
      }).toString()
      let body: Code2SessionReply
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(cfg.timeoutMs ?? 5000) })
        body = (await res.json()) as Code2SessionReply
      } catch {
        throw new AppError('INTERNAL', '微信登录服务暂时不可用，请稍后再试')
      }
      if (body.errcode) {
        const reason = body.errcode === 40029 || body.errcode === 40163 ? '登录凭证无效或已使用' : '微信登录失败'
        throw new AppError('UNAUTHENTICATED', `${reason}（${body.errcode}），请重新登录`)
      }
      if (typeof body.openid !== 'string' || body.openid.length === 0) {
        throw new AppError('UNAUTHENTICATED', '微信登录失败，请重新登录')
      }
      // session_key is deliberately dropped: it is never sent to the client nor stored
      return { openid: body.openid, unionid: body.unionid }
    },
  }
}
