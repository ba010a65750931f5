import { once } from 'node:events'
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { ExportFiles, ExportMeta } from '../../ledger/ports'
import type { WxStorageSdk } from './cloudStorage'

const ID = /^[A-Za-z0-9_-]{1,64}$/
/** Where the function keeps workbooks in the environment's storage: `exports/<export id>.xlsx` (no name, no area). */
const EXPORTS = 'exports'

/**
 * Exported workbooks in WeChat 云开发's cloud storage (the cloud function's ExportFiles, issue 19). The workbook
 * streams into a file of the instance's temp folder (`/tmp`, the only writable place of a function), which is read
 * up to cloud storage when complete (cloud.uploadFile with an fs.ReadStream: never whole in memory) under
 * `exports/<id>.xlsx` — a random id, no personal data in the path — and the temp file is removed. The client downloads it from a temporary URL (getTempFileURL, at most
 * `maxAgeSeconds`), which needs no session: the cloud door has no bearer token, and only the exporter is given it.
 * open() is null: there is no /exports route on the cloud function. Cloud storage cannot be listed through
 * wx-server-sdk, so sweep removes the files this warm instance made before `before`; files of instances that were
 * recycled stay until removed by hand (or by a bucket lifecycle rule).
 */
export function cloudExports(sdk: WxStorageSdk, maxAgeSeconds: number, tmpRoot: string = path.join(os.tmpdir(), 'gongzhi-exports')): ExportFiles {
  const made = new Map<string, { fileID: string; createdAt: string }>()
  const check = (id: string) => {
    if (!ID.test(id)) throw new Error(`invalid export id: ${JSON.stringify(id)}`)
  }
  return {
    async create(id: string, meta: ExportMeta) {
      check(id)
      await fsp.mkdir(tmpRoot, { recursive: true })
      const part = path.join(tmpRoot, `${id}.xlsx.part`)
      const stream = fs.createWriteStream(part, { flags: 'wx' })
      return {
        id,
        stream,
        async finish() {
          let content: fs.ReadStream | null = null
          try {
            if (!stream.closed) await once(stream, 'close')
            const { size } = await fsp.stat(part)
            content = fs.createReadStream(part)
            const { fileID } = await sdk.uploadFile({ cloudPath: `${EXPORTS}/${id}.xlsx`, fileContent: content })
            if (typeof fileID !== 'string' || !fileID) throw new Error('cloud.uploadFile gave no fileID')
            made.set(id, { fileID, createdAt: meta.createdAt })
            return size
          } finally {
            content?.destroy()
            await fsp.rm(part, { force: true })
          }
        },
        async abort() {
          stream.destroy()
          await fsp.rm(part, { force: true })
        },
      }
    },
    async open() {
      return null
    },
    async link(id: string) {
      // known from the upload's reply: a retried request that lands on another warm instance exports again
      const fileID = made.get(id)?.fileID
      if (!fileID) return null
      const { fileList = [] } = await sdk.getTempFileURL({ fileList: [{ fileID, maxAge: maxAgeSeconds }] })
      const hit = fileList.find((f) => f.fileID === fileID)
      return hit && hit.status === 0 && hit.tempFileURL ? hit.tempFileURL : null
    },
    async sweep(before: string) {
      const old = [...made].filter(([, f]) => f.createdAt < before)
      if (old.length === 0) return 0
      await sdk.deleteFile({ fileList: old.map(([, f]) => f.fileID) })
      for (const [id] of old) made.delete(id)
      return old.length
    },
  }
}

