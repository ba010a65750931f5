import { read, unattributed, write } from '../shared/contract'
import { emptySchema } from '../shared/text'
import {
  motionAdvanceSchema,
  motionCastSchema,
  motionCommentSchema,
  motionCreateSchema,
  motionIdSchema,
  motionListSchema,
  motionRecordOfflineSchema,
  motionReplySchema,
  motionUpdateSchema,
  motionVerifyReceiptSchema,
  rulesHistorySchema,
  rulesMarkFiledSchema,
  type Choice,
  type MotionCommentView,
  type MotionListPage,
  type MotionResultView,
  type MotionView,
  type RulesHistoryPage,
  type RulesView,
} from '.'

/** 议事表决 and the 村规民约/居民公约 they adopt. */
export const motionsContract = {
  'motion.create': write(motionCreateSchema).returns<MotionView>(),
  'motion.update': write(motionUpdateSchema).returns<MotionView>(),
  'motion.advance': write(motionAdvanceSchema).returns<MotionView>(),
  'motion.comment': write(motionCommentSchema).returns<MotionCommentView>(),
  'motion.reply': write(motionReplySchema).returns<MotionCommentView>(),
  'motion.cast': unattributed(write(motionCastSchema).returns<{ receipt: string }>()),
  'motion.recordOffline': unattributed(write(motionRecordOfflineSchema).returns<{ receipt: string }>()),
  'motion.get': read(motionIdSchema).returns<MotionView>(),
  'motion.list': read(motionListSchema).returns<MotionListPage>(),
  'motion.result': read(motionIdSchema).returns<MotionResultView>(),
  'motion.verifyReceipt': read(motionVerifyReceiptSchema).returns<{ counted: boolean; choice: Choice | null }>(),
  'rules.current': read(emptySchema).returns<RulesView | null>(),
  'rules.history': read(rulesHistorySchema).returns<RulesHistoryPage>(),
  'rules.markFiled': write(rulesMarkFiledSchema).returns<RulesView>(),
}
