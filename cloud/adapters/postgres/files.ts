import type { Pool } from 'pg'
import type { FileRecord, FileRepo, ImageMime, PhotoCheck } from '../../files/ports'
import { writeMessage } from './messages'
import { inTransaction, row, rows } from './tx'

/**
 * Uploaded files on PostgreSQL (table `files` of migration 004): the same records as ../sqlite/files.ts. The blob
 * itself lives in BlobStorage under `path`. A file is attached when report_photos names it (its file_id is UNIQUE).
 */

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

const INSERT = `INSERT INTO files (id, owner_id, mime, bytes, width, height, sha256, path, created_at, check_status)`
const values = (f: FileRecord) => [f.id, f.ownerId, f.mime, f.bytes, f.width, f.height, f.sha256, f.path, f.createdAt, f.check]
const UNATTACHED = `NOT EXISTS (SELECT 1 FROM report_photos p WHERE p.file_id = f.id)`

export function fileRepo(pool: Pool): FileRepo {
  return {
    async create(file) {
      await pool.query(`${INSERT} VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, values(file))
      return { ...file }
    },

    /**
     * One transaction. At READ COMMITTED a count and an insert are not atomic (two uploads would both see room),
     * so the owner's users row is locked first, FOR NO KEY UPDATE: the uploads of one owner queue there, and each
     * counts in a statement that starts after the previous one committed. (NO KEY: the lock does not block rows
     * that merely reference the user, such as messages, which take KEY SHARE.) Other owners do not wait.
     */
    async createWithinCap(file, cap) {
      return inTransaction(pool, async (c) => {
        await c.query('SELECT 1 FROM users WHERE id = $1 FOR NO KEY UPDATE', [file.ownerId])
        const made = await row(
          c,
          `${INSERT}
           SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10
           WHERE (SELECT count(*) FROM files f WHERE f.owner_id = $2 AND f.created_at >= $11::timestamptz AND ${UNATTACHED}) < $12
           RETURNING 1`,
          [...values(file), cap.since, cap.max],
        )
        return made ? { ...file } : null
      })
    },

    async get(id) {
      const r = await row<Row>(pool, 'SELECT * FROM files WHERE id = $1', [id])
      return r ? toRecord(r) : null
    },

    async reportOf(fileId) {
      const r = await row<{ report_id: string }>(pool, 'SELECT report_id FROM report_photos WHERE file_id = $1', [fileId])
      return r?.report_id ?? null
    },

    async listUnattached(before, limit, after) {
      const found = await rows<Row>(
        pool,
        `SELECT f.* FROM files f
         WHERE f.created_at < $1::timestamptz
           AND ($2::timestamptz IS NULL OR (f.created_at, f.id COLLATE "C") > ($2::timestamptz, $3::text COLLATE "C"))
           AND ${UNATTACHED}
         ORDER BY f.created_at, f.id COLLATE "C" LIMIT $4`,
        [before, after?.createdAt ?? null, after?.id ?? '', limit],
      )
      return found.map(toRecord)
    },

    /**
     * One transaction: the row is locked FOR UPDATE first, then a NEW statement (a new snapshot at READ COMMITTED)
     * checks that no report has taken it. A report attaching the photo meanwhile either committed before the lock
     * was granted (its row is seen: the file stays) or waits on the lock with its foreign-key check and fails once
     * the file is gone. A concurrent sweep deleting the same file waits, then finds no row: deleted once.
     */
    async deleteIfUnattached(id, before) {
      return inTransaction(pool, async (c) => {
        const locked = await row(c, 'SELECT 1 FROM files WHERE id = $1 AND created_at < $2::timestamptz FOR UPDATE', [id, before])
        if (!locked) return false
        const gone = await row(c, `DELETE FROM files f WHERE f.id = $1 AND ${UNATTACHED} RETURNING 1`, [id])
        return gone !== null
      })
    },

    async checkAsked(id, traceId, at) {
      return inTransaction(pool, async (c) => {
        const pending = await row(c, "UPDATE files SET check_at = $2 WHERE id = $1 AND check_status = 'pending' RETURNING 1", [id, at])
        if (!pending) return false
        if (traceId) {
          await c.query('INSERT INTO file_checks (trace_id, file_id, asked_at) VALUES ($1, $2, $3) ON CONFLICT (trace_id) DO NOTHING', [traceId, id, at])
        }
        return true
      })
    },

    /** One transaction: the conditional UPDATE decides once (a second push for the trace finds it answered). */
    async checkAnswered(traceId, verdict, label, notice) {
      return inTransaction(pool, async (c) => {
        const r = await row<Row>(
          c,
          `UPDATE files SET check_status = $2, check_label = $3
           WHERE id = (SELECT file_id FROM file_checks WHERE trace_id = $1) AND check_status = 'pending' RETURNING *`,
          [traceId, verdict, label],
        )
        if (!r) return null
        if (notice) {
          const attached = await row<{ report_id: string }>(c, 'SELECT report_id FROM report_photos WHERE file_id = $1', [r.id])
          await writeMessage(c, { ...notice, userId: r.owner_id, target: attached ? { type: 'report', id: attached.report_id } : null })
        }
        return toRecord(r)
      })
    },

    async listPendingChecks(before, since, limit) {
      const found = await rows<Row>(
        pool,
        `SELECT * FROM files WHERE check_status = 'pending' AND created_at >= $2::timestamptz
           AND coalesce(check_at, created_at) < $1::timestamptz
         ORDER BY coalesce(check_at, created_at), id COLLATE "C" LIMIT $3`,
        [before, since, limit],
      )
      return found.map(toRecord)
    },
  }
}
