import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Image, Text, Textarea, View } from '@tarojs/components'
import { Dialog } from '@nutui/nutui-react-taro'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { formatDateTime } from '@/components/time'
import { DetailSkeleton, LoadFailed } from '@/components/LoadState'
import { REPORT_CATEGORY_LABELS, type ReportView } from '@/domain/reports'
import { photoSrc } from '@/services/upload'
import { reopenUntil } from '../format'
import { callPhone, showOnMap } from '@/features/media'
import { useReport } from '../useReport'
import { useReportActions, type ReporterAction } from '../useReportActions'
import { DeadlineBanner } from './DeadlineBanner'
import { MediationCard } from './MediationCard'
import { RatingStars, SCORE_WORDS } from './RatingStars'
import { ReportCategoryTag } from './ReportStatusTag'
import { StaffPanel } from './StaffPanel'
import { Timeline } from './Timeline'
import './ReportDetail.scss'

interface ReportDetailProps {
  id: string
  onEdit: (id: string) => void
}

/** One report: status and deadline, what and where, the whole timeline, and what the caller may do now. */
export function ReportDetail({ id, onEdit }: ReportDetailProps) {
  const remote = useReport(id)
  if (remote.status === 'loading') return <DetailSkeleton testid='report' />
  if (remote.status === 'error' || !remote.data) {
    return <LoadFailed testid='report' error={remote.error} notFound='这个问题不存在，或您没有权限查看。' onRetry={() => void remote.reload()} />
  }
  return <Loaded report={remote.data} onChanged={remote.replace} onEdit={onEdit} refreshing={remote.refreshing} />
}

function Loaded({ report, onChanged, onEdit }: { report: ReportView; onChanged: (r: ReportView) => void; onEdit: (id: string) => void; refreshing: boolean }) {
  const actions = useReportActions(report, onChanged)
  const urls = report.photos.map((p) => photoSrc(p.url))
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
      <StaffPanel report={report} onChanged={onChanged} />

      <Card title='处理过程'>
        <Timeline entries={report.timeline} />
      </Card>

      <ReporterActions report={report} actions={actions} errorFor={errorFor} onEdit={onEdit} />
    </View>
  )
}

function Fact({ label, value, testid }: { label: string; value: string; testid?: string }) {
  return (
    <View className='report-detail__fact'>
      <Text className='report-detail__fact-label'>{label}</Text>
      <Text className='report-detail__fact-value' data-testid={testid}>
        {value}
      </Text>
    </View>
  )
}

function SupportRow({ report, busy, error, onSupport }: { report: ReportView; busy: boolean; error: string | null; onSupport: () => void }) {
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

function RateCard({ busy, error, onRate }: { busy: boolean; error: string | null; onRate: (score: number, comment: string) => Promise<{ ok: boolean }> }) {
  const [score, setScore] = useState(0)
  const [comment, setComment] = useState('')
  return (
    <Card title='评价处理结果' testid='rate-card'>
      <Text className='report-detail__hint'>问题解决了吗？您的评价会让工作人员做得更好。</Text>
      <RatingStars value={score} onChange={setScore} />
      <Textarea
        className='gz-textarea report-detail__input'
        value={comment}
        maxlength={500}
        placeholder={score ? `${SCORE_WORDS[score]}，想说的话（可不填）` : '想说的话（可不填）'}
        onInput={(e) => setComment(e.detail.value)}
        data-testid='rate-comment'
      />
      {error ? (
        <Text className='report-detail__error' data-testid='rate-error'>
          {error}
        </Text>
      ) : null}
      <ActionButton kind='primary' block testid='rate-submit' loading={busy} loadingText='正在提交…' onClick={() => void onRate(score, comment)}>
        提交评价
      </ActionButton>
    </Card>
  )
}

function ReopenCard({ report, busy, error, onReopen }: { report: ReportView; busy: boolean; error: string | null; onReopen: (reason: string) => Promise<{ ok: boolean }> }) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const until = reopenUntil(report.resolvedAt)
  return (
    <Card title='没有解决？' testid='reopen-card'>
      <Text className='report-detail__hint' data-testid='reopen-until'>
        {until ? `${until} 前可以重新打开，问题会退回给工作人员继续处理。` : '办结 7 天内可以重新打开。'}
      </Text>
      {open ? (
        <View className='report-detail__reopen'>
          <Textarea
            className='gz-textarea report-detail__input'
            value={reason}
            maxlength={1000}
            placeholder='请说明哪里还没解决，例如：路灯修好两天又不亮了'
            onInput={(e) => setReason(e.detail.value)}
            data-testid='reopen-reason'
          />
          {error ? (
            <Text className='report-detail__error' data-testid='reopen-error'>
              {error}
            </Text>
          ) : null}
          <View className='report-detail__row'>
            <ActionButton kind='secondary' testid='reopen-cancel' onClick={() => setOpen(false)}>
              取消
            </ActionButton>
            <ActionButton kind='primary' testid='reopen-confirm' loading={busy} loadingText='正在提交…' onClick={() => void onReopen(reason)}>
              确定重新打开
            </ActionButton>
          </View>
        </View>
      ) : (
        <ActionButton kind='secondary' block testid='reopen-start' onClick={() => setOpen(true)}>
          重新打开
        </ActionButton>
      )}
    </Card>
  )
}

function ReporterActions({
  report,
  actions,
  errorFor,
  onEdit,
}: {
  report: ReportView
  actions: ReturnType<typeof useReportActions>
  errorFor: (a: ReporterAction) => string | null
  onEdit: (id: string) => void
}) {
  const [confirmWithdraw, setConfirmWithdraw] = useState(false)
  const canEdit = report.can.includes('edit')
  const canWithdraw = report.can.includes('withdraw')
  const canAnonymise = report.mine && !report.anonymous
  if (!canEdit && !canWithdraw && !canAnonymise) return null

  const anonymise = async () => {
    const r = await actions.anonymise()
    if (r.ok) void Promise.resolve(Taro.showToast({ title: '已改为匿名', icon: 'none' })).catch(() => undefined)
  }
  const withdraw = async () => {
    const r = await actions.withdraw()
    if (r.ok) setConfirmWithdraw(false)
  }
  const error = errorFor('anonymise') ?? (confirmWithdraw ? null : errorFor('withdraw'))

  return (
    <Card title='我的操作' testid='reporter-actions'>
      <View className='report-detail__actions'>
        {canEdit ? (
          <ActionButton kind='secondary' block testid='report-edit' onClick={() => onEdit(report.id)}>
            修改内容
          </ActionButton>
        ) : null}
        {canAnonymise ? (
          <ActionButton kind='secondary' block testid='report-anonymise' loading={actions.busy === 'anonymise'} loadingText='正在修改…' onClick={() => void anonymise()}>
            改为匿名
          </ActionButton>
        ) : null}
        {canWithdraw ? (
          <ActionButton kind='danger' block testid='report-withdraw' onClick={() => setConfirmWithdraw(true)}>
            撤回
          </ActionButton>
        ) : null}
      </View>
      {error ? (
        <Text className='report-detail__error' data-testid='reporter-action-error'>
          {error}
        </Text>
      ) : null}
      <Dialog
        visible={confirmWithdraw}
        title='撤回这个问题？'
        content={
          <View data-testid='withdraw-dialog'>
            <Text className='report-detail__hint'>撤回后工作人员不再处理，也不能恢复。如果问题还在，需要重新上报。</Text>
            {errorFor('withdraw') ? (
              <Text className='report-detail__error' data-testid='withdraw-error'>
                {errorFor('withdraw')}
              </Text>
            ) : null}
          </View>
        }
        footer={
          <View className='report-detail__row'>
            <ActionButton kind='secondary' testid='withdraw-cancel' onClick={() => setConfirmWithdraw(false)}>
              不撤回
            </ActionButton>
            <ActionButton kind='destructive' testid='withdraw-confirm' loading={actions.busy === 'withdraw'} loadingText='正在撤回…' onClick={() => void withdraw()}>
              确定撤回
            </ActionButton>
          </View>
        }
        onClose={() => setConfirmWithdraw(false)}
      />
    </Card>
  )
}
