import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import type { ApiError } from '@/services/apiError'

/** The submit button, with the failure and what was kept above it. */
export function Submit({
  submitting,
  submitError,
  label,
  loadingText,
  kept,
  onSubmit,
}: {
  submitting: boolean
  submitError: ApiError | null
  label: string
  loadingText: string
  kept: string
  onSubmit: () => void
}) {
  return (
    <View className='report-form__submit'>
      {submitError ? (
        <View className='gz-banner gz-banner--error' data-testid='submit-error'>
          <Text>没有提交成功：{submitError.message}</Text>
          <Text className='report-form__kept'>{kept}</Text>
        </View>
      ) : null}
      <ActionButton kind='primary' size='large' block loading={submitting} loadingText={loadingText} testid='report-submit' onClick={onSubmit}>
        {label}
      </ActionButton>
    </View>
  )
}
