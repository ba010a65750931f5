import type { ApplicationStatus } from '@/domain/residents'
import type {
  AuditEntry,
  NewVolunteerApplication,
  ReviewDecision,
  VolunteerApplicationRecord,
  VolunteerApplicationRepo,
  VolunteerApplyOutcome,
  VolunteerReviewOutcome,
} from '../../ports'
import { auditWriter } from './audit'
import type { Db } from './open'

interface AppRow {
  seq: number
  id: string
  user_id: string
  community_id: string
  name: string
  phone: string | null
  grid_id: string | null
  grid_name: string | null
  skills: string | null
  availability: string | null
  status: ApplicationStatus
  reason: string | null
  created_at: string
  reviewed_at: string | null
}

const SELECT = `
  SELECT a.rowid AS seq, a.*, u.name, u.phone, u.grid_id, g.name AS grid_name
  FROM volunteer_applications a
  JOIN users u ON u.id = a.user_id
  LEFT JOIN grids g ON g.id = u.grid_id`

function toRecord(r: AppRow): VolunteerApplicationRecord {
  return {
    id: r.id,
    userId: r.user_id,
    communityId: r.community_id,
    name: r.name,
    phone: r.phone,
    gridId: r.grid_id,
    gridName: r.grid_name,
    skills: r.skills,
    availability: r.availability,
    status: r.status,
    reason: r.reason,
    createdAt: r.created_at,
    reviewedAt: r.reviewed_at,
  }
}

export function volunteerApplicationRepo(db: Db): VolunteerApplicationRepo {
  const writeAudit = auditWriter(db)
  const byId = db.prepare<[string], AppRow>(`${SELECT} WHERE a.id = ?`)
  const latest = db.prepare<[string], AppRow>(`${SELECT} WHERE a.user_id = ? ORDER BY a.rowid DESC LIMIT 1`)
  const page = db.prepare<Record<string, unknown>, AppRow>(`${SELECT}
    WHERE a.community_id = @community AND (@status IS NULL OR a.status = @status)
      AND (@hasCursor = 0 OR a.rowid < @cSeq)
    ORDER BY a.rowid DESC LIMIT @limit`)
  const isVolunteer = db.prepare<[string], { role: string }>("SELECT role FROM user_roles WHERE user_id = ? AND role = 'volunteer'")
  const hasPending = db.prepare<[string], { id: string }>(
    "SELECT id FROM volunteer_applications WHERE user_id = ? AND status = 'pending'",
  )
  const insert = db.prepare(`INSERT INTO volunteer_applications (id, user_id, community_id, skills, availability, status, created_at)
    VALUES (@id, @userId, @communityId, @skills, @availability, 'pending', @createdAt)`)
  const decide = db.prepare(`UPDATE volunteer_applications
    SET status = @status, reason = @reason, reviewer_id = @reviewerId, reviewed_at = @at
    WHERE id = @id AND status = 'pending'`)
  const userOf = db.prepare<[string], { user_id: string }>('SELECT user_id FROM volunteer_applications WHERE id = ?')
  const addRole = db.prepare("INSERT INTO user_roles (user_id, role) VALUES (?, 'volunteer') ON CONFLICT DO NOTHING")

  const load = (id: string) => {
    const r = byId.get(id)
    return r ? toRecord(r) : null
  }

  const applyTx = db.transaction((app: NewVolunteerApplication): VolunteerApplyOutcome => {
    if (isVolunteer.get(app.userId)) return { kind: 'alreadyVolunteer' }
    if (hasPending.get(app.userId)) return { kind: 'alreadyPending' }
    insert.run(app)
    return { kind: 'created', application: load(app.id) as VolunteerApplicationRecord }
  })

  const reviewTx = db.transaction((id: string, d: ReviewDecision, audit: AuditEntry): VolunteerReviewOutcome => {
    const changed = decide.run({ id, status: d.approve ? 'verified' : 'rejected', reason: d.reason, reviewerId: d.reviewerId, at: d.at }).changes
    if (changed !== 1) return { kind: 'alreadyDecided' }
    if (d.approve) addRole.run((userOf.get(id) as { user_id: string }).user_id)
    writeAudit(audit)
    return { kind: 'done', application: load(id) as VolunteerApplicationRecord }
  })

  return {
    async get(id) {
      return load(id)
    },
    async latestOf(userId) {
      const r = latest.get(userId)
      return r ? toRecord(r) : null
    },
    async list(communityId, { status, limit, after }) {
      return page
        .all({ community: communityId, status: status ?? null, hasCursor: after === null ? 0 : 1, cSeq: after ?? 0, limit })
        .map((r) => ({ record: toRecord(r), seq: r.seq }))
    },
    async apply(app) {
      return applyTx.immediate(app)
    },
    async review(id, decision, audit) {
      return reviewTx.immediate(id, decision, audit)
    },
  }
}
