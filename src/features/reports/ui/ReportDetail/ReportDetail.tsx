import type { ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { formatDateTime } from '@/components/time'
import { DetailSkeleton, LoadFailed } from '@/components/LoadState'
import { REPORT_CATEGORY_LABELS, type ReportView } from '@/domain/reports'
import { usePhotoSrcs } from '@/features/common/usePhotoSrcs'
import { callPhone, showOnMap } from '@/features/media'
import { useReport } from '../../useReport'
import { useReportActions, type ReporterAction } from '../../useReportActions'
import { DeadlineBanner } from '../DeadlineBanner'
import { DispatchCard } from '../DispatchCard'
import { MediationCard } from '../MediationCard'
import { RatingStars } from '../RatingStars'
import { ReportCategoryTag } from '../ReportStatusTag'
import { StaffPanel } from '../StaffPanel'
import { Timeline } from '../Timeline'
import { Fact } from './Fact'
import { RateCard } from './RateCard'
import { ReopenCard } from './ReopenCard'
import { ReporterActions } from './ReporterActions'
import { SupportRow } from './SupportRow'
import './ReportDetail.scss'

interface ReportDetailProps {
  id: string
  onEdit: (id: string) => void
  /** what other features add for this report, after its mediation record (the page composes: 联席会议) */
  extra?: (report: ReportView) => ReactNode
}

/** One report: status and deadline, what and where, the whole timeline, and what the caller may do now. */
export function ReportDetail({ id, onEdit, extra }: ReportDetailProps) {
  const remote = useReport(id)
  if (remote.status === 'loading') return <DetailSkeleton testid='report' />
  if (remote.status === 'error' || !remote.data) {
    return <LoadFailed testid='report' error={remote.error} notFound='这个问题不存在，或您没有权限查看。' onRetry={() => void remote.reload()} />
  }
  return <Loaded report={remote.data} onChanged={remote.replace} onEdit={onEdit} refreshing={remote.refreshing} extra={extra} />
}

function Loaded({
  report,
  onChanged,
  onEdit,
  extra,
}: {
  report: ReportView
  onChanged: (r: ReportView) => void
  onEdit: (id: string) => void
  refreshing: boolean
  extra?: (report: ReportView) => ReactNode
}) {
  const actions = useReportActions(report, onChanged)
  const urls = usePhotoSrcs(report.photos.map((p) => p.url)).filter(Boolean)
  const can = (a: ReportView['can'][number]) => report.can.includes(a)
  const errorFor = (a: ReporterAction) => (actions.error?.action === a ? actions.error.error.message : null)

  return (
    <View className='gz-page report-detail' data-testid='report-detail'>
      <DeadlineBanner report={report} />

      <Card>
        <View className='report-detail__tags'>
          <ReportCategoryTag category={report.category} />
          {report.visibility === 'private' ? <Text className='report-detail__scope'>仅工作人员可见</Text> : <Text className='report-detail__scope'>社区公开</Text>}
        </View>
        <Text className='report-detail__text' data-testid='report-description'>
          {report.description}
        </Text>
        {urls.length ? (
          <View className='report-detail__photos'>
            {urls.map((u, i) => (
              <Image
                key={u}
                className='report-detail__photo'
                src={u}
                mode='aspectFill'
                data-testid={`report-photo-${i}`}
                onClick={() => void Promise.resolve(Taro.previewImage({ current: u, urls })).catch(() => undefined)}
              />
            ))}
          </View>
        ) : null}
        <View className='report-detail__facts'>
          <Fact label='位置' value={report.location?.address || report.address || (report.location ? '已标注位置' : '未标注位置')} />
          {report.location ? (
            <View className='report-detail__fact-action'>
              <ActionButton kind='plain' testid='report-map' onClick={() => showOnMap(report.location!, `${REPORT_CATEGORY_LABELS[report.category]}问题`)}>
                在地图上查看
              </ActionButton>
            </View>
          ) : null}
          <Fact label='网格' value={report.gridName} />
          <Fact label='上报人' value={report.anonymous && report.mine ? `${report.reporterName}（已匿名，其他居民看不到您的名字）` : report.reporterName} testid='report-reporter' />
          {report.reporterPhone ? (
            <>
              <Fact label='上报人电话' value={report.reporterPhone} />
              <View className='report-detail__fact-action'>
                <ActionButton kind='plain' testid='report-call' onClick={() => callPhone(report.reporterPhone!)}>
                  拨打电话
                </ActionButton>
              </View>
            </>
          ) : null}
          <Fact label='上报时间' value={formatDateTime(report.createdAt)} />
          <Fact label='负责人' value={report.handler.who} testid='report-handler' />
          {report.handler.phone ? (
            <>
              <Fact label='服务电话' value={`${report.handler.phone}（${report.gridName}）`} testid='report-handler-phone' />
              <View className='report-detail__fact-action'>
                <ActionButton kind='plain' testid='report-call-handler' onClick={() => callPhone(report.handler.phone!)}>
                  打电话问进度
                </ActionButton>
              </View>
            </>
          ) : null}
          {report.reopenCount > 0 ? <Fact label='重新打开' value={`${report.reopenCount} 次`} /> : null}
        </View>
      </Card>

      <SupportRow report={report} busy={actions.busy === 'support'} error={errorFor('support')} onSupport={() => void actions.support()} />

      {report.rating ? (
        <Card title={report.viewer === 'reporter' ? '我的评价' : '居民评价'} testid='report-rating'>
          <RatingStars value={report.rating.score} />
          {report.rating.comment ? <Text className='report-detail__text'>{report.rating.comment}</Text> : null}
        </Card>
      ) : null}

      {can('rate') ? <RateCard busy={actions.busy === 'rate'} error={errorFor('rate')} onRate={actions.rate} /> : null}
      {can('reopen') ? <ReopenCard report={report} busy={actions.busy === 'reopen'} error={errorFor('reopen')} onReopen={actions.reopen} /> : null}

      <MediationCard report={report} />
      {extra?.(report)}
      <StaffPanel report={report} onChanged={onChanged} />
      <DispatchCard report={report} onChanged={onChanged} />

      <Card title='处理过程'>
        <Timeline entries={report.timeline} />
      </Card>

      <ReporterActions report={report} actions={actions} errorFor={errorFor} onEdit={onEdit} />
    </View>
  )
}
