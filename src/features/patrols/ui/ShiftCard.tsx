import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { Tag } from '@/components/Tag'
import type { ShiftView } from '@/domain/patrols'
import { myStatusTag, seatsText, timeRange } from '../format'
import './ShiftCard.scss'

interface ShiftCardProps {
  shift: ShiftView
  /** 报名 on the card (volunteers, when the shift takes signups) */
  onSignup?: (id: string) => void
  signingUp?: boolean
  /** the answer to a signup from this card */
  result?: { ok: boolean; message: string } | null
  /** committee: 名单 on the card */
  committee?: boolean
  onOpen: (id: string) => void
}

/** One shift in the 巡逻 list: time, title, meeting point, seats, my status; 报名 for volunteers. */
export function ShiftCard({ shift: s, onSignup, signingUp = false, result, committee = false, onOpen }: ShiftCardProps) {
  const mine = myStatusTag(s)
  const full = s.seatsLeft === 0
  return (
    <View className='gz-shift-card' data-testid='shift-card' data-id={s.id}>
      <View className='gz-shift-card__main' hoverClass='gz-shift-card__main--pressed' role='link' onClick={() => onOpen(s.id)}>
        <View className='gz-shift-card__head'>
          <Text className='gz-shift-card__time' data-testid='shift-time'>
            {timeRange(s.startAt, s.endAt)}
          </Text>
          {s.phase === 'ongoing' ? <Tag tone='green'>进行中</Tag> : null}
          {mine ? (
            <Tag tone={mine.tone} testid='shift-my-status'>
              {mine.text}
            </Tag>
          ) : null}
        </View>
        <Text className='gz-shift-card__title' data-testid='shift-title'>
          {s.title}
        </Text>
        {s.meetingPoint ? <Text className='gz-shift-card__meta'>集合：{s.meetingPoint}</Text> : null}
        <View className='gz-shift-card__foot'>
          <Text className={`gz-shift-card__seats${full ? ' gz-shift-card__seats--full' : ''}`} data-testid='shift-seats'>
            {committee ? `已报名 ${s.confirmed}/${s.capacity} 人${s.waitlistLength ? ` · 候补 ${s.waitlistLength} 人` : ''}` : seatsText(s)}
          </Text>
          <Text className='gz-shift-card__go'>{committee ? '名单 ›' : '详情 ›'}</Text>
        </View>
      </View>
      {onSignup && s.can.signup ? (
        <View className='gz-shift-card__action'>
          <ActionButton kind={full ? 'secondary' : 'primary'} block testid='shift-signup' loading={signingUp} loadingText='正在报名…' onClick={() => onSignup(s.id)}>
            {full ? '加入候补' : '报名'}
          </ActionButton>
        </View>
      ) : null}
      {result ? (
        <Text className={`gz-shift-card__result${result.ok ? '' : ' gz-shift-card__result--error'}`} data-testid='shift-signup-result'>
          {result.message}
        </Text>
      ) : null}
    </View>
  )
}
