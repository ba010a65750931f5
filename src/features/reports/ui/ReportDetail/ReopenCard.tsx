import { useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import type { ReportView } from '@/domain/reports'
import { reopenUntil } from '../../format'

/** 没有解决？: reopen within 7 days of resolution, with the reason. */
export function ReopenCard({ report, busy, error, onReopen }: { report: ReportView; busy: boolean; error: string | null; onReopen: (reason: string) => Promise<{ ok: boolean }> }) {
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
