import { Text, View } from '@tarojs/components'
import { PagedList } from '@/components/PagedList'
import type { ReportFigures, ReportLevel } from '@/domain/reports'
import type { Remote } from '../../common/useRemote'
import type { useReportQueue } from '../useReportQueue'
import { ReportRow } from './ReportRow'
import './StaffScreens.scss'

/** Whose queue it is: what reaches it, in the words of the person who works it. */
export type QueueLevel = ReportLevel

const QUEUE_EMPTY: Record<QueueLevel, { text: string; hint: string }> = {
  grid: { text: '没有待办的问题', hint: '居民在您负责的网格上报的新问题会出现在这里。' },
  community: { text: '没有待社区办理的问题', hint: '网格员上报到社区的问题会出现在这里；各网格自己办理的问题在“问题总览”里查看。' },
  street: { text: '没有待街道办理的问题', hint: '社区上报到街道的问题会出现在这里；辖区的全部问题在“问题总览”里查看。' },
  district: { text: '没有待区综治中心办理的问题', hint: '街道上报到区综治中心的问题会出现在这里；全区的全部问题在“问题总览”里查看。' },
  city: { text: '没有待市综治中心办理的问题', hint: '各区上报到市综治中心的问题会出现在这里；全市的全部问题在“问题总览”里查看。' },
}

interface Props {
  list: ReturnType<typeof useReportQueue>
  /** report.counts: the figures above the list, counted with the list's own query */
  figures: Remote<ReportFigures>
  level: QueueLevel
  /** whose queue: 第一网格 / 社区 / 街道 / 区综治中心 / 市综治中心 */
  levelText: string
  onOpen: (id: string) => void
}

/** 待办问题: the handler's queue in the server's order (by deadline), overdue in red with how long. */
export function QueueScreen({ list, figures, level, levelText, onOpen }: Props) {
  const q = figures.data?.queue ?? null
  const empty = QUEUE_EMPTY[level]
  return (
    <View className='gz-page staff-screen' data-testid='queue-screen'>
      <Text className='staff-screen__intro'>{levelText}待办的问题，按期限先后排列。</Text>
      {q ? (
        <View className='staff-counts' data-testid='queue-counts'>
          <Figure label='待受理' n={q.submitted} testid='count-submitted' />
          <Figure label='处理中' n={q.accepted} testid='count-accepted' />
          <Figure label='已逾期' n={q.overdue} testid='count-overdue' late={q.overdue > 0} />
        </View>
      ) : null}
      <PagedList list={list} emptyText={empty.text} emptyHint={empty.hint} refreshWhenEmpty>
        <View className='staff-screen__list' data-testid='queue-list'>
          {list.items.map((r) => (
            <ReportRow key={r.id} report={r} onOpen={onOpen} />
          ))}
        </View>
      </PagedList>
    </View>
  )
}

function Figure({ label, n, testid, late = false }: { label: string; n: number; testid: string; late?: boolean }) {
  return (
    <View className={`staff-counts__item${late ? ' staff-counts__item--late' : ''}`}>
      <Text className='staff-counts__num' data-testid={testid}>
        {n}
      </Text>
      <Text className='staff-counts__label'>{label}</Text>
    </View>
  )
}
