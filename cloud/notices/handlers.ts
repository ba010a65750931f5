import { noticesContract } from '@/domain/notices/contract'
import type { Handlers } from '../shared/handlers'
import type { Deps } from './ports'
import { confirmNotice } from './confirmNotice'
import { listMyNotices } from './listMyNotices'
import { listUnconfirmed } from './listUnconfirmed'
import { publishNotice } from './publishNotice'
import { readNotice } from './readNotice'
import { viewNoticeStats } from './viewNoticeStats'
import { withdrawNotice } from './withdrawNotice'

export const noticesHandlers: Handlers<typeof noticesContract, Deps> = {
  'notice.publish': publishNotice,
  'notice.list': listMyNotices,
  'notice.get': readNotice,
  'notice.confirm': confirmNotice,
  'notice.stats': viewNoticeStats,
  'notice.unconfirmed': listUnconfirmed,
  'notice.withdraw': withdrawNotice,
}
