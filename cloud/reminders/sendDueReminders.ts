import type { Deps } from './ports'
import { settle } from '../motions'
import { grantAutoClosedPatrols } from '../points'
import { sendOutbound } from '../shared/outbound'
import type { ReminderSource } from './source'
import { REMINDER_SOURCES } from './sources'

/**
 * The reminders sweep (the server runs it every few minutes, the cloud function on a timer trigger): asks each
 * source what is due now (after moving every motion's phase on by its scheduled times) and sends each reminder through the store's one atomic method (ledger row + in-app
 * messages, once per key however many sweeps overlap), then through the other channels (subscribe messages)
 * after the commit. A failing source or reminder is logged and the rest go on.
 */
export async function sendDueReminders(
  deps: Deps,
  sources: ReminderSource[] = REMINDER_SOURCES,
): Promise<{ sent: { key: string; recipients: number }[] }> {
  const now = deps.clock.now()
  const at = now.toISOString()
  const sent: { key: string; recipients: number }[] = []
  // phases move on time even where nobody reads: 表决开始 and the result messages go out with the sweep
  try {
    await settle(deps, { everywhere: true })
  } catch (err) {
    deps.log.error({ err }, 'motion phases not settled')
  }
  // 积分制: patrol hours of attendances closed at the shift's end (nobody tapped 签退) earn their points here
  try {
    await grantAutoClosedPatrols(deps)
  } catch (err) {
    deps.log.error({ err }, 'patrol points not granted')
  }
  for (const source of sources) {
    let due
    try {
      due = await source.due(deps, now)
    } catch (err) {
      deps.log.error({ err, source: source.name }, 'reminder source failed')
      continue
    }
    for (const reminder of due) {
      try {
        const outcome = await deps.store.reminders.send(reminder, at, () => deps.ids.newId())
        if (outcome.kind !== 'sent') continue
        sent.push({ key: reminder.key, recipients: outcome.messages.length })
        await sendOutbound(deps, outcome.messages)
      } catch (err) {
        deps.log.error({ err, key: reminder.key }, 'reminder failed')
      }
    }
  }
  return { sent }
}
