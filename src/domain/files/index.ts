import { z } from 'zod'
import { plainString } from '../shared/text'

/**
 * Photos in WeChat 云开发's cloud storage (issue 14): the client uploads to a path the API names, the function
 * takes the file in (the same checks as the HTTP upload), and hands out temporary URLs for the signed photo links
 * of the report views, to whoever may see the report. The self-hosted server has none of these (its /upload and
 * /files routes do the same work over HTTP).
 */

/** file.uploadTarget: where the next photo goes in cloud storage (Taro.cloud.uploadFile's cloudPath). */
export interface UploadTarget {
  cloudPath: string
}

/** file.fromCloud: the cloud file the client uploaded there (Taro.cloud.uploadFile's fileID). */
export const fromCloudSchema = z.strictObject({
  fileID: plainString(512, '图片文件标识').refine((s) => s.length > 0, { message: '缺少图片文件' }),
})

/** At most this many photo links per file.links call (a screen's worth). */
export const MAX_LINKS_PER_CALL = 30

/** file.links: the signed photo links of report views (`/files/<id>?e=&s=`), in the order the screen shows them. */
export const linksSchema = z.strictObject({
  links: z
    .array(plainString(512, '图片链接'))
    .min(1, '缺少图片链接')
    .max(MAX_LINKS_PER_CALL, `一次最多 ${MAX_LINKS_PER_CALL} 张图片`),
})

/** One link's temporary URL: null when the link is refused (forged, expired, or the report no longer visible). */
export interface TempLink {
  url: string | null
  /** when the URL stops working (ISO time); null with a refused link */
  expiresAt: string | null
}

export interface TempLinks {
  items: TempLink[]
}
