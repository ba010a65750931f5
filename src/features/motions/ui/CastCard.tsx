import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Dialog } from '@nutui/nutui-react-taro'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { ChoiceChips } from '@/components/ChoiceChips'
import type { Choice, MotionView } from '@/domain/motions'
import { isRetryable, type ApiError } from '@/services/apiError'
import type { Done } from '../useMotion'
import { choiceLabel, choiceOf, choicesOf } from './choices'

interface CastCardProps {
  motion: MotionView
  busy: boolean
  error: ApiError | null
  onCast: (choice: Choice) => Promise<Done<unknown>>
}

/** 表决: pick a choice, confirm (a ballot cannot be changed); the receipt is shown by the detail once cast. */
export function CastCard({ motion, busy, error, onCast }: CastCardProps) {
  const [value, setValue] = useState('')
  const [confirming, setConfirming] = useState(false)
  const [missing, setMissing] = useState(false)

  if (!motion.can.cast) return null

  const cast = async () => {
    await onCast(choiceOf(motion, value))
    setConfirming(false)
  }
  const household = motion.eligibility === 'households'

  return (
    <Card title='我要投票' testid='cast-card'>
      <Text className='motion-detail__hint'>
        {household ? '本次每户一票，由您代表全家投票。' : '每位成年居民一票。'}投出后不能更改。
      </Text>
      <ChoiceChips
        options={choicesOf(motion)}
        value={value}
        onChange={(v) => {
          setValue(v)
          setMissing(false)
        }}
        testidPrefix='cast-choice'
      />
      {missing ? (
        <Text className='motion-detail__error' data-testid='cast-missing'>
          请先选择{motion.kind === 'rules' ? '赞成、反对或弃权' : '一个选项'}
        </Text>
      ) : null}
      {error && !confirming && error.code !== 'ALREADY_VOTED' ? (
        <Text className='motion-detail__error' data-testid='cast-error'>
          {isRetryable(error.code) ? `${error.message}。如果不确定投上没有，请再点一次“投票”：投上了会显示回执码，不会重复计票。` : `没有投成功：${error.message}`}
        </Text>
      ) : null}
      <ActionButton kind='primary' size='large' block testid='cast-submit' onClick={() => (value ? setConfirming(true) : setMissing(true))}>
        投票
      </ActionButton>
      <Dialog
        visible={confirming}
        title='确认投票'
        content={
          <View className='motion-detail__dialog' data-testid='cast-dialog'>
            <Text className='motion-detail__dialog-choice'>您选择：{value ? choiceLabel(motion, value) : ''}</Text>
            <Text>投出后不能更改，也不能撤回。{household ? '这一票代表您全家。' : ''}</Text>
          </View>
        }
        footer={
          <View className='motion-detail__row'>
            <ActionButton kind='secondary' testid='cast-cancel' onClick={() => setConfirming(false)}>
              再想想
            </ActionButton>
            <ActionButton kind='primary' testid='cast-confirm' loading={busy} loadingText='正在投票…' onClick={() => void cast()}>
              确认投票
            </ActionButton>
          </View>
        }
        onClose={() => setConfirming(false)}
      />
    </Card>
  )
}
