import { AppError } from '@/domain/shared/errors'
import type { calloutCreateSchema, CalloutView } from '@/domain/callouts'
import type { z } from 'zod'
import { idempotencyKey, KEY_REUSED } from '../shared/idempotency'
import { sendOutbound } from '../shared/outbound'
import type { NewCallout, UserCtx } from './ports'
import { requireCommittee } from './access'
import { issuedMessage } from './messages'
import { calloutView } from './view'

const iso = (s: string) => new Date(s).toISOString()

/**
 * callout.create — the committee calls out the volunteers and/or residents of chosen grids of its community. One
 * store call writes the call-out, its tasks, the recipients and their messages; a retried requestId is the same
 * call-out. Subscribe messages go out after the commit.
 */
export async function issueCallout(input: z.output<typeof calloutCreateSchema>, ctx: UserCtx): Promise<CalloutView> {
  const { deps, user } = ctx
  const communityId = requireCommittee(user)
  const now = deps.clock.now().toISOString()
  const startAt = iso(input.startAt)
  const endAt = iso(input.endAt)
  if (endAt <= now) throw new AppError('INVALID_INPUT', '结束时间应晚于现在', [{ path: 'endAt', message: '结束时间应晚于现在' }])
  const grids = new Set((await deps.store.communities.grids(communityId)).map((g) => g.id))
  if (!input.gridIds.every((g) => grids.has(g))) {
    throw new AppError('INVALID_INPUT', '只能选择本社区的网格', [{ path: 'gridIds', message: '只能选择本社区的网格' }])
  }
  const id = deps.ids.newId()
  const c: NewCallout = {
    id,
    communityId,
    title: input.title,
    kind: input.kind,
    description: input.description,
    place: input.place,
    latitude: input.area.latitude,
    longitude: input.area.longitude,
    radius: input.area.radius,
    startAt,
    endAt,
    toVolunteers: input.audience.volunteers,
    toResidents: input.audience.residents,
    gridIds: input.gridIds,
    tasks: input.tasks.map((t) => ({ id: deps.ids.newId(), name: t.name, capacity: t.capacity })),
    createdBy: user.id,
    createdAt: now,
  }
  const message = issuedMessage(c)
  const outcome = await deps.store.callouts.create(
    c,
    message,
    { at: now, actorId: user.id, action: 'callout.create', targetType: 'callout', targetId: id, communityId, detail: { grids: input.gridIds.length } },
    idempotencyKey(ctx, 'callout.create', input),
  )
  if (outcome.kind === 'keyReused') throw new AppError('CONFLICT', KEY_REUSED)
  if (outcome.kind === 'created') {
    await sendOutbound(
      deps,
      outcome.recipientIds.map((userId) => ({ userId, ...message, target: { type: 'callout', id }, createdAt: now })),
    )
  }
  return calloutView(outcome.callout, null, true, now)
}
