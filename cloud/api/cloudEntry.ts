import type { ApiReply } from '@/domain/shared/envelope'
import { DEFAULT_MESSAGES } from '@/domain/shared/errors'
import { isPostgresUnavailable } from '../adapters/postgres/unavailable'
import { userForOpenid } from '../auth'
import { isImageCheckPush, recordImageCheck, sweepImageChecks, sweepOrphanPhotos } from '../files'
import type { Deps } from '../compose'
import { sendDueReminders } from '../reminders'
import { raiseWarnings } from '../warnings'
import { recheckHeldReports, type RecheckSummary } from '../reports'
import { dispatch } from './dispatch'
import { BODY_LIMIT } from './limits'

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
 * and no caller (no OPENID); that event runs the sweeps (reminders, then the recheck of reports held because
 * the content check was unavailable, then the image checks of photos still pending) and nothing else; the reply
 * is `{ sent, rechecked, imageChecks, photosSwept }` (uploads no report took within a day are removed here: the
 * cloud has no server to sweep them). A mini-program call always carries an OPENID, so a client cannot start
 * the sweep (its event goes to the dispatcher, which refuses it).
 * The trigger, in cloudfunctions/api/config.json (every 5 minutes; the cron has seconds first and a year last):
 *
 *   { "triggers": [{ "name": "reminders", "type": "timer", "config": "0 0/5 * * * * *" }] }
 */
/** What cloud.getWXContext() gives: the caller's OPENID (none for a timer trigger), UNIONID when bound, the SOURCE. */
export interface WxContext {
  OPENID?: string
  UNIONID?: string
  SOURCE?: string
  /** the calling account's AppID in a cross-account call */
  FROM_APPID?: string
}

export function makeCloudEntry(getDeps: () => Promise<Deps>, wxContext: () => WxContext) {
  return async function main(event: unknown): Promise<ApiReply> {
    let deps: Deps
    try {
      deps = await getDeps()
    } catch (err) {
      // no store, no logger yet: the platform keeps the function's console
      console.error('cloud function could not start', err)
      const code = isPostgresUnavailable(err) || (err as Error | null)?.name === 'DatabaseUnreachableError' ? 'UNAVAILABLE' : 'INTERNAL'
      return { ok: false, error: { code, message: DEFAULT_MESSAGES[code] } }
    }
    if (isTimerEvent(event) && !wxContext().OPENID) {
      try {
        const reminders = await sendDueReminders(deps)
        const rechecked = await recheckOrLog(deps)
        const imageChecks = await imageChecksOrLog(deps)
        const warnings = await warningsOrLog(deps)
        return { ok: true, data: { ...reminders, rechecked, imageChecks, photosSwept: await orphansOrLog(deps), warningsRaised: warnings } }
      } catch (err) {
        deps.log.error({ err }, 'reminder sweep failed')
        return { ok: false, error: { code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL } }
      }
    }
    if (isImageCheckPush(event)) {
      // WeChat's answer to an image check (消息推送 to this function); a mini-program cannot send one
      if (notWechatPush(wxContext())) return { ok: false, error: { code: 'FORBIDDEN', message: DEFAULT_MESSAGES.FORBIDDEN } }
      try {
        const { file } = await recordImageCheck(deps, event)
        return { ok: true, data: { recorded: file !== null } }
      } catch (err) {
        deps.log.error({ err }, 'image check push failed')
        const code = deps.store.unavailable(err) ? 'UNAVAILABLE' : 'INTERNAL'
        return { ok: false, error: { code, message: DEFAULT_MESSAGES[code] } }
      }
    }
    if (Buffer.byteLength(JSON.stringify(event) ?? '') > BODY_LIMIT) {
      return { ok: false, error: { code: 'PAYLOAD_TOO_LARGE', message: DEFAULT_MESSAGES.PAYLOAD_TOO_LARGE } }
    }
    const { userInfo: _platform, ...apiEvent } = (typeof event === 'object' && event !== null ? event : {}) as Record<string, unknown>
    let caller: { userId: string } | null = null
    try {
      const openid = wxContext().OPENID
      if (openid) caller = { userId: (await userForOpenid(deps, openid)).id }
    } catch (err) {
      const code = deps.store.unavailable(err) ? 'UNAVAILABLE' : 'INTERNAL'
      deps.log.error({ err }, 'cloud entry could not resolve the caller')
      return { ok: false, error: { code, message: DEFAULT_MESSAGES[code] } }
    }
    return dispatch(apiEvent, caller, deps)
  }
}

/**
 * A call that is not WeChat's own push: from a mini-program, its developer tools or crawler (SOURCE is a chain like
 * 'wx_client,scf'; its first link), or from another account (FROM_APPID). The SOURCE of a real 消息推送 is not
 * documented; whatever it is, a push only counts with a trace id the function got from WeChat (recordImageCheck).
 */
function notWechatPush(ctx: WxContext): boolean {
  const first = (ctx.SOURCE ?? '').split(',')[0]!.trim()
  return !!ctx.FROM_APPID || ['wx_client', 'wx_devtools', 'wx_localdebug', 'wx_crawler'].includes(first)
}

/** The event of a CloudBase (SCF) timer trigger: `Type` is 'Timer' ('timer' in some documents). */
function isTimerEvent(event: unknown): boolean {
  const type = typeof event === 'object' && event !== null ? (event as { Type?: unknown }).Type : undefined
  return typeof type === 'string' && type.toLowerCase() === 'timer'
}

/** The recheck sweep after the reminders: its failure is logged and does not undo what the reminders sent. */
async function recheckOrLog(deps: Deps): Promise<RecheckSummary | null> {
  try {
    return await recheckHeldReports(deps)
  } catch (err) {
    deps.log.error({ err }, 'content recheck sweep failed')
    return null
  }
}

/** The image checks asked for again after the rechecks (the number asked); a failure is logged like the recheck's. */
async function orphansOrLog(deps: Deps): Promise<number | null> {
  try {
    return (await sweepOrphanPhotos(deps)).removed
  } catch (err) {
    deps.log.error({ err }, 'photo sweep failed')
    return null
  }
}

async function imageChecksOrLog(deps: Deps): Promise<number | null> {
  try {
    return await sweepImageChecks(deps)
  } catch (err) {
    deps.log.error({ err }, 'image check sweep failed')
    return null
  }
}

/** The warnings sweep (预测预警, issue 18; once per key however often it runs): the number raised; a failure is logged. */
async function warningsOrLog(deps: Deps): Promise<number | null> {
  try {
    return (await raiseWarnings(deps)).raised.length
  } catch (err) {
    deps.log.error({ err }, 'warning sweep failed')
    return null
  }
}
