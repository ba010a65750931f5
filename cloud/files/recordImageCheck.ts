import { z } from 'zod'
import type { Deps, FileRecord, PhotoCheck, PhotoCheckNotice } from './ports'

/**
 * WeChat's answer to security.mediaCheckAsync (version 2): the `wxa_media_check` push, which 云开发's 消息推送 hands
 * to the function as its event. Only the fields used are read; the rest of the push is WeChat's.
 */
const pushSchema = z.object({
  Event: z.literal('wxa_media_check'),
  trace_id: z.string().min(1).max(200),
  result: z.object({
    suggest: z.enum(['pass', 'review', 'risky']),
    label: z.union([z.number(), z.string()]).optional(),
  }),
})

/** The event is WeChat's image-check push (its shape is checked by recordImageCheck). */
export function isImageCheckPush(event: unknown): boolean {
  return typeof event === 'object' && event !== null && (event as { Event?: unknown }).Event === 'wxa_media_check'
}

/** Who else may see a photo: its uploader and the staff handling its report see it whatever the check says. */
export function photoShownToOthers(check: PhotoCheck): boolean {
  return check === 'none' || check === 'pass'
}

/** WeChat's labels (msgSecCheck/mediaCheckAsync v2), as the uploader reads why a photo was hidden. */
const LABEL_REASONS: Record<string, string> = {
  '20001': '涉及时政内容',
  '20002': '含色情内容',
  '20003': '含辱骂内容',
  '20006': '涉及违法犯罪',
  '20008': '涉嫌欺诈',
  '20012': '含低俗内容',
  '20013': '涉及版权问题',
}

export const RISKY_PHOTO_TITLE = '照片未通过内容安全检查'

function riskyNotice(deps: Pick<Deps, 'ids' | 'clock'>, label: string | null): PhotoCheckNotice {
  const reason = (label && LABEL_REASONS[label]) || '可能含有不适宜公开的内容'
  return {
    id: deps.ids.newId(),
    kind: 'report',
    title: RISKY_PHOTO_TITLE,
    body: `您上传的一张照片经微信内容安全检查${reason}，已对其他居民隐藏；办理的工作人员仍能看到，问题照常办理。`,
    createdAt: deps.clock.now().toISOString(),
  }
}

/**
 * A `wxa_media_check` push: the pending photo with its trace id takes the verdict; a risky one is hidden from
 * other residents and its uploader is told why (one transaction). An unknown trace id or a repeated push changes
 * nothing (the client never learns trace ids, so it cannot answer for WeChat). Malformed pushes are refused.
 */
export async function recordImageCheck(deps: Deps, event: unknown): Promise<{ file: FileRecord | null }> {
  const push = pushSchema.safeParse(event)
  if (!push.success) return { file: null }
  const { trace_id: traceId, result } = push.data
  const label = result.label === undefined ? null : String(result.label)
  const notice = result.suggest === 'risky' ? riskyNotice(deps, label) : null
  const file = await deps.store.files.checkAnswered(traceId, result.suggest, label, notice)
  if (!file) deps.log.warn({ traceId }, 'image check push for no pending photo')
  return { file }
}
