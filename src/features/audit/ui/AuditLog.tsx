import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Card } from '@/components/Card'
import { ChoiceChips } from '@/components/ChoiceChips'
import { PagedList } from '@/components/PagedList'
import { Tag } from '@/components/Tag'
import { AUDIT_DETAIL_LABELS, AUDIT_TARGET_LABELS, type AuditEntryView } from '@/domain/audit'
import { chinaStamp } from '@/domain/shared/chinaTime'
import { ROLE_LABELS } from '@/domain/shared/roles'
import { NO_FILTER, PERIODS, type AuditFilterState, type Period } from '../filters'
import { useAuditActions, useAuditLog } from '../useAuditLog'
import './audit.scss'

const whoText = (r: AuditEntryView) =>
  r.actorName ? `${r.actorName}${r.actorRoles.length ? `（${r.actorRoles.map((x) => ROLE_LABELS[x]).join('、')}）` : ''}` : `系统/运维（${r.actorId}）`

/** The detail in words: key：value, one per line (China time above), numbers already masked by the server. */
function detailLines(detail: Record<string, unknown> | null): string[] {
  if (!detail) return []
  const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'boolean' ? (v ? '是' : '否') : JSON.stringify(v))
  return Object.entries(detail).map(([k, v]) => `${AUDIT_DETAIL_LABELS[k] ?? k}：${text(v)}`)
}

function AuditRow({ r, onPerson }: { r: AuditEntryView; onPerson: (id: string, name: string) => void }) {
  const lines = detailLines(r.detail)
  return (
    <Card testid={`audit-row-${r.id}`}>
      <View className='audit__head'>
        <Tag tone='grey'>{r.actionLabel}</Tag>
        <Text className='audit__muted'>{chinaStamp(r.at)}</Text>
      </View>
      <Text className='audit__text' data-testid={`audit-who-${r.id}`} onClick={() => onPerson(r.actorId, r.actorName ?? r.actorId)}>
        操作人：{whoText(r)} ›
      </Text>
      <Text className='audit__text'>
        对象：{AUDIT_TARGET_LABELS[r.targetType] ?? r.targetType} {r.targetId}
      </Text>
      {lines.map((l) => (
        <Text key={l} className='audit__muted'>
          {l}
        </Text>
      ))}
    </Card>
  )
}

/** 操作日志: the audit log of the committee's community or a tier's communities, with its filter bar. */
export function AuditLog({ userId, now }: { userId: string; now?: Date }) {
  const [filter, setFilter] = useState<AuditFilterState>(NO_FILTER)
  const list = useAuditLog(userId, filter, now)
  const actions = useAuditActions(userId)
  const actionChoices = [{ value: 'all', label: '全部操作' }, ...(actions.data?.actions.map((a) => ({ value: a.action, label: a.label })) ?? [])]
  return (
    <View className='gz-page audit' data-testid='audit-log'>
      <Card>
        <Text className='audit__muted'>谁在什么时候对什么做了什么：工作人员的操作、导出、角色变更和敏感档案的查阅。电话、身份证号已隐去部分数字。</Text>
        <Text className='audit__label'>时间</Text>
        <ChoiceChips<Period> options={PERIODS} value={filter.period} onChange={(period) => setFilter({ ...filter, period })} testidPrefix='audit-period' />
        <Text className='audit__label'>操作</Text>
        <ChoiceChips
          options={actionChoices}
          value={filter.action || 'all'}
          onChange={(a) => setFilter({ ...filter, action: a === 'all' ? '' : a })}
          testidPrefix='audit-action'
        />
        <Text className='audit__label'>操作人</Text>
        {filter.actor ? (
          <Text className='audit__text' data-testid='audit-actor-clear' onClick={() => setFilter({ ...filter, actor: null })}>
            只看 {filter.actor.name} 的操作（点此取消）
          </Text>
        ) : (
          <Text className='audit__muted' data-testid='audit-actor-hint'>
            全部人员（点一条记录的操作人，只看此人）
          </Text>
        )}
      </Card>
      <PagedList list={list} emptyText='这段时间没有符合条件的操作记录' refreshWhenEmpty>
        {list.items.map((r) => (
          <AuditRow key={r.id} r={r} onPerson={(id, name) => setFilter({ ...filter, actor: { id, name } })} />
        ))}
      </PagedList>
    </View>
  )
}
