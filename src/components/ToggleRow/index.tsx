import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import './index.scss'

interface ToggleRowProps {
  label: string
  hint?: string
  checked: boolean
  onChange: (checked: boolean) => void
  testid: string
  children?: ReactNode
}

/** A whole-row switch (easy to hit) that says 开 or 关 in words. */
export function ToggleRow({ label, hint, checked, onChange, testid, children }: ToggleRowProps) {
  return (
    <View className='gz-toggle'>
      <View
        className='gz-toggle__row'
        role='switch'
        aria-checked={checked ? 'true' : 'false'}
        data-testid={testid}
        onClick={() => onChange(!checked)}
      >
        <View className='gz-toggle__text'>
          <Text className='gz-toggle__label'>{label}</Text>
          {hint ? <Text className='gz-toggle__hint'>{hint}</Text> : null}
        </View>
        <View className='gz-toggle__state'>
          <Text className='gz-toggle__word'>{checked ? '开' : '关'}</Text>
          <View className={`gz-toggle__track${checked ? ' gz-toggle__track--on' : ''}`}>
            <View className='gz-toggle__thumb' />
          </View>
        </View>
      </View>
      {checked && children ? <View className='gz-toggle__more'>{children}</View> : null}
    </View>
  )
}
