import { Image, Text, View } from '@tarojs/components'
import { Tag } from '@/components/Tag'
import { fromNow } from '@/components/time'
import type { ReportSummary } from '@/domain/reports'
import { usePhotoSrcs } from '@/features/common/usePhotoSrcs'
import { ReportCategoryTag, ReportStatusTag } from './ReportStatusTag'
import './ReportCard.scss'

interface ReportCardProps {
  report: ReportSummary
  onOpen: (id: string) => void
}

/** One report in a list: cover photo, category, status, what happened, where, when, how many 也遇到. */
export function ReportCard({ report, onOpen }: ReportCardProps) {
  const [cover] = usePhotoSrcs(report.cover ? [report.cover.url] : [])
  return (
    <View
      className='gz-report-card'
      hoverClass='gz-report-card--pressed'
      role='link'
      data-testid='report-card'
      data-id={report.id}
      onClick={() => onOpen(report.id)}
    >
      {cover ? <Image className='gz-report-card__cover' src={cover} mode='aspectFill' lazyLoad data-testid='report-cover' /> : null}
      <View className='gz-report-card__body'>
        <View className='gz-report-card__tags'>
          <ReportCategoryTag category={report.category} />
          <ReportStatusTag status={report.status} stars={report.stars} />
          {report.overdue ? (
            <Tag tone='red' testid='report-overdue'>
              已逾期
            </Tag>
          ) : null}
        </View>
        <Text className='gz-report-card__excerpt' data-testid='report-excerpt'>
          {report.excerpt}
        </Text>
        {report.address ? <Text className='gz-report-card__meta'>{report.address}</Text> : null}
        <View className='gz-report-card__foot'>
          <Text className='gz-report-card__meta'>
            {fromNow(report.createdAt)} · {report.gridName}
          </Text>
          {report.supporters > 0 ? (
            <Text className='gz-report-card__support' data-testid='report-supporters'>
              {report.supporters} 人也遇到
            </Text>
          ) : null}
        </View>
      </View>
    </View>
  )
}
