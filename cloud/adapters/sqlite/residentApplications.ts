import { addressKeys, sameName } from '@/domain/residents/address'
import type { Relation } from '@/domain/residents'
import type {
  NewResidentApplication,
  ResidentApplicationRecord,
  ResidentApplicationRepo,
  ResidentApplyOutcome,
  ResidentReviewOutcome,
  ReviewDecision,
} from '../../residents/ports'
import type { AuditEntry, IdempotencyKey } from '../../shared/ports'
import { applicationTable } from './applications'
import { idempotencyTable } from './idempotency'
import type { Db } from './open'
import { RESIDENT_APP_SELECT, residentAppRecord } from '../rows/residents'


export function residentApplicationRepo(db: Db): ResidentApplicationRepo {
  const apps = applicationTable(db, {
    table: 'resident_applications',
    select: RESIDENT_APP_SELECT,
    toRecord: residentAppRecord,
    alsoSet: ', household_id = COALESCE(@householdId, household_id)',
  })
  const userState = db.prepare<[string], { verified: number; phone: string | null; phone_verified: number }>(
    'SELECT verified, phone, phone_verified FROM users WHERE id = ?',
  )
  const headOf = db.prepare<[string], { user_id: string }>(
    "SELECT user_id FROM resident_applications WHERE household_id = ? AND relation = 'head' AND status = 'verified'",
  )
  const insert = db.prepare(`INSERT INTO resident_applications
    (id, user_id, community_id, grid_id, building, unit, room, building_key, unit_key, room_key, name, relation, status,
     household_id, created_at, reviewed_at)
    VALUES (@id, @userId, @communityId, @gridId, @building, @unit, @room, @buildingKey, @unitKey, @roomKey, @name, @relation,
     @status, @householdId, @createdAt, @reviewedAt)`)
  // verification also sets the person's name to the verified one (WeChat users start as "微信用户 XXXX")
  const bindUser = db.prepare(
    'UPDATE users SET verified = 1, name = @name, household_id = @householdId, grid_id = @gridId, community_id = @communityId WHERE id = @userId',
  )
  const relation = db.prepare<[string, string], { relation: Relation }>(
    "SELECT relation FROM resident_applications WHERE user_id = ? AND household_id = ? AND status = 'verified' ORDER BY seq DESC LIMIT 1",
  )

  const load = apps.load
  const idem = idempotencyTable(db)

  const rosterRoom = db.prepare<Record<string, string>, { id: string; head_name: string; phone: string | null }>(
    `SELECT id, head_name, phone FROM households
     WHERE grid_id = @gridId AND building_key = @buildingKey AND unit_key = @unitKey AND room_key = @roomKey`,
  )

  const applyTx = db.transaction((app: NewResidentApplication, key: IdempotencyKey | null): ResidentApplyOutcome => {
    // a retry of the same request gets the first reply, whatever happened since (verified, reviewed)
    const prior = idem.lookup<{ status: 'verified' | 'pending'; applicationId: string }>(key)
    if (prior.kind !== 'none') return prior
    const claimant = userState.get(app.userId)
    if (claimant?.verified === 1) return { kind: 'alreadyVerified' }
    if (apps.hasPending(app.userId)) return { kind: 'alreadyPending' }
    // the 户主 seat is free only if no one holds it: read and insert under the same write lock, and the
    // partial UNIQUE index resident_app_one_head is the backstop
    const keys = addressKeys(app.building, app.unit, app.room)
    const room = app.relation === 'head' ? rosterRoom.get({ gridId: app.gridId, ...keys }) : undefined
    // knowing the 户主's name is not enough where the roster has their phone: the claimant's verified phone must
    // be that number (WeChat's 手机号快速验证); a typed one, another or none sends the claim to review
    const phoneOk = !room?.phone || (claimant?.phone_verified === 1 && claimant.phone === room.phone)
    const verifyWith = room && sameName(room.head_name, app.name) && phoneOk ? room.id : null
    const verify = verifyWith !== null && !headOf.get(verifyWith)
    insert.run({
      ...app,
      ...keys,
      status: verify ? 'verified' : 'pending',
      householdId: verify ? verifyWith : null,
      reviewedAt: verify ? app.createdAt : null,
    })
    if (verify) bindUser.run({ userId: app.userId, name: app.name, householdId: verifyWith, gridId: app.gridId, communityId: app.communityId })
    const application = load(app.id) as ResidentApplicationRecord
    idem.store(key, { status: verify ? 'verified' : 'pending', applicationId: app.id }, app.createdAt)
    return verify ? { kind: 'verified', application } : { kind: 'pending', application }
  })

  const reviewTx = db.transaction(
    (id: string, d: ReviewDecision, householdId: string | null, audit: AuditEntry): ResidentReviewOutcome => {
      const app = load(id)
      if (!app || app.status !== 'pending') return { kind: 'alreadyDecided' }
      if (d.approve) {
        if (userState.get(app.userId)?.verified === 1) return { kind: 'applicantVerified' }
        if (app.relation === 'head' && householdId && headOf.get(householdId)) return { kind: 'headTaken' }
      }
      const bind = () => {
        if (householdId) bindUser.run({ userId: app.userId, name: app.name, householdId, gridId: app.gridId, communityId: app.communityId })
      }
      return apps.decide(id, d, { householdId: d.approve ? householdId : null }, bind, audit)
    },
  )

  return {
    async get(id) {
      return load(id)
    },
    async latestOf(userId) {
      return apps.latestOf(userId)
    },
    async list(communityId, opts) {
      return apps.list(communityId, opts)
    },
    async apply(app, key) {
      return applyTx.immediate(app, key)
    },
    async review(id, decision, householdId, audit) {
      return reviewTx.immediate(id, decision, householdId, audit)
    },
    async relationOf(userId, householdId) {
      return relation.get(userId, householdId)?.relation ?? null
    },
  }
}
