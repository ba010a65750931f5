/** The public entry of the reminders sweep: run it once (the cloud function's timer) or on a timer (the server). */
export { sendDueReminders } from './sendDueReminders'
export { scheduleReminderSweep } from './schedule'
export type { ReminderRepo, RemindersStore } from './ports'
