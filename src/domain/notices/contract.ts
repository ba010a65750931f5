import { read, write } from '../shared/contract'
import { noticeIdSchema, noticeListSchema, noticePublishSchema, type Notice, type NoticeListPage, type NoticeStats } from '.'

export const noticesContract = {
  'notice.publish': write(noticePublishSchema).returns<Notice>(),
  'notice.list': read(noticeListSchema).returns<NoticeListPage>(),
  'notice.get': read(noticeIdSchema).returns<Notice>(),
  'notice.confirm': write(noticeIdSchema).returns<{ confirmedAt: string }>(),
  'notice.stats': read(noticeIdSchema).returns<NoticeStats>(),
  'notice.withdraw': write(noticeIdSchema).returns<{ withdrawnAt: string }>(),
}
