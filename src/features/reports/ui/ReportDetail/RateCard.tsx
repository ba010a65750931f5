import { useState } from 'react'
import { Text, Textarea } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { RatingStars, SCORE_WORDS } from '../RatingStars'

/** 评价处理结果: the reporter's stars and a comment on a resolved report. */
export function RateCard({ busy, error, onRate }: { busy: boolean; error: string | null; onRate: (score: number, comment: string) => Promise<{ ok: boolean }> }) {
  const [score, setScore] = useState(0)
  const [comment, setComment] = useState('')
  return (
    <Card title='评价处理结果' testid='rate-card'>
      <Text className='report-detail__hint'>问题解决了吗？您的评价会让工作人员做得更好。</Text>
      <RatingStars value={score} onChange={setScore} />
      <Textarea
        className='gz-textarea report-detail__input'
        value={comment}
        maxlength={500}
        placeholder={score ? `${SCORE_WORDS[score]}，想说的话（可不填）` : '想说的话（可不填）'}
        onInput={(e) => setComment(e.detail.value)}
        data-testid='rate-comment'
      />
      {error ? (
        <Text className='report-detail__error' data-testid='rate-error'>
          {error}
        </Text>
      ) : null}
      <ActionButton kind='primary' block testid='rate-submit' loading={busy} loadingText='正在提交…' onClick={() => void onRate(score, comment)}>
        提交评价
      </ActionButton>
    </Card>
  )
}
