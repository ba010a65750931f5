import { useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { ChoiceChips } from '@/components/ChoiceChips'
import { formatDateTime } from '@/components/time'
import type { ReportView } from '@/domain/reports'
import { DISPATCH_DAY_CHOICES, useDispatch } from '../../useDispatch'
import './index.scss'

/**
 * 交办 on the report detail: where it is dispatched now (everyone who sees the report), and for the community's,
 * street's, district's or city's staff who may dispatch it a sheet: the department (those of the area that take
 * this category), the deadline in working days, a note.
 */
export function DispatchCard({ report, onChanged }: { report: ReportView; onChanged: (r: ReportView) => void }) {
  const may = report.can.includes('dispatch')
  const [open, setOpen] = useState(false)
  const d = useDispatch(report, onChanged, may && open)
  if (report.dispatch) {
    const x = report.dispatch
    return (
      <Card title='交办职能部门' testid='dispatch-info'>
        <Text className='dispatch-card__line'>{`已交办：${x.departmentName}（${x.accepted ? '已受理' : '待部门受理'}）`}</Text>
        <Text className='dispatch-card__line'>{`办理期限：${x.days} 个工作日，${formatDateTime(x.dueAt)} 前办结`}</Text>
      </Card>
    )
  }
  if (!may) return null
  if (!open) {
    return (
      <View className='dispatch-card__open'>
        <ActionButton kind='secondary' block testid='dispatch-open' onClick={() => setOpen(true)}>
          交办职能部门
        </ActionButton>
      </View>
    )
  }
  const items = d.departments.data?.items ?? []
  return (
    <Card title='交办职能部门' testid='dispatch-sheet'>
      <Text className='dispatch-card__hint'>交办后由部门受理、办理，逾期可督办；部门认为不属于其职责时会退回。</Text>
      <Text className='dispatch-card__label'>交办给</Text>
      {d.departments.status === 'loading' ? (
        <Text className='dispatch-card__hint' data-testid='dispatch-loading'>
          正在加载职能部门…
        </Text>
      ) : d.departments.status === 'error' ? (
        <View>
          <Text className='dispatch-card__error' data-testid='dispatch-load-error'>
            职能部门加载失败，请重试
          </Text>
          <ActionButton kind='plain' testid='dispatch-reload' onClick={() => void d.departments.reload()}>
            重试
          </ActionButton>
        </View>
      ) : items.length === 0 ? (
        <Text className='dispatch-card__hint' data-testid='dispatch-none'>
          本辖区还没有承接这类问题的职能部门，请联系街道设置。
        </Text>
      ) : (
        <ChoiceChips options={items.map((x) => ({ value: x.id, label: x.name }))} value={d.departmentId} onChange={d.setDepartmentId} testidPrefix='dispatch-dept' />
      )}
      <Text className='dispatch-card__label'>办理期限（工作日）</Text>
      <ChoiceChips options={DISPATCH_DAY_CHOICES.map((n) => ({ value: n, label: `${n} 天` }))} value={d.days} onChange={d.setDays} testidPrefix='dispatch-days' />
      <Text className='dispatch-card__label'>交办说明（选填）</Text>
      <Textarea
        className='gz-textarea'
        value={d.note}
        maxlength={500}
        placeholder='例如：占道堆放，请依职责处理'
        onInput={(e) => d.setNote(e.detail.value)}
        data-testid='dispatch-note'
      />
      {d.problem ? (
        <Text className='dispatch-card__error' data-testid='dispatch-error'>
          {d.problem}
        </Text>
      ) : null}
      <ActionButton block loading={d.submitting} loadingText='正在交办…' testid='dispatch-submit' onClick={() => void d.submit().then((ok) => ok && setOpen(false))}>
        确认交办
      </ActionButton>
    </Card>
  )
}
