import type { ReminderSource } from '../source'
import { motionClosing } from './motionClosing'
import { shiftEvening, shiftHourBefore } from './shiftReminders'

/** Every source the sweep asks, in order. A new kind of reminder: a file beside this one and a line here. */
export const REMINDER_SOURCES: ReminderSource[] = [motionClosing, shiftEvening, shiftHourBefore]
