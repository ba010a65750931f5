/**
 * The composition root: the one place that picks the adapters (the store engine from GONGZHI_DB, blob storage,
 * the content check, WeChat's login, phone and subscribe messages) and builds the Deps every use case receives.
 * The doors call it — the HTTP server (cloud/server), the cloud function (cloud/api/cloudEntry.ts) — and so do the
 * tests; no use case imports an adapter.
 */
export { configFromEnv, dbFromEnv, listenHost, type Config, type DbConfig, type Env } from './config'
export { blobStorage, consoleLogger, createDeps, uploadsBesideStore, wechatCloudServices, type Deps } from './deps'
export { migrateDatabase, openDemoStore, openStore, type Migrated, type Store } from './store'
