import { noticesContract } from '@/domain/notices/contract'
import type { Handlers } from '../shared/handlers'
import { confirmNotice } from './confirmNotice'
import { listMyNotices } from './listNotices'
import { listUnconfirmed } from './listUnconfirmed'
import { publishNotice } from './publishNotice'
import { readNotice } from './readNotice'
import { viewNoticeStats } from './noticeStats'
import { withdrawNotice } from './withdrawNotice'

export const noticesHandlers: Handlers<typeof noticesContract> = {
  'notice.publish': publishNotice,
  'notice.list': listMyNotices,
  'notice.get': readNotice,
  'notice.confirm': confirmNotice,
  'notice.stats': viewNoticeStats,
  'notice.unconfirmed': listUnconfirmed,
  'notice.withdraw': withdrawNotice,
}
