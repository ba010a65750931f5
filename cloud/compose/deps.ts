import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { wordListCheck } from '../adapters/contentCheck/wordList'
import { diskBlobs } from '../adapters/disk/blobs'
import { diskExports } from '../adapters/disk/exports'
import { systemClock } from '../adapters/system/clock'
import { randomIds } from '../adapters/system/ids'
import { wechatAccessToken, type AccessToken } from '../adapters/wechat/accessToken'
import { type CloudOpenapi, cloudPhoneNumber, cloudSubscribeNotifier } from '../adapters/wechat/cloudOpenapi'
import { wechatCode2Session } from '../adapters/wechat/code2Session'
import { msgSecCheck } from '../adapters/wechat/msgSecCheck'
import { httpMsgSecCheck } from '../adapters/wechat/msgSecCheckHttp'
import { wechatPhoneNumber } from '../adapters/wechat/phoneNumber'
import { type SubscribeTemplate, wechatSubscribeNotifier } from '../adapters/wechat/subscribeMessage'
import { createTokens, resolveSecret, type Tokens, type WechatAuth, type WechatPhone } from '../auth'
import { type BlobStorage, type CloudFiles, createFileUrls, type FileUrls, type ImageCheck } from '../files'
import type * as shared from '../shared/context'
import { createExportUrls, type ExportFiles, type ExportUrls } from '../ledger'
import type { Clock, ContentCheck, Logger, Notifier, UserRepo } from '../shared/ports'
import { DATABASE_BLOBS, type Config } from './config'
import type { Store } from './store'

/**
 * What the doors hand to every use case: the whole store and every service, chosen here (the composition root).
 * It satisfies each feature's Deps (cloud/<feature>/ports.ts), which the handlers table checks at compile time.
 * Built once per process (or per test).
 */
export interface Deps extends shared.Deps<Store> {
  wechat: WechatAuth | null
  /** 手机号快速验证; null when WeChat is not configured */
  wechatPhone: WechatPhone | null
  tokens: Tokens
  /** signed, short-lived photo addresses */
  fileUrls: FileUrls
  /** where uploaded photos' bytes live */
  blobs: BlobStorage
  /** WeChat's image check (the cloud function); null on the self-hosted server: photos are shown as before */
  imageCheck: ImageCheck | null
  /** WeChat 云开发's cloud storage: the cloud function composes it (cloud/api/cloudFunction.ts); null elsewhere */
  cloudFiles: CloudFiles | null
  devLogin: boolean
  /** exported workbooks (台账导出): the data directory's exports folder on the self-hosted server */
  exportFiles: ExportFiles
  /** signed, short-lived download addresses of exports, bound to the exporter */
  exportUrls: ExportUrls
}

export const consoleLogger: Logger = {
  error: (obj, msg) => console.error(msg ?? '', obj),
  warn: (obj, msg) => console.warn(msg ?? '', obj),
}

export async function createDeps(
  store: Store,
  config: Pick<Config, 'devLogin' | 'wechat' | 'secret'> & Partial<Pick<Config, 'uploadsDir' | 'subscribe' | 'contentCheck'>>,
  overrides: Partial<Omit<Deps, 'store'>> = {},
): Promise<Deps> {
  const clock = overrides.clock ?? systemClock
  const secret = await resolveSecret(config.secret, store.settings)
  const tokens = overrides.tokens ?? createTokens(secret, clock)
  const log = overrides.log ?? consoleLogger
  // one access_token for every WeChat call of this process: fetching a new one invalidates the last (after 5 minutes)
  const accessToken = config.wechat ? wechatAccessToken(config.wechat, clock) : null
  return {
    store,
    clock,
    ids: overrides.ids ?? randomIds,
    contentCheck: overrides.contentCheck ?? textCheck(config, accessToken, store, log),
    wechat: overrides.wechat !== undefined ? overrides.wechat : config.wechat ? wechatCode2Session(config.wechat) : null,
    wechatPhone:
      overrides.wechatPhone !== undefined ? overrides.wechatPhone : config.wechat && accessToken ? wechatPhoneNumber(config.wechat, clock, accessToken) : null,
    tokens,
    fileUrls: overrides.fileUrls ?? createFileUrls(secret, clock),
    blobs: overrides.blobs ?? blobStorage(store, config.uploadsDir ?? null, clock),
    imageCheck: overrides.imageCheck ?? null,
    cloudFiles: overrides.cloudFiles ?? null,
    notifiers: overrides.notifiers ?? subscribeNotifiers(config, clock, store, log, accessToken),
    devLogin: overrides.devLogin ?? config.devLogin,
    exportFiles: overrides.exportFiles ?? diskExports(exportsBesideStore(store)),
    exportUrls: overrides.exportUrls ?? createExportUrls(secret, clock),
    log,
  }
}

/**
 * The text check: WeChat's msgSecCheck v2 over HTTPS (with the word list run too) when the mini-program is
 * configured, unless GONGZHI_CONTENT_CHECK=wordlist; else the local word list. The cloud function passes its own
 * (the openapi transport, cloud/api/cloudFunction.ts).
 */
function textCheck(config: Partial<Pick<Config, 'wechat' | 'contentCheck'>>, token: AccessToken | null, store: Store, log: Logger): ContentCheck {
  if (!config.wechat || !token || config.contentCheck === 'wordList') return wordListCheck()
  return msgSecCheck(httpMsgSecCheck(config.wechat, token), { users: store.users, wordList: wordListCheck(), log })
}

/** WeChat subscribe messages when the mini-program and a template are configured; else none. */
function subscribeNotifiers(
  config: Partial<Pick<Config, 'wechat' | 'subscribe'>>,
  clock: Clock,
  store: Store,
  log: Logger,
  accessToken: AccessToken | null,
): Notifier[] {
  if (!config.wechat || !config.subscribe || !accessToken) return []
  return [wechatSubscribeNotifier(config.wechat, config.subscribe, { clock, users: store.users, log, accessToken })]
}

/**
 * The cloud function's WeChat services, as overrides of createDeps: 手机号快速验证 and subscribe messages through
 * 云调用 (wx-server-sdk's cloud.openapi; the platform signs the calls, so no appid, secret or access token). The
 * template is the same WECHAT_SUBSCRIBE_* configuration as the self-hosted server's (config.ts).
 */
export function wechatCloudServices(
  openapi: CloudOpenapi,
  subscribe: SubscribeTemplate | null,
  users: Pick<UserRepo, 'get'>,
  log: Logger = consoleLogger,
): Pick<Deps, 'wechatPhone' | 'notifiers' | 'log'> {
  return {
    wechatPhone: cloudPhoneNumber(openapi),
    notifiers: subscribe ? [cloudSubscribeNotifier(openapi, subscribe, { users, log })] : [],
    log,
  }
}

/**
 * Where photos' bytes live (GONGZHI_UPLOADS): `database` — the store's blobs table, seen by every process; a
 * folder path — that folder (on several machines, one they share); unset — the engine's default: PostgreSQL's
 * table (processes on several machines have no folder in common), SQLite's folder beside its file.
 */
export function blobStorage(store: Store, uploads: string | null, clock: Clock): BlobStorage {
  if (uploads === DATABASE_BLOBS || (uploads === null && store.engine === 'postgres')) return store.databaseBlobs(clock)
  return diskBlobs(uploads ?? uploadsBesideStore(store))
}

/**
 * The uploads folder when GONGZHI_UPLOADS is not set: `uploads` next to the SQLite file; for a store
 * without a file (in memory, or not SQLite) a fresh temp folder, so tests never write into the project.
 */
export function uploadsBesideStore(store: Store): string {
  const db = (store as { db?: { name?: unknown; memory?: unknown } }).db
  if (db && typeof db.name === 'string' && db.name !== '' && db.memory !== true) {
    return path.join(path.dirname(path.resolve(db.name)), 'uploads')
  }
  return fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-uploads-'))
}

/**
 * Where exported workbooks go: `exports` next to the SQLite file (the data directory); for a store without a file
 * (PostgreSQL) one folder in the system's temp directory, the same for every process of the machine.
 */
export function exportsBesideStore(store: Store): string {
  const db = (store as { db?: { name?: unknown; memory?: unknown } }).db
  if (db && typeof db.name === 'string' && db.name !== '' && db.memory !== true) {
    return path.join(path.dirname(path.resolve(db.name)), 'exports')
  }
  return path.join(os.tmpdir(), 'gongzhi-exports')
}
