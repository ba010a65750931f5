import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { Tag } from '@/components/Tag'

/** The data-testids of one screen's status card (each screen keeps its own). */
export interface ApplicationStatusIds {
  /** the 待审核/未通过 tag */
  status: string
  /** what happens next (pending) */
  next: string
  /** the reason it was turned down (rejected) */
  reason: string
  /** 重新申请 */
  again: string
  /** 回到我的 */
  back: string
  /** the card itself, if the screen names it */
  card?: string
}

export interface ApplicationFact {
  label: string
  value: string
}

/**
 * The latest application: 待审核 with what happens next, or 未通过 with the reason and 重新申请.
 * Shared by 住户认证 and 志愿者申请; the title, facts, next-step text and test ids are the screen's.
 */
export function ApplicationStatusCard({
  title,
  application: a,
  facts,
  nextText,
  ids,
  onAgain,
  onBack,
}: {
  title: string
  application: { status: string; reason?: string | null }
  facts: ApplicationFact[]
  nextText: ReactNode
  ids: ApplicationStatusIds
  onAgain: () => void
  onBack: () => void
}) {
  const pending = a.status === 'pending'
  return (
    <>
      <Card
        title={title}
        extra={
          <Tag tone={pending ? 'amber' : 'red'} testid={ids.status}>
            {pending ? '待审核' : '未通过'}
          </Tag>
        }
        testid={ids.card}
      >
        <View className='resident-screen__facts'>
          {facts.map((f) => (
            <Fact key={f.label} label={f.label} value={f.value} />
          ))}
        </View>
        {pending ? (
          <Text className='resident-screen__next' data-testid={ids.next}>
            {nextText}
          </Text>
        ) : (
          <View className='resident-screen__reason' data-testid={ids.reason}>
            <Text className='resident-screen__reason-label'>没通过的理由：</Text>
            <Text>{a.reason || '工作人员没有填写理由，请联系社区。'}</Text>
          </View>
        )}
      </Card>
      {pending ? null : (
        <ActionButton kind='primary' size='large' block testid={ids.again} onClick={onAgain}>
          重新申请
        </ActionButton>
      )}
      <ActionButton kind='secondary' block testid={ids.back} onClick={onBack}>
        回到我的
      </ActionButton>
    </>
  )
}

function Fact({ label, value }: ApplicationFact) {
  return (
    <View className='resident-screen__fact'>
      <Text className='resident-screen__fact-label'>{label}</Text>
      <Text className='resident-screen__fact-value'>{value}</Text>
    </View>
  )
}
