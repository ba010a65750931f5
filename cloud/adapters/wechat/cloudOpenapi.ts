import { AppError } from '@/domain/shared/errors'
import type { WechatPhone } from '../../auth/ports'
import type { Logger, UserRepo } from '../../shared/ports'
import { PHONE_UNAVAILABLE, phoneFromReply, type PhoneInfo } from './phoneNumber'
import { subscribeNotifier, type SubscribeNotifier, type SubscribeTemplate } from './subscribeMessage'

/**
 * WeChat's services through the cloud function's 云调用 (wx-server-sdk's `cloud.openapi`): the platform signs the
 * call, so there is no appid, secret or access token in the cloud. Each call needs its permission in the
 * function's config.json (scripts/build-cloud.mjs writes it).
 *
 * The SDK answers `{ errCode: 0, errMsg, …reply in camelCase }` and rejects with its CloudSDKError (`errCode`,
 * `errMsg`) when WeChat answers an error; an error without a numeric errCode means WeChat was not reached.
 */
export interface CloudOpenapiReply {
  errCode?: number
  errMsg?: string
}

/** The part of `cloud.openapi` used here (typed locally: wx-server-sdk is the platform's, never a dependency here). */
export interface CloudOpenapi {
  subscribeMessage: {
    send(args: {
      touser: string
      templateId: string
      page: string
      miniprogramState: string
      lang: string
      data: Record<string, { value: string }>
    }): Promise<CloudOpenapiReply>
  }
  phonenumber: {
    getPhoneNumber(args: { code: string }): Promise<CloudOpenapiReply & { phoneInfo?: PhoneInfo }>
  }
}

/** WeChat's errcode carried by the SDK's error, or null when the error is not WeChat's answer. */
export function cloudErrCode(err: unknown): number | null {
  const raw = typeof err === 'object' && err !== null ? (err as { errCode?: unknown }).errCode : undefined
  const n = typeof raw === 'string' && /^-?\d+$/.test(raw) ? Number(raw) : raw
  return typeof n === 'number' && Number.isInteger(n) ? n : null
}

/** cloud.openapi.subscribeMessage.send: the same messages, templates and handling as the HTTPS channel. */
export function cloudSubscribeNotifier(
  openapi: Pick<CloudOpenapi, 'subscribeMessage'>,
  template: SubscribeTemplate,
  deps: { users: Pick<UserRepo, 'get'>; log: Logger },
): SubscribeNotifier {
  return subscribeNotifier(
    template,
    async (send) => {
      try {
        const reply = await openapi.subscribeMessage.send({ ...send })
        return { errcode: reply?.errCode ?? 0, errmsg: reply?.errMsg }
      } catch (err) {
        const errcode = cloudErrCode(err)
        if (!errcode) throw err
        return { errcode, errmsg: (err as { errMsg?: string }).errMsg }
      }
    },
    deps,
  )
}

/** 手机号快速验证 through cloud.openapi.phonenumber.getPhoneNumber({ code }); the same answers as over HTTPS. */
export function cloudPhoneNumber(openapi: Pick<CloudOpenapi, 'phonenumber'>): WechatPhone {
  return {
    async phoneNumber(code) {
      let reply: Awaited<ReturnType<CloudOpenapi['phonenumber']['getPhoneNumber']>>
      try {
        reply = await openapi.phonenumber.getPhoneNumber({ code })
      } catch (err) {
        const errcode = cloudErrCode(err)
        if (errcode === null) throw new AppError('INTERNAL', PHONE_UNAVAILABLE)
        return phoneFromReply(errcode, undefined)
      }
      return phoneFromReply(reply?.errCode ?? 0, reply?.phoneInfo)
    },
  }
}
