import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import './index.scss'

interface FormFieldProps {
  label: string
  name: string
  required?: boolean
  hint?: string
  error?: string
  children: ReactNode
}

/** Label above, control, then the error in words (and red, never red alone). */
export function FormField({ label, name, required, hint, error, children }: FormFieldProps) {
  return (
    <View className={`gz-field${error ? ' gz-field--error' : ''}`} data-testid={`field-${name}`}>
      <View className='gz-field__label'>
        <Text>{label}</Text>
        {required ? <Text className='gz-field__required'>（必填）</Text> : null}
      </View>
      {hint ? <Text className='gz-field__hint'>{hint}</Text> : null}
      <View className='gz-field__control'>{children}</View>
      {error ? (
        <Text className='gz-field__error' data-testid={`field-error-${name}`}>
          {error}
        </Text>
      ) : null}
    </View>
  )
}
