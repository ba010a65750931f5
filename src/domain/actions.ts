import type { CommunityView, DevLoginInput, Me, Session, WxLoginInput } from './auth'
import type {
  Notice,
  NoticeIdInput,
  NoticeListInput,
  NoticeListPage,
  NoticePublishInput,
  NoticeStats,
} from './notice'
import type {
  ApplicationListInput,
  HouseholdExportInput,
  HouseholdImportInput,
  HouseholdImportResult,
  HouseholdListInput,
  HouseholdView,
  MemberAssignGridsInput,
  MemberListInput,
  MemberView,
  ResidentApplicationView,
  ResidentApplyInput,
  ResidentApplyResult,
  ResidentRegisterInput,
  ResidentReviewInput,
  SetPhoneInput,
  VolunteerApplicationView,
  VolunteerApplyInput,
  VolunteerReviewInput,
} from './residents'
import type { MessageListInput, MessagePage, MessageReadInput } from './message'
import type {
  NearbyReport,
  ReportCreateInput,
  ReportDeadlines,
  ReportEditInput,
  ReportIdInput,
  ReportListInput,
  ReportListPage,
  ReportMediateInput,
  ReportNearbyInput,
  ReportRateInput,
  ReportSetDeadlinesInput,
  ReportSummaryCounts,
  ReportSummaryInput,
  ReportTransitionInput,
  ReportView,
} from './report'
import type {
  Choice,
  MotionAdvanceInput,
  MotionCastInput,
  MotionCommentInput,
  MotionCommentView,
  MotionCreateInput,
  MotionIdInput,
  MotionListInput,
  MotionListPage,
  MotionRecordOfflineInput,
  MotionReplyInput,
  MotionResultView,
  MotionUpdateInput,
  MotionVerifyReceiptInput,
  MotionView,
  RulesHistoryInput,
  RulesHistoryPage,
  RulesMarkFiledInput,
  RulesView,
} from './motion'
import type {
  CheckinResult,
  CheckoutResult,
  ShiftCancelInput,
  ShiftCheckinInput,
  ShiftCreateInput,
  ShiftDetail,
  ShiftIdInput,
  ShiftListInput,
  ShiftListPage,
  ShiftLogInput,
  ShiftView,
  SignupResult,
  VolunteerBoard,
  VolunteerBoardInput,
  VolunteerStats,
  VolunteerStatsInput,
} from './shift'
import type { Page } from './text'

/** Every action of the API with its input and output, for the typed client. */
export interface ActionMap {
  'auth.devLogin': { input: DevLoginInput; output: Session }
  'auth.wxLogin': { input: WxLoginInput; output: Session }
  'me.get': { input: Record<string, never>; output: Me }
  'community.get': { input: Record<string, never>; output: CommunityView }
  'notice.publish': { input: NoticePublishInput; output: Notice }
  'notice.list': { input: NoticeListInput; output: NoticeListPage }
  'notice.get': { input: NoticeIdInput; output: Notice }
  'notice.confirm': { input: NoticeIdInput; output: { confirmedAt: string } }
  'notice.stats': { input: NoticeIdInput; output: NoticeStats }
  'notice.withdraw': { input: NoticeIdInput; output: { withdrawnAt: string } }
  'me.setPhone': { input: SetPhoneInput; output: Me }
  'household.import': { input: HouseholdImportInput; output: HouseholdImportResult }
  'household.list': { input: HouseholdListInput; output: Page<HouseholdView> }
  'household.export': { input: HouseholdExportInput; output: { csv: string; rows: number } }
  'resident.apply': { input: ResidentApplyInput; output: ResidentApplyResult }
  'resident.myApplication': { input: Record<string, never>; output: ResidentApplicationView | null }
  'resident.applications': { input: ApplicationListInput; output: Page<ResidentApplicationView> }
  'resident.review': { input: ResidentReviewInput; output: ResidentApplicationView }
  'resident.register': { input: ResidentRegisterInput; output: MemberView }
  'member.list': { input: MemberListInput; output: Page<MemberView> }
  'member.assignGrids': { input: MemberAssignGridsInput; output: MemberView }
  'volunteer.apply': { input: VolunteerApplyInput; output: VolunteerApplicationView }
  'volunteer.myApplication': { input: Record<string, never>; output: VolunteerApplicationView | null }
  'volunteer.applications': { input: ApplicationListInput; output: Page<VolunteerApplicationView> }
  'volunteer.review': { input: VolunteerReviewInput; output: VolunteerApplicationView }
  'report.create': { input: ReportCreateInput; output: ReportView }
  'report.nearby': { input: ReportNearbyInput; output: { items: NearbyReport[] } }
  'report.support': { input: ReportIdInput; output: { supporters: number } }
  'report.list': { input: ReportListInput; output: ReportListPage }
  'report.get': { input: ReportIdInput; output: ReportView }
  'report.transition': { input: ReportTransitionInput; output: ReportView }
  'report.edit': { input: ReportEditInput; output: ReportView }
  'report.rate': { input: ReportRateInput; output: ReportView }
  'report.mediate': { input: ReportMediateInput; output: ReportView }
  'report.summary': { input: ReportSummaryInput; output: ReportSummaryCounts }
  'report.deadlines': { input: Record<string, never>; output: ReportDeadlines }
  'report.setDeadlines': { input: ReportSetDeadlinesInput; output: ReportDeadlines }
  'message.list': { input: MessageListInput; output: MessagePage }
  'message.read': { input: MessageReadInput; output: { unread: number } }
  'motion.create': { input: MotionCreateInput; output: MotionView }
  'motion.update': { input: MotionUpdateInput; output: MotionView }
  'motion.advance': { input: MotionAdvanceInput; output: MotionView }
  'motion.comment': { input: MotionCommentInput; output: MotionCommentView }
  'motion.reply': { input: MotionReplyInput; output: MotionCommentView }
  'motion.cast': { input: MotionCastInput; output: { receipt: string } }
  'motion.recordOffline': { input: MotionRecordOfflineInput; output: { receipt: string } }
  'motion.get': { input: MotionIdInput; output: MotionView }
  'motion.list': { input: MotionListInput; output: MotionListPage }
  'motion.result': { input: MotionIdInput; output: MotionResultView }
  'motion.verifyReceipt': { input: MotionVerifyReceiptInput; output: { counted: boolean; choice: Choice | null } }
  'rules.current': { input: Record<string, never>; output: RulesView | null }
  'rules.history': { input: RulesHistoryInput; output: RulesHistoryPage }
  'rules.markFiled': { input: RulesMarkFiledInput; output: RulesView }
  'shift.create': { input: ShiftCreateInput; output: { shifts: ShiftView[] } }
  'shift.cancel': { input: ShiftCancelInput; output: ShiftView }
  'shift.list': { input: ShiftListInput; output: ShiftListPage }
  'shift.get': { input: ShiftIdInput; output: ShiftDetail }
  'shift.signup': { input: ShiftIdInput; output: SignupResult }
  'shift.withdraw': { input: ShiftIdInput; output: { status: 'withdrawn' } }
  'shift.checkin': { input: ShiftCheckinInput; output: CheckinResult }
  'shift.checkout': { input: ShiftIdInput; output: CheckoutResult }
  'shift.log': { input: ShiftLogInput; output: { logId: string; reportId?: string } }
  'volunteer.stats': { input: VolunteerStatsInput; output: VolunteerStats }
  'volunteer.board': { input: VolunteerBoardInput; output: VolunteerBoard }
}

export type ActionName = keyof ActionMap
export type ActionInput<A extends ActionName> = ActionMap[A]['input']
export type ActionOutput<A extends ActionName> = ActionMap[A]['output']
