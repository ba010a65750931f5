import { residentsContract } from '@/domain/residents/contract'
import type { Handlers } from '../shared/handlers'
import type { Deps } from './ports'
import { applyForVerification } from './applyForVerification'
import { exportHouseholdRoster } from './exportRoster'
import { importHouseholdRoster } from './importRoster'
import { listHouseholds } from './listHouseholds'
import { listResidentApplications } from './listApplications'
import { registerResident } from './registerResident'
import { reviewResidentApplication } from './reviewApplication'
import { viewMyApplication } from './viewMyApplication'

export const residentsHandlers: Handlers<typeof residentsContract, Deps> = {
  'household.import': importHouseholdRoster,
  'household.list': listHouseholds,
  'household.export': exportHouseholdRoster,
  'resident.apply': applyForVerification,
  'resident.myApplication': viewMyApplication,
  'resident.applications': listResidentApplications,
  'resident.review': reviewResidentApplication,
  'resident.register': registerResident,
}
