import { Text, View } from '@tarojs/components'

/** One label–value line of the report's facts. */
export function Fact({ label, value, testid }: { label: string; value: string; testid?: string }) {
  return (
    <View className='report-detail__fact'>
      <Text className='report-detail__fact-label'>{label}</Text>
      <Text className='report-detail__fact-value' data-testid={testid}>
        {value}
      </Text>
    </View>
  )
}
