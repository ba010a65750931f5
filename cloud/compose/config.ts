import { availableParallelism } from 'node:os'
import type { WechatConfig } from '../adapters/wechat/code2Session'
import { parseSubscribeFields, type SubscribeTemplate } from '../adapters/wechat/subscribeMessage'

/** Settings read from the environment in one place (README lists them). */
export interface Config {
  /** auth.devLogin allowed: not under NODE_ENV=production unless GONGZHI_DEV_LOGIN=1 */
  devLogin: boolean
  /** GONGZHI_DEV_LOGIN=1: dev login also for requests that did not come from this machine (else loopback only) */
  devLoginRemote: boolean
  /** HOST as the operator set it; null → listenHost() decides (loopback while dev login is on) */
  host: string | null
  /** null when WECHAT_APPID / WECHAT_SECRET are not set */
  wechat: WechatConfig | null
  /** GONGZHI_SECRET; null → a secret generated once and kept in the database */
  secret: string | null
  /** requests per minute per user (or IP when signed out); 'off' disables */
  rateLimit: number | 'off'
  /** the store engine, from GONGZHI_DB: a SQLite file path (default data/gongzhi.db) or a postgres:// URL */
  db: DbConfig
  /** GONGZHI_DB as set (default data/gongzhi.db): the SQLite file; openStore refuses a PostgreSQL URL */
  dbFile: string
  /** GONGZHI_UPLOADS: the folder of uploaded photos, or `database` (the store's blobs table); null → the engine's default (deps.ts blobStorage) */
  uploadsDir: string | null
  /**
   * GONGZHI_CONTENT_CHECK: `wechat` (default when WECHAT_APPID/SECRET are set: msgSecCheck v2 and the word list)
   * or `wordlist` (the local word list only)
   */
  contentCheck: 'wechat' | 'wordList'
  /**
   * WeChat subscribe messages: WECHAT_SUBSCRIBE_TEMPLATE_ID + WECHAT_SUBSCRIBE_FIELDS (+ WECHAT_SUBSCRIBE_STATE); sent
   * with WECHAT_APPID/SECRET on the self-hosted server, through 云调用 in the cloud function
   */
  subscribe: SubscribeTemplate | null
  /** the built H5 app served at / (GONGZHI_H5_DIR, default dist/h5) */
  h5Dir: string
  port: number
  logLevel: string
  /** GONGZHI_PROCESSES: server processes on this machine sharing PORT (1–64, or `auto`: one per core); default 1 */
  processes: number
}

export type Env = Record<string, string | undefined>

/** GONGZHI_UPLOADS=database: photos in the store's blobs table instead of a folder. */
export const DATABASE_BLOBS = 'database'

/**
 * The store engine. PostgreSQL is chosen by a URL (postgres:// or postgresql://) in GONGZHI_DB; its pool holds
 * GONGZHI_DB_POOL connections (default 10). Anything else is the path of the embedded SQLite file.
 */
export type DbConfig = { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string; poolSize: number }

export const isPostgresUrl = (value: string): boolean => /^postgres(ql)?:\/\//i.test(value.trim())

export function dbFromEnv(env: Env): DbConfig {
  const value = env.GONGZHI_DB?.trim() || 'data/gongzhi.db'
  if (!isPostgresUrl(value)) return { engine: 'sqlite', file: value }
  try {
    new URL(value)
  } catch {
    throw new Error('GONGZHI_DB is not a valid PostgreSQL URL (postgres://user:password@host:5432/database)')
  }
  const raw = (env.GONGZHI_DB_POOL ?? '').trim()
  if (raw !== '' && !(/^\d+$/.test(raw) && Number(raw) >= 1 && Number(raw) <= 1000)) {
    throw new Error(`GONGZHI_DB_POOL must be a number of connections from 1 to 1000, not "${raw}"`)
  }
  return { engine: 'postgres', url: value, poolSize: raw === '' ? 10 : Number(raw) }
}

export function configFromEnv(env: Env = process.env): Config {
  const production = env.NODE_ENV === 'production'
  const appid = env.WECHAT_APPID?.trim()
  const wxSecret = env.WECHAT_SECRET?.trim()
  const rl = (env.GONGZHI_RATE_LIMIT ?? '').trim().toLowerCase()
  if (rl !== '' && rl !== 'off' && !(/^\d+$/.test(rl) && Number(rl) > 0)) {
    throw new Error(`GONGZHI_RATE_LIMIT must be a positive number of requests per minute or "off", not "${rl}"`)
  }
  const rateLimit = rl === 'off' ? 'off' : rl === '' ? 600 : Number(rl)
  const cc = (env.GONGZHI_CONTENT_CHECK ?? '').trim().toLowerCase()
  if (cc !== '' && cc !== 'wechat' && cc !== 'wordlist') {
    throw new Error(`GONGZHI_CONTENT_CHECK must be "wechat" or "wordlist", not "${cc}"`)
  }
  const port = Number(env.PORT)
  const db = dbFromEnv(env)
  const procs = (env.GONGZHI_PROCESSES ?? '').trim().toLowerCase()
  if (procs !== '' && procs !== 'auto' && !(/^\d+$/.test(procs) && Number(procs) >= 1 && Number(procs) <= 64)) {
    throw new Error(`GONGZHI_PROCESSES must be a number of processes from 1 to 64 or "auto", not "${procs}"`)
  }
  return {
    devLogin: !production || env.GONGZHI_DEV_LOGIN === '1',
    devLoginRemote: env.GONGZHI_DEV_LOGIN === '1',
    host: env.HOST?.trim() || null,
    wechat:
      appid && wxSecret
        ? { apiBase: env.WECHAT_API_BASE?.trim() || 'https://api.weixin.qq.com', appid, secret: wxSecret }
        : null,
    secret: env.GONGZHI_SECRET?.trim() || null,
    rateLimit,
    db,
    dbFile: db.engine === 'sqlite' ? db.file : db.url,
    uploadsDir: env.GONGZHI_UPLOADS?.trim() || null,
    contentCheck: cc === 'wordlist' ? 'wordList' : 'wechat',
    subscribe: env.WECHAT_SUBSCRIBE_TEMPLATE_ID?.trim()
      ? {
          id: env.WECHAT_SUBSCRIBE_TEMPLATE_ID.trim(),
          fields: parseSubscribeFields(env.WECHAT_SUBSCRIBE_FIELDS ?? ''),
          state: env.WECHAT_SUBSCRIBE_STATE?.trim() || 'formal',
        }
      : null,
    h5Dir: env.GONGZHI_H5_DIR?.trim() || 'dist/h5',
    port: Number.isInteger(port) && port > 0 && port < 65536 ? port : 10086,
    logLevel: env.LOG_LEVEL?.trim() || (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    processes: procs === 'auto' ? availableParallelism() : procs === '' ? 1 : Number(procs),
  }
}

/**
 * Where the server listens: HOST when the operator set it; else only this machine while dev login is on (anyone
 * who reaches it could sign in as any role), all interfaces otherwise. 'localhost' is IPv4 and IPv6 loopback.
 */
export function listenHost(config: Pick<Config, 'host' | 'devLogin'>): string {
  return config.host ?? (config.devLogin ? 'localhost' : '0.0.0.0')
}
