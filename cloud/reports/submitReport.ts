import { AppError } from '@/domain/shared/errors'
import { chinaClock } from '@/domain/shared/chinaTime'
import { gridOfPoint } from '@/domain/shared/geo'
import { defaultVisibility, reportCreateSchema, type ReportView } from '@/domain/reports'
import { acceptDeadline, resolveDeadline } from '@/domain/reports/deadlines'
import type { z } from 'zod'
import type { UserCtx } from './ports'
import type { NewMessage } from '../messages'
import { moderationOf } from './moderation'
import { idempotencyKey, KEY_REUSED } from '../shared/idempotency'
import { BAD_PHOTOS, requireCommunity, resolveDaysOf } from './access'
import { toGcj02 } from '../shared/geo'
import { messageTo } from './messages'
import { sendOutbound } from '../shared/outbound'
import { viewFor } from './view'

type Input = z.output<typeof reportCreateSchema>

/**
 * report.create — someone of a community reports a problem (随手拍). Routed to the grid whose boundary holds
 * the point, else the grid they picked, else their own grid, else the community's first; to that grid's
 * 网格员 (lowest id) with working-day deadlines. Idempotent per (caller, requestId).
 */
export async function submitReport(input: Input, ctx: UserCtx): Promise<ReportView> {
  const { deps, user } = ctx
  const communityId = requireCommunity(user, '请先加入社区再上报问题')
  const community = await deps.store.communities.get(communityId)
  if (!community) throw new AppError('FORBIDDEN', '请先加入社区再上报问题')
  const grids = await deps.store.communities.grids(communityId)
  if (grids.length === 0) throw new AppError('CONFLICT', '本社区还没有划分网格，暂时不能上报')

  const picked = input.gridId ? grids.find((g) => g.id === input.gridId) : undefined
  if (input.gridId && !picked) {
    throw new AppError('INVALID_INPUT', '所选网格不属于本社区', [{ path: 'gridId', message: '所选网格不属于本社区' }])
  }
  const point = input.location ? toGcj02(input.location, input.location.coordSystem) : null
  const own = user.gridId ? grids.find((g) => g.id === user.gridId) : undefined
  const grid = (point ? gridOfPoint(point, grids) : null) ?? picked ?? own ?? grids[0]!

  const moderation = await moderationOf(deps, [input.description, input.location?.address ?? ''], user.id)
  const [assigneeId] = await deps.store.reports.workersOf(grid.id)
  const days = await resolveDaysOf(deps, communityId)
  const now = deps.clock.now()
  const at = now.toISOString()
  const id = deps.ids.newId()
  const messages: NewMessage[] = assigneeId
    ? [messageTo(deps, assigneeId, { id, ...input }, '新的随手拍问题待受理', `请在 ${chinaClock(acceptDeadline(now))} 前受理`, at)]
    : []

  const outcome = await deps.store.reports.create(
    {
      id,
      communityId,
      streetId: community.streetId,
      gridId: grid.id,
      reporterId: user.id,
      category: input.category,
      description: input.description,
      latitude: point?.latitude ?? null,
      longitude: point?.longitude ?? null,
      address: input.location?.address || null,
      coordSource: input.location ? (input.location.coordSystem ?? 'gcj02') : null,
      anonymous: input.anonymous ?? false,
      visibility: input.visibility ?? defaultVisibility(input.category),
      moderation,
      assigneeId: assigneeId ?? null,
      acceptBy: acceptDeadline(now).toISOString(),
      resolveBy: resolveDeadline(now, days[input.category]).toISOString(),
      createdAt: at,
    },
    input.photoIds ?? [],
    messages,
    idempotencyKey(ctx, 'report.create', input),
  )
  if (outcome.kind === 'keyReused') throw new AppError('CONFLICT', KEY_REUSED)
  if (outcome.kind === 'badPhotos') throw new AppError('INVALID_INPUT', BAD_PHOTOS, [{ path: 'photoIds', message: BAD_PHOTOS }])
  if (outcome.kind === 'created') await sendOutbound(deps, messages)
  return viewFor(deps, outcome.report.id, user)
}

