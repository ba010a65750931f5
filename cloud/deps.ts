import { wordListCheck } from './adapters/contentCheck/wordList'
import { systemClock } from './adapters/system/clock'
import { randomIds } from './adapters/system/ids'
import { wechatCode2Session } from './adapters/wechat/code2Session'
import { wechatPhoneNumber } from './adapters/wechat/phoneNumber'
import { createTokens, resolveSecret, type Tokens } from './auth/tokens'
import { createFileUrls } from './files/fileUrls'
import type { Config } from './config'
import type { Clock, ContentCheck, FileUrls, Ids, Notifier, Store, WechatAuth, WechatPhone } from './ports'

export interface Logger {
  error(obj: unknown, msg?: string): void
  warn(obj: unknown, msg?: string): void
}

/** What every use case may use. Built once per process (or per test). */
export interface Deps {
  store: Store
  clock: Clock
  ids: Ids
  contentCheck: ContentCheck
  wechat: WechatAuth | null
  /** 手机号快速验证; null when WeChat is not configured */
  wechatPhone: WechatPhone | null
  tokens: Tokens
  /** signed, short-lived photo addresses */
  fileUrls: FileUrls
  /** channels beyond the in-app message centre (WeChat subscribe messages); empty by default */
  notifiers: Notifier[]
  devLogin: boolean
  log: Logger
}

export const consoleLogger: Logger = {
  error: (obj, msg) => console.error(msg ?? '', obj),
  warn: (obj, msg) => console.warn(msg ?? '', obj),
}

export async function createDeps(
  store: Store,
  config: Pick<Config, 'devLogin' | 'wechat' | 'secret'>,
  overrides: Partial<Omit<Deps, 'store'>> = {},
): Promise<Deps> {
  const clock = overrides.clock ?? systemClock
  const secret = await resolveSecret(config.secret, store.settings)
  const tokens = overrides.tokens ?? createTokens(secret, clock)
  return {
    store,
    clock,
    ids: overrides.ids ?? randomIds,
    contentCheck: overrides.contentCheck ?? wordListCheck(),
    wechat: overrides.wechat !== undefined ? overrides.wechat : config.wechat ? wechatCode2Session(config.wechat) : null,
    wechatPhone:
      overrides.wechatPhone !== undefined ? overrides.wechatPhone : config.wechat ? wechatPhoneNumber(config.wechat, clock) : null,
    tokens,
    fileUrls: overrides.fileUrls ?? createFileUrls(secret, clock),
    notifiers: overrides.notifiers ?? [],
    devLogin: overrides.devLogin ?? config.devLogin,
    log: overrides.log ?? consoleLogger,
  }
}
