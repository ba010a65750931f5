import type { CommentRow, MotionRow } from '../rows/motions'
import { row, type Queryable } from './tx'

/** The reads the motion store's steps share on PostgreSQL (rows and mappers: ../rows/motions.ts). */

/**
 * Who receives a motion's messages (`m` the motion, `u` the user): verified residents of its community who can
 * sign in, bound to a household (as ../sqlite/motions.ts's RECIPIENTS).
 */
export const RECIPIENTS = `FROM motions m JOIN users u ON u.community_id = m.community_id AND u.verified AND NOT u.roster_only
    AND u.household_id IS NOT NULL`

export const COMMENT = `SELECT c.id, c.motion_id, c.author_id, a.name AS author_name, c.article_index, c.text, c.created_at,
      c.reply_text, c.reply_by, b.name AS reply_by_name, c.reply_at
    FROM motion_comments c JOIN users a ON a.id = c.author_id LEFT JOIN users b ON b.id = c.reply_by`

/**
 * The motion, or null. `lock`: its row locked FOR NO KEY UPDATE (a phase change, a revision; casts and comments
 * hold it FOR SHARE with their own condition); the lock taken, READ COMMITTED returns the row's latest committed
 * version.
 */
export async function loadMotion(db: Queryable, id: string, lock: '' | 'FOR NO KEY UPDATE' = ''): Promise<MotionRow | null> {
  return row<MotionRow>(db, `SELECT * FROM motions WHERE id = $1 ${lock}`, [id])
}

export async function loadComment(db: Queryable, id: string): Promise<CommentRow | null> {
  return row<CommentRow>(db, `${COMMENT} WHERE c.id = $1`, [id])
}
