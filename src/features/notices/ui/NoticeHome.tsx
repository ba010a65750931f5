import { Text, View } from '@tarojs/components'
import type { Me } from '@/domain/auth'
import { REPORT_LEVEL_OFFICES } from '@/domain/reports'
import { tierOf, type Tier } from '@/domain/shared/roles'
import { ActionButton } from '@/components/ActionButton'
import { PagedList } from '@/components/PagedList'
import { NoticeCard } from '@/components/NoticeCard'
import { hasRole } from '@/features/auth'
import { useCommunity } from '@/features/community'
import type { NoticeList } from '../useNoticeList'
import './NoticeHome.scss'

interface NoticeHomeProps {
  me: Me
  list: NoticeList
  committee: boolean
  onOpen: (id: string) => void
  onPublish: () => void
}

/** 首页 body: header with the unread count, 发布通知 for the committee, the list with its states. */
/** What an empty 首页 means to each viewer. */
function emptyHint(me: Me, committee: boolean, above: boolean): string {
  if (committee) return '点上方“发布通知”，让居民第一时间知道。'
  if (above) return '辖区各社区发布通知后，会显示在这里。'
  if (hasRole(me, 'gridWorker') && !hasRole(me, 'resident')) return '社区发给您负责网格的通知，会显示在这里。'
  return '社区发布新通知后，会显示在这里。'
}

export function NoticeHome({ me, list, committee, onOpen, onPublish }: NoticeHomeProps) {
  // street, district and city staff follow every community under them
  const tier = tierOf(me.roles)
  const above = tier !== null
  // staff list notices that are never unread to them (their own, scheduled ones): "all read" would not be true
  const allRead = committee || above ? '没有未读' : '全部已读'
  return (
    <View className='gz-page notice-home'>
      <View className='notice-home__header'>
        {tier === 'street' ? (
          <StreetHeading />
        ) : tier ? (
          <TierHeading tier={tier} />
        ) : (
          <View className='notice-home__heading'>
            <Text className='notice-home__community'>{me.communityName || '我的社区'}</Text>
            <Text className='notice-home__title'>社区通知</Text>
          </View>
        )}
        {list.status === 'ready' && list.items.length > 0 ? (
          <Text
            className={`notice-home__count${list.unreadCount > 0 ? ' notice-home__count--unread' : ''}`}
            data-testid='unread-count'
          >
            {list.unreadCount > 0 ? `${list.unreadCount} 条未读` : allRead}
          </Text>
        ) : null}
      </View>

      {committee ? (
        <ActionButton kind='primary' size='large' block testid='publish-notice' onClick={onPublish}>
          发布通知
        </ActionButton>
      ) : null}

      <PagedList list={list} emptyText='暂时没有通知' emptyHint={emptyHint(me, committee, above)} refreshWhenEmpty footer={<NoticeFooter list={list} />}>
        <View className='notice-home__list' data-testid='notice-list'>
          {list.items.map((n) => (
            <NoticeCard key={n.id} notice={n} showState={committee || above} showCommunity={above} onOpen={onOpen} />
          ))}
        </View>
      </PagedList>
    </View>
  )
}

/** 加载更多 and 刷新 under the notices. */
function NoticeFooter({ list }: { list: NoticeList }) {
  return (
    <View className='notice-home__footer'>
      {list.loadMoreError ? (
        <Text className='notice-home__footer-error'>没有加载出来：{list.loadMoreError.message}</Text>
      ) : null}
      {list.hasMore ? (
        <ActionButton
          kind='secondary'
          block
          loading={list.loadingMore}
          loadingText='正在加载…'
          testid='load-more'
          onClick={() => void list.loadMore()}
        >
          {list.loadMoreError ? '重新加载' : '加载更多'}
        </ActionButton>
      ) : (
        <Text className='gz-muted'>没有更多通知了</Text>
      )}
      <ActionButton
        kind='plain'
        loading={list.refreshing}
        loadingText='正在刷新…'
        testid='refresh-list'
        onClick={() => void list.refresh()}
      >
        刷新
      </ActionButton>
    </View>
  )
}

function StreetHeading() {
  const community = useCommunity()
  return (
    <View className='notice-home__heading' data-testid='notice-home-street'>
      <Text className='notice-home__community'>{community.data?.streetName ?? '我的街道'}</Text>
      <Text className='notice-home__title'>辖区各社区通知</Text>
    </View>
  )
}

/** 区综治中心 / 市综治中心: the office, above the streets (community.get names only the street). */
function TierHeading({ tier }: { tier: Tier }) {
  return (
    <View className='notice-home__heading' data-testid={`notice-home-${tier}`}>
      <Text className='notice-home__community'>{REPORT_LEVEL_OFFICES[tier]}</Text>
      <Text className='notice-home__title'>辖区各社区通知</Text>
    </View>
  )
}
