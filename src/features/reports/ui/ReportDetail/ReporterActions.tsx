import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Dialog } from '@nutui/nutui-react-taro'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import type { ReportView } from '@/domain/reports'
import type { ReporterAction, useReportActions } from '../../useReportActions'

/** 我的操作: edit, make anonymous, withdraw (confirmed in a dialog). */
export function ReporterActions({
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
