import type { FileRecord, FileRepo, ImageMime } from '../../ports'
import type { Db } from './open'

interface Row {
  id: string
  owner_id: string
  mime: ImageMime
  bytes: number
  width: number
  height: number
  sha256: string
  path: string
  created_at: string
}

const toRecord = (r: Row): FileRecord => ({
  id: r.id,
  ownerId: r.owner_id,
  mime: r.mime,
  bytes: r.bytes,
  width: r.width,
  height: r.height,
  sha256: r.sha256,
  path: r.path,
  createdAt: r.created_at,
})

/** Uploaded files (table `files` of migration 004); the blob itself lives in BlobStorage under `path`. */
export function fileRepo(db: Db): FileRepo {
  const insert = db.prepare(
    `INSERT INTO files (id, owner_id, mime, bytes, width, height, sha256, path, created_at)
     VALUES (@id, @ownerId, @mime, @bytes, @width, @height, @sha256, @path, @createdAt)`,
  )
  const get = db.prepare<[string], Row>('SELECT * FROM files WHERE id = ?')
  const reportOf = db.prepare<[string], { report_id: string }>('SELECT report_id FROM report_photos WHERE file_id = ?')
  return {
    async create(file) {
      insert.run(file)
      return { ...file }
    },
    async get(id) {
      const row = get.get(id)
      return row ? toRecord(row) : null
    },
    async reportOf(fileId) {
      return reportOf.get(fileId)?.report_id ?? null
    },
  }
}
