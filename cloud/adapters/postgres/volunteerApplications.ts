import type { Pool } from 'pg'
import type { VolunteerApplicationRecord, VolunteerApplicationRepo, VolunteerApplyOutcome, VolunteerReviewOutcome } from '../../volunteers/ports'
import { applicationTable } from './applications'
import { writeAudit } from './audit'
import { claimKey } from './idempotency'
import { inTransactionOr, Rollback, row } from './tx'
import { volunteerAppRecord } from '../rows/volunteers'

/** Volunteer applications on PostgreSQL: the same records and outcomes as ../sqlite/volunteerApplications.ts. */


// the application's own columns (a.* would bring its grid-less row's columns beside the user's)
const SELECT = `
  SELECT a.seq, a.id, a.user_id, a.community_id, a.skills, a.availability, a.status, a.reason, a.created_at, a.reviewed_at,
    u.name, u.phone, u.grid_id, g.name AS grid_name
  FROM volunteer_applications a
  JOIN users u ON u.id = a.user_id
  LEFT JOIN grids g ON g.id = u.grid_id`


const apps = applicationTable({ table: 'volunteer_applications', select: SELECT, toRecord: volunteerAppRecord })

export function volunteerApplicationRepo(pool: Pool): VolunteerApplicationRepo {
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
     * One transaction: the idempotency key claimed first (claimKey: a concurrent retry waits on it and then gets the
     * application the first call made; a refusal rolls the claim back), then the user row FOR UPDATE, so a second
     * application of the same person waits and then (a new snapshot) finds the first pending — alreadyPending,
     * with the partial unique index volunteer_app_one_pending as the backstop.
     */
    async apply(app, key) {
      return inTransactionOr<VolunteerApplyOutcome, VolunteerApplyOutcome>(pool, async (c) => {
        const claim = await claimKey<{ applicationId: string }>(c, key, { applicationId: app.id }, app.createdAt)
        if (claim.kind === 'keyReused') throw new Rollback(claim)
        if (claim.kind === 'replayed') {
          return { kind: 'replayed', application: (await apps.load(c, claim.result.applicationId)) as VolunteerApplicationRecord }
        }
        await c.query('SELECT 1 FROM users WHERE id = $1 FOR UPDATE', [app.userId])
        if (await row(c, "SELECT 1 FROM user_roles WHERE user_id = $1 AND role = 'volunteer'", [app.userId])) {
          throw new Rollback({ kind: 'alreadyVolunteer' })
        }
        if (await apps.hasPending(c, app.userId)) throw new Rollback({ kind: 'alreadyPending' })
        await c.query(
          `INSERT INTO volunteer_applications (id, user_id, community_id, skills, availability, status, created_at)
           VALUES ($1, $2, $3, $4, $5, 'pending', $6)`,
          [app.id, app.userId, app.communityId, app.skills, app.availability, app.createdAt],
        )
        return { kind: 'created', application: (await apps.load(c, app.id)) as VolunteerApplicationRecord }
      })
    },
    /**
     * One transaction: the conditional UPDATE … WHERE status = 'pending' RETURNING (apps.decide) — of concurrent
     * reviews exactly one updates the row; only that one grants the role (ON CONFLICT DO NOTHING on user_roles' key)
     * and writes the audit entry.
     */
    async review(id, d, audit) {
      return inTransactionOr<VolunteerReviewOutcome, VolunteerReviewOutcome>(pool, async (c) => {
        const won = await apps.decide(c, id, d)
        if (!won) throw new Rollback({ kind: 'alreadyDecided' })
        if (d.approve) {
          await c.query("INSERT INTO user_roles (user_id, role) VALUES ($1, 'volunteer') ON CONFLICT DO NOTHING", [won.user_id])
        }
        await writeAudit(c, audit)
        return { kind: 'done', application: (await apps.load(c, id)) as VolunteerApplicationRecord }
      })
    },
  }
}
