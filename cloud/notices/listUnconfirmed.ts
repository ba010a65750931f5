import { z } from 'zod'
import { addressText } from '@/domain/residents/address'
import { AppError } from '@/domain/shared/errors'
import { maskName, maskPhone } from '@/domain/shared/mask'
import type { NoticeUnconfirmedInput, NoticeUnconfirmedItem } from '@/domain/notices'
import type { Page } from '@/domain/shared/text'
import { seesInFull } from '../residents'
import type { UserRecord } from '../shared/ports'
import type { NoticeUnconfirmedRecord, UserCtx } from './ports'
import { decodeKey, encodeKey } from '../shared/cursor'
import { noticeFor } from './access'
import { canManage, isTierAbove } from './policy'

const cursorSchema = z.tuple([
  z.number().int(),
  z.string().max(64),
  z.string().max(200),
  z.enum(['person', 'household']),
  z.string().max(64),
])

/**
 * notice.unconfirmed — the clerk (or the street above) lists who has not confirmed an important notice, to phone
 * or visit: the audience's people who have not tapped 已知晓 and the roster's households in scope where nobody is
 * in the audience, grid by grid. Names, phones and addresses go in full only to whom cloud/residents/policy.ts
 * allows; a page with phones in full is audited in the read's transaction (like a roster export).
 */
export async function listUnconfirmed(input: NoticeUnconfirmedInput, ctx: UserCtx): Promise<Page<NoticeUnconfirmedItem>> {
  const { deps, user } = ctx
  const n = await noticeFor(input.id, ctx, (x) => canManage(user, x) || isTierAbove(user, x), '只有社区、街道、区或市的工作人员可以查看未确认名单')
  if (!n.important) throw new AppError('CONFLICT', '这条通知不需要居民确认已知晓')
  if (input.gridId && n.gridIds && !n.gridIds.includes(input.gridId)) {
    throw new AppError('INVALID_INPUT', '这个网格不在通知的发布范围内', [{ path: 'gridId', message: '这个网格不在通知的发布范围内' }])
  }
  const limit = input.limit ?? 20
  const c = input.cursor ? decodeKey(cursorSchema, input.cursor) : null
  const at = deps.clock.now().toISOString()
  const rows = await deps.store.notices.unconfirmed(
    n.id,
    {
      gridId: input.gridId ?? null,
      limit: limit + 1,
      after: c ? { gridSeq: c[0], gridId: c[1], address: c[2], kind: c[3], id: c[4] } : null,
    },
    (found) => {
      const shown = found.slice(0, limit)
      const phones = shown.filter((r) => (r.phone ?? r.householdPhone) !== null && seesInFull(user, subject(r, n.communityId))).length
      if (phones === 0) return null
      return {
        at,
        actorId: user.id,
        action: 'notice.unconfirmed',
        targetType: 'notice',
        targetId: n.id,
        communityId: n.communityId,
        detail: { gridId: input.gridId ?? null, rows: shown.length, phones },
      }
    },
  )
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  return {
    items: page.map((r) => toItem(r, user, n.communityId)),
    nextCursor: rows.length > limit && last ? encodeKey([last.gridSeq, last.gridId, last.sortAddress, last.kind, last.id]) : null,
  }
}

const subject = (r: NoticeUnconfirmedRecord, communityId: string) => ({
  userId: r.kind === 'person' ? r.id : null,
  communityId,
  gridId: r.gridId,
})

function toItem(r: NoticeUnconfirmedRecord, viewer: UserRecord, communityId: string): NoticeUnconfirmedItem {
  const full = seesInFull(viewer, subject(r, communityId))
  const phone = r.phone ?? r.householdPhone
  return {
    kind: r.kind,
    id: r.id,
    name: full ? r.name : maskName(r.name),
    phone: phone === null ? null : full ? phone : maskPhone(phone),
    phoneOfHousehold: r.phone === null && r.householdPhone !== null,
    gridId: r.gridId,
    gridName: r.gridName,
    address: full && r.building !== null && r.room !== null ? addressText(r.building, r.unit, r.room) : null,
    read: r.read,
    rosterOnly: r.rosterOnly,
  }
}
