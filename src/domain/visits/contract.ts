import { read, write } from '../shared/contract'
import {
  visitClearFollowUpSchema,
  visitCoverageSchema,
  visitListSchema,
  visitLogSchema,
  visitMarkFollowUpSchema,
  visitSetPlanSchema,
  type FollowUpView,
  type VisitCoverage,
  type VisitListPage,
} from '.'

/** 入户走访 / 排查: visits, follow-up marks, the visit plan and its coverage (staff only). */
export const visitsContract = {
  'visit.log': write(visitLogSchema).returns<{ visitId: string; reportId?: string }>(),
  'visit.list': read(visitListSchema).returns<VisitListPage>(),
  'visit.coverage': read(visitCoverageSchema).returns<VisitCoverage>(),
  'visit.setPlan': write(visitSetPlanSchema).returns<{ months: number }>(),
  'visit.markFollowUp': write(visitMarkFollowUpSchema).returns<FollowUpView>(),
  'visit.clearFollowUp': write(visitClearFollowUpSchema).returns<{ cleared: boolean }>(),
}
