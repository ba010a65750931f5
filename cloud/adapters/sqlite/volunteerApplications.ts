import type { ReviewDecision } from '../../residents/ports'
import type { AuditEntry, IdempotencyKey } from '../../shared/ports'
import type {
  NewVolunteerApplication,
  VolunteerApplicationRecord,
  VolunteerApplicationRepo,
  VolunteerApplyOutcome,
  VolunteerReviewOutcome,
} from '../../volunteers/ports'
import { applicationTable } from './applications'
import { idempotencyTable } from './idempotency'
import type { Db } from './open'
import { volunteerAppRecord } from '../rows/volunteers'


const SELECT = `
  SELECT a.*, u.name, u.phone, u.grid_id, g.name AS grid_name
  FROM volunteer_applications a
  JOIN users u ON u.id = a.user_id
  LEFT JOIN grids g ON g.id = u.grid_id`


export function volunteerApplicationRepo(db: Db): VolunteerApplicationRepo {
  const apps = applicationTable(db, { table: 'volunteer_applications', select: SELECT, toRecord: volunteerAppRecord })
  const isVolunteer = db.prepare<[string], { role: string }>("SELECT role FROM user_roles WHERE user_id = ? AND role = 'volunteer'")
  const insert = db.prepare(`INSERT INTO volunteer_applications (id, user_id, community_id, skills, availability, status, created_at)
    VALUES (@id, @userId, @communityId, @skills, @availability, 'pending', @createdAt)`)
  const userOf = db.prepare<[string], { user_id: string }>('SELECT user_id FROM volunteer_applications WHERE id = ?')
  const addRole = db.prepare("INSERT INTO user_roles (user_id, role) VALUES (?, 'volunteer') ON CONFLICT DO NOTHING")

  const load = apps.load
  const idem = idempotencyTable(db)

  const applyTx = db.transaction((app: NewVolunteerApplication, key: IdempotencyKey | null): VolunteerApplyOutcome => {
    // a retry of the same request gets the application the first call made
    const prior = idem.lookup<{ applicationId: string }>(key)
    if (prior.kind === 'keyReused') return prior
    if (prior.kind === 'replayed') return { kind: 'replayed', application: load(prior.result.applicationId) as VolunteerApplicationRecord }
    if (isVolunteer.get(app.userId)) return { kind: 'alreadyVolunteer' }
    if (apps.hasPending(app.userId)) return { kind: 'alreadyPending' }
    insert.run(app)
    idem.store(key, { applicationId: app.id }, app.createdAt)
    return { kind: 'created', application: load(app.id) as VolunteerApplicationRecord }
  })

  const grantRole = (id: string) => () => addRole.run((userOf.get(id) as { user_id: string }).user_id)
  const reviewTx = db.transaction(
    (id: string, d: ReviewDecision, audit: AuditEntry): VolunteerReviewOutcome => apps.decide(id, d, {}, grantRole(id), audit),
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
    async review(id, decision, audit) {
      return reviewTx.immediate(id, decision, audit)
    },
  }
}
