import { View } from '@tarojs/components'
import { Card } from '@/components/Card'
import { LinkRow } from '@/components/LinkRow'
import { Tag } from '@/components/Tag'
import { ROUTES } from '@/services/routes'
import { badgeText, useUnreadMessages } from '@/features/messages'
import { go } from './go'
import { POINTS_ROUTES } from '@/features/points'

/** 消息 with the unread count (also on the 我的 tab), and 我的上报. */
export function MessagesCard({ shownAt, staff }: { shownAt: number; staff: boolean }) {
  const { unread } = useUnreadMessages({ badge: true, refreshKey: shownAt })
  return (
    <Card>
      <View data-testid='me-messages'>
        <LinkRow
          label='消息'
          hint={staff ? '新问题、督办和上报的通知' : '问题进展、表决和巡逻的通知'}
          extra={
            unread ? (
              <Tag tone='red' testid='me-unread'>
                {`${badgeText(unread)} 条未读`}
              </Tag>
            ) : null
          }
          testid='link-messages'
          onClick={() => go(ROUTES.messages)}
        />
        <LinkRow label='我的上报' hint='随手拍上报的问题和办理进度' testid='link-report-mine' onClick={() => go(ROUTES.reportMine)} />
        <LinkRow label='我的积分' hint='积分明细、积分超市和本月积分榜' testid='link-points-mine' onClick={() => go(POINTS_ROUTES.mine)} />
      </View>
    </Card>
  )
}
