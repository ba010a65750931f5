import { motionsContract } from '@/domain/motions/contract'
import type { Handlers } from '../shared/handlers'
import type { Deps } from './ports'
import { advanceMotion } from './advanceMotion'
import { assessMotionRisk } from './assessMotionRisk'
import { castBallot } from './castBallot'
import { commentOnMotion } from './commentOnMotion'
import { draftMotion } from './draftMotion'
import { listMotions } from './listMotions'
import { listRiskReviews } from './listRiskReviews'
import { listRulesHistory } from './listRulesHistory'
import { markRulesFiled } from './markRulesFiled'
import { recordOfflineBallot } from './recordOfflineBallot'
import { replyToComment } from './replyToComment'
import { reviseMotion } from './reviseMotion'
import { signOffMotionRisk } from './signOffMotionRisk'
import { verifyReceipt } from './verifyReceipt'
import { viewCurrentRules } from './viewCurrentRules'
import { viewMotion } from './viewMotion'
import { viewMotionResult } from './viewMotionResult'

export const motionsHandlers: Handlers<typeof motionsContract, Deps> = {
  'motion.create': draftMotion,
  'motion.update': reviseMotion,
  'motion.advance': advanceMotion,
  'motion.comment': commentOnMotion,
  'motion.reply': replyToComment,
  'motion.cast': castBallot,
  'motion.recordOffline': recordOfflineBallot,
  'motion.get': viewMotion,
  'motion.list': listMotions,
  'motion.result': viewMotionResult,
  'motion.verifyReceipt': verifyReceipt,
  'rules.current': viewCurrentRules,
  'rules.history': listRulesHistory,
  'rules.markFiled': markRulesFiled,
  'motion.assessRisk': assessMotionRisk,
  'motion.signOffRisk': signOffMotionRisk,
  'motion.riskReviews': listRiskReviews,
}
