import type { Pool } from 'pg'
import { addressKeys, sameName } from '@/domain/residents/address'
import type { Relation } from '@/domain/residents'
import type { ResidentApplicationRecord, ResidentApplicationRepo, ResidentApplyOutcome, ResidentReviewOutcome } from '../../residents/ports'
import { applicationTable } from './applications'
import { writeAudit } from './audit'
import { claimKey } from './idempotency'
import { inTransactionOr, Rollback, row, type Queryable } from './tx'
import { RESIDENT_APP_SELECT, residentAppRecord } from '../rows/residents'

/**
 * Resident applications on PostgreSQL: the same records and outcomes as ../sqlite/residentApplications.ts. Each
 * step is one READ COMMITTED transaction; what makes it atomic is said beside it. Every transaction takes its row
 * locks in one order — the user, the grid, the household, then the application — so two of them cannot deadlock.
 */


const apps = applicationTable({ table: 'resident_applications', select: RESIDENT_APP_SELECT, toRecord: residentAppRecord })

/** The user row, locked FOR UPDATE until the transaction ends (null: no such user). */
const lockUser = (db: Queryable, userId: string) =>
  row<{ verified: boolean; phone: string | null; phone_verified: boolean }>(
    db,
    'SELECT verified, phone, phone_verified FROM users WHERE id = $1 FOR UPDATE',
    [userId],
  )

/** Whether someone is verified as the household's 户主 (read under the household's row lock). */
const headTaken = async (db: Queryable, householdId: string) =>
  (await row(db, "SELECT 1 FROM resident_applications WHERE household_id = $1 AND relation = 'head' AND status = 'verified'", [householdId])) !== null

/** Verification binds the user and sets their name to the verified one (WeChat users start as "微信用户 XXXX"). */
async function bindUser(db: Queryable, u: { userId: string; name: string; householdId: string; gridId: string; communityId: string }) {
  await db.query('UPDATE users SET verified = true, name = $2, household_id = $3, grid_id = $4, community_id = $5 WHERE id = $1', [
    u.userId,
    u.name,
    u.householdId,
    u.gridId,
    u.communityId,
  ])
}

export function residentApplicationRepo(pool: Pool): ResidentApplicationRepo {
  return {
    async get(id) {
      return apps.load(pool, id)
    },
    async latestOf(userId) {
      return apps.latestOf(pool, userId)
    },
    async list(communityId, opts) {
      return apps.list(pool, communityId, opts)
    },
    /**
     * One transaction, in this order:
     * - the idempotency key is claimed first (claimKey: a concurrent call with the same requestId waits on it, then
     *   replays the first reply, written over the placeholder below before commit; a refusal rolls the claim back);
     * - the user row FOR UPDATE: a second application of the same person waits here, then (a new statement, a new
     *   snapshot) sees the first one pending and answers alreadyPending — the partial unique index
     *   resident_app_one_pending is the backstop;
     * - the grid FOR SHARE: a roster import (which locks its grids FOR NO KEY UPDATE) cannot change the room
     *   between the match below and the insert;
     * - for a 户主 claim, the roster's household row FOR UPDATE: of two claims of one seat, the second waits and
     *   then sees the first's verified 户主 (the one-head index resident_app_one_head is the backstop).
     */
    async apply(app, key) {
      return inTransactionOr<ResidentApplyOutcome, ResidentApplyOutcome>(pool, async (c) => {
        const claim = await claimKey<{ status: 'verified' | 'pending'; applicationId: string }>(
          c,
          key,
          { status: 'pending', applicationId: app.id },
          app.createdAt,
        )
        // a retry of the same request gets the first reply, whatever happened since (verified, reviewed)
        if (claim.kind !== 'claimed') throw new Rollback(claim)
        const claimant = await lockUser(c, app.userId)
        if (claimant?.verified) throw new Rollback({ kind: 'alreadyVerified' })
        if (await apps.hasPending(c, app.userId)) throw new Rollback({ kind: 'alreadyPending' })
        await c.query('SELECT 1 FROM grids WHERE id = $1 FOR SHARE', [app.gridId])
        const keys = addressKeys(app.building, app.unit, app.room)
        const room =
          app.relation === 'head'
            ? await row<{ id: string; head_name: string; phone: string | null }>(
                c,
                `SELECT id, head_name, phone FROM households
                 WHERE grid_id = $1 AND building_key = $2 AND unit_key = $3 AND room_key = $4 FOR UPDATE`,
                [app.gridId, keys.buildingKey, keys.unitKey, keys.roomKey],
              )
            : null
        // knowing the 户主's name is not enough where the roster has their phone: the claimant's verified phone must
        // be that number (WeChat's 手机号快速验证); a typed one, another or none sends the claim to review
        const phoneOk = !room?.phone || (claimant?.phone_verified === true && claimant.phone === room.phone)
        const verifyWith = room && sameName(room.head_name, app.name) && phoneOk ? room.id : null
        const verify = verifyWith !== null && !(await headTaken(c, verifyWith))
        await c.query(
          `INSERT INTO resident_applications
            (id, user_id, community_id, grid_id, building, unit, room, building_key, unit_key, room_key, name, relation, status,
             household_id, created_at, reviewed_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
          [
            app.id, app.userId, app.communityId, app.gridId, app.building, app.unit, app.room,
            keys.buildingKey, keys.unitKey, keys.roomKey, app.name, app.relation,
            verify ? 'verified' : 'pending', verify ? verifyWith : null, app.createdAt, verify ? app.createdAt : null,
          ],
        )
        if (verify) await bindUser(c, { userId: app.userId, name: app.name, householdId: verifyWith, gridId: app.gridId, communityId: app.communityId })
        if (key && verify) {
          await c.query('UPDATE idempotency SET result = $4 WHERE user_id = $1 AND action = $2 AND request_id = $3', [
            key.userId,
            key.action,
            key.requestId,
            JSON.stringify({ status: 'verified', applicationId: app.id }),
          ])
        }
        const application = (await apps.load(c, app.id)) as ResidentApplicationRecord
        return verify ? { kind: 'verified', application } : { kind: 'pending', application }
      })
    },
    /**
     * One transaction: the applicant's row FOR UPDATE and, approving a 户主 claim, the household's row FOR UPDATE
     * (the order apply takes them in), then the application's status read afresh — a concurrent review of it has
     * committed by now, so the loser answers alreadyDecided as on SQLite, not applicantVerified; then the checks
     * under those locks, and the conditional UPDATE … WHERE status = 'pending' (apps.decide) as the guarantee that
     * exactly one decision wins. Only the winner binds the user and writes the audit entry.
     */
    async review(id, d, householdId, audit) {
      return inTransactionOr<ResidentReviewOutcome, ResidentReviewOutcome>(pool, async (c) => {
        const first = await row<{ user_id: string; relation: Relation }>(c, 'SELECT user_id, relation FROM resident_applications WHERE id = $1', [id])
        if (!first) return { kind: 'alreadyDecided' }
        const applicant = await lockUser(c, first.user_id)
        const seat = d.approve && first.relation === 'head' && householdId !== null
        if (seat) await c.query('SELECT 1 FROM households WHERE id = $1 FOR UPDATE', [householdId])
        const app = await apps.load(c, id)
        if (!app || app.status !== 'pending') return { kind: 'alreadyDecided' }
        if (d.approve) {
          if (applicant?.verified) return { kind: 'applicantVerified' }
          if (seat && (await headTaken(c, householdId))) return { kind: 'headTaken' }
        }
        const won = await apps.decide(c, id, d, d.approve ? householdId : null)
        if (!won) throw new Rollback({ kind: 'alreadyDecided' })
        if (d.approve && householdId) {
          await bindUser(c, { userId: app.userId, name: app.name, householdId, gridId: app.gridId, communityId: app.communityId })
        }
        await writeAudit(c, audit)
        return { kind: 'done', application: (await apps.load(c, id)) as ResidentApplicationRecord }
      })
    },
    async relationOf(userId, householdId) {
      const r = await row<{ relation: Relation }>(
        pool,
        "SELECT relation FROM resident_applications WHERE user_id = $1 AND household_id = $2 AND status = 'verified' ORDER BY seq DESC LIMIT 1",
        [userId, householdId],
      )
      return r?.relation ?? null
    },
  }
}
