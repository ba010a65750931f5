import type { ImageCheck } from '../../files/ports'
import { cloudErrCode, type CloudOpenapiReply } from './cloudOpenapi'

/** The part of `cloud.openapi` used here: security.mediaCheckAsync (its permission is in config.json). */
export interface CloudMediaCheckApi {
  security: {
    mediaCheckAsync(args: {
      mediaUrl: string
      mediaType: number
      version: number
      openid: string
      scene: number
    }): Promise<CloudOpenapiReply & { traceId?: string; trace_id?: string }>
  }
}

/** media_type 2: an image; scene 3: 论坛 (what residents post for their neighbours to see). */
const IMAGE = 2
const FORUM = 3

/** Why an image check could not be asked for: WeChat's errcode, or null when WeChat was not reached. */
export class ImageCheckUnavailable extends Error {
  constructor(readonly errcode: number | null, errmsg?: string) {
    super(`mediaCheckAsync failed${errcode === null ? '' : ` (${errcode}${errmsg ? ` ${errmsg}` : ''})`}`)
    this.name = 'ImageCheckUnavailable'
  }
}

/**
 * security.mediaCheckAsync (version 2) through the cloud function's 云调用: WeChat fetches the image from a temporary
 * address of the photo in cloud storage (`urlOf`, getTempFileURL) and
 * answers within about 30 minutes by the `wxa_media_check` push (recordImageCheck); here only its trace id. Any
 * failure is ImageCheckUnavailable: the photo stays pending and the sweep asks again.
 */
export function cloudImageCheck(openapi: CloudMediaCheckApi, urlOf: (path: string) => Promise<string | null>): ImageCheck {
  return {
    async ask({ path, openid }) {
      let url: string | null
      try {
        url = await urlOf(path)
      } catch {
        url = null
      }
      if (!url) throw new ImageCheckUnavailable(null, 'no address for the photo')
      let reply: Awaited<ReturnType<CloudMediaCheckApi['security']['mediaCheckAsync']>>
      try {
        reply = await openapi.security.mediaCheckAsync({ mediaUrl: url, mediaType: IMAGE, version: 2, openid, scene: FORUM })
      } catch (err) {
        throw new ImageCheckUnavailable(cloudErrCode(err), (err as { errMsg?: string } | null)?.errMsg)
      }
      const errcode = reply?.errCode ?? 0
      const traceId = reply?.traceId ?? reply?.trace_id
      if (errcode !== 0 || typeof traceId !== 'string' || traceId === '') throw new ImageCheckUnavailable(errcode || null, reply?.errMsg)
      return { traceId }
    },
  }
}
