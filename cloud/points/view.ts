import { maskName } from '@/domain/shared/mask'
import type { PointsEntryView, RedemptionView, RewardView } from '@/domain/points'
import type { EntryRecord, RedemptionRecord, RewardRecord } from './ports'

export const entryView = (e: EntryRecord): PointsEntryView => ({
  id: e.id,
  points: e.points,
  reason: e.reason,
  sourceKind: e.sourceKind,
  sourceId: e.sourceId,
  grantedBy: e.grantedBy === null ? '系统' : e.grantedBy === e.userId ? '本人' : '社区/村委会',
  at: e.at,
  reversedBy: e.reversedBy,
})

export const rewardView = (r: RewardRecord): RewardView => ({
  id: r.id,
  name: r.name,
  description: r.description,
  cost: r.cost,
  stock: r.stock,
  createdAt: r.createdAt,
})

/** `full`: the committee (it hands the reward over) and the person themself see the name in full. */
export const redemptionView = (r: RedemptionRecord, full: boolean): RedemptionView => ({
  id: r.id,
  rewardId: r.rewardId,
  rewardName: r.rewardName,
  userId: r.userId,
  cost: r.cost,
  personName: full ? r.userName : maskName(r.userName),
  at: r.at,
  handedAt: r.handedAt,
})
