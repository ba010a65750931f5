import { read, write } from '../shared/contract'
import {
  pointsBoardSchema,
  pointsLedgerSchema,
  pointsRedeemSchema,
  pointsReverseSchema,
  pointsRulesSchema,
  pointsSetRulesSchema,
  redemptionHandOverSchema,
  redemptionListSchema,
  rewardCreateSchema,
  rewardListSchema,
  type PointsBoard,
  type PointsEntryView,
  type PointsLedgerPage,
  type PointsRulesView,
  type RedemptionView,
  type RewardView,
} from '.'
import type { Page } from '../shared/text'

/** 积分制: rules, the ledger and its reversals, the monthly board, the 积分超市 and its redemptions. */
export const pointsContract = {
  'points.rules': read(pointsRulesSchema).returns<PointsRulesView>(),
  'points.setRules': write(pointsSetRulesSchema).returns<PointsRulesView>(),
  'points.ledger': read(pointsLedgerSchema).returns<PointsLedgerPage>(),
  'points.board': read(pointsBoardSchema).returns<PointsBoard>(),
  'points.reverse': write(pointsReverseSchema).returns<PointsEntryView>(),
  'reward.create': write(rewardCreateSchema).returns<RewardView>(),
  'reward.list': read(rewardListSchema).returns<{ items: RewardView[] }>(),
  'points.redeem': write(pointsRedeemSchema).returns<{ redemption: RedemptionView; balance: number }>(),
  'redemption.list': read(redemptionListSchema).returns<Page<RedemptionView>>(),
  'redemption.handOver': write(redemptionHandOverSchema).returns<RedemptionView>(),
}
