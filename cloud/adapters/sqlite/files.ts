import type { FileRecord, FileRepo, ImageMime, PhotoCheck, PhotoCheckNotice } from '../../files/ports'
import { messageWriter } from './messages'
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
  check_status: PhotoCheck
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
  check: r.check_status,
})

/** Uploaded files (table `files` of migration 004); the blob itself lives in BlobStorage under `path`. */
export function fileRepo(db: Db): FileRepo {
  const insert = db.prepare(
    `INSERT INTO files (id, owner_id, mime, bytes, width, height, sha256, path, created_at, check_status)
     VALUES (@id, @ownerId, @mime, @bytes, @width, @height, @sha256, @path, @createdAt, @check)`,
  )
  // the owner's unattached uploads since @since are counted inside the INSERT (files_owner index)
  const insertWithinCap = db.prepare(
    `INSERT INTO files (id, owner_id, mime, bytes, width, height, sha256, path, created_at, check_status)
     SELECT @id, @ownerId, @mime, @bytes, @width, @height, @sha256, @path, @createdAt, @check
     WHERE (SELECT count(*) FROM files f
            WHERE f.owner_id = @ownerId AND f.created_at >= @since
              AND NOT EXISTS (SELECT 1 FROM report_photos p WHERE p.file_id = f.id)) < @max`,
  )
  const createWithinCap = db.transaction(
    (file: FileRecord, cap: { max: number; since: string }) => insertWithinCap.run({ ...file, ...cap }).changes === 1,
  )
  const get = db.prepare<[string], Row>('SELECT * FROM files WHERE id = ?')
  const reportOf = db.prepare<[string], { report_id: string }>('SELECT report_id FROM report_photos WHERE file_id = ?')
  const unattached = db.prepare<{ before: string; limit: number; afterAt: string; afterId: string }, Row>(
    `SELECT f.* FROM files f
     WHERE f.created_at < @before AND (f.created_at, f.id) > (@afterAt, @afterId)
       AND NOT EXISTS (SELECT 1 FROM report_photos p WHERE p.file_id = f.id)
     ORDER BY f.created_at, f.id LIMIT @limit`,
  )
  // conditional: a report that took the photo since it was listed keeps it
  const deleteUnattached = db.prepare(
    `DELETE FROM files WHERE id = ? AND created_at < ?
       AND NOT EXISTS (SELECT 1 FROM report_photos p WHERE p.file_id = files.id)`,
  )
  const touch = db.prepare("UPDATE files SET check_at = @at WHERE id = @id AND check_status = 'pending'")
  const addTrace = db.prepare('INSERT INTO file_checks (trace_id, file_id, asked_at) VALUES (@traceId, @id, @at) ON CONFLICT (trace_id) DO NOTHING')
  const asked = db.transaction((id: string, traceId: string | null, at: string): boolean => {
    if (touch.run({ id, at }).changes !== 1) return false
    if (traceId) addTrace.run({ traceId, id, at })
    return true
  })
  const answer = db.prepare<{ traceId: string; verdict: string; label: string | null }, Row>(
    `UPDATE files SET check_status = @verdict, check_label = @label
     WHERE id = (SELECT file_id FROM file_checks WHERE trace_id = @traceId) AND check_status = 'pending' RETURNING *`,
  )
  const writeMessage = messageWriter(db)
  const answered = db.transaction(
    (traceId: string, verdict: string, label: string | null, notice: PhotoCheckNotice | null): FileRecord | null => {
      const row = answer.get({ traceId, verdict, label })
      if (!row) return null
      const reportId = reportOf.get(row.id)?.report_id
      if (notice) writeMessage({ ...notice, userId: row.owner_id, target: reportId ? { type: 'report', id: reportId } : null })
      return toRecord(row)
    },
  )
  const pending = db.prepare<{ before: string; since: string; limit: number }, Row>(
    `SELECT * FROM files WHERE check_status = 'pending' AND created_at >= @since AND coalesce(check_at, created_at) < @before
     ORDER BY coalesce(check_at, created_at), id LIMIT @limit`,
  )
  return {
    async checkAsked(id, traceId, at) {
      return asked.immediate(id, traceId, at)
    },
    async checkAnswered(traceId, verdict, label, notice) {
      return answered.immediate(traceId, verdict, label, notice)
    },
    async listPendingChecks(before, since, limit) {
      return pending.all({ before, since, limit }).map(toRecord)
    },
    async create(file) {
      insert.run(file)
      return { ...file }
    },
    async createWithinCap(file, cap) {
      // IMMEDIATE: the write lock is taken before the count, so parallel uploads cannot both see room
      return createWithinCap.immediate(file, cap) ? { ...file } : null
    },
    async listUnattached(before, limit, after) {
      return unattached.all({ before, limit, afterAt: after?.createdAt ?? '', afterId: after?.id ?? '' }).map(toRecord)
    },
    async deleteIfUnattached(id, before) {
      return deleteUnattached.run(id, before).changes === 1
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
