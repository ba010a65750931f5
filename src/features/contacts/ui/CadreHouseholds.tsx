import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { ListState } from '@/components/ListState'
import { Tag } from '@/components/Tag'
import { CADRE_TITLE_LABELS, type ContactMine } from '@/domain/contacts'
import type { Remote } from '../../common/useRemote'
import { isDue, lastContactText } from '../format'
import './contacts.scss'

interface Props {
  mine: Remote<ContactMine>
  onLog: (householdId: string, address: string) => void
  onRaise: (householdId: string, address: string) => void
}

/** 我联系的住户: the cadre's households, the least recently contacted first, each with 记录联系 and 代为上报. */
export function CadreHouseholds({ mine, onLog, onRaise }: Props) {
  const cadre = mine.data?.cadre ?? null
  const households = cadre?.households ?? []
  return (
    <View className='gz-page contact-households' data-testid='cadre-households'>
      {cadre ? (
        <View className='gz-banner gz-banner--info'>
          <Text>{`您是本社区的联系户${CADRE_TITLE_LABELS[cadre.title]}。联系记录只有您和社区工作人员能看到。`}</Text>
        </View>
      ) : null}
      <ListState
        status={mine.data ? 'ready' : mine.status}
        error={mine.error}
        isEmpty={!!mine.data && households.length === 0}
        emptyText={cadre ? '社区还没有给您分配住户' : '您还不是联系户党员/干部'}
        emptyHint='由社区居委会指派'
        skeletonRows={3}
        onRetry={() => void mine.reload()}
      >
        {households.map((h) => (
          <Card key={h.householdId} testid='cadre-household'>
            <View className='contact-households__head'>
              <Text className='contact-households__address' data-testid='household-address'>
                {`${h.gridName} ${h.address}`}
              </Text>
              {isDue(h.lastContactAt) ? (
                <Tag tone='amber' testid='household-due'>
                  该联系了
                </Tag>
              ) : null}
            </View>
            <Text className='gz-muted'>{`户主 ${h.headName}`}</Text>
            <Text className='contact-households__last' data-testid='household-last'>
              {lastContactText(h.lastContactAt, h.lastKind)}
            </Text>
            <View className='contact-households__actions'>
              <ActionButton kind='primary' testid='household-log' onClick={() => onLog(h.householdId, h.address)}>
                记录联系
              </ActionButton>
              <ActionButton kind='secondary' testid='household-raise' onClick={() => onRaise(h.householdId, h.address)}>
                代为上报
              </ActionButton>
            </View>
          </Card>
        ))}
      </ListState>
    </View>
  )
}
