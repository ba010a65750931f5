import { View } from '@tarojs/components'
import { LinkRow } from '@/components/LinkRow'
import { PagedList } from '@/components/PagedList'
import { Tag } from '@/components/Tag'
import { formatDateTime } from '@/components/time'
import { RISK_LEVEL_LABELS } from '@/domain/motions'
import { useRiskReviews } from '../useRiskReviews'
import '../../../components/workspace.scss'

/** 稳评审核 (street): each waiting 高 assessment opens its motion, where the street approves or returns it. */
export function RiskReviewsScreen({ onOpen }: { onOpen: (motionId: string) => void }) {
  const list = useRiskReviews()
  return (
    <View className='gz-page workspace' data-testid='risk-reviews'>
      <PagedList list={list} refreshError='footer' refreshWhenEmpty emptyText='没有待审核的稳评' emptyHint='社区把重大事项评估为高风险时，会出现在这里等您审核。'>
        <View className='workspace__list'>
          {list.items.map((r) => (
            <LinkRow
              key={r.id}
              label={r.title}
              hint={`${r.communityName} · 第 ${r.rev} 版 · ${formatDateTime(r.filedAt)} 提交`}
              extra={<Tag tone='red'>{RISK_LEVEL_LABELS[r.level]}</Tag>}
              testid='risk-review'
              onClick={() => onOpen(r.motionId)}
            />
          ))}
        </View>
      </PagedList>
    </View>
  )
}
