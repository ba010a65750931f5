import { pointsContract } from '@/domain/points/contract'
import type { Handlers } from '../shared/handlers'
import type { Deps } from './ports'
import { createReward } from './createReward'
import { handOverRedemption } from './handOverRedemption'
import { listRedemptions } from './listRedemptions'
import { listRewards } from './listRewards'
import { redeemReward } from './redeemReward'
import { reverseEntry } from './reverseEntry'
import { setRules } from './setRules'
import { viewBoard } from './viewBoard'
import { viewLedger } from './viewLedger'
import { viewRules } from './viewRules'

export const pointsHandlers: Handlers<typeof pointsContract, Deps> = {
  'points.rules': viewRules,
  'points.setRules': setRules,
  'points.ledger': viewLedger,
  'points.board': viewBoard,
  'points.reverse': reverseEntry,
  'reward.create': createReward,
  'reward.list': listRewards,
  'points.redeem': redeemReward,
  'redemption.list': listRedemptions,
  'redemption.handOver': handOverRedemption,
}
