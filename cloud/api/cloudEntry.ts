import type { ApiReply } from '@/domain/shared/envelope'
import { DEFAULT_MESSAGES } from '@/domain/shared/errors'
import { userForOpenid } from '../auth'
import type { Deps } from '../compose'
import { sendDueReminders } from '../reminders'
import { dispatch } from './dispatch'

/**
 * The shape of the future WeChat cloud-function door (a later issue brings the CloudBase store adapter).
 * It needs no wx-server-sdk here: the function's index.js passes the SDK's context getter in.
 *
 *   // cloudfunctions/api/index.js
 *   const cloud = require('wx-server-sdk')
 *   cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
 *   exports.main = makeCloudEntry(() => depsOnCloudBase(), () => cloud.getWXContext())
 *
 * `getDeps` comes from the composition (cloud/compose: its store engine and adapters for the cloud function),
 * built once per warm instance.
 *
 * Identity comes only from the platform (OPENID of the caller), never from the event; the `userInfo`
 * the platform adds to the event is dropped before the strict event schema sees it.
 *
 * Reminders: a timer trigger calls the same function with `{ Type: 'Timer', TriggerName, Time, Message }`
 * and no caller (no OPENID); that event runs the reminders sweep and nothing else. A mini-program call always
 * carries an OPENID, so a client cannot start the sweep (its event goes to the dispatcher, which refuses it).
 * The trigger, in cloudfunctions/api/config.json (every 5 minutes; the cron has seconds first and a year last):
 *
 *   { "triggers": [{ "name": "reminders", "type": "timer", "config": "0 0/5 * * * * *" }] }
 */
export function makeCloudEntry(getDeps: () => Promise<Deps>, wxContext: () => { OPENID?: string }) {
  return async function main(event: unknown): Promise<ApiReply> {
    const deps = await getDeps()
    if (isTimerEvent(event) && !wxContext().OPENID) {
      try {
        return { ok: true, data: await sendDueReminders(deps) }
      } catch (err) {
        deps.log.error({ err }, 'reminder sweep failed')
        return { ok: false, error: { code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL } }
      }
    }
    const { userInfo: _platform, ...apiEvent } = (typeof event === 'object' && event !== null ? event : {}) as Record<string, unknown>
    let caller: { userId: string } | null = null
    try {
      const openid = wxContext().OPENID
      if (openid) caller = { userId: (await userForOpenid(deps, openid)).id }
    } catch (err) {
      deps.log.error({ err }, 'cloud entry could not resolve the caller')
      return { ok: false, error: { code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL } }
    }
    return dispatch(apiEvent, caller, deps)
  }
}

/** The event of a CloudBase (SCF) timer trigger: `Type` is 'Timer' ('timer' in some documents). */
function isTimerEvent(event: unknown): boolean {
  const type = typeof event === 'object' && event !== null ? (event as { Type?: unknown }).Type : undefined
  return typeof type === 'string' && type.toLowerCase() === 'timer'
}
