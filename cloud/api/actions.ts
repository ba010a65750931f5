import type { z } from 'zod'
import type { ActionName, ActionOutput } from '@/domain/actions'
import { devLoginSchema, emptySchema, wxLoginSchema } from '@/domain/auth'
import { messageListSchema, messageReadSchema } from '@/domain/message'
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
} from '@/domain/motion'
import { noticeIdSchema, noticeListSchema, noticePublishSchema } from '@/domain/notice'
import {
  reportCreateSchema,
  reportEditSchema,
  reportIdSchema,
  reportListSchema,
  reportMediateSchema,
  reportNearbySchema,
  reportRateSchema,
  reportSetDeadlinesSchema,
  reportSummarySchema,
  reportTransitionSchema,
} from '@/domain/report'
import {
  applicationListSchema,
  householdExportSchema,
  householdImportSchema,
  householdListSchema,
  memberAssignGridsSchema,
  memberListSchema,
  residentApplySchema,
  residentRegisterSchema,
  residentReviewSchema,
  setPhoneSchema,
  volunteerApplySchema,
  volunteerReviewSchema,
} from '@/domain/residents'
import {
  shiftCancelSchema,
  shiftCheckinSchema,
  shiftCreateSchema,
  shiftIdSchema,
  shiftListSchema,
  shiftLogSchema,
  volunteerBoardSchema,
  volunteerStatsSchema,
} from '@/domain/shift'
import { signInForDevelopment } from '../auth/devLogin'
import { cancelShift } from '../shifts/cancelShift'
import { checkInToShift } from '../shifts/checkInToShift'
import { checkOutOfShift } from '../shifts/checkOutOfShift'
import { listShifts } from '../shifts/listShifts'
import { logPatrol } from '../shifts/logPatrol'
import { scheduleShifts } from '../shifts/scheduleShifts'
import { signUpForShift } from '../shifts/signUpForShift'
import { viewShift } from '../shifts/viewShift'
import { viewVolunteerBoard } from '../shifts/viewVolunteerBoard'
import { viewVolunteerStats } from '../shifts/viewVolunteerStats'
import { withdrawFromShift } from '../shifts/withdrawFromShift'
import { viewMyProfile } from '../auth/me'
import { setMyPhone } from '../auth/setPhone'
import { signInWithWechat } from '../auth/wxLogin'
import { viewMyCommunity } from '../community/viewCommunity'
import { assignGrids } from '../members/assignGrids'
import { listMembers } from '../members/listMembers'
import { confirmNotice } from '../notices/confirmNotice'
import { listMyNotices } from '../notices/listNotices'
import { viewNoticeStats } from '../notices/noticeStats'
import { publishNotice } from '../notices/publishNotice'
import { readNotice } from '../notices/readNotice'
import { withdrawNotice } from '../notices/withdrawNotice'
import { listMyMessages } from '../messages/listMyMessages'
import { markMessagesRead } from '../messages/markMessagesRead'
import { advanceMotion } from '../motions/advanceMotion'
import { castBallot } from '../motions/castBallot'
import { commentOnMotion } from '../motions/commentOnMotion'
import { draftMotion } from '../motions/draftMotion'
import { listMotions } from '../motions/listMotions'
import { listRulesHistory } from '../motions/listRulesHistory'
import { markRulesFiled } from '../motions/markRulesFiled'
import { recordOfflineBallot } from '../motions/recordOfflineBallot'
import { replyToComment } from '../motions/replyToComment'
import { reviseMotion } from '../motions/reviseMotion'
import { verifyReceipt } from '../motions/verifyReceipt'
import { viewCurrentRules } from '../motions/viewCurrentRules'
import { viewMotion } from '../motions/viewMotion'
import { viewMotionResult } from '../motions/viewMotionResult'
import { actOnReport } from '../reports/actOnReport'
import { editMyReport } from '../reports/editMyReport'
import { findNearbyReports } from '../reports/findNearbyReports'
import { listReports } from '../reports/listReports'
import { rateReport } from '../reports/rateReport'
import { recordMediation } from '../reports/recordMediation'
import { setReportDeadlines } from '../reports/setReportDeadlines'
import { submitReport } from '../reports/submitReport'
import { supportReport } from '../reports/supportReport'
import { viewReport } from '../reports/viewReport'
import { viewReportDeadlines } from '../reports/viewReportDeadlines'
import { viewReportSummary } from '../reports/viewReportSummary'
import { applyForVerification } from '../residents/applyForVerification'
import { exportHouseholdRoster } from '../residents/exportRoster'
import { importHouseholdRoster } from '../residents/importRoster'
import { listResidentApplications } from '../residents/listApplications'
import { listHouseholds } from '../residents/listHouseholds'
import { registerResident } from '../residents/registerResident'
import { reviewResidentApplication } from '../residents/reviewApplication'
import { viewMyApplication } from '../residents/viewMyApplication'
import { applyAsVolunteer } from '../volunteers/applyAsVolunteer'
import { listVolunteerApplications } from '../volunteers/listVolunteerApplications'
import { reviewVolunteerApplication } from '../volunteers/reviewVolunteerApplication'
import { viewMyVolunteerApplication } from '../volunteers/viewMyVolunteerApplication'
import type { Ctx, UserCtx } from './context'

type Def<S extends z.ZodType, O> =
  | { input: S; auth: 'public'; handler: (input: z.output<S>, ctx: Ctx) => Promise<O> }
  | { input: S; auth: 'user'; handler: (input: z.output<S>, ctx: UserCtx) => Promise<O> }

/** A table entry with its input type erased: the dispatcher only hands a handler what its own schema parsed. */
type Entry<O> =
  | { input: z.ZodType; auth: 'public'; handler: (input: unknown, ctx: Ctx) => Promise<O> }
  | { input: z.ZodType; auth: 'user'; handler: (input: unknown, ctx: UserCtx) => Promise<O> }

export type ActionDef = Entry<unknown>

const def = <S extends z.ZodType, O>(d: Def<S, O>): Entry<O> => d as Entry<O>

/** THE action table: name → input schema, who may call, use case. Nothing else routes. */
export const ACTIONS: { [A in ActionName]: Entry<ActionOutput<A>> } = {
  'auth.devLogin': def({ input: devLoginSchema, auth: 'public', handler: signInForDevelopment }),
  'auth.wxLogin': def({ input: wxLoginSchema, auth: 'public', handler: signInWithWechat }),
  'me.get': def({ input: emptySchema, auth: 'user', handler: viewMyProfile }),
  'community.get': def({ input: emptySchema, auth: 'user', handler: viewMyCommunity }),
  'notice.publish': def({ input: noticePublishSchema, auth: 'user', handler: publishNotice }),
  'notice.list': def({ input: noticeListSchema, auth: 'user', handler: listMyNotices }),
  'notice.get': def({ input: noticeIdSchema, auth: 'user', handler: readNotice }),
  'notice.confirm': def({ input: noticeIdSchema, auth: 'user', handler: confirmNotice }),
  'notice.stats': def({ input: noticeIdSchema, auth: 'user', handler: viewNoticeStats }),
  'notice.withdraw': def({ input: noticeIdSchema, auth: 'user', handler: withdrawNotice }),
  'me.setPhone': def({ input: setPhoneSchema, auth: 'user', handler: setMyPhone }),
  'household.import': def({ input: householdImportSchema, auth: 'user', handler: importHouseholdRoster }),
  'household.list': def({ input: householdListSchema, auth: 'user', handler: listHouseholds }),
  'household.export': def({ input: householdExportSchema, auth: 'user', handler: exportHouseholdRoster }),
  'resident.apply': def({ input: residentApplySchema, auth: 'user', handler: applyForVerification }),
  'resident.myApplication': def({ input: emptySchema, auth: 'user', handler: viewMyApplication }),
  'resident.applications': def({ input: applicationListSchema, auth: 'user', handler: listResidentApplications }),
  'resident.review': def({ input: residentReviewSchema, auth: 'user', handler: reviewResidentApplication }),
  'resident.register': def({ input: residentRegisterSchema, auth: 'user', handler: registerResident }),
  'member.list': def({ input: memberListSchema, auth: 'user', handler: listMembers }),
  'member.assignGrids': def({ input: memberAssignGridsSchema, auth: 'user', handler: assignGrids }),
  'volunteer.apply': def({ input: volunteerApplySchema, auth: 'user', handler: applyAsVolunteer }),
  'volunteer.myApplication': def({ input: emptySchema, auth: 'user', handler: viewMyVolunteerApplication }),
  'volunteer.applications': def({ input: applicationListSchema, auth: 'user', handler: listVolunteerApplications }),
  'volunteer.review': def({ input: volunteerReviewSchema, auth: 'user', handler: reviewVolunteerApplication }),
  'report.create': def({ input: reportCreateSchema, auth: 'user', handler: submitReport }),
  'report.nearby': def({ input: reportNearbySchema, auth: 'user', handler: findNearbyReports }),
  'report.support': def({ input: reportIdSchema, auth: 'user', handler: supportReport }),
  'report.list': def({ input: reportListSchema, auth: 'user', handler: listReports }),
  'report.get': def({ input: reportIdSchema, auth: 'user', handler: viewReport }),
  'report.transition': def({ input: reportTransitionSchema, auth: 'user', handler: actOnReport }),
  'report.edit': def({ input: reportEditSchema, auth: 'user', handler: editMyReport }),
  'report.rate': def({ input: reportRateSchema, auth: 'user', handler: rateReport }),
  'report.mediate': def({ input: reportMediateSchema, auth: 'user', handler: recordMediation }),
  'report.summary': def({ input: reportSummarySchema, auth: 'user', handler: viewReportSummary }),
  'report.deadlines': def({ input: emptySchema, auth: 'user', handler: viewReportDeadlines }),
  'report.setDeadlines': def({ input: reportSetDeadlinesSchema, auth: 'user', handler: setReportDeadlines }),
  'message.list': def({ input: messageListSchema, auth: 'user', handler: listMyMessages }),
  'message.read': def({ input: messageReadSchema, auth: 'user', handler: markMessagesRead }),
  'motion.create': def({ input: motionCreateSchema, auth: 'user', handler: draftMotion }),
  'motion.update': def({ input: motionUpdateSchema, auth: 'user', handler: reviseMotion }),
  'motion.advance': def({ input: motionAdvanceSchema, auth: 'user', handler: advanceMotion }),
  'motion.comment': def({ input: motionCommentSchema, auth: 'user', handler: commentOnMotion }),
  'motion.reply': def({ input: motionReplySchema, auth: 'user', handler: replyToComment }),
  'motion.cast': def({ input: motionCastSchema, auth: 'user', handler: castBallot }),
  'motion.recordOffline': def({ input: motionRecordOfflineSchema, auth: 'user', handler: recordOfflineBallot }),
  'motion.get': def({ input: motionIdSchema, auth: 'user', handler: viewMotion }),
  'motion.list': def({ input: motionListSchema, auth: 'user', handler: listMotions }),
  'motion.result': def({ input: motionIdSchema, auth: 'user', handler: viewMotionResult }),
  'motion.verifyReceipt': def({ input: motionVerifyReceiptSchema, auth: 'user', handler: verifyReceipt }),
  'rules.current': def({ input: emptySchema, auth: 'user', handler: viewCurrentRules }),
  'rules.history': def({ input: rulesHistorySchema, auth: 'user', handler: listRulesHistory }),
  'rules.markFiled': def({ input: rulesMarkFiledSchema, auth: 'user', handler: markRulesFiled }),
  'shift.create': def({ input: shiftCreateSchema, auth: 'user', handler: scheduleShifts }),
  'shift.cancel': def({ input: shiftCancelSchema, auth: 'user', handler: cancelShift }),
  'shift.list': def({ input: shiftListSchema, auth: 'user', handler: listShifts }),
  'shift.get': def({ input: shiftIdSchema, auth: 'user', handler: viewShift }),
  'shift.signup': def({ input: shiftIdSchema, auth: 'user', handler: signUpForShift }),
  'shift.withdraw': def({ input: shiftIdSchema, auth: 'user', handler: withdrawFromShift }),
  'shift.checkin': def({ input: shiftCheckinSchema, auth: 'user', handler: checkInToShift }),
  'shift.checkout': def({ input: shiftIdSchema, auth: 'user', handler: checkOutOfShift }),
  'shift.log': def({ input: shiftLogSchema, auth: 'user', handler: logPatrol }),
  'volunteer.stats': def({ input: volunteerStatsSchema, auth: 'user', handler: viewVolunteerStats }),
  'volunteer.board': def({ input: volunteerBoardSchema, auth: 'user', handler: viewVolunteerBoard }),
}

export function findAction(name: string): ActionDef | undefined {
  return Object.prototype.hasOwnProperty.call(ACTIONS, name) ? (ACTIONS as Record<string, ActionDef>)[name] : undefined
}
