import { z } from 'zod'
import { hasControl, idSchema, isoTime, multilineText, pageSchema, text, type Page } from '../shared/text'

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

/** notice.unconfirmed: one grid of the notice's scope, or all of them; its cursor holds an address, so it is longer. */
export const noticeUnconfirmedSchema = z.strictObject({
  id: idSchema,
  gridId: idSchema.optional(),
  cursor: z.string().max(800, { abort: true }).refine((s) => !hasControl(s), { message: '分页参数不正确' }).optional(),
  limit: pageSchema.limit,
})
export type NoticeUnconfirmedInput = z.infer<typeof noticeUnconfirmedSchema>

export type NoticeState = 'scheduled' | 'live' | 'expired' | 'withdrawn'

export interface NoticeSummary {
  id: string
  /** the community that published it (street staff list several) */
  communityName: string
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
  /** the caller may read it now (live), has not opened it, and did not write it */
  unread: boolean
  confirmed: boolean
  /** may the caller tap 已知晓 now (of its audience, while it is live); the card says 需确认 only then */
  canConfirm: boolean
  excerpt: string
}

export interface Notice extends NoticeSummary {
  /** the names of `gridIds`, in the community's order; null = whole community */
  gridNames: string[] | null
  body: string
  authorName: string
  confirmedAt: string | null
}

/** A page of notice.list; `unread` counts the notices of the caller's list that are unread to them (see NoticeSummary.unread). */
export interface NoticeListPage extends Page<NoticeSummary> {
  unread: number
}

/**
 * The figures of a notice. `audience` (应读) counts people, not households: the residents and volunteers placed
 * in a grid of its scope (people the committee registered without a smartphone included). The roster's
 * households are counted beside it: `households` in scope, of which `householdsWithoutAccount` have nobody in
 * the audience. `unconfirmed` is the length of notice.unconfirmed's list: audience − confirmed + those households.
 */
export interface NoticeFigures {
  audience: number
  read: number
  confirmed: number
  households: number
  householdsWithoutAccount: number
  unconfirmed: number
}

export interface NoticeGridStats extends NoticeFigures {
  gridId: string
  gridName: string
}

export interface NoticeStats extends NoticeFigures {
  /** asks its audience to confirm (已知晓) */
  important: boolean
  byGrid: NoticeGridStats[]
}

/**
 * One line of the list to phone or visit (notice.unconfirmed): a person of the audience who has not confirmed,
 * or a roster household where nobody is in the audience. Names, phones and addresses as the privacy rules allow
 * the caller (masked otherwise; address null).
 */
export interface NoticeUnconfirmedItem {
  kind: 'person' | 'household'
  /** the user (person) or the household */
  id: string
  /** the person's name, or the household's 户主 */
  name: string
  /** the person's own phone, else their household's phone on the roster (phoneOfHousehold) */
  phone: string | null
  phoneOfHousehold: boolean
  gridId: string
  gridName: string
  address: string | null
  /** opened it, not confirmed */
  read: boolean
  /** registered by the committee for someone without a smartphone: can only be told in person or by phone */
  rosterOnly: boolean
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
