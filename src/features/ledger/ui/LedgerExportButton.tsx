import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { monthLabel } from '@/domain/ledger'
import { chinaMonth } from '@/domain/shared/chinaTime'
import { useLedgerExport } from '../useLedgerExport'
import './ledger.scss'

/** 'YYYY-MM' moved by `n` months. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const d = new Date(Date.UTC(y, m - 1 + n, 1))
  return d.toISOString().slice(0, 7)
}

/**
 * 导出台账: the month's 台账 of the caller's area as an Excel file. The month is chosen with two large buttons
 * (上个月 / 下个月, no gestures), starting at last month; months after this one cannot be chosen. `communityId`: the
 * community a street, district or city staff member looks at (absent: their whole area).
 */
export function LedgerExportButton({ communityId, now = new Date() }: { communityId?: string; now?: Date }) {
  const current = chinaMonth(now)
  const [month, setMonth] = useState(() => addMonths(current, -1))
  const { run, exporting, error, done } = useLedgerExport()
  return (
    <Card title='导出台账' testid='ledger-export-card'>
      <View className='ledger-export'>
        <View className='ledger-export__months' role='group' aria-label='选择月份'>
          <ActionButton kind='plain' testid='ledger-export-prev' onClick={() => setMonth(addMonths(month, -1))}>
            上个月
          </ActionButton>
          <Text className='ledger-export__month' data-testid='ledger-export-month' aria-live='polite'>
            {monthLabel(month)}
          </Text>
          <ActionButton kind='plain' testid='ledger-export-next' disabled={month >= current} onClick={() => setMonth(addMonths(month, 1))}>
            下个月
          </ActionButton>
        </View>
        <ActionButton
          block
          testid='ledger-export'
          loading={exporting}
          loadingText='正在导出…'
          onClick={() => void run({ kind: 'month', month, ...(communityId ? { communityId } : {}) })}
        >
          导出{monthLabel(month)}台账
        </ActionButton>
        <Text className='ledger-export__hint'>包含汇总、问题清单（含处理经过）、矛盾纠纷和巡逻，电话号码已隐去中间四位。</Text>
        {done ? (
          <Text className='ledger-export__done' data-testid='ledger-export-done' aria-live='polite'>
            已导出「{done.fileName}」，共 {done.rows} 条问题
          </Text>
        ) : null}
        {error ? (
          <View className='ledger-export__error' data-testid='ledger-export-error' role='alert'>
            {error}
          </View>
        ) : null}
      </View>
    </Card>
  )
}
