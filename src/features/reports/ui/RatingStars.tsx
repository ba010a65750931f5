import { Text, View } from '@tarojs/components'
import './RatingStars.scss'

export const SCORE_WORDS = ['', '很不满意', '不满意', '一般', '满意', '非常满意'] as const

interface RatingStarsProps {
  value: number
  /** omitted: read-only */
  onChange?: (score: number) => void
}

/** 1–5 big stars with the score said in words (满意 …), each star a ≥ 48 px target. */
export function RatingStars({ value, onChange }: RatingStarsProps) {
  return (
    <View className='gz-stars' data-testid='rating-stars'>
      <View className='gz-stars__row' role={onChange ? 'radiogroup' : undefined}>
        {[1, 2, 3, 4, 5].map((n) => (
          <View
            key={n}
            className={`gz-stars__star${n <= value ? ' gz-stars__star--on' : ''}`}
            role={onChange ? 'radio' : undefined}
            aria-checked={onChange ? (n === value ? 'true' : 'false') : undefined}
            aria-label={`${n} 星 ${SCORE_WORDS[n]}`}
            data-testid={`star-${n}`}
            onClick={onChange ? () => onChange(n) : undefined}
          >
            <Text>{n <= value ? '★' : '☆'}</Text>
          </View>
        ))}
      </View>
      <Text className='gz-stars__word' data-testid='rating-word'>
        {value ? `${value} 星 · ${SCORE_WORDS[value]}` : onChange ? '请点星星打分' : ''}
      </Text>
    </View>
  )
}
