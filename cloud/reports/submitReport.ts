import { AppError } from '@/domain/shared/errors'
import { chinaClock } from '@/domain/shared/chinaTime'
import { defaultVisibility, reportCreateSchema, type ReportView } from '@/domain/reports'
import { acceptDeadline, resolveDeadline } from '@/domain/reports/deadlines'
import type { z } from 'zod'
import type { NewReport, UserCtx } from './ports'
import type { NewMessage } from '../messages'
import type { IdempotencyKey } from '../shared/ports'
import { moderationOf } from './moderation'
import { idempotencyKey, KEY_REUSED } from '../shared/idempotency'
import { accessOf, BAD_PHOTOS, requireCommunity, resolveDaysOf } from './access'
import { routeOf, toGcj02 } from './location'
import { messageTo } from './messages'
import { sendOutbound } from '../shared/outbound'
import { toView } from './view'

type Input = z.output<typeof reportCreateSchema>

/** What the store writes for a new report: the row, its photos, the worker's message and the retry key. */
export interface PreparedReport {
  report: NewReport
  photoIds: string[]
  messages: NewMessage[]
  key: IdempotencyKey | null
}

/**
 * A new report as report.create makes it, not yet stored: routed to the grid they picked (a correction of where
 * the point fell), else the grid whose boundary holds the point, else their own grid, else the community's first
 * (routeOf); to that grid's 网格员 (lowest id) with working-day deadlines. shift.log stores it in its own
 * transaction (发现隐患).
 */
export async function prepareReport(input: Input, ctx: UserCtx): Promise<PreparedReport> {
  const { deps, user } = ctx
  const communityId = requireCommunity(user)
  const community = await deps.store.communities.get(communityId)
  if (!community) throw new AppError('FORBIDDEN', '请先加入社区再上报问题')
  const grids = await deps.store.communities.grids(communityId)
  if (grids.length === 0) throw new AppError('CONFLICT', '本社区还没有划分网格，暂时不能上报')

  const picked = input.gridId ? grids.find((g) => g.id === input.gridId) : undefined
  if (input.gridId && !picked) {
    throw new AppError('INVALID_INPUT', '所选网格不属于本社区', [{ path: 'gridId', message: '所选网格不属于本社区' }])
  }
  const point = input.location ? toGcj02(input.location, input.location.coordSystem) : null
  const { grid } = routeOf(grids, { point, pickedId: picked?.id, ownId: user.gridId })

  const { moderation, unchecked } = await moderationOf(deps, [input.description, input.location?.address ?? ''], user.id)
  const [assigneeId] = await deps.store.reports.workersOf(grid.id)
  const days = await resolveDaysOf(deps, communityId)
  const now = deps.clock.now()
  const at = now.toISOString()
  const id = deps.ids.newId()
  const messages: NewMessage[] = assigneeId
    ? [messageTo(deps, assigneeId, { id, ...input }, '新的随手拍问题待受理', `请在 ${chinaClock(acceptDeadline(now))} 前受理`, at)]
    : []

  return {
    report: {
      id,
      communityId,
      streetId: community.streetId,
      districtId: community.districtId,
      cityId: community.cityId,
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
      ...(unchecked ? { unchecked } : {}),
      assigneeId: assigneeId ?? null,
      acceptBy: acceptDeadline(now).toISOString(),
      resolveBy: resolveDeadline(now, days[input.category]).toISOString(),
      createdAt: at,
    },
    photoIds: input.photoIds ?? [],
    messages,
    key: idempotencyKey(ctx, 'report.create', input),
  }
}

/** The refusals of a report the store would not take (a reused key, photos not the caller's to use). */
export function refuseReport(kind: 'keyReused' | 'badPhotos'): never {
  if (kind === 'keyReused') throw new AppError('CONFLICT', KEY_REUSED)
  throw new AppError('INVALID_INPUT', BAD_PHOTOS, [{ path: 'photoIds', message: BAD_PHOTOS }])
}

/** After the commit of a new report: its messages to the other channels (WeChat subscribe messages). */
export async function announceReport(deps: UserCtx['deps'], p: PreparedReport): Promise<void> {
  await sendOutbound(deps, p.messages)
}

/** report.create — someone of a community reports a problem (随手拍). Idempotent per (caller, requestId). */
export async function submitReport(input: Input, ctx: UserCtx): Promise<ReportView> {
  const { deps, user } = ctx
  const p = await prepareReport(input, ctx)
  const outcome = await deps.store.reports.create(p.report, p.photoIds, p.messages, p.key)
  if (outcome.kind === 'keyReused' || outcome.kind === 'badPhotos') refuseReport(outcome.kind)
  if (outcome.kind === 'created') await announceReport(deps, p)
  // the store's one read of the new report (ReportCreateReply): no second load for the reply
  return toView(deps, outcome.detail, accessOf(outcome.detail.report, user), deps.clock.now())
}

