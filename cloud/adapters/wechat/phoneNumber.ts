import { AppError } from '@/domain/shared/errors'
import type { WechatPhone } from '../../auth/ports'
import type { Clock } from '../../shared/ports'
import { TOKEN_INVALID, wechatAccessToken, type AccessToken } from './accessToken'
import type { WechatConfig } from './code2Session'

interface PhoneReply {
  errcode?: number
  errmsg?: string
  phone_info?: { phoneNumber?: string; purePhoneNumber?: string; countryCode?: string }
}

const UNAVAILABLE = '微信服务暂时不可用，请稍后再试或直接填写手机号'

/**
 * 手机号快速验证: POST {apiBase}/wxa/business/getuserphonenumber?access_token=… with the button's code.
 * The access token (GET /cgi-bin/token, client_credential) is cached until shortly before it expires;
 * concurrent callers share one fetch; createDeps hands in the process's one token, shared with the other calls.
 */
export function wechatPhoneNumber(cfg: WechatConfig, clock: Clock, accessToken: AccessToken = wechatAccessToken(cfg, clock)): WechatPhone {
  const timeout = () => AbortSignal.timeout(cfg.timeoutMs ?? 5000)

  /** the token (shared with the other WeChat calls); when it cannot be had, the person is told to type the number */
  async function token(fresh = false): Promise<string> {
    try {
      return await accessToken.get(fresh)
    } catch (err) {
      const code = err instanceof AppError ? (/（(-?\d+|\?)）$/.exec(err.message)?.[0] ?? '') : ''
      throw new AppError('INTERNAL', `${UNAVAILABLE}${code}`)
    }
  }

  async function ask(code: string, token: string): Promise<PhoneReply> {
    const url = new URL('/wxa/business/getuserphonenumber', cfg.apiBase)
    url.search = new URLSearchParams({ access_token: token }).toString()
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code }),
        signal: timeout(),
      })
      return (await res.json()) as PhoneReply
    } catch {
      throw new AppError('INTERNAL', UNAVAILABLE)
    }
  }

  return {
    async phoneNumber(code) {
      let reply = await ask(code, await token())
      if (reply.errcode && TOKEN_INVALID.has(reply.errcode)) {
        accessToken.drop()
        reply = await ask(code, await token(true))
      }
      if (reply.errcode) {
        if (reply.errcode === 40029) throw new AppError('INVALID_INPUT', '手机号验证已过期，请重新点击获取或直接填写')
        throw new AppError('INTERNAL', `获取微信手机号失败（${reply.errcode}），请直接填写`)
      }
      const n = reply.phone_info?.purePhoneNumber ?? reply.phone_info?.phoneNumber
      if (!n) throw new AppError('INTERNAL', '获取微信手机号失败，请直接填写')
      return n
    },
  }
}
