import { Picker, Text, View } from '@tarojs/components'
import type { ResponsibleView } from '@/domain/meetings'
import { ActionButton } from '@/components/ActionButton'
import { useAssignResponsible } from '../useMeetings'

interface Props {
  reportId: string
  responsible: ResponsibleView | null
  canAssign: boolean
  onAssigned: (r: ResponsibleView) => void
}

/** 包保责任人: who answers for the dispute until it is closed; those who may, name or change them. */
export function ResponsibleRow({ reportId, responsible, canAssign, onAssigned }: Props) {
  const a = useAssignResponsible(reportId, onAssigned)
  const owners = a.owners ?? []
  return (
    <View className='meeting' data-testid='responsible'>
      <Text className='meeting__text' data-testid='responsible-who'>
        {responsible ? `包保责任人：${responsible.label}` : '尚未指定包保责任人'}
      </Text>
      {canAssign && a.owners === null ? (
        <ActionButton kind='secondary' testid='responsible-open' onClick={() => void a.loadOwners()}>
          {responsible ? '更换包保责任人' : '指定包保责任人'}
        </ActionButton>
      ) : null}
      {canAssign && a.owners !== null ? (
        <Picker mode='selector' range={owners.map((o) => o.label)} onChange={(e) => void a.assign(owners[Number(e.detail.value)]!.id)}>
          <View className='gz-input' data-testid='responsible-pick'>
            <Text>{a.busy ? '正在保存…' : '点此选择包保责任人'}</Text>
          </View>
        </Picker>
      ) : null}
      {a.error ? (
        <View className='gz-banner gz-banner--error' data-testid='responsible-error'>
          <Text>{a.error.message}</Text>
        </View>
      ) : null}
    </View>
  )
}
