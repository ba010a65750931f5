import type { ApiReply } from '@/domain/envelope'
import { DEFAULT_MESSAGES } from '@/domain/errors'
import { userForOpenid } from '../auth/wxLogin'
import type { Deps } from '../deps'
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
 * Identity comes only from the platform (OPENID of the caller), never from the event; the `userInfo`
 * the platform adds to the event is dropped before the strict event schema sees it.
 */
export function makeCloudEntry(getDeps: () => Promise<Deps>, wxContext: () => { OPENID?: string }) {
  return async function main(event: unknown): Promise<ApiReply> {
    const deps = await getDeps()
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
