import { Text, View } from '@tarojs/components'
import type { MessageView } from '@/domain/messages'
import { ActionButton } from '@/components/ActionButton'
import { PagedList } from '@/components/PagedList'
import { fromNow } from '@/components/time'
import type { useMessages } from '../useMessages'
import './MessagesScreen.scss'

interface Props {
  list: ReturnType<typeof useMessages>
  /** staff are told of work (new reports, 督办, 上报), residents of their reports, votes and shifts */
  staff?: boolean
  onOpen: (m: MessageView) => void
}

/** 消息: newest first, unread ones with a dot and the word 未读; 全部已读 at the top. */
export function MessagesScreen({ list, staff = false, onOpen }: Props) {
  const unread = list.unread ?? list.items.filter((m) => !m.read).length
  return (
    <View className='gz-page messages' data-testid='messages-screen'>
      {list.status === 'ready' && list.items.length > 0 ? (
        <View className='messages__head'>
          <Text
            className={`messages__count${unread > 0 ? ' messages__count--unread' : ''}`}
            data-testid='messages-unread'
          >
            {unread > 0 ? `${unread} 条未读` : '全部已读'}
          </Text>
          {unread > 0 ? (
            <ActionButton
              kind='secondary'
              loading={list.markingAll}
              loadingText='正在标记…'
              testid='messages-read-all'
              onClick={() => void list.markAllRead()}
            >
              全部已读
            </ActionButton>
          ) : null}
        </View>
      ) : null}
      {list.markError ? (
        <View className='gz-banner gz-banner--error' data-testid='messages-mark-error'>
          <Text>没有标记成功：{list.markError.message}</Text>
        </View>
      ) : null}
      <PagedList
        list={list}
        emptyText='还没有消息'
        emptyHint={staff ? '有新问题要受理、问题被督办或上报给您时，会在这里通知您。' : '您上报的问题有进展、议题开始表决、巡逻快开始时，会在这里通知您。'}
        refreshWhenEmpty
      >
        <View className='messages__list' data-testid='messages-list'>
          {list.items.map((m) => (
            <View
              key={m.id}
              className={`messages__item${m.read ? '' : ' messages__item--unread'}`}
              hoverClass='messages__item--pressed'
              role='link'
              data-testid='message'
              data-id={m.id}
              onClick={() => onOpen(m)}
            >
              <View className='messages__title-row'>
                {m.read ? null : (
                  <View className='messages__dot' aria-hidden='true' data-testid='message-dot' />
                )}
                <Text className='messages__title'>{m.title}</Text>
              </View>
              <Text className='messages__body'>{m.body}</Text>
              <View className='messages__meta'>
                <Text>{fromNow(m.createdAt)}</Text>
                <Text className={m.read ? 'messages__read' : 'messages__unread'} data-testid='message-state'>
                  {m.read ? '已读' : '未读'}
                </Text>
              </View>
            </View>
          ))}
        </View>
      </PagedList>
    </View>
  )
}
