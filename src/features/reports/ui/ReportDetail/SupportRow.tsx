import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import type { ReportView } from '@/domain/reports'

/** How many residents also met it, and 我也遇到 while the caller may still add theirs. */
export function SupportRow({ report, busy, error, onSupport }: { report: ReportView; busy: boolean; error: string | null; onSupport: () => void }) {
  const canSupport = report.can.includes('support')
  if (!canSupport && report.supporters === 0 && !report.supportedByMe) return null
  return (
    <Card>
      <View className='report-detail__support'>
        <Text className='report-detail__support-count' data-testid='report-supporters'>
          {report.supporters > 0 ? `${report.supporters} 位居民也遇到` : '还没有其他居民遇到'}
          {report.supportedByMe ? '（含您）' : ''}
        </Text>
        {canSupport ? (
          <ActionButton kind='primary' testid='report-support' loading={busy} loadingText='正在记录…' onClick={onSupport}>
            我也遇到
          </ActionButton>
        ) : null}
      </View>
      {error ? <Text className='report-detail__error'>{error}</Text> : null}
    </Card>
  )
}
