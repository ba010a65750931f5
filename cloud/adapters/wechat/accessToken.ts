import { AppError } from '@/domain/shared/errors'
import type { Clock } from '../../shared/ports'
import type { WechatConfig } from './code2Session'

interface TokenReply {
  access_token?: string
  expires_in?: number
  errcode?: number
}

/** access_token errors after which a fresh token is fetched once */
export const TOKEN_INVALID = new Set([40001, 40014, 42001])
/** refresh five minutes early: the token may expire while a request is on its way */
const MARGIN_MS = 5 * 60 * 1000

export interface AccessToken {
  /** the cached token, or a fresh one when `fresh` or expired; concurrent callers share one fetch */
  get(fresh?: boolean): Promise<string>
  /** forget the cached token (WeChat said it is invalid) */
  drop(): void
}

/** The mini-program's access_token (GET /cgi-bin/token, client_credential), cached until shortly before it expires. */
export function wechatAccessToken(cfg: WechatConfig, clock: Clock, unavailable = '微信服务暂时不可用，请稍后再试'): AccessToken {
  let cached: { token: string; until: number } | null = null
  let inflight: Promise<string> | null = null

  async function fetchToken(): Promise<string> {
    const url = new URL('/cgi-bin/token', cfg.apiBase)
    url.search = new URLSearchParams({ grant_type: 'client_credential', appid: cfg.appid, secret: cfg.secret }).toString()
    let body: TokenReply
    try {
      body = (await (await fetch(url, { signal: AbortSignal.timeout(cfg.timeoutMs ?? 5000) })).json()) as TokenReply
    } catch {
      throw new AppError('INTERNAL', unavailable)
    }
    if (!body.access_token) throw new AppError('INTERNAL', `${unavailable}（${body.errcode ?? '?'}）`)
    cached = { token: body.access_token, until: clock.now().getTime() + (body.expires_in ?? 7200) * 1000 - MARGIN_MS }
    return body.access_token
  }

  return {
    async get(fresh = false) {
      if (!fresh && cached && cached.until > clock.now().getTime()) return cached.token
      inflight ??= fetchToken().finally(() => (inflight = null))
      return inflight
    },
    drop() {
      cached = null
    },
  }
}
