import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { DetailSkeleton, LoadFailed } from '@/components/LoadState'
import { DEPARTMENT_SUGGESTIONS, type DepartmentView } from '@/domain/departments'
import { REPORT_CATEGORIES, REPORT_CATEGORY_LABELS, type ReportCategory } from '@/domain/reports'
import type { useDepartments } from '../useDepartments'
import { MemberSearch } from './MemberSearch'
import './DepartmentsScreen.scss'

type Model = ReturnType<typeof useDepartments>

/** 职能部门: the area's departments with their figures and staff, a new one, members found by name or phone. */
export function DepartmentsScreen({ model }: { model: Model }) {
  const { remote } = model
  if (remote.status === 'loading') return <DetailSkeleton testid='departments' />
  if (remote.status === 'error' || !remote.data) {
    return <LoadFailed testid='departments' error={remote.error} notFound='没有可以查看的职能部门。' onRetry={() => void remote.reload()} />
  }
  return (
    <View className='gz-page departments' data-testid='departments-screen'>
      {model.problem ? (
        <Text className='departments__error' data-testid='departments-problem'>
          {model.problem}
        </Text>
      ) : null}
      {remote.data.items.length === 0 ? (
        <Text className='departments__hint' data-testid='departments-empty'>
          还没有职能部门。设立后，社区和街道可以把问题交办给部门办理。
        </Text>
      ) : (
        remote.data.items.map((d) => <DepartmentCard key={d.id} department={d} model={model} />)
      )}
      <CreateForm model={model} />
    </View>
  )
}

function DepartmentCard({ department: d, model }: { department: DepartmentView; model: Model }) {
  const s = d.stats
  return (
    <Card title={d.name} testid={`department-${d.id}`}>
      <Text className='departments__line'>{`服务范围：${d.area.name}`}</Text>
      <Text className='departments__line'>{`承接：${d.categories.map((c) => REPORT_CATEGORY_LABELS[c]).join('、')}`}</Text>
      <View className='departments__stats' data-testid='department-stats'>
        <Text>{`交办 ${s.dispatched}`}</Text>
        <Text>{`按期办结 ${s.onTime}`}</Text>
        <Text>{`超期办结 ${s.late}`}</Text>
        <Text>{`退回 ${s.returned}`}</Text>
        <Text className={s.overdueNow > 0 ? 'departments__late' : ''}>{`当前逾期 ${s.overdueNow}`}</Text>
        <Text>{`平均用时 ${s.averageWorkdays === null ? '—' : `${s.averageWorkdays} 个工作日`}`}</Text>
      </View>
      <Text className='departments__label'>部门人员</Text>
      {d.members.length === 0 ? <Text className='departments__hint'>还没有人员</Text> : null}
      {d.members.map((m) => (
        <View key={m.id} className='departments__member'>
          <Text>{m.name}</Text>
          <ActionButton kind='plain' testid={`member-remove-${m.id}`} loading={model.changing} onClick={() => void model.changeMember(d.id, m.id, true)}>
            移除
          </ActionButton>
        </View>
      ))}
      <MemberSearch departmentId={d.id} adding={model.changing} onAdd={(userId) => model.changeMember(d.id, userId)} />
    </Card>
  )
}

function CreateForm({ model }: { model: Model }) {
  const [name, setName] = useState('')
  const [categories, setCategories] = useState<ReportCategory[]>([])
  const toggle = (c: ReportCategory) => setCategories((xs) => (xs.includes(c) ? xs.filter((x) => x !== c) : [...xs, c]))
  return (
    <Card title='设立职能部门' testid='department-create'>
      <Text className='departments__hint'>{`例如：${DEPARTMENT_SUGGESTIONS.join('、')}`}</Text>
      <Input className='gz-input' value={name} maxlength={20} placeholder='部门名称' onInput={(e) => setName(e.detail.value)} data-testid='department-name' />
      <Text className='departments__label'>承接的问题类别（可多选）</Text>
      <View className='gz-chips'>
        {REPORT_CATEGORIES.map((c) => {
          const on = categories.includes(c)
          return (
            <View
              key={c}
              className={`gz-chip${on ? ' gz-chip--on' : ''}`}
              role='checkbox'
              aria-checked={on ? 'true' : 'false'}
              data-testid={`department-category-${c}`}
              onClick={() => toggle(c)}
            >
              <Text>{on ? `✓ ${REPORT_CATEGORY_LABELS[c]}` : REPORT_CATEGORY_LABELS[c]}</Text>
            </View>
          )
        })}
      </View>
      <ActionButton
        block
        testid='department-create-submit'
        loading={model.creating}
        loadingText='正在设立…'
        onClick={() =>
          void model.createDepartment(name, categories).then((ok) => {
            if (!ok) return
            setName('')
            setCategories([])
          })
        }
      >
        设立部门
      </ActionButton>
    </Card>
  )
}
