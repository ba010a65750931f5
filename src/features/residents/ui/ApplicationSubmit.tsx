import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import type { ApiError } from '@/services/apiError'

/**
 * The foot of an application form: why the last submit failed (the form is kept), then the submit
 * button. `testidPrefix` names the screen: `${prefix}-error`, `${prefix}-submit`.
 */
export function ApplicationSubmit({
  label,
  testidPrefix,
  submitting,
  submitError,
  onSubmit,
  children,
}: {
  /** what the button says, e.g. 提交认证 */
  label: string
  testidPrefix: string
  submitting: boolean
  submitError: ApiError | null
  onSubmit: () => void
  /** a note under the button */
  children?: ReactNode
}) {
  return (
    <View className='resident-screen__submit'>
      {submitError ? (
        <View className='gz-banner gz-banner--error' data-testid={`${testidPrefix}-error`}>
          <Text>没有提交成功：{submitError.message}</Text>
          <Text className='resident-screen__kept'>{`您填写的内容已保存在本机，可以直接再点“${label}”。`}</Text>
        </View>
      ) : null}
      <ActionButton
        kind='primary'
        size='large'
        block
        loading={submitting}
        loadingText='正在提交…'
        testid={`${testidPrefix}-submit`}
        onClick={onSubmit}
      >
        {label}
      </ActionButton>
      {children}
    </View>
  )
}
