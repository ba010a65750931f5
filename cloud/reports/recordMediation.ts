import { AppError } from '@/domain/shared/errors'
import { MEDIATION_KIND_LABELS, MEDIATION_OUTCOME_LABELS, type ReportView, type reportMediateSchema } from '@/domain/reports'
import { canMediate } from '@/domain/reports/flow'
import type { z } from 'zod'
import type { UserCtx } from './ports'
import { factsOf, visibleReport } from './access'
import { idempotencyKey } from '../shared/idempotency'
import { commitChange, patchOf, replayed } from './change'

type Input = z.output<typeof reportMediateSchema>

/**
 * report.mediate — the handler of a dispute records the mediation: kind, parties, a session, the outcome
 * (调解成功 with the agreement, or 未化解). The timeline gets a 'mediate' step without the parties' names.
 */
export async function recordMediation(input: Input, ctx: UserCtx): Promise<ReportView> {
  const { deps, user } = ctx
  const { report, access } = await visibleReport(input.id, ctx)
  const idem = idempotencyKey(ctx, 'report.mediate', input)
  const replay = await replayed(ctx, idem, report.id)
  if (replay) return replay
  const now = deps.clock.now()
  const d = canMediate(factsOf(report, now), access.rel)
  if (!d.ok) throw new AppError(d.code, d.message)
  const note = [
    MEDIATION_KIND_LABELS[input.kind],
    input.session ? `${input.session.date} 调解一次` : null,
    input.outcome ? MEDIATION_OUTCOME_LABELS[input.outcome] : null,
  ]
    .filter(Boolean)
    .join('，')
  return commitChange(ctx, {
    id: report.id,
    version: report.version,
    patch: patchOf(report),
    at: now.toISOString(),
    event: { actorId: user.id, action: 'mediate', note, toUserId: null },
    eventPhotoIds: [],
    photoOwnerId: user.id,
    messages: [],
    mediation: {
      kind: input.kind,
      parties: input.parties.map((p) => ({ name: p.name, role: p.role ? p.role : null })),
      outcome: input.outcome ?? null,
      agreement: input.agreement ?? null,
      session: input.session ?? null,
    },
    idem,
  })
}
