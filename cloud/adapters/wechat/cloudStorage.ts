import type { ReadStream } from 'node:fs'
import type { BlobStorage, CloudFiles } from '../../files/ports'
import { isBlobKey } from '../disk/blobs'

/** The part of wx-server-sdk's storage API used here (cloud.uploadFile, downloadFile, deleteFile, getTempFileURL). */
export interface WxStorageSdk {
  /** fileContent: a Buffer or an fs.ReadStream (both documented) */
  uploadFile(options: { cloudPath: string; fileContent: Buffer | ReadStream }): Promise<{ fileID: string }>
  downloadFile(options: { fileID: string }): Promise<{ fileContent: Buffer }>
  deleteFile(options: { fileList: string[] }): Promise<{ fileList?: { fileID: string; status: number; errMsg?: string }[] }>
  getTempFileURL(options: {
    fileList: { fileID: string; maxAge: number }[]
  }): Promise<{ fileList?: { fileID: string; tempFileURL?: string; status: number; errMsg?: string }[] }>
}

/** Where the function keeps photos in the environment's storage: `photos/<blob key>`. */
const PHOTOS = 'photos'
/** getTempFileURL and deleteFile take at most 50 files a call. */
const BATCH = 50

/**
 * WeChat 云开发's cloud storage through wx-server-sdk: the photos' BlobStorage of the cloud function (a blob's path
 * is its fileID, `cloud://<env>.<bucket>/photos/<key>`), and the CloudFiles port (clients' uploads, temporary
 * URLs). `env` gives the function's environment id (getWXContext().ENV) when known: a fileID of another
 * environment is then not one of ours.
 */
export function cloudStorage(sdk: WxStorageSdk, env: () => string | undefined = () => undefined): { blobs: BlobStorage; files: CloudFiles } {
  const pathOf = (fileID: string): string | null => {
    const m = /^cloud:\/\/([A-Za-z0-9._-]+)\/([A-Za-z0-9._/-]+)$/.exec(fileID)
    if (!m || m[2]!.split('/').some((s) => s === '' || s === '.' || s === '..')) return null
    const ours = env()
    if (ours && !m[1]!.startsWith(`${ours}.`)) return null
    return m[2]!
  }
  const download = async (fileID: string): Promise<Buffer | null> => {
    try {
      const { fileContent } = await sdk.downloadFile({ fileID })
      return Buffer.isBuffer(fileContent) ? fileContent : Buffer.from(fileContent)
    } catch (err) {
      if (isMissing(err)) return null
      throw err
    }
  }
  const remove = async (fileIDs: string[]): Promise<void> => {
    for (let i = 0; i < fileIDs.length; i += BATCH) await sdk.deleteFile({ fileList: fileIDs.slice(i, i + BATCH) })
  }
  return {
    blobs: {
      async put(key, bytes) {
        if (!isBlobKey(key)) throw new Error(`invalid blob key: ${JSON.stringify(key)}`)
        const { fileID } = await sdk.uploadFile({ cloudPath: `${PHOTOS}/${key}`, fileContent: bytes })
        if (typeof fileID !== 'string' || !fileID) throw new Error('cloud.uploadFile gave no fileID')
        return fileID
      },
      read: download,
      remove: (path) => remove([path]),
    },
    files: {
      pathOf,
      download,
      remove,
      async tempUrls(fileIDs, maxAgeSeconds) {
        const out: (string | null)[] = []
        for (let i = 0; i < fileIDs.length; i += BATCH) {
          const batch = fileIDs.slice(i, i + BATCH)
          const { fileList = [] } = await sdk.getTempFileURL({ fileList: batch.map((fileID) => ({ fileID, maxAge: maxAgeSeconds })) })
          const byId = new Map(fileList.map((f) => [f.fileID, f.status === 0 && f.tempFileURL ? f.tempFileURL : null]))
          for (const id of batch) out.push(byId.get(id) ?? null)
        }
        return out
      },
    },
  }
}

/** downloadFile's error for a file that does not exist (STORAGE_FILE_NONEXIST, -503003 / 404). */
function isMissing(err: unknown): boolean {
  const e = err as { errCode?: unknown; errMsg?: unknown; message?: unknown } | null
  const text = `${String(e?.errCode ?? '')} ${String(e?.errMsg ?? '')} ${String(e?.message ?? '')}`
  return /NONEXIST|not exist|-503003|\b404\b/i.test(text)
}
