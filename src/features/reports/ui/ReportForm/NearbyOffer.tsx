import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { fromNow } from '@/components/time'
import type { NearbyReport } from '@/domain/reports'
import type { ApiError } from '@/services/apiError'
import { ReportCategoryTag, ReportStatusTag } from '../ReportStatusTag'

/** 附近已有人反映: the same kind of open report close by; 我也遇到 instead of a duplicate. */
export function NearbyOffer({
  items,
  supporting,
  error,
  onSupport,
  onOpen,
  onDismiss,
}: {
  items: NearbyReport[]
  supporting: string | null
  error: ApiError | null
  onSupport: (id: string) => void
  onOpen: (id: string) => void
  onDismiss: () => void
}) {
  return (
    <Card title='附近已有人反映' testid='nearby-offer'>
      <Text className='report-form__nearby-intro'>
        附近 200 米内已有同类问题在处理。如果是同一件事，点“我也遇到”，工作人员会知道更多人关心，比重新上报更快。
      </Text>
      {items.map((r) => (
        <View key={r.id} className='report-form__nearby' data-testid='nearby-item'>
          <View className='report-form__nearby-tags'>
            <ReportCategoryTag category={r.category} />
            <ReportStatusTag status={r.status} />
            <Text className='gz-muted'>约 {Math.max(1, Math.round(r.distance))} 米</Text>
          </View>
          <Text className='report-form__nearby-text' onClick={() => onOpen(r.id)}>
            {r.excerpt}
          </Text>
          <Text className='gz-muted'>
            {fromNow(r.createdAt)}
            {r.supporters > 0 ? ` · ${r.supporters} 人也遇到` : ''}
          </Text>
          <ActionButton
            kind='primary'
            block
            testid={`nearby-support-${r.id}`}
            loading={supporting === r.id}
            loadingText='正在记录…'
            disabled={!!supporting && supporting !== r.id}
            onClick={() => onSupport(r.id)}
          >
            我也遇到，是同一件事
          </ActionButton>
        </View>
      ))}
      {error ? (
        <View className='gz-banner gz-banner--error' data-testid='nearby-error'>
          <Text>{error.message}</Text>
        </View>
      ) : null}
      <ActionButton kind='secondary' block testid='nearby-dismiss' onClick={onDismiss}>
        不是同一件事，仍要提交新问题
      </ActionButton>
    </Card>
  )
}
