/**
 * The WeChat cloud function `api`: what `npm run build:cloud` bundles into cloudfunctions/api/index.js. The store
 * is PostgreSQL (GONGZHI_DB=postgres://…, e.g. TencentDB for PostgreSQL in the function's VPC): a function
 * instance keeps no file between calls. Identity is the platform's (cloud.getWXContext().OPENID, makeCloudEntry);
 * there is no dev login. Text is checked by cloud.openapi.security.msgSecCheck, photos (in the environment's cloud
 * storage) by security.mediaCheckAsync; 手机号快速验证 and subscribe messages go through 云调用 too (cloud.openapi; the
 * template from WECHAT_SUBSCRIBE_* as on the self-hosted server); each call's permission is listed in config.json. The deps are built once per warm instance; a failed build is not
 * kept, so the next call tries again (the database may have been restarting).
 */
import { wordListCheck } from '../adapters/contentCheck/wordList'
import { openPostgresStore } from '../adapters/postgres/store'
import type { CloudOpenapi } from '../adapters/wechat/cloudOpenapi'
import { msgSecCheck } from '../adapters/wechat/msgSecCheck'
import { cloudMsgSecCheck, type CloudSecurityOpenapi } from '../adapters/wechat/msgSecCheckCloud'
import { cloudExports } from '../adapters/wechat/cloudExports'
import { cloudStorage, type WxStorageSdk } from '../adapters/wechat/cloudStorage'
import { cloudImageCheck, type CloudMediaCheckApi } from '../adapters/wechat/mediaCheck'
import { EXPORT_URL_TTL_MS } from '@/domain/ledger'
import { configFromEnv } from '../compose/config'
import { consoleLogger, createDeps, type Deps, wechatCloudServices } from '../compose/deps'
import { makeCloudEntry, type WxContext } from './cloudEntry'

interface WxServerSdk extends WxStorageSdk {
  DYNAMIC_CURRENT_ENV: unknown
  init(options: { env: unknown }): void
  getWXContext(): WxContext & { ENV?: string }
  openapi: CloudOpenapi & CloudSecurityOpenapi & CloudMediaCheckApi
}

// the platform's SDK, installed by CloudBase from the function's package.json (never bundled)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const cloud = require('wx-server-sdk') as WxServerSdk
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })

/** WeChat fetches a photo to check from a temporary address of cloud storage, some time after it is asked. */
const IMAGE_CHECK_URL_SECONDS = 3600

let deps: Promise<Deps> | null = null

function depsOnce(): Promise<Deps> {
  deps ??= (async () => {
    const config = configFromEnv()
    if (config.db.engine !== 'postgres') {
      throw new Error('GONGZHI_DB must be a postgres:// URL in the cloud function (a function instance keeps no SQLite file)')
    }
    const store = await openPostgresStore(config.db.url, { poolSize: config.db.poolSize })
    // text checks by the cloud call of msgSecCheck v2 (no access token to keep), with the word list run too;
    // GONGZHI_CONTENT_CHECK=wordlist keeps the word list alone
    const contentCheck =
      config.contentCheck === 'wordList'
        ? wordListCheck()
        : msgSecCheck(cloudMsgSecCheck(cloud.openapi), { users: store.users, wordList: wordListCheck(), log: consoleLogger })
    // photos live in the environment's cloud storage (clients upload there; the function hands out temporary URLs)
    const storage = cloudStorage(cloud, () => cloud.getWXContext().ENV)
    // WeChat's phone number, subscribe messages and image checks through 云调用 (no appid/secret here)
    return createDeps(store, { ...config, devLogin: false }, {
      ...wechatCloudServices(cloud.openapi, config.subscribe, store.users, consoleLogger),
      contentCheck,
      blobs: storage.blobs,
      cloudFiles: storage.files,
      // 台账 exports go to cloud storage too; the reply carries a temporary URL (no bearer token on this door)
      exportFiles: cloudExports(cloud, EXPORT_URL_TTL_MS / 1000),
      imageCheck: cloudImageCheck(cloud.openapi, async (path) => (await storage.files.tempUrls([path], IMAGE_CHECK_URL_SECONDS))[0] ?? null),
    })
  })().catch((err: unknown) => {
    deps = null
    throw err
  })
  return deps
}

export const main = makeCloudEntry(depsOnce, () => cloud.getWXContext())
