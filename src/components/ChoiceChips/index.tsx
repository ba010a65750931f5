import { Text, View } from '@tarojs/components'
import './index.scss'

export interface Choice<V extends string> {
  value: V
  label: string
}

interface ChoiceChipsProps<V extends string> {
  options: readonly Choice<V>[]
  value: V | ''
  onChange: (value: V) => void
  testidPrefix: string
}

/** One-of-several as big chips; the chosen one is filled and carries a ✓ (not colour alone). */
export function ChoiceChips<V extends string>({ options, value, onChange, testidPrefix }: ChoiceChipsProps<V>) {
  return (
    <View className='gz-chips' role='radiogroup'>
      {options.map((o) => {
        const on = o.value === value
        return (
          <View
            key={o.value}
            className={`gz-chip${on ? ' gz-chip--on' : ''}`}
            role='radio'
            aria-checked={on ? 'true' : 'false'}
            data-testid={`${testidPrefix}-${o.value}`}
            onClick={() => onChange(o.value)}
          >
            <Text>{on ? `✓ ${o.label}` : o.label}</Text>
          </View>
        )
      })}
    </View>
  )
}
