import { read, write } from '../shared/contract'
import {
  warningAssessSchema,
  warningGetSchema,
  warningListSchema,
  warningRulesSchema,
  warningSetRulesSchema,
  warningSummarySchema,
  type WarningDetail,
  type WarningPage,
  type WarningRulesView,
  type WarningSummary,
} from '.'

/** 预测预警: the warnings the sweep raised, their 会商研判, and each community's rule parameters (staff only). */
export const warningsContract = {
  'warning.list': read(warningListSchema).returns<WarningPage>(),
  'warning.get': read(warningGetSchema).returns<WarningDetail>(),
  'warning.assess': write(warningAssessSchema).returns<{ assessmentId: string; status: 'open' | 'closed' }>(),
  'warning.rules': read(warningRulesSchema).returns<WarningRulesView>(),
  'warning.setRules': write(warningSetRulesSchema).returns<WarningRulesView>(),
  'warning.summary': read(warningSummarySchema).returns<WarningSummary>(),
}
