import { read, write } from '../shared/contract'
import type { Page } from '../shared/text'
import {
  noticeIdSchema,
  noticeListSchema,
  noticePublishSchema,
  noticeUnconfirmedSchema,
  type Notice,
  type NoticeListPage,
  type NoticeStats,
  type NoticeUnconfirmedItem,
} from '.'

export const noticesContract = {
  'notice.publish': write(noticePublishSchema).returns<Notice>(),
  'notice.list': read(noticeListSchema).returns<NoticeListPage>(),
  'notice.get': read(noticeIdSchema).returns<Notice>(),
  'notice.confirm': write(noticeIdSchema).returns<{ confirmedAt: string }>(),
  'notice.stats': read(noticeIdSchema).returns<NoticeStats>(),
  /** who has not confirmed an important notice, grid by grid (audited when phones are shown in full) */
  'notice.unconfirmed': read(noticeUnconfirmedSchema).returns<Page<NoticeUnconfirmedItem>>(),
  'notice.withdraw': write(noticeIdSchema).returns<{ withdrawnAt: string }>(),
}
