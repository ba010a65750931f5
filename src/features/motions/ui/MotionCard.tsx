import { Text, View } from '@tarojs/components'
import { percentOf } from '@/components/StatBar'
import { Tag } from '@/components/Tag'
import { MOTION_KIND_LABELS, MOTION_STATUS_LABELS, type MotionSummary } from '@/domain/motions'
import { myStatus, phaseTime, STATUS_TONES, voterUnit, type MotionViewer } from '../format'
import './MotionCard.scss'

interface MotionCardProps {
  motion: MotionSummary
  viewer: MotionViewer
  onOpen: (id: string) => void
}

/** One motion in the 议事 list: phase, kind, title, time left, turnout, result, and what it asks of me. */
export function MotionCard({ motion: m, viewer, onOpen }: MotionCardProps) {
  const mine = myStatus(m, viewer)
  const showTurnout = m.status === 'voting' || m.status === 'closed'
  return (
    <View className='gz-motion-card' hoverClass='gz-motion-card--pressed' role='link' data-testid='motion-card' data-id={m.id} onClick={() => onOpen(m.id)}>
      <View className='gz-motion-card__tags'>
        <Tag tone={STATUS_TONES[m.status]} testid='motion-status'>
          {MOTION_STATUS_LABELS[m.status]}
        </Tag>
        <Tag tone='grey'>{MOTION_KIND_LABELS[m.kind]}</Tag>
        {m.major ? (
          <Tag tone='purple' testid='motion-major'>
            重大事项
          </Tag>
        ) : null}
        {m.status === 'closed' && m.passed !== undefined ? (
          <Tag tone={m.passed ? 'green' : 'red'} testid='motion-passed'>
            {m.passed ? '已通过' : '未通过'}
          </Tag>
        ) : null}
      </View>
      <Text className='gz-motion-card__title' data-testid='motion-title'>
        {m.title}
      </Text>
      <Text className='gz-motion-card__time' data-testid='motion-time'>
        {phaseTime(m)}
      </Text>
      {showTurnout ? (
        <Text className='gz-motion-card__turnout' data-testid='motion-turnout'>
          投票率 {percentOf(m.turnout.cast, m.turnout.eligible)}%（已投 {m.turnout.cast}/{m.turnout.eligible} {voterUnit(m)}）
        </Text>
      ) : null}
      <View className='gz-motion-card__foot'>
        <Text className={`gz-motion-card__mine gz-motion-card__mine--${mine.tone}`} data-testid='motion-my-status'>
          {mine.text}
        </Text>
        <Text className='gz-motion-card__go' aria-hidden='true'>
          ›
        </Text>
      </View>
    </View>
  )
}
