import { residentsContract } from '@/domain/residents/contract'
import type { Handlers } from '../shared/handlers'
import type { Deps } from './ports'
import { applyForVerification } from './applyForVerification'
import { exportHouseholdRoster } from './exportHouseholdRoster'
import { importHouseholdRoster } from './importHouseholdRoster'
import { listHouseholds } from './listHouseholds'
import { listResidentApplications } from './listResidentApplications'
import { registerResident } from './registerResident'
import { reviewResidentApplication } from './reviewResidentApplication'
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
