import { AppError } from '@/domain/shared/errors'
import type { WechatPhone } from '../../auth/ports'
import type { Clock } from '../../shared/ports'
import { TOKEN_INVALID, wechatAccessToken, type AccessToken } from './accessToken'
import type { WechatConfig } from './code2Session'

/** phone_info of the HTTPS reply, phoneInfo of the cloud call's */
export interface PhoneInfo {
  phoneNumber?: string
  purePhoneNumber?: string
  countryCode?: string
}

interface PhoneReply {
  errcode?: number
  errmsg?: string
  phone_info?: PhoneInfo
}

/** Unavailable: WeChat could not be asked (network, timeout) */
export const PHONE_UNAVAILABLE = '微信服务暂时不可用，请稍后再试或直接填写手机号'

/**
 * WeChat's answer → the number, the same for either transport: 40029 (the button's code is used or expired) is
 * the person's to retry; any other errcode, or no number, is WeChat's failure. The number without country code.
 */
export function phoneFromReply(errcode: number, info: PhoneInfo | undefined): string {
  if (errcode) {
    if (errcode === 40029) throw new AppError('INVALID_INPUT', '手机号验证已过期，请重新点击获取或直接填写')
    throw new AppError('INTERNAL', `获取微信手机号失败（${errcode}），请直接填写`)
  }
  const n = info?.purePhoneNumber ?? info?.phoneNumber
  if (!n) throw new AppError('INTERNAL', '获取微信手机号失败，请直接填写')
  return n
}

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
      throw new AppError('INTERNAL', `${PHONE_UNAVAILABLE}${code}`)
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
      throw new AppError('INTERNAL', PHONE_UNAVAILABLE)
    }
  }

  return {
    async phoneNumber(code) {
      let reply = await ask(code, await token())
      if (reply.errcode && TOKEN_INVALID.has(reply.errcode)) {
        accessToken.drop()
        reply = await ask(code, await token(true))
      }
      return phoneFromReply(reply.errcode ?? 0, reply.phone_info)
    },
  }
}
