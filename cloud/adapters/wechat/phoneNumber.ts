import { AppError } from '@/domain/errors'
import type { Clock, WechatPhone } from '../../ports'
import type { WechatConfig } from './code2Session'

interface TokenReply {
  access_token?: string
  expires_in?: number
  errcode?: number
  errmsg?: string
}

interface PhoneReply {
  errcode?: number
  errmsg?: string
  phone_info?: { phoneNumber?: string; purePhoneNumber?: string; countryCode?: string }
}

/** access_token errors after which a fresh token is fetched once */
const TOKEN_INVALID = new Set([40001, 40014, 42001])
/** refresh five minutes early: the token may expire while a request is on its way */
const MARGIN_MS = 5 * 60 * 1000

/**
 * 手机号快速验证: POST {apiBase}/wxa/business/getuserphonenumber?access_token=… with the button's code.
 * The access token (GET /cgi-bin/token, client_credential) is cached until shortly before it expires;
 * concurrent callers share one fetch.
 */
export function wechatPhoneNumber(cfg: WechatConfig, clock: Clock): WechatPhone {
  let cached: { token: string; until: number } | null = null
  let inflight: Promise<string> | null = null
  const timeout = () => AbortSignal.timeout(cfg.timeoutMs ?? 5000)

  async function fetchToken(): Promise<string> {
    const url = new URL('/cgi-bin/token', cfg.apiBase)
    url.search = new URLSearchParams({ grant_type: 'client_credential', appid: cfg.appid, secret: cfg.secret }).toString()
    let body: TokenReply
    try {
      body = (await (await fetch(url, { signal: timeout() })).json()) as TokenReply
    } catch {
      throw new AppError('INTERNAL', '微信服务暂时不可用，请稍后再试或直接填写手机号')
    }
    if (!body.access_token) throw new AppError('INTERNAL', `微信服务暂时不可用（${body.errcode ?? '?'}），请直接填写手机号`)
    cached = { token: body.access_token, until: clock.now().getTime() + (body.expires_in ?? 7200) * 1000 - MARGIN_MS }
    return body.access_token
  }

  async function token(fresh: boolean): Promise<string> {
    if (!fresh && cached && cached.until > clock.now().getTime()) return cached.token
    inflight ??= fetchToken().finally(() => (inflight = null))
    return inflight
  }

  async function ask(code: string, accessToken: string): Promise<PhoneReply> {
    const url = new URL('/wxa/business/getuserphonenumber', cfg.apiBase)
    url.search = new URLSearchParams({ access_token: accessToken }).toString()
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code }),
        signal: timeout(),
      })
      return (await res.json()) as PhoneReply
    } catch {
      throw new AppError('INTERNAL', '微信服务暂时不可用，请稍后再试或直接填写手机号')
    }
  }

  return {
    async phoneNumber(code) {
      let reply = await ask(code, await token(false))
      if (reply.errcode && TOKEN_INVALID.has(reply.errcode)) {
        cached = null
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
