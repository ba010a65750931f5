import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import type { LedgerExportInput } from '@/domain/ledger'
import { useLedgerExport } from '../useLedgerExport'
import './ledger.scss'

/**
 * 导出为 Excel: the list on screen, with its filters, as one sheet (ledger.export kind `reports` or `audit`); the
 * export itself is recorded in the 操作日志. `unit` names what a row is (条记录, 条问题).
 */
export function ExportListButton({ input, unit, testid }: { input: LedgerExportInput; unit: string; testid: string }) {
  const { run, exporting, error, done } = useLedgerExport()
  return (
    <View className='ledger-export'>
      <ActionButton kind='plain' block testid={testid} loading={exporting} loadingText='正在导出…' onClick={() => void run(input)}>
        按当前筛选导出为 Excel
      </ActionButton>
      {done ? (
        <Text className='ledger-export__done' data-testid={`${testid}-done`} aria-live='polite'>
          已导出「{done.fileName}」，共 {done.rows} {unit}
        </Text>
      ) : null}
      {error ? (
        <View className='ledger-export__error' data-testid={`${testid}-error`} role='alert'>
          {error}
        </View>
      ) : null}
    </View>
  )
}
