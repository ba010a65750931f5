import { read, write } from '../shared/contract'
import {
  shiftCancelSchema,
  shiftCheckinSchema,
  shiftCreateSchema,
  shiftIdSchema,
  shiftListSchema,
  shiftLogSchema,
  type CheckinResult,
  type CheckoutResult,
  type ShiftDetail,
  type ShiftListPage,
  type ShiftView,
  type SignupResult,
} from '.'

/** 群防群治 patrols: shifts, seats and waitlists, on-site check-in, patrol logs. */
export const patrolsContract = {
  'shift.create': write(shiftCreateSchema).returns<{ shifts: ShiftView[] }>(),
  'shift.cancel': write(shiftCancelSchema).returns<ShiftView>(),
  'shift.list': read(shiftListSchema).returns<ShiftListPage>(),
  'shift.get': read(shiftIdSchema).returns<ShiftDetail>(),
  'shift.signup': write(shiftIdSchema).returns<SignupResult>(),
  'shift.withdraw': write(shiftIdSchema).returns<{ status: 'withdrawn' }>(),
  'shift.checkin': write(shiftCheckinSchema).returns<CheckinResult>(),
  'shift.checkout': write(shiftIdSchema).returns<CheckoutResult>(),
  'shift.log': write(shiftLogSchema).returns<{ logId: string; reportId?: string }>(),
}
