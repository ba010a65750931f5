import { visitsContract } from '@/domain/visits/contract'
import type { Handlers } from '../shared/handlers'
import type { Deps } from './ports'
import { listVisits } from './listVisits'
import { logVisit } from './logVisit'
import { clearFollowUp, markFollowUp } from './markFollowUp'
import { setVisitPlan } from './setVisitPlan'
import { viewCoverage } from './viewCoverage'

export const visitsHandlers: Handlers<typeof visitsContract, Deps> = {
  'visit.log': logVisit,
  'visit.list': listVisits,
  'visit.coverage': viewCoverage,
  'visit.setPlan': setVisitPlan,
  'visit.markFollowUp': markFollowUp,
  'visit.clearFollowUp': clearFollowUp,
}
