import { Text, View } from '@tarojs/components'
import type { MotionResultView, MotionView } from '@/domain/motions'
import { quorumNeeded } from '@/domain/motions/tally'

export function Figure({ label, value, testid }: { label: string; value: number; testid: string }) {
  return (
    <View className='motion-result__figure' data-testid={testid}>
      <Text className='motion-result__figure-value'>{value}</Text>
      <Text className='motion-result__figure-label'>{label}</Text>
    </View>
  )
}

/** The quorum in figures (村民委员会组织法 Art. 22), met or not in words, and the legal basis in one line. */
export function QuorumLines({ motion: m, result }: { motion: MotionView; result: MotionResultView }) {
  const households = m.eligibility === 'households'
  const base = households ? result.base.households : result.base.adults
  const need = quorumNeeded(m.eligibility, result.base)
  const have = households ? result.cast.households : result.cast.total
  const unit = households ? '户' : '人'
  return (
    <View className='motion-result__quorum'>
      <Text className={`motion-result__quorum-line motion-result__quorum-line--${result.quorumMet ? 'ok' : 'bad'}`} data-testid='result-quorum'>
        {result.quorumMet ? '✓ 达到法定人数' : '✗ 未达到法定人数'}：{households ? `${have} 户参加，须至少 ${need} 户（三分之二）` : `${have} 人参加，须至少 ${need} 人（过半数）`}，应参加 {base} {unit}
      </Text>
      <Text className='motion-result__law' data-testid='result-law'>
        依据《村民委员会组织法》第二十二条：须有过半数成年村民或三分之二以上户的代表参加，决定经到会人员过半数通过。
      </Text>
    </View>
  )
}
