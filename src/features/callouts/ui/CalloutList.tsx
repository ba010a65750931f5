import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { LinkRow } from '@/components/LinkRow'
import { ListState } from '@/components/ListState'
import { Tag } from '@/components/Tag'
import { CALLOUT_ANSWER_LABELS, CALLOUT_KIND_LABELS, CALLOUT_PHASE_LABELS, type CalloutView } from '@/domain/callouts'
import { whenText } from '../format'
import { useCalloutList } from '../useCalloutList'
import './callouts.scss'

interface Props {
  userId: string
  /** the committee: the 发起动员 button */
  committee: boolean
  onOpen: (id: string) => void
  onIssue: () => void
}

function hintOf(c: CalloutView): string {
  const mine = c.my ? (c.my.answer ? `我：${CALLOUT_ANSWER_LABELS[c.my.answer]}` : '我：未回复') : `能来 ${c.answers.yes} / 共 ${c.recipients} 人`
  return `${whenText(c)} · ${mine}`
}

/** 社会动员: open call-outs first. Staff see their community's (with answers so far), anyone else those sent to them. */
export function CalloutList({ userId, committee, onOpen, onIssue }: Props) {
  const list = useCalloutList(userId)
  const items = list.data?.items ?? []
  return (
    <View className='gz-page callout' data-testid='callout-list'>
      {committee ? (
        <ActionButton kind='primary' size='large' block testid='callout-issue' onClick={onIssue}>
          发起动员
        </ActionButton>
      ) : null}
      <Card>
        <ListState
          status={list.status}
          error={list.error}
          isEmpty={items.length === 0}
          emptyText={committee ? '还没有发起过动员' : '目前没有发给您的动员'}
          emptyHint={committee ? '防汛值守、扫雪除冰、集中筛查时，点“发起动员”通知志愿者和居民' : '社区需要人手时会在这里和消息里通知您'}
          onRefresh={() => void list.reload()}
          onRetry={() => void list.reload()}
        >
          {items.map((c) => (
            <LinkRow
              key={c.id}
              label={`【${CALLOUT_KIND_LABELS[c.kind]}】${c.title}`}
              hint={hintOf(c)}
              extra={<Tag tone={c.phase === 'ongoing' ? 'green' : c.phase === 'upcoming' ? 'blue' : 'grey'}>{CALLOUT_PHASE_LABELS[c.phase]}</Tag>}
              testid={`callout-${c.id}`}
              onClick={() => onOpen(c.id)}
            />
          ))}
        </ListState>
        {list.data?.nextCursor ? (
          <ActionButton kind='plain' block testid='callout-more' loading={list.loadingMore} loadingText='正在加载…' onClick={() => void list.loadMore()}>
            加载更多
          </ActionButton>
        ) : null}
        {list.moreError ? <Text className='callout__error'>{list.moreError.message}</Text> : null}
      </Card>
    </View>
  )
}
