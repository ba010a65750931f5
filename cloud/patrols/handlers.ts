import { patrolsContract } from '@/domain/patrols/contract'
import type { Handlers } from '../shared/handlers'
import type { Deps } from './ports'
import { cancelShift } from './cancelShift'
import { checkInToShift } from './checkInToShift'
import { checkOutOfShift } from './checkOutOfShift'
import { listShifts } from './listShifts'
import { logPatrol } from './logPatrol'
import { scheduleShifts } from './scheduleShifts'
import { signUpForShift } from './signUpForShift'
import { viewShift } from './viewShift'
import { withdrawFromShift } from './withdrawFromShift'

export const patrolsHandlers: Handlers<typeof patrolsContract, Deps> = {
  'shift.create': scheduleShifts,
  'shift.cancel': cancelShift,
  'shift.list': listShifts,
  'shift.get': viewShift,
  'shift.signup': signUpForShift,
  'shift.withdraw': withdrawFromShift,
  'shift.checkin': checkInToShift,
  'shift.checkout': checkOutOfShift,
  'shift.log': logPatrol,
}
