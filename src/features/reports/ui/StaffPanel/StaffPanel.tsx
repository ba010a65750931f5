import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ReportView } from '@/domain/reports'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { clearDraft } from '@/services/drafts'
import { ROUTES, withQuery } from '@/services/routes'
import { staffActionLabel, useStaffActions, type StaffAction } from '../../useStaffActions'
import { ActionSheet } from './ActionSheet'
import { noteDraftKey } from './noteDraft'
import { askForStatusMessages } from '../../subscribe'
import './StaffPanel.scss'

/** The toast after each action (short: WeChat's success toast shows 7 characters). */
const DONE_TEXT: Record<StaffAction, string> = {
  accept: '已受理',
  note: '进展已记录',
  resolve: '已办结',
  reject: '已不予受理',
  return: '已退回补充',
  escalate: '已上报',
  supervise: '已督办',
  reassign: '已改派',
  sendBack: '已退回交办',
}

/** Staff actions on one report: the ones in `report.can`, each with its own sheet (note, photos, whom). */
export function StaffPanel({
  report,
  onChanged,
}: {
  report: ReportView
  onChanged: (r: ReportView) => void
}) {
  const staff = useStaffActions(report, onChanged)
  const [open, setOpen] = useState<StaffAction | null>(null)
  const canMediate = report.can.includes('mediate')
  const canMeet = report.can.includes('meet')
  if (staff.actions.length === 0 && !canMediate && !canMeet) return null

  const choose = (a: StaffAction) => {
    staff.clearError()
    setOpen(a)
  }

  return (
    <Card title='办理' testid='staff-panel'>
      {report.overdue ? (
        <Text className='staff-panel__overdue' data-testid='staff-overdue'>
          ⚠ 已逾期，请尽快办理
        </Text>
      ) : null}
      {open ? null : (
        <View className='staff-panel__actions'>
          {staff.actions.map((a) => (
            <ActionButton
              key={a}
              kind={a === 'reject' ? 'danger' : a === 'accept' || a === 'resolve' ? 'primary' : 'secondary'}
              testid={`staff-action-${a}`}
              onClick={() => choose(a)}
            >
              {staffActionLabel(a, report.level)}
            </ActionButton>
          ))}
          {canMediate ? (
            <ActionButton
              kind='secondary'
              testid='staff-mediate'
              onClick={() =>
                void Taro.navigateTo({ url: withQuery(ROUTES.reportMediate, { id: report.id }) })
              }
            >
              记录调解
            </ActionButton>
          ) : null}
          {canMeet ? (
            <ActionButton
              kind='secondary'
              testid='staff-meeting'
              onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.meetingRecord, { id: report.id }) })}
            >
              记录联席会议
            </ActionButton>
          ) : null}
        </View>
      )}
      {open ? (
        <ActionSheet
          key={open}
          action={open}
          report={report}
          sending={staff.sending === open}
          error={staff.error?.message ?? null}
          onCancel={() => {
            staff.clearError()
            setOpen(null)
          }}
          onSubmit={async (draft) => {
            // inside the tap, before any await: WeChat asks only then (one 允许 = the next report that reaches them)
            void askForStatusMessages()
            const res = await staff.run(open, draft)
            if (res.ok) {
              clearDraft(noteDraftKey(report.id, open))
              setOpen(null)
              try {
                Promise.resolve(Taro.showToast({ title: DONE_TEXT[open], icon: 'success' })).catch(
                  () => undefined,
                )
              } catch {
                // no toast outside a page
              }
            }
            return res.errors
          }}
        />
      ) : null}
    </Card>
  )
}
