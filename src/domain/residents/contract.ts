import { read, write } from '../shared/contract'
import { emptySchema, type Page } from '../shared/text'
import type { MemberView } from '../members'
import {
  applicationListSchema,
  householdExportSchema,
  householdImportSchema,
  householdListSchema,
  residentApplySchema,
  residentRegisterSchema,
  residentReviewSchema,
  type HouseholdImportResult,
  type HouseholdView,
  type ResidentApplicationView,
  type ResidentApplyResult,
} from '.'

export const residentsContract = {
  'household.import': write(householdImportSchema).returns<HouseholdImportResult>(),
  'household.list': read(householdListSchema).returns<Page<HouseholdView>>(),
  'household.export': write(householdExportSchema).returns<{ csv: string; rows: number }>(),
  'resident.apply': write(residentApplySchema).returns<ResidentApplyResult>(),
  'resident.myApplication': read(emptySchema).returns<ResidentApplicationView | null>(),
  'resident.applications': read(applicationListSchema).returns<Page<ResidentApplicationView>>(),
  'resident.review': write(residentReviewSchema).returns<ResidentApplicationView>(),
  'resident.register': write(residentRegisterSchema).returns<MemberView>(),
}
