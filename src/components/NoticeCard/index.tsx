import { Text, View } from '@tarojs/components'
import { NOTICE_STATE_LABELS, type NoticeState, type NoticeSummary } from '@/domain/notices'
import { CategoryTag } from '../CategoryTag'
import { Tag, type TagTone } from '../Tag'
import { formatDateTime, fromNow } from '../time'
import './index.scss'

const STATE_TONES: Record<NoticeState, TagTone> = {
  scheduled: 'amber',
  live: 'green',
  expired: 'grey',
  withdrawn: 'grey',
}

interface NoticeCardProps {
  notice: NoticeSummary
  /** committee and street: show 待发布 / 已发布 / 已过期 */
  showState?: boolean
  /** street: which community published it */
  showCommunity?: boolean
  onOpen: (id: string) => void
}

/**
 * One notice in the list: category, pinned, 需确认, title, excerpt, time, read or not (in words). 未读 is the
 * server's word for this viewer (live, not opened, not their own); a notice that is neither (a scheduled one,
 * one they wrote) says neither.
 */
export function NoticeCard({ notice, showState = false, showCommunity = false, onOpen }: NoticeCardProps) {
  const unread = notice.unread
  return (
    <View
      className={`gz-notice-card${unread ? ' gz-notice-card--unread' : ''}`}
      hoverClass='gz-notice-card--pressed'
      role='link'
      data-testid='notice-card'
      data-id={notice.id}
      onClick={() => onOpen(notice.id)}
    >
      <View className='gz-notice-card__tags'>
        {showCommunity ? (
          <Tag tone='grey' testid='notice-community'>
            {notice.communityName}
          </Tag>
        ) : null}
        <CategoryTag category={notice.category} />
        {notice.pinned ? (
          <Tag tone='blue' testid='notice-pinned'>
            置顶
          </Tag>
        ) : null}
        {notice.important && !notice.confirmed && notice.canConfirm ? (
          <Tag tone='red' testid='notice-needs-confirm'>
            需确认
          </Tag>
        ) : null}
        {notice.important && !notice.confirmed && !notice.canConfirm ? (
          <Tag tone='red' testid='notice-important'>
            重要
          </Tag>
        ) : null}
        {notice.important && notice.confirmed ? (
          <Tag tone='green' testid='notice-confirmed'>
            已确认
          </Tag>
        ) : null}
        {showState ? (
          <Tag tone={STATE_TONES[notice.state]} testid='notice-state'>
            {NOTICE_STATE_LABELS[notice.state]}
          </Tag>
        ) : null}
      </View>
      <View className='gz-notice-card__title-row'>
        {unread ? <View className='gz-notice-card__dot' /> : null}
        <Text className='gz-notice-card__title' data-testid='notice-title'>
          {notice.title}
        </Text>
      </View>
      {notice.excerpt ? <Text className='gz-notice-card__excerpt'>{notice.excerpt}</Text> : null}
      <View className='gz-notice-card__meta'>
        <Text className='gz-notice-card__time'>
          {notice.state === 'scheduled' ? `定于 ${formatDateTime(notice.publishAt)} 发布` : fromNow(notice.publishAt)}
        </Text>
        {unread ? (
          <Text className='gz-notice-card__unread' data-testid='notice-unread'>
            未读
          </Text>
        ) : notice.read ? (
          <Text className='gz-notice-card__read' data-testid='notice-read'>
            已读
          </Text>
        ) : null}
      </View>
    </View>
  )
}
