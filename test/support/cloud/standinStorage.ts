/**
 * The stand-in of wx-server-sdk's cloud storage (wx-server-sdk/storage.js: files in a plain folder, not CloudBase),
 * typed for the tests: as the API's cloud storage (cloudStorage over it) and as the client's Taro.cloud.uploadFile.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { WxStorageSdk } from '../../../cloud/adapters/wechat/cloudStorage'

interface Standin extends WxStorageSdk {
  STANDIN_ENV: string
  STANDIN_FILE_PREFIX: string
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const standin = require('./wx-server-sdk/storage.js') as Standin

/** The folder a fileID's bytes are in (GONGZHI_STANDIN_STORAGE must name the stand-in's folder). */
export function standinFile(root: string, fileID: string): string {
  if (!fileID.startsWith(standin.STANDIN_FILE_PREFIX)) throw new Error(`not a stand-in fileID: ${fileID}`)
  return path.join(root, ...fileID.slice(standin.STANDIN_FILE_PREFIX.length).split('/'))
}

/** The file behind one of the stand-in's temporary URLs, or null when it is not one. */
export function standinUrlFile(root: string, url: string): Buffer | null {
  const m = /^https:\/\/[^/]+\.tcb\.qcloud\.la\/([^?]+)\?sign=standin&t=(\d+)$/.exec(url)
  if (!m || Number(m[2]) * 1000 < Date.now()) return null
  const file = path.join(root, ...m[1]!.split('/'))
  return fs.existsSync(file) ? fs.readFileSync(file) : null
}
