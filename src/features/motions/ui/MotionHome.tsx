import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { LinkRow } from '@/components/LinkRow'
import { ListState } from '@/components/ListState'
import { PagedList } from '@/components/PagedList'
import type { Me } from '@/domain/auth'
import { motionViewer, type MotionViewer } from '../format'
import type { MotionLists } from '../useMotionList'
import { MotionCard } from './MotionCard'
import './MotionHome.scss'

interface MotionHomeProps {
  lists: MotionLists
  me: Me
  committee: boolean
  onOpen: (id: string) => void
  onDraft: () => void
  onRules: () => void
}

/** 议事: open motions first (phase, time left, my status), then the closed ones with their result, and 现行村规民约. */
/** What an empty list of open motions means to each viewer. */
const OPEN_EMPTY_HINT: Record<MotionViewer, string> = {
  resident: '有新议题时会在这里和消息里通知您',
  unverified: '有新议题时会显示在这里',
  committee: '点上方“发起议题”，起草后发布征求意见',
  staff: '社区/村委会发起议题后会显示在这里',
}

export function MotionHome({ lists, me, committee, onOpen, onDraft, onRules }: MotionHomeProps) {
  const { open, closed } = lists
  const viewer = motionViewer(me)
  const openItems = open.data?.items ?? []
  return (
    <View className='gz-page vote-home' data-testid='vote-home'>
      {committee ? (
        <ActionButton kind='primary' size='large' block testid='motion-new' onClick={onDraft}>
          发起议题
        </ActionButton>
      ) : null}
      {viewer === 'unverified' ? (
        <View className='gz-banner gz-banner--info' data-testid='vote-unverified'>
          <Text>认证为本社区住户后，才能对议题提意见和投票。可在“我的”里申请认证。</Text>
        </View>
      ) : null}
      <View className='vote-home__card'>
        <LinkRow label='现行村规民约 / 居民公约' hint='表决通过、正在施行的版本和历次修订' testid='link-rules' onClick={onRules} />
      </View>

      <Text className='vote-home__section'>正在进行</Text>
      {open.error && open.data ? (
        <View className='gz-banner gz-banner--error'>
          <Text>刷新没有成功：{open.error.message}</Text>
        </View>
      ) : null}
      <ListState
        status={open.data ? 'ready' : open.status}
        error={open.error}
        isEmpty={openItems.length === 0}
        emptyText='现在没有征求意见或表决中的议题'
        emptyHint={OPEN_EMPTY_HINT[viewer]}
        skeletonRows={2}
        onRetry={() => void open.reload()}
      >
        <View data-testid='open-list'>
          {openItems.map((m) => (
            <MotionCard key={m.id} motion={m} viewer={viewer} onOpen={onOpen} />
          ))}
        </View>
        {open.data?.more ? <Text className='gz-muted'>进行中的议题较多，只显示了前 100 个</Text> : null}
      </ListState>

      <Text className='vote-home__section'>已结束</Text>
      <PagedList list={closed} refreshError='footer' emptyText='还没有表决结束的议题' skeletonRows={2}>
        <View data-testid='closed-list'>
          {closed.items.map((m) => (
            <MotionCard key={m.id} motion={m} viewer={viewer} onOpen={onOpen} />
          ))}
        </View>
      </PagedList>
    </View>
  )
}
