import { z } from 'zod'
import { idSchema, isoTime, multilineText, pageSchema, text, type Page } from '../shared/text'

export const NOTICE_CATEGORIES = ['notice', 'policy', 'safety', 'event'] as const
export type NoticeCategory = (typeof NOTICE_CATEGORIES)[number]

export const NOTICE_CATEGORY_LABELS: Record<NoticeCategory, string> = {
  notice: '通知',
  policy: '政策宣传',
  safety: '防范提示',
  event: '活动',
}

export const noticePublishSchema = z
  .strictObject({
    title: text(1, 60, '标题'),
    body: multilineText(1, 5000, '正文'),
    category: z.enum(NOTICE_CATEGORIES, { message: '请选择类别' }),
    gridIds: z.array(idSchema).min(1, { message: '请至少选择一个网格' }).max(50).optional(),
    pinned: z.boolean().optional(),
    important: z.boolean().optional(),
    publishAt: isoTime.optional(),
    expireAt: isoTime.optional(),
  })
  .refine((n) => !n.publishAt || !n.expireAt || Date.parse(n.expireAt) > Date.parse(n.publishAt), {
    message: '失效时间必须晚于发布时间',
    path: ['expireAt'],
  })
export type NoticePublishInput = z.input<typeof noticePublishSchema>
export type NoticePublish = z.output<typeof noticePublishSchema>

export const noticeListSchema = z.strictObject({ ...pageSchema })
export type NoticeListInput = z.infer<typeof noticeListSchema>

export const noticeIdSchema = z.strictObject({ id: idSchema })
export type NoticeIdInput = z.infer<typeof noticeIdSchema>

export type NoticeState = 'scheduled' | 'live' | 'expired' | 'withdrawn'

export interface NoticeSummary {
  id: string
  title: string
  category: NoticeCategory
  pinned: boolean
  important: boolean
  /** grids in scope; null = whole community */
  gridIds: string[] | null
  publishAt: string
  expireAt: string | null
  state: NoticeState
  read: boolean
  confirmed: boolean
  excerpt: string
}

export interface Notice extends NoticeSummary {
  body: string
  authorName: string
  confirmedAt: string | null
  /** may the caller tap 已知晓 */
  canConfirm: boolean
}

/** A page of notice.list; `unread` counts every live notice in the caller's scope they have not opened. */
export interface NoticeListPage extends Page<NoticeSummary> {
  unread: number
}

export interface NoticeGridStats {
  gridId: string
  gridName: string
  audience: number
  read: number
  confirmed: number
}

export interface NoticeStats {
  audience: number
  read: number
  confirmed: number
  byGrid: NoticeGridStats[]
}

/** A notice is live when published, not yet expired and not withdrawn. */
export function noticeState(
  n: { publishAt: string; expireAt: string | null; withdrawnAt: string | null },
  now: Date,
): NoticeState {
  if (n.withdrawnAt) return 'withdrawn'
  if (Date.parse(n.publishAt) > now.getTime()) return 'scheduled'
  if (n.expireAt && Date.parse(n.expireAt) <= now.getTime()) return 'expired'
  return 'live'
}

export const NOTICE_STATE_LABELS: Record<NoticeState, string> = {
  scheduled: '待发布',
  live: '已发布',
  expired: '已过期',
  withdrawn: '已撤回',
}

export function excerptOf(body: string, chars = 60): string {
  const flat = body.replace(/\s+/g, ' ').trim()
  const cps = [...flat]
  return cps.length > chars ? cps.slice(0, chars).join('') + '…' : flat
}
